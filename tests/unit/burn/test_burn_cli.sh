#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# rawcd burn, drive, blank and toc DEVICE through the real CLI on paths that are no drive: exit status 3
# with the reason and nothing written; bad usage is 2 (DESIGN.md §3). Burns themselves are tested against
# the emulated recorder in the Criterion tests beside this file.
set -euo pipefail
rawcd=${RAWCD_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

expect() { # name, expected status, words the stderr must hold, then the command
	local name=$1 want=$2 words=$3 got=0
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" || got=$?
	if [ "$got" -eq "$want" ] && { [ -z "$words" ] || grep -qF -- "$words" "$tmp/err"; }; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $name: status $got (expected $want), stderr:" >&2
		cat "$tmp/err" >&2
	fi
}

head -c $((2352 * 300)) /dev/zero >"$tmp/a.pcm"
printf 'FILE "a.pcm" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$tmp/t.cue"
printf 'not a drive\n' >"$tmp/plain"

expect "burn onto a regular file" 3 "not a device" "$rawcd" burn "$tmp/t.cue" --device "$tmp/plain"
[ "$(cat "$tmp/plain")" = "not a drive" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the file was written" >&2; }
expect "burn onto /dev/null" 3 "not a SCSI generic device" "$rawcd" burn "$tmp/t.cue" --device /dev/null --simulate
expect "burn onto a missing drive" 3 "no such device" "$rawcd" burn "$tmp/t.cue" --device /dev/sr99
expect "burn without --device" 2 "usage: rawcd burn" "$rawcd" burn "$tmp/t.cue"
expect "burn with a bad write mode" 2 "--write-mode raw8: use raw96r, raw16 or sao" \
	"$rawcd" burn "$tmp/t.cue" --device /dev/null --write-mode raw8
expect "burn in SAO goes to the device (no longer refused)" 3 "not a SCSI generic device" \
	"$rawcd" burn "$tmp/t.cue" --device /dev/null --write-mode sao
expect "burn with a bad speed" 2 "--speed fast" "$rawcd" burn "$tmp/t.cue" --device /dev/null --speed fast
expect "burn of a missing sheet" 2 "missing.cue" "$rawcd" burn "$tmp/missing.cue" --device /dev/null
expect "drive on /dev/null" 3 "not a SCSI generic device" "$rawcd" drive /dev/null
expect "drive on a missing drive" 3 "no such device" "$rawcd" drive /dev/sg99 --json
expect "blank without a type" 2 "exactly one of the two" "$rawcd" blank /dev/null
expect "blank with both types" 2 "exactly one of the two" "$rawcd" blank /dev/null --all --minimal
expect "blank on /dev/null" 3 "not a SCSI generic device" "$rawcd" blank /dev/null --minimal
expect "toc of a missing drive" 3 "no such device" "$rawcd" toc /dev/sr99 --format json
expect "toc of a missing sg device" 3 "no such device" "$rawcd" toc /dev/sg99 --toc-format 5
expect "toc of /dev/zero is a sheet, not a drive" 2 "not a regular file" "$rawcd" toc /dev/zero
expect "burn --help" 0 "" "$rawcd" burn --help
grep -q -- "--write-mode M" "$tmp/out" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: burn --help" >&2; }
grep -q -- "or sao (cue sheet, 2352-byte blocks)" "$tmp/out" && passed=$((passed + 1)) ||
	{ failed=$((failed + 1)); echo "FAIL: burn --help names sao" >&2; }

echo "burn CLI:"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
