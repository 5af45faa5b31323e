#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# rawcd inspect's command line: usage errors and bad input exit 2 with "rawcd: FILE[:LINE]: message" on
# stderr and nothing on stdout; --help; a broken .ccd names its line.
source "$(dirname "$0")/lib.sh"
need jq
cp "$data/isofs-m1.bin" "$tmp/a.bin"

fails() { # NAME WANT-STATUS WORDS ARGS...: rawcd inspect ARGS exits WANT-STATUS, stderr holds WORDS
	local name=$1 want=$2 words=$3 st=0
	shift 3
	"$rawcd" inspect "$@" >"$tmp/out" 2>"$tmp/err" || st=$?
	check "$name: exit $want" [ "$st" = "$want" ]
	check "$name: says \"$words\"" grep -qF -- "$words" "$tmp/err"
	check "$name: nothing on stdout" [ ! -s "$tmp/out" ]
}
fails "no image" 2 "usage: rawcd inspect"
fails "two images" 2 "usage: rawcd inspect" "$tmp/a.bin" "$tmp/a.bin"
fails "--sector-size 2048" 2 "--sector-size 2048: use 2352" "$tmp/a.bin" --sector-size 2048
fails "--first-lba x" 2 "--first-lba x: give an LBA" "$tmp/a.bin" --first-lba x
fails "--first-lba with a sheet" 2 "are for raw images" "$data/isofs-m1.cue" --first-lba 0
fails "a missing raw file" 2 "rawcd: $tmp/none.bin: cannot open" "$tmp/none.bin"
fails "2448-byte sectors in a 2352 file" 2 "not a whole number of sectors" "$tmp/a.bin" --sector-size 2448
printf '[CloneCD]\nVersion=3\n[Disc]\nTocEntries=1\nSessions=1\nbogus line\n' >"$tmp/b.ccd"
fails "a broken .ccd" 2 "rawcd: $tmp/b.ccd:6: expected [Section] or Key=Value" "$tmp/b.ccd"

st=0
"$rawcd" inspect --help >"$tmp/help" || st=$?
check "--help: exit 0 and the usage" bash -c '[ "$0" = 0 ] && grep -q "^Usage: rawcd inspect" "$1"' "$st" "$tmp/help"
check "rawcd --help lists inspect" bash -c '"$0" --help | grep -q "^  inspect "' "$rawcd"
st=0
"$rawcd" inspect "$tmp/a.bin" --quiet >"$tmp/out" 2>&1 || st=$?
check "--quiet: only the verdict line" [ "$st:$(cat "$tmp/out")" = "0:$tmp/a.bin: 302 sectors, no findings" ]
finish
