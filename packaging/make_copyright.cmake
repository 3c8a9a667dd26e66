# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the Debian copyright file: copyright.in with the maintainer's address and the full CC-BY-NC-4.0 text (from
# the images the set-up extracted, images/CC-BY-NC.txt) as a machine-readable License paragraph (each line indented
# by one space, empty lines as " .").
# cmake -DTEMPLATE=… -DLICENCE_TEXT=… -DEMAIL=… -DOUTPUT=… -P make_copyright.cmake
if(NOT EXISTS "${LICENCE_TEXT}")
  message(FATAL_ERROR "${LICENCE_TEXT} is missing: run scripts/run or scripts/test once to extract the example images")
endif()
file(READ "${LICENCE_TEXT}" text)
string(REPLACE "\r" "" text "${text}")
string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}")    # no trailing blanks
string(REGEX REPLACE "\n+$" "" text "${text}")           # no empty lines at the end
string(REPLACE "\n" "\n " body " ${text}")              # every line indented by one space
# An empty line is " ." (twice: the first pass cannot match the second of two adjacent empty lines).
string(REGEX REPLACE "\n \n" "\n .\n" body "${body}")
string(REGEX REPLACE "\n \n" "\n .\n" body "${body}")
set(THS_CC_BY_NC_TEXT "${body}")
set(THS_MAINTAINER_EMAIL "${EMAIL}")
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
