#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the clean Debian 12 root made by clean_root_test.sh (as root there). $THS_VERSION: the current .deb's.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { printf '[inside %s] %s\n' "$(date +%T)" "$*"; }
fail() { printf '[inside] FAIL: %s\n' "$*"; exit 1; }
user_env=(runuser -u tester -- env -i PATH=/usr/bin:/bin HOME=/home/tester LC_ALL=C.UTF-8)
as_user() { "${user_env[@]}" "$@"; }
# Background processes run as `setsid "${user_env[@]}" … &`: in their own process group (its id is $!), so that they
# and their children (xvfb-run's Xvfb) stop together with kill -TERM -- -$!.

log "apt-get update; the test's own tools (Xvfb)"
apt-get update -qq
apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
useradd -m tester

installed_kib() { dpkg-query -W -f '${Installed-Size}\n' | awk '{s += $1} END {print s}'; }
packages_before="$(dpkg-query -W | wc -l)"
kib_before="$(installed_kib)"
log "installing the previous package with apt (dependencies resolved by apt)"
apt-get install -y -qq /tmp/previous.deb >/tmp/apt-previous.log 2>&1 || { cat /tmp/apt-previous.log; fail "apt-get install ./previous.deb"; }
[ "$(dpkg-query -W -f '${Version}' talkinghead-studio)" = "0.0.0+previous" ] || fail "the previous version is not installed"
own_kib="$(dpkg-query -W -f '${Installed-Size}' talkinghead-studio)"
log "installed: the package ${own_kib} KiB; its dependencies $(( $(dpkg-query -W | wc -l) - packages_before - 1 )) packages, $(( ($(installed_kib) - kib_before - own_kib) / 1024 )) MiB"

log "the user's settings and presets"
as_user mkdir -p "/home/tester/.config/Talkinghead Studio" "/home/tester/.local/share/Talkinghead Studio/talkinghead-studio"
as_user sh -c 'printf "[General]\nlanguage=ja\nvariant=separable_float\n" > "/home/tester/.config/Talkinghead Studio/talkinghead-studio.conf"'
as_user sh -c 'printf "{\"my smile\": {\"mouth_aaa_index\": 0.4, \"eye_happy_wink_left_index\": 1.0}}\n" > "/home/tester/.local/share/Talkinghead Studio/talkinghead-studio/expressions.json"'
user_files=("/home/tester/.config/Talkinghead Studio/talkinghead-studio.conf"
            "/home/tester/.local/share/Talkinghead Studio/talkinghead-studio/expressions.json")
sha256sum "${user_files[@]}" > /tmp/user-files.sha256

log "upgrading to the current package ($THS_VERSION) with apt"
apt-get install -y -qq /tmp/current.deb >/tmp/apt-current.log 2>&1 || { cat /tmp/apt-current.log; fail "apt-get install ./current.deb"; }
[ "$(dpkg-query -W -f '${Version}' talkinghead-studio)" = "$THS_VERSION" ] || fail "the upgrade did not install $THS_VERSION"
sha256sum -c --quiet /tmp/user-files.sha256 || fail "the upgrade changed the user's settings or presets"
command -v talkinghead-studio >/dev/null || fail "talkinghead-studio is not on PATH"
[ ! -e /work ] || fail "the root must hold no build or source tree"
cd /tmp

log "the user service as installed (systemd-analyze verify)"
apt-get install -y -qq --no-install-recommends systemd >/dev/null
mkdir -p /tmp/runtime-verify && chmod 700 /tmp/runtime-verify
XDG_RUNTIME_DIR=/tmp/runtime-verify systemd-analyze verify --man=no --user /usr/lib/systemd/user/talkinghead-studio.service \
  || fail "systemd-analyze verify rejects the user unit"

log "render on the bundled default character"
printf '{"tilted": {"head_x_index": 0.5, "mouth_aaa_index": 1.0}}\n' > /tmp/pose.json
chmod 644 /tmp/pose.json
as_user talkinghead-studio render --pose /tmp/pose.json --output /home/tester/render.png --threads 2 2>/tmp/render.err \
  || { cat /tmp/render.err; fail "render"; }
