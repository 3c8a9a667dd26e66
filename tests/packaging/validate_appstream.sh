#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appstreamcli validate --pedantic, failing on any finding (errors, warnings, infos and pedantic hints alike).
# --no-net: the URLs are not fetched (the screenshot is published with a release; see README, "Install the package").
set -eu
out="$(appstreamcli validate --pedantic --no-net --no-color "$1" 2>&1)" || { echo "$out"; exit 1; }
echo "$out"
if echo "$out" | grep -Eq '^[EWIP]: '; then
  echo "FAIL: appstreamcli reported findings"
  exit 1
fi
