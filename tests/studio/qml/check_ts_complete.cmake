# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a .ts file has an unfinished or empty translation, or no messages at all (lupdate never ran).
# Usage: cmake -DTS_FILES="a.ts;b.ts" -P check_ts_complete.cmake
set(failures "")
foreach(ts IN LISTS TS_FILES)
  file(READ "${ts}" text)
  get_filename_component(name "${ts}" NAME)
  string(REGEX MATCHALL "<message[ >]" messages "${text}")
  list(LENGTH messages message_count)
  string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${text}")
  list(LENGTH unfinished unfinished_count)
  string(REGEX MATCHALL "<translation>[ \t\r\n]*</translation>|<translation/>|<numerusform>[ \t\r\n]*</numerusform>"
         empty "${text}")
  list(LENGTH empty empty_count)
  message(STATUS "${name}: ${message_count} messages, ${unfinished_count} unfinished, ${empty_count} empty")
  if(message_count EQUAL 0 OR unfinished_count GREATER 0 OR empty_count GREATER 0)
    list(APPEND failures "${name}")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "Incomplete translations: ${failures}")
endif()
