#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the inspect integration tests: tool checks (exit 77 = SKIP), a temporary folder, check().
set -euo pipefail

need() { # TOOL...: skip the test unless every tool is installed
	local tool
	for tool in "$@"; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			echo "SKIP: '$tool' is not installed"
			exit 77
		fi
	done
}

rawcd=${RAWCD_BIN:?RAWCD_BIN must name the rawcd executable (meson test sets it)}
data=${RAWCD_SHARED_TESTDATA:?}/libcdio_libcdio/test/data
paranoia=${RAWCD_SHARED_TESTDATA:?}/libcdio_libcdio-paranoia/test/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # NAME COMMAND...: count a pass when the command succeeds
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

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

inspect() { # OUT-JSON ARGS...: rawcd inspect --json ARGS > OUT-JSON; prints the exit status
	local out=$1 st=0
	shift
	"$rawcd" inspect --json "$@" >"$out" 2>"$out.err" || st=$?
	echo "$st"
}

# The Mode 2 image of the acceptance list: videocd.nrg's 1126 sectors of 2336 bytes as a MODE2/2336
# sheet, converted by rawcd to MODE2/2352: $tmp/vcd.bin and $tmp/vcd.cue.
make_vcd() {
	dd if="$data/videocd.nrg" of="$tmp/vcd2336.bin" bs=2336 count=1126 status=none
	printf 'FILE "vcd2336.bin" BINARY\n  TRACK 01 MODE2/2336\n    INDEX 01 00:00:00\n' >"$tmp/vcd2336.cue"
	"$rawcd" convert "$tmp/vcd2336.cue" -o "$tmp/vcd.bin" --quiet
}
