#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert on bad input and failing output (DESIGN.md §3: 2 bad usage or input, 3 I/O failure).
# For every case: the exit status, a message on stderr naming the file (and FILE:LINE where there is
# a line), and afterwards the input and output folders exactly as before, hidden files included (no
# OUT.bin, no OUT.cue, no temporary .NAME.rawcd-XXXXXX, every input file unchanged by checksum).
#
#  - a missing sheet; a sheet whose FILE is missing                         exit 2
#  - a BIN shorter than its INDEX lines                                     exit 2
#  - a 48 kHz WAVE                                                          exit 2
#  - an output folder that does not exist                                   exit 2
#  - OUT naming the BIN the sheet reads (also by another path, or through a symbolic link, with
#    --force); OUT whose .cue would be the input sheet                      exit 2
#  - -o x.cue                                                               exit 2
#  - an existing OUT.bin or OUT.cue without --force                         exit 2, kept as it was
#  - the same with --force                                                  exit 0, replaced
#  - a write that fails half way (prlimit --fsize=1000000, 2.4 MB disc)     exit 3, "size limit";
#    also with --force over an existing OUT: exit 3 and the old files kept
#
# Needs sox, prlimit (util-linux) and sha256sum; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need sox prlimit sha256sum

in=$tmp/in out=$tmp/out
mkdir "$in" "$out" "$tmp/log"

# Inputs. a.bin: 700 audio sectors, two tracks of 375 and 325 sectors.
head -c $((700 * 2352)) /dev/urandom >"$in/a.bin"
cat >"$in/ok.cue" <<'EOF'
FILE "a.bin" BINARY
  TRACK 01 AUDIO
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    INDEX 01 00:05:00
EOF
# INDEX 01 of track 02 at 00:10:00 = sector 750, past the 700 sectors of a.bin (line 5).
sed 's/INDEX 01 00:05:00/INDEX 01 00:10:00/' "$in/ok.cue" >"$in/trunc.cue"
printf 'FILE "missing.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$in/missing.cue"
sox -D -R -n -r 48000 -c 2 -b 16 -e signed-integer "$in/w48.wav" synth 5 sine 440 gain -12
printf 'FILE "w48.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$in/w48.cue"
# 1000 sectors of Mode 1 data: a 2,352,000-byte image, more than prlimit's 1,000,000 bytes.
head -c $((1000 * 2048)) /dev/urandom >"$in/big.iso"
printf 'FILE "big.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n' >"$in/big.cue"

# Both folders, every entry (hidden ones too) with its size and checksum.
snapshot() {
	(cd "$tmp" && find in out -printf '%p %y %s\n' | sort &&
		find in out -type f -exec sha256sum {} + | sort -k 2)
}

case_no=0
# expect NAME STATUS REGEX COMMAND...: COMMAND exits STATUS, its stderr matches the extended REGEX,
# and both folders are as before (the caller sets up files first).
expect() {
	local name=$1 want=$2 regex=$3 st=0
	shift 3
	case_no=$((case_no + 1))
	local err="$tmp/log/$case_no.err"
	snapshot >"$tmp/log/before"
	"$@" >/dev/null 2>"$err" || st=$?
	snapshot >"$tmp/log/after"
	check "$name: exit $want" [ "$st" = "$want" ]
	check "$name: message" grep -Eq -- "$regex" "$err"
	check "$name: nothing left behind, inputs unchanged" diff -u "$tmp/log/before" "$tmp/log/after"
	if [ "$st" != "$want" ] || ! grep -Eq -- "$regex" "$err"; then
		echo "  command: $*" >&2
		echo "  exit $st, stderr:" >&2
		sed 's/^/    /' "$err" >&2
	fi
	# Remove whatever this case left, so that it cannot hide what the next case leaves.
	comm -13 <(paths "$tmp/log/before") <(paths "$tmp/log/after") | tac | while read -r p; do
		rm -rf "${tmp:?}/$p"
	done
}
paths() { awk 'NF == 3 { print $1 }' "$1" | sort; }

