#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the convert integration tests: tool checks (exit 77 = SKIP), a temporary folder $tmp
# removed on exit, check(), finish().
set -euo pipefail

need() { # TOOL...: skip the test unless every tool is installed
	local t packages=()
	for t in "$@"; do
		case $t in
		cd-info) packages+=(libcdio-utils) ;;
		cmp) packages+=(diffutils) ;;
		prlimit) packages+=(util-linux) ;;
		sha256sum) packages+=(coreutils) ;;
		*) packages+=("$t") ;;
		esac
	done
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1; then
			echo "SKIP: '$t' is not installed (apt-get install ${packages[*]})"
			exit 77
		fi
	done
}

rawcd=${RAWCD_BIN:?RAWCD_BIN must name the rawcd executable (meson test sets it)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		echo "ok: $name"
	else
		failed=$((failed + 1))
		echo "FAIL: $name" >&2
	fi
}

finish() { # the summary line; true when nothing failed
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
