#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Set up (install missing packages, build into build/) and run rawcd's main job on the shipped example:
# the expected TOC of testdata/example/example.cue (a small ISO 9660 data track and an audio track).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing "${build_packages[@]}"
configure_and_build
sheet=$RAWCD_ROOT/testdata/example/example.cue
echo "\$ rawcd toc testdata/example/example.cue"
"$RAWCD_BUILD_DIR/src/cli/rawcd" toc "$sheet"
