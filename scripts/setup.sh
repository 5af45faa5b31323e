#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared set-up of demo.sh and test.sh: install what is missing with apt-get (Debian 12), then configure
# and build into build/ (or $RAWCD_BUILD_DIR). Source it; pass extra `meson setup` options in
# RAWCD_MESON_OPTIONS.
set -euo pipefail

RAWCD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RAWCD_BUILD_DIR=${RAWCD_BUILD_DIR:-$RAWCD_ROOT/build}

# What building needs, what the tests need, and the peers the integration tests compare against.
build_packages=(gcc meson ninja-build pkg-config libcue-dev libxxhash-dev libsndfile1-dev libjson-c-dev
	libdiscid-dev libssl-dev zlib1g-dev scdoc)
test_packages=(libcriterion-dev jq xxd python3 bc xxhash libarchive-zip-perl man-db groff-base zsh)
peer_packages=(cdrdao libcdio-utils bchunk xorriso sox flac mame-tools wodim)

install_missing() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || { echo "rawcd: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
		sudo=sudo
	fi
	echo "rawcd: installing ${missing[*]}" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

configure_and_build() {
	if [ ! -f "$RAWCD_BUILD_DIR/build.ninja" ]; then
		# shellcheck disable=SC2086
		meson setup "$RAWCD_BUILD_DIR" "$RAWCD_ROOT" -Dwerror=true ${RAWCD_MESON_OPTIONS:-} >/dev/null
	fi
	ninja -C "$RAWCD_BUILD_DIR" >/dev/null
}
