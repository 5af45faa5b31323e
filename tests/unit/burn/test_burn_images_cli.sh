#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# rawcd burn of images, not only sheets, through the real CLI on the emulated recorder (issue 13): a raw96
# image with its lead-in, a pq16 image in raw16, a CloneCD image and a cdrdao TOC file burn (simulated and
# real); an image whose lead-in is shorter than the medium's is refused with the numbers; bad input (a
# size that is no whole number of records, a raw image whose Q says nothing, a cut .sub) is refused with
# the file named and exit 2. The blocks themselves are compared with the sheet's in test_burn_image.c.
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

cd "$tmp"
head -c $((2048 * 300)) /dev/urandom >data.bin
head -c $((2352 * 400)) /dev/urandom >a.pcm
cat >m.cue <<'CUE'
CATALOG 1234567890128
TITLE "Mixed"
PERFORMER "rawcd"
FILE "data.bin" BINARY
  TRACK 01 MODE1/2048
    INDEX 01 00:00:00
FILE "a.pcm" BINARY
  TRACK 02 AUDIO
    TITLE "Song"
    PREGAP 00:02:00
    INDEX 01 00:00:00
CUE
"$rawcd" convert m.cue -o m.raw --format raw96 --lead-in=11625 --lead-out -q
"$rawcd" convert m.cue -o p.raw --format pq16 --lead-in=11625 --lead-out -q
"$rawcd" convert m.cue -o s.raw --format raw96 --lead-in=5000 --lead-out -q
"$rawcd" convert m.cue -o c.img --format clonecd -q
"$rawcd" convert m.cue -o t.bin --format toc -q

dev=emulated:cd-r
expect "raw96 image with its lead-in, simulated" 0 "simulated burning m.raw" "$rawcd" burn m.raw --device $dev --simulate
expect "raw96 image with its lead-in" 0 "sectors from LBA -11625 in raw96r" "$rawcd" burn m.raw --device $dev
expect "pq16 image in raw16" 0 "in raw16 (2368-byte blocks)" "$rawcd" burn p.raw --device $dev --write-mode raw16
expect "CloneCD image" 0 "burned c.ccd" "$rawcd" burn c.ccd --device emulated:cd-rw
expect "cdrdao TOC file" 0 "simulated burning t.toc" "$rawcd" burn t.toc --device $dev --simulate
expect "a lead-in shorter than the medium's" 2 "the image's lead-in starts at LBA -5000" \
	"$rawcd" burn s.raw --device $dev
grep -qF -- "6625 lead-in sectors are missing" err && passed=$((passed + 1)) ||
	{ failed=$((failed + 1)); echo "FAIL: the missing lead-in is counted" >&2; }
grep -qF -- "s.raw" err && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: s.raw is named" >&2; }

# Bad input: refused before the drive is opened or before the first WRITE, the file named, exit 2.
head -c $(( $(stat -c %s m.raw) - 100 )) m.raw >cut.raw
expect "a raw image that is no whole number of records" 2 "cut.raw" "$rawcd" burn cut.raw --device $dev
python3 - <<'PY'
# every Q of the image zeroed (CRC wrong everywhere): the sync patterns say raw96, the Q says nothing
data = bytearray(open("m.raw", "rb").read())
for off in range(2352, len(data), 2448):
    data[off:off + 96] = bytes(96)
open("noq.raw", "wb").write(data)
PY
expect "a raw image whose Q says nothing usable" 2 "noq.raw" "$rawcd" burn noq.raw --device $dev
head -c $(( $(stat -c %s c.sub) - 96 * 50 )) c.sub >c.sub.cut && mv c.sub.cut c.sub
expect "a cut .sub" 2 "50 frames missing" "$rawcd" burn c.ccd --device $dev
grep -qF -- "c.sub" err && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: c.sub is named" >&2; }
expect "a cut .sub with --regenerate-subcode" 0 "burned c.ccd" "$rawcd" burn c.ccd --device $dev --regenerate-subcode

# Multisession: an enhanced CD (audio session, data session) burns session by session; --multi; SAO cannot.
cat >e.cue <<'CUE'
REM SESSION 01
FILE "a.pcm" BINARY
  TRACK 01 AUDIO
    INDEX 01 00:00:00
REM SESSION 02
FILE "data.bin" BINARY
  TRACK 02 MODE1/2048
    INDEX 01 00:00:00
CUE
expect "an enhanced CD burns as two sessions" 0 "session 1 of 2 written" "$rawcd" burn e.cue --device $dev
expect "an enhanced CD, simulated" 0 "session 1 of 2 written" "$rawcd" burn e.cue --device $dev --simulate
expect "--multi on one session" 0 "burned m.cue" "$rawcd" burn m.cue --device $dev --multi
expect "two sessions in SAO are refused" 2 "a multisession disc in SAO is not supported yet" \
	"$rawcd" burn e.cue --device $dev --write-mode sao
grep -q -- "--multi" <("$rawcd" burn --help) && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --help names --multi" >&2; }

echo "burn images CLI:"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
