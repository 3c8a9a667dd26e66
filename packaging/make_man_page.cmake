# SPDX-License-Identifier: GPL-3.0-or-later
# Generates talkinghead-studio.1.gz from the program's own help: help2man reads `talkinghead-studio --help` and
# `--version`; every subcommand's `--help` (the commands are read from the top-level help) goes into a COMMANDS
# section, and man_extra.h2m adds the files and the service.
# cmake -DPROGRAM=… -DEXTRA=… -DWORK_DIR=… -DOUTPUT=… -P make_man_page.cmake
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
# `studio --help` creates a QGuiApplication: the offscreen platform needs no display.
set(ENV{QT_QPA_PLATFORM} offscreen)
# Qt writes the help in the locale's encoding: UTF-8, whatever the build's environment.
set(ENV{LC_ALL} C.UTF-8)
execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE usage RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()
string(REGEX MATCHALL "\n  [a-z][a-z-]+ " command_lines "${usage}")
set(sections "[COMMANDS]\n")
foreach(line IN LISTS command_lines)
  string(STRIP "${line}" command)
  execute_process(COMMAND "${PROGRAM}" ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${rc})")
  endif()
  # Qt prints the executable's path in "Usage:"; the page shows how it is typed.
  string(REPLACE "Usage: ${PROGRAM} " "Usage: talkinghead-studio ${command} " help "${help}")
  # roff: backslashes escaped; a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND sections ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
file(READ "${EXTRA}" extra)
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/commands.h2m" "${sections}\n${extra}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --locale=C.UTF-8 --section=1 --name "animate an anime character from one image (studio, API server, tools)"
          --include "${WORK_DIR}/commands.h2m" --output "${WORK_DIR}/talkinghead-studio.1" "${PROGRAM}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
# -n: no name or time stamp in the archive, so the package is reproducible.
execute_process(COMMAND "${GZIP}" -9nf "${WORK_DIR}/talkinghead-studio.1" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed (${rc})")
endif()
file(RENAME "${WORK_DIR}/talkinghead-studio.1.gz" "${OUTPUT}")
