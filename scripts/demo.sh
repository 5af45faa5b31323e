#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Set up (install missing packages, build into build/) and run rawcd's main job on the shipped example
# (testdata/example: a small ISO 9660 data track and a FLAC audio track): convert it into a raw BIN/CUE
# image in build/demo/, then print the TOC of the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing "${build_packages[@]}"
configure_and_build
rawcd=$RAWCD_BUILD_DIR/src/cli/rawcd
out=$RAWCD_BUILD_DIR/demo
mkdir -p "$out"
echo "\$ rawcd convert testdata/example/example.cue -o build/demo/example.bin --force"
"$rawcd" convert "$RAWCD_ROOT/testdata/example/example.cue" -o "$out/example.bin" --force
echo
echo "\$ rawcd toc build/demo/example.cue"
"$rawcd" toc "$out/example.cue"
