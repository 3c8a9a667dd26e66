#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install` into a folder, the folder moved elsewhere (a relocated install tree), then:
#   1. the installed files are exactly the expected ones (expected_install_files.txt);
#   2. `render` finds the weights beside the moved program (without --models);
#   3. the user's own models folder (~/.local/share/talkinghead-studio/models/<variant>) is found without flags and
#      renders the same frame;
#   4. --models still chooses, and a folder without the variant is a precise error naming the missing file.
# Usage: install_tree_test.sh BUILD_DIR WORK_DIR EXPECTED_FILES MODELS_DIR
set -eu
build="$1"; work="$2"; expected="$3"; models="$4"
fail() { echo "FAIL: $*"; exit 1; }
if [ ! -f "$models/separable_float/editor.pt" ]; then
  echo "SKIP: the weights are not in $models (scripts/run or scripts/test extracts them)"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work/home"
cmake --install "$build" --prefix "$work/installed" --strip >/dev/null
mv "$work/installed" "$work/moved"
tree="$work/moved"

(cd "$tree" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) > "$work/files.txt"
diff -u "$expected" "$work/files.txt" || fail "the installed files differ from $expected"

# Only the moved tree and the user's folder may serve: no XDG data dirs, a private home.
run() { env HOME="$work/home" XDG_DATA_HOME= XDG_DATA_DIRS="$work/none" "$tree/bin/talkinghead-studio" "$@"; }
printf '{"tilted": {"head_x_index": 0.5, "mouth_aaa_index": 1.0}}\n' > "$work/pose.json"

run render --pose "$work/pose.json" --output "$work/beside.png" --threads 2 2>"$work/beside.err" || { cat "$work/beside.err"; fail "render"; }
grep -qx "weights: $tree/share/talkinghead-studio/models/separable_float" "$work/beside.err" \
  || { cat "$work/beside.err"; fail "the weights beside the program were not used"; }

user_models="$work/home/.local/share/talkinghead-studio/models"
mkdir -p "$user_models"
mv "$tree/share/talkinghead-studio/models/separable_float" "$user_models/"
run render --pose "$work/pose.json" --output "$work/user.png" --threads 2 2>"$work/user.err" || { cat "$work/user.err"; fail "render"; }
grep -qx "weights: $user_models/separable_float" "$work/user.err" || { cat "$work/user.err"; fail "the user's models folder was not used"; }
cmp "$work/beside.png" "$work/user.png" || fail "the same weights rendered a different frame"

mkdir -p "$work/empty"
if run render --pose "$work/pose.json" --output "$work/none.png" --models "$work/empty" 2>"$work/none.err"; then
  fail "render succeeded without weights"
fi
grep -q "$work/empty/separable_float/eyebrow_decomposer.pt is missing" "$work/none.err" \
  || { cat "$work/none.err"; fail "the missing weights were not named"; }
echo "relocated install tree: weights found beside the program and in the user's folder; --models obeyed"