cd "$in"
expect "missing sheet" 2 '^rawcd: [^ ]*none\.cue: ' \
	"$rawcd" convert none.cue -o "$out/x.bin"
expect "missing BIN" 2 '^rawcd: [^ ]*missing\.cue:1: .*missing\.bin' \
	"$rawcd" convert missing.cue -o "$out/x.bin"
expect "BIN shorter than its indexes" 2 '^rawcd: [^ ]*trunc\.cue:5: .*a\.bin' \
	"$rawcd" convert trunc.cue -o "$out/x.bin"
expect "48 kHz WAVE" 2 '^rawcd: [^ ]*w48\.cue:1: .*w48\.wav.*48000' \
	"$rawcd" convert w48.cue -o "$out/x.bin"
expect "missing output folder" 2 '^rawcd: .*nodir' \
	"$rawcd" convert ok.cue -o "$out/nodir/x.bin"
expect "OUT is the BIN the sheet reads" 2 '^rawcd: .*a\.bin' \
	"$rawcd" convert ok.cue -o a.bin
expect "OUT is the BIN the sheet reads (by another path, with --force)" 2 '^rawcd: .*a\.bin' \
	"$rawcd" convert ok.cue -o "$in/../in/a.bin" --force
ln -s ../in/a.bin "$out/link.bin"
expect "OUT is a symbolic link to the BIN the sheet reads (with --force)" 2 '^rawcd: .*link\.bin' \
	"$rawcd" convert ok.cue -o "$out/link.bin" --force
rm "$out/link.bin"
expect "OUT.cue would be the input sheet" 2 '^rawcd: .*ok\.cue' \
	"$rawcd" convert ok.cue -o ok.bin --force
expect "-o x.cue" 2 '^rawcd: .*x\.cue' \
	"$rawcd" convert ok.cue -o "$out/x.cue"

# An existing OUT.bin, then an existing OUT.cue alone, without --force: refused, kept as they were.
echo "old image" >"$out/x.bin"
expect "existing OUT.bin without --force" 2 '^rawcd: .*x\.bin.*--force' \
	"$rawcd" convert ok.cue -o "$out/x.bin"
rm "$out/x.bin"
echo "old sheet" >"$out/x.cue"
expect "existing OUT.cue without --force" 2 '^rawcd: .*x\.cue.*--force' \
	"$rawcd" convert ok.cue -o "$out/x.bin"

# With --force: replaced (the image is a.bin itself, as the sheet is plain 2352-byte audio).
echo "old image" >"$out/x.bin"
st=0
"$rawcd" convert ok.cue -o "$out/x.bin" --force --quiet 2>"$tmp/log/force.err" || st=$?
check "existing OUT with --force: exit 0" [ "$st" = 0 ]
check "existing OUT with --force: OUT.bin replaced" cmp "$out/x.bin" "$in/a.bin"
check "existing OUT with --force: OUT.cue replaced" grep -qx 'FILE "x.bin" BINARY' "$out/x.cue"
check "existing OUT with --force: no other file" [ "$(cd "$out" && ls -A | tr '\n' ' ')" = "x.bin x.cue " ]

# A write that fails half way: the file size limit stops the image at 1,000,000 bytes (SIGXFSZ must
# not kill rawcd: write() fails with EFBIG and rawcd reports it).
expect "write past the file size limit, over existing files with --force" 3 '^rawcd: .*x\.bin.*size limit' \
	prlimit --fsize=1000000 "$rawcd" convert big.cue -o "$out/x.bin" --force
rm -f "$out/x.bin" "$out/x.cue"
expect "write past the file size limit" 3 '^rawcd: .*big\.bin.*size limit' \
	prlimit --fsize=1000000 "$rawcd" convert big.cue -o "$out/big.bin"
# The same disc without the limit works (so the limit is what failed).
st=0
"$rawcd" convert big.cue -o "$out/big.bin" --quiet 2>/dev/null || st=$?
check "the same disc without the limit: exit 0, $((1000 * 2352)) bytes" \
	[ "$st.$(stat -c %s "$out/big.bin" 2>/dev/null)" = "0.$((1000 * 2352))" ]

finish
