#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The package on a machine that has never seen this project: a minimal Debian 12 root (mmdebstrap, cached between
# runs), where apt installs a previous .deb of ours with its dependencies, the user saves settings and presets, apt
# upgrades to this .deb, and then, from the installed paths only (the root holds no build or source tree):
# `render` on the bundled default character, `serve` with one result_feed frame over loopback, and `studio` under
# Xvfb until its first preview frame. Finally apt purges the package: none of its files may be left, and the user's
# files must be untouched.
#
# Usage: clean_root_test.sh PACKAGE.deb WORK_DIR
# Needs root (mmdebstrap --mode=root, chroot, mounts in a private mount namespace) and the Debian archive
# ($THS_DEBIAN_MIRROR, default http://deb.debian.org/debian); skips (exit 77) without them.
# The base root is cached in ${XDG_CACHE_HOME:-~/.cache}/talkinghead-studio/clean-root (rebuilt after 7 days), with
# the downloaded .debs, so a second run downloads nothing.
set -euo pipefail
deb="$(realpath "$1")"
work="$2"
mirror="${THS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/talkinghead-studio/clean-root"
skip() { echo "SKIP: $*"; exit 77; }
log() { printf '[clean-root %s] %s\n' "$(date +%T)" "$*"; }

[ "$(id -u)" -eq 0 ] || skip "the clean-root test needs root (mmdebstrap --mode=root, chroot, mounts)"
command -v mmdebstrap >/dev/null || skip "mmdebstrap is not installed (scripts/common.sh installs it)"
python3 - "$mirror" <<'PY' || skip "the Debian archive $mirror is unreachable"
import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/dists/bookworm/InRelease", timeout=20).read(1)
PY

mkdir -p "$cache/archives/partial"
base="$cache/debian12-base.tar"
if [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7)" ]; then
  log "creating the minimal Debian 12 root with mmdebstrap (cached in $base)"
  mmdebstrap --quiet --variant=apt --mode=root bookworm "$base.part.tar" "$mirror"
  mv "$base.part.tar" "$base"
fi

rm -rf "$work"
root="$work/root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# "A previous .deb of ours": this package's contents with an earlier version number (there is no earlier release
# yet), so that the second install is a real upgrade done by apt and dpkg.
version="$(dpkg-deb -f "$deb" Version)"
dpkg-deb -R "$deb" "$work/previous"
sed -i "s/^Version: .*/Version: 0.0.0+previous/" "$work/previous/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -b "$work/previous" "$root/tmp/previous.deb" >/dev/null
rm -rf "$work/previous"
cp "$deb" "$root/tmp/current.deb"
cp "$(dirname "$0")/clean_root_inside.sh" "$root/tmp/inside.sh"

# Private mount and PID namespaces: /proc, /dev, /sys and the .deb cache are mounted for the root only, and every
# process started inside ends with it.
log "entering the root"
unshare --mount --pid --fork bash -euc '
  root="$1"; archives="$2"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mount -t tmpfs tmpfs "$root/run"
  mount --bind "$archives" "$root/var/cache/apt/archives"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    THS_VERSION="$3" /bin/bash /tmp/inside.sh
' clean-root "$root" "$cache/archives" "$version"
log "passed; removing $root"
rm -rf "$root"