grep -q "^weights: /usr/share/talkinghead-studio/models/separable_float" /tmp/render.err || { cat /tmp/render.err; fail "render did not use the installed weights"; }
[ "$(head -c 8 /home/tester/render.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "render.png is not a PNG"
log "render: $(stat -c %s /home/tester/render.png) bytes"

log "serve, and one result_feed frame over loopback"
# Port 0: any free port (the network namespace is the host's, where other servers may run); serve prints it.
setsid "${user_env[@]}" talkinghead-studio serve --image /usr/share/talkinghead-studio/images/lambda_00.png --port 0 \
  --threads 2 >/tmp/serve.log 2>&1 &
serve_pid=$!
port=""
for _ in $(seq 1 120); do
  port="$(sed -n 's|^Listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' /tmp/serve.log)"
  [ -n "$port" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat /tmp/serve.log; fail "serve exited"; }
  sleep 1
done
[ -n "$port" ] || { cat /tmp/serve.log; fail "serve did not start listening"; }
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n\r\n' "$port" >&3
timeout 180 cat <&3 >/tmp/feed.bin &
feed_pid=$!
for _ in $(seq 1 180); do
  grep -aq IEND /tmp/feed.bin && break
  sleep 1
done
kill "$feed_pid" 2>/dev/null || true
exec 3>&-
kill -TERM -- -"$serve_pid"; wait "$serve_pid" 2>/dev/null || true
head -1 /tmp/feed.bin | grep -q "^HTTP/1.1 200" || { head -c 400 /tmp/feed.bin; cat /tmp/serve.log; fail "result_feed did not answer 200"; }
grep -aq "multipart/x-mixed-replace" /tmp/feed.bin || fail "result_feed is not a multipart stream"
grep -aq "image/png" /tmp/feed.bin && grep -aq IEND /tmp/feed.bin || { cat /tmp/serve.log; fail "no PNG frame arrived from result_feed"; }
log "serve: a frame arrived ($(stat -c %s /tmp/feed.bin) bytes of stream)"

log "studio under Xvfb until the first preview frame"
# A display number unlikely to be in use: X's abstract sockets are shared with the host's network namespace.
setsid "${user_env[@]}" xvfb-run -a -n $((300 + RANDOM % 600)) -s "-screen 0 1280x800x24" talkinghead-studio studio >/tmp/studio.log 2>&1 &
studio_pid=$!
for _ in $(seq 1 300); do
  grep -q "^studio: first preview frame" /tmp/studio.log && break
  kill -0 "$studio_pid" 2>/dev/null || break
  sleep 1
done
grep -q "^studio: first preview frame" /tmp/studio.log || { cat /tmp/studio.log; fail "the studio showed no preview frame"; }
log "$(grep -m1 '^studio: first preview frame' /tmp/studio.log)"
kill -TERM -- -"$studio_pid" 2>/dev/null || true
wait "$studio_pid" 2>/dev/null || true
sleep 2

log "purging the package: nothing of it may be left, the user's files must stay"
# The studio has just saved its recent characters into the settings: what must survive the purge is what is there now.
sha256sum "${user_files[@]}" > /tmp/user-files.sha256
dpkg-query -L talkinghead-studio > /tmp/package-files
apt-get purge -y -qq talkinghead-studio >/tmp/apt-purge.log 2>&1 || { cat /tmp/apt-purge.log; fail "apt-get purge"; }
left=""
while IFS= read -r path; do
  [ -e "$path" ] && [ ! -d "$path" ] && left+="$path"$'\n'
done < /tmp/package-files
[ -z "$left" ] || fail "files of the package are left after purge: $left"
stray="$(find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /home/tester -o -path /tmp \) -prune -o \
         -iname '*talkinghead*' -print)"
[ -z "$stray" ] || fail "left behind after purge: $stray"
sha256sum -c --quiet /tmp/user-files.sha256 || fail "removing the package changed the user's settings or presets"
log "passed"
