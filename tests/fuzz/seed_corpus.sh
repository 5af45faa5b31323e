#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# seed_corpus.sh HARNESS DIR: fill DIR with seed inputs for a fuzz harness, made at run time from
# ../shared/testdata (never copied into this repository) and, for the TOC and .ccd harnesses, from what
# the rawcd CLI ($RAWCD_BIN, else build/src/cli/rawcd) writes for those sheets. Files are named by their
# SHA-1, so repeats collapse. Prints the number of seeds.
#   fuzz_cue           every *.cue (any case) and libcue's oss-fuzz corpus
#   fuzz_tocfile       every *.toc (cdrdao TOC files: cdrdao's testtocs, libcdio's, whipper's, cuetools')
#   fuzz_toc_response  READ TOC formats 0/1/2 (LBA and MSF) of every sheet whose files are all
#                      BINARY/MOTOROLA (faked as sparse files), format 5 of those with CD-TEXT, and
#                      the .cdt files as format-5 responses; first byte = format | msf << 2 (3: format 5)
#   fuzz_sector        4-sector chunks of isofs-m1.bin (Mode 1), of videocd.nrg (Mode 2 Form 1/2, found
#                      by their sync) and of cdda.bin (audio); SBITools' .lsd Q records as raw P-W
#   fuzz_ccd           the .ccd rawcd convert --format clonecd writes for a few sheets (one with CD-TEXT)
#   fuzz_rawimage      raw96 and pq16 images rawcd convert writes of a few small sheets (audio and Mode 1,
#                      INDEX 00/02, two sessions), with and without a lead-in, and a few cut and spoilt
#                      copies (first records dropped, one Q byte changed)
#   fuzz_mmc           hand-made drive answers (mmc.h, DESIGN.md §5): GET CONFIGURATION profile list and
#                      features 002Eh/002Dh, fixed and descriptor sense, INQUIRY, pages 2Ah/05h, disc and
#                      track information, ATIP, buffer capacity, sub-channel; first byte = decoder
set -euo pipefail

harness=${1:?usage: seed_corpus.sh HARNESS DIR}
dir=${2:?usage: seed_corpus.sh HARNESS DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${RAWCD_SHARED_TESTDATA:-$here/../../../shared/testdata}
rawcd=${RAWCD_BIN:-$here/../../build/src/cli/rawcd}
if [ ! -d "$shared" ]; then
	echo "seed_corpus: no shared test data at $shared" >&2
	exit 1
fi
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

add() { # FILE: copy into DIR under its SHA-1
	local sum
	sum=$(sha1sum <"$1" | cut -c1-40)
	cp "$1" "$dir/$sum"
}

# prefix BYTE FILE OUT: OUT = one byte (decimal) then FILE
prefix() {
	printf "\\$(printf '%03o' "$1")" >"$3"
	cat "$2" >>"$3"
}

# Sheets whose FILEs are all BINARY or MOTOROLA, each copied into its own folder with its files faked
# as sparse files that share 600 MB between them (fine for the lengths of real discs).
fake_discs() {
	local n=0 sheet d names count size
	while IFS= read -r -d '' sheet; do
		grep -aiq '^[[:space:]]*FILE' "$sheet" || continue
		# (grep without -q after a pipe: an early exit would kill the first grep, and pipefail see it.)
		grep -aiE '^[[:space:]]*FILE' "$sheet" | grep -aivE '(BINARY|MOTOROLA)[[:space:]]*$' >/dev/null && continue
		n=$((n + 1))
		d=$work/disc$n
		mkdir -p "$d"
		cp "$sheet" "$d/disc.cue"
		names=$(grep -aiE '^[[:space:]]*FILE' "$sheet" | tr -d '\r' |
			sed -nE 's/^[[:space:]]*FILE[[:space:]]+"?([^"]*[^" ])"?[[:space:]]+[A-Za-z]+[[:space:]]*$/\1/Ip')
		count=$(printf '%s\n' "$names" | grep -c . || true)
		[ "$count" -gt 0 ] || continue
		size=$((600000000 / count / 2352 * 2352))
		while IFS= read -r name; do
			case "$name" in */* | .*) continue ;; esac
			truncate -s "$size" "$d/$name" 2>/dev/null || true
		done <<<"$names"
		echo "$d/disc.cue"
	done < <(find "$shared" -iname '*.cue' -type f -print0)
}

case "$harness" in
fuzz_cue)
	while IFS= read -r -d '' f; do add "$f"; done < <(find "$shared" -iname '*.cue' -type f -print0)
	while IFS= read -r -d '' f; do add "$f"; done < <(find "$shared/lipnitsk_libcue/oss-fuzz" -type f -print0)
	;;
fuzz_tocfile)
	while IFS= read -r -d '' f; do add "$f"; done < <(find "$shared" -iname '*.toc' -type f -print0)
	;;
fuzz_toc_response)
	[ -x "$rawcd" ] || { echo "seed_corpus: rawcd not built at $rawcd" >&2; exit 1; }
	while IFS= read -r sheet; do
		for format in 0 1 2; do
			for msf in 0 1; do
				opt=()
				[ "$msf" = 1 ] && opt=(--msf)
				"$rawcd" toc "$sheet" --format binary --toc-format $format "${opt[@]}" >"$work/r" 2>/dev/null ||
					continue
				prefix $((format | msf << 2)) "$work/r" "$work/s"
				add "$work/s"
			done
		done
		if "$rawcd" toc "$sheet" --format binary --toc-format 5 >"$work/r" 2>/dev/null && [ -s "$work/r" ]; then
			prefix 3 "$work/r" "$work/s"
			add "$work/s"
		fi
	done < <(fake_discs)
	# .cdt files: packs (and a NUL) without the 4-byte header; give them one.
	while IFS= read -r -d '' f; do
		size=$(stat -c %s "$f")
		packs=$((size / 18 * 18))
		len=$((packs + 2))
		printf "\\003\\$(printf '%03o' $((len >> 8 & 255)))\\$(printf '%03o' $((len & 255)))\\000\\000" >"$work/s"
		head -c "$packs" "$f" >>"$work/s"
		add "$work/s"
	done < <(find "$shared" -iname '*.cdt' -type f -print0)
	;;
fuzz_sector)
	python3 - "$shared" "$work" <<'PY'
import os, struct, sys
shared, work = sys.argv[1], sys.argv[2]
out = []
def seed(lba, kind, body):
    out.append(struct.pack("<iB", lba, kind) + body)
def find(name):
    for root, _, files in os.walk(shared):
        if name in files:
            return os.path.join(root, name)
SYNC = b"\x00" + b"\xff" * 10 + b"\x00"
iso = find("isofs-m1.bin")
if iso:
    data = open(iso, "rb").read()
    n = len(data) // 2352
    for first in (0, 16, 17, 150, n // 2, n - 4):
        seed(first, 1, data[first * 2352:(first + 4) * 2352])
nrg = find("videocd.nrg")
if nrg:
    data = open(nrg, "rb").read()
    pos, taken = data.find(SYNC), 0
    while pos >= 0 and taken < 8:
        m, s, f = (int("%x" % b) for b in data[pos + 12:pos + 15])
        lba = (m * 60 + s) * 75 + f - 150
        seed(lba, 1, data[pos:pos + 4 * 2352])
        taken += 1
        pos = data.find(SYNC, pos + 4 * 2352 * 40)
cdda = find("cdda.bin")
if cdda:
    data = open(cdda, "rb").read()
    seed(0, 1, data[2352 * 10:2352 * 14])
for root, _, files in os.walk(shared):
    for name in files:
        if not name.lower().endswith(".lsd"):
            continue
        recs = open(os.path.join(root, name), "rb").read()
        body = b""
        for i in range(0, len(recs) - 14, 15):
            q = recs[i + 3:i + 15]
            raw = bytearray(96)
            for b in range(96):
                if q[b // 8] >> (7 - b % 8) & 1:
                    raw[b] |= 0x40
            body += bytes(raw)
        m, s, f = (int("%x" % b) for b in recs[0:3])
        seed((m * 60 + s) * 75 + f - 150, 0, body[:96 * 16])
for i, s in enumerate(out):
    open(os.path.join(work, "seed%03d" % i), "wb").write(s)
PY
	for f in "$work"/seed*; do [ -e "$f" ] && add "$f"; done
	;;
fuzz_ccd)
	[ -x "$rawcd" ] || { echo "seed_corpus: rawcd not built at $rawcd" >&2; exit 1; }
	n=0
	while IFS= read -r sheet; do
		n=$((n + 1))
		[ $n -le 12 ] || continue # (not break: fake_discs must finish before the clean-up)
		# Real conversions need real lengths: shrink the fake files to 2 MB each first.
		for f in "$(dirname "$sheet")"/*; do
			[ "$f" = "$sheet" ] || truncate -s $((900 * 2352)) "$f"
		done
		"$rawcd" convert "$sheet" -o "$work/out$n" --format clonecd --quiet 2>/dev/null || continue
		add "$work/out$n.ccd"
		rm -f "$work/out$n".*
	done < <(fake_discs)
	# One with CD-TEXT and one with DataTracksScrambled=1, so that seeds reach [CDText] and the scrambled flag.
	mkdir -p "$work/cdt"
	truncate -s $((400 * 2352)) "$work/cdt/a.bin"
	printf 'TITLE "Seed"\nPERFORMER "rawcd"\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    TITLE "One"\n    INDEX 01 00:00:00\n' \
		>"$work/cdt/t.cue"
	if "$rawcd" convert "$work/cdt/t.cue" -o "$work/cdt/o" --format clonecd --quiet 2>/dev/null; then
		add "$work/cdt/o.ccd"
		sed 's/^DataTracksScrambled=0/DataTracksScrambled=1/' "$work/cdt/o.ccd" >"$work/cdt/scrambled.ccd"
		add "$work/cdt/scrambled.ccd"
	fi
	;;
fuzz_rawimage)
	[ -x "$rawcd" ] || { echo "seed_corpus: rawcd not built at $rawcd" >&2; exit 1; }
	head -c $((8 * 2352)) /dev/urandom >"$work/a.bin"
	head -c $((4 * 2048)) /dev/zero >"$work/d.iso"
	printf 'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    INDEX 00 00:00:03\n    INDEX 01 00:00:04\n    INDEX 02 00:00:06\n' >"$work/a.cue"
	printf 'CATALOG 0123456789012\nFILE "d.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\nFILE "a.bin" BINARY\n  TRACK 02 AUDIO\n    ISRC USABC9912345\n    INDEX 01 00:00:00\n' >"$work/m.cue"
	printf 'REM SESSION 01\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\nREM LEAD-OUT 00:00:04\nREM SESSION 02\nREM LEAD-IN 00:00:05\nFILE "d.iso" BINARY\n  TRACK 02 MODE1/2048\n    INDEX 01 00:00:00\n' >"$work/s.cue"
	n=0
	for sheet in a m s; do
		for args in "--format raw96" "--format pq16" "--format raw96 --lead-in=160 --lead-out=3" \
			"--format pq16 --lead-in=155 --lead-out=2"; do
			n=$((n + 1))
			# shellcheck disable=SC2086
			(cd "$work" && "$rawcd" convert "$sheet.cue" -o "img$n" $args --quiet 2>/dev/null) || continue
			add "$work/img$n"
		done
	done
	# Cut and spoilt copies of the first image with a lead-in (records of 2448 bytes).
	tail -c +$((2448 * 100 + 1)) "$work/img3" >"$work/cut" && add "$work/cut"
	cp "$work/img3" "$work/spoilt" && printf '\x55' | dd of="$work/spoilt" bs=1 seek=$((2448 * 170 + 2352 + 20)) \
		conv=notrunc status=none && add "$work/spoilt"
	rm -f "$work"/img* "$work/cut" "$work/spoilt"
	;;
fuzz_mmc)
	python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
def be16(v): return bytes([v >> 8 & 255, v & 255])
def be32(v): return bytes([v >> 24 & 255, v >> 16 & 255, v >> 8 & 255, v & 255])
def feature(code, current, payload): return be16(code) + bytes([0x08 | current, len(payload)]) + payload
def config(current_profile, *features):
    body = b"".join(features)
    return be32(4 + len(body)) + b"\0\0" + be16(current_profile) + body
profiles = feature(0, 1, b"".join(be16(p) + bytes([c, 0]) for p, c in ((0x0A, 0), (0x09, 1), (0x08, 0))))
seeds = {
    0: [config(9, profiles), config(0, profiles)],
    1: [config(9, feature(0x2E, 1, bytes([0x7D, 0, 0x10, 0])))],
    2: [config(9, feature(0x2D, 1, bytes([0x5F, 0, 0x00, 0x4F])))],
    3: [bytes([0x70, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x04, 0x08, 0, 0, 0, 0]),
        bytes([0xF0, 0, 0x03, 0, 0, 0x12, 0x34, 10, 0, 0, 0, 0, 0x0C, 0x09, 0, 0x80, 0x40, 0]),
        bytes([0x72, 0x05, 0x24, 0x00, 0, 0, 0, 12, 0x00, 0x0A, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34]),
        bytes([0x70, 0, 0x06, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x28, 0x00])],
    4: [bytes([5, 0x80, 5, 2, 31, 0, 0, 0]) + b"ACME    " + b"CD-RW 52x       " + b"1.00"],
    5: [be16(26) + bytes(6) + bytes([0x2A, 20, 0x3F, 0x3F, 0x71, 0x23, 0x29, 0x23]) + bytes(14)],
    6: [be16(58) + bytes(6) + bytes([0x05, 0x32, 0x43, 0x00, 0x03, 0, 0, 0, 0x20]) + bytes(43)],
    7: [be16(32) + bytes([0x0E, 1, 1, 1, 1, 0x20]) + bytes(26)],
    8: [be16(26) + bytes(2) + bytes([0x80, 0, 0, 0, 0x61, 0x1A, 0x42, 0, 0x4F, 0x3B, 0x4A, 0]) + bytes(12)],
    9: [be16(46) + bytes([1, 1, 1, 0, 0x04, 0x40]) + be32(0) + be32(0) + be32(0) + be32(0) + be32(300000) + bytes(18)],
    10: [be16(10) + bytes(2) + be32(4 * 1024 * 1024) + be32(1024 * 1024)],
    11: [bytes([0, 0x15]) + be16(12) + bytes([1, 0x10, 1, 1]) + be32(1000) + be32(850)],
}
n = 0
for selector, answers in seeds.items():
    for a in answers:
        open(os.path.join(work, "seed%03d" % n), "wb").write(bytes([selector]) + a)
        n += 1
PY
	for f in "$work"/seed*; do [ -e "$f" ] && add "$f"; done
	;;
*)
	echo "seed_corpus: no harness '$harness'" >&2
	exit 2
	;;
esac
ls "$dir" | wc -l
