#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Acceptance test of rawcd convert --format clonecd on the mixed disc of
# tests/integration/peers/make_mixed_disc.sh (ISO + WAVE, PREGAP, INDEX 00/02/03, FLAGS, ISRC,
# CATALOG, CD-TEXT):
#  (a) OUT.img, OUT.sub and OUT.ccd, nothing else; OUT.img is the --format bin image byte for byte.
#  (b) OUT.sub is 96 x lead-out bytes; it is the channel-major form (12 bytes P, Q, R .. W) of the
#      subcode of the raw96 image of the same LBAs (raw96 with no lead-in starts at LBA 0; with
#      --lead-in=0 --lead-out=0 it is the same file), so its Q equals raw96's Q in every sector, and it
#      passes decode_subcode.py (Q CRC, TNO/INDEX/times, MCN/ISRC slots, P, zero R-W).
#  (c) OUT.ccd passes check_ccd.py against `rawcd toc --format json`: [CloneCD], [Disc] TocEntries =
#      the [Entry n] count, [Session 1], one [Entry n] per full-TOC descriptor (point, A/P MSF and
#      LBA, control), [TRACK n] with every index (INDEX 1 = start_lba), CATALOG, ISRC, and [CDText]
#      Entries = CDTextLength / 18; its CD-TEXT entries (CRC appended) are the packs that cycle in the
#      lead-in R-W of the raw96 image.
#  (d) the checks can fail: a damaged .sub, a wrong INDEX or TocEntries or a missing CD-TEXT entry in
#      a .ccd copy are rejected.
#
# Needs xorriso, sox, jq, python3 and cmp; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need xorriso sox jq python3 cmp

# --- the disc ------------------------------------------------------------------------------------
mixed_disc
echo "mixed disc: lead-out at LBA $leadout, $(jq '.tracks | length' toc.json) tracks"
check "convert --format bin" convert "$sheet" ref.bin --format bin

# --- (a) the three files -------------------------------------------------------------------------
mkdir cc
check "convert --format clonecd" convert "$sheet" cc/disc --format clonecd
check "clonecd wrote disc.ccd, disc.img and disc.sub only" [ "$(cd cc && ls -A | tr '\n' ' ')" = "disc.ccd disc.img disc.sub " ]
if [ ! -f cc/disc.img ] || [ ! -f cc/disc.sub ] || [ ! -f cc/disc.ccd ]; then
	echo "FAIL: no CloneCD image to check" >&2
	done=yes
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi
check "disc.img = the --format bin image" cmp cc/disc.img ref.bin

# --- (b) the .sub --------------------------------------------------------------------------------
check "disc.sub is 96 x $leadout bytes" size_is cc/disc.sub $((96 * leadout))
check "convert --format raw96 (no lead-in: from LBA 0)" convert "$sheet" zero.raw96 --format raw96
check "convert --format raw96 --lead-in=0 --lead-out=0" convert "$sheet" zero0.raw96 --format raw96 --lead-in=0 --lead-out=0
check "raw96 from LBA 0 is $leadout x 2448 bytes" size_is zero.raw96 $((2448 * leadout))
check "raw96 without --lead-in = raw96 --lead-in=0 --lead-out=0" cmp zero.raw96 zero0.raw96
check "decode_subcode: raw96 from LBA 0" "${decode[@]}" --toc toc.json --format raw96 --first-lba 0 zero.raw96 --dump-q raw.q --dump-p raw.p
check "decode_subcode: disc.sub from LBA 0" "${decode[@]}" --toc toc.json --format sub --first-lba 0 cc/disc.sub --dump-q sub.q --dump-p sub.p
check "disc.sub Q = raw96 Q in every sector" cmp sub.q raw.q
check "disc.sub P = raw96 P in every sector" cmp sub.p raw.p
"${tool[@]}" to-sub zero.raw96 zero.sub
check "disc.sub = raw96's subcode in channel-major form, byte for byte" cmp cc/disc.sub zero.sub
"${tool[@]}" main zero.raw96 2448 0 0 "$leadout" zero.main
check "raw96 main channel = disc.img" cmp zero.main cc/disc.img
rm -f zero0.raw96 zero.main

# --- (c) the .ccd --------------------------------------------------------------------------------
check "check_ccd: disc.ccd against the toc json" "${ccd[@]}" cc/disc.ccd toc.json --packs-out ccd.cdt
check ".ccd has CD-TEXT entries" [ -s ccd.cdt ]
check "convert --format raw96 --lead-in=1000 --lead-out=0" convert "$sheet" lead.raw96 --format raw96 --lead-in=1000 --lead-out=0
check "decode_subcode: raw96 from LBA -1000" "${decode[@]}" --toc toc.json --format raw96 --first-lba -1000 lead.raw96 --cdtext-out lead.cdt
check ".ccd CD-TEXT entries = the packs cycling in the lead-in" cmp ccd.cdt lead.cdt

# --- (d) every check can fail --------------------------------------------------------------------
cp cc/disc.sub bad.sub
"${tool[@]}" mutate bad.sub sub 0 1500 q-bit
must_fail "decoder rejects a Q bit flip in a .sub" "Q CRC" "${decode[@]}" --toc toc.json --format sub --first-lba 0 bad.sub
cp cc/disc.sub bad.sub
"${tool[@]}" mutate bad.sub sub 0 340 p
must_fail "decoder rejects P 0 in a pregap of a .sub" "P 0, want 1" "${decode[@]}" --toc toc.json --format sub --first-lba 0 bad.sub
cp cc/disc.sub bad.sub
"${tool[@]}" mutate bad.sub sub 0 40 rw
must_fail "decoder rejects R-W in a .sub's program area" "R-W not zero" "${decode[@]}" --toc toc.json --format sub --first-lba 0 bad.sub
must_fail "Q compare catches a damaged .sub" "differ" cmp bad.sub cc/disc.sub
t2=$(jq -r '.tracks[1].start_lba' toc.json)
sed "0,/^INDEX 1=$t2\$/s//INDEX 1=$((t2 + 1))/" cc/disc.ccd >bad.ccd
must_fail "check_ccd rejects a wrong INDEX 1" "INDEX 1=$((t2 + 1))" "${ccd[@]}" bad.ccd toc.json
sed 's/^TocEntries=.*/TocEntries=8/' cc/disc.ccd >bad.ccd
must_fail "check_ccd rejects a wrong TocEntries" "TocEntries" "${ccd[@]}" bad.ccd toc.json
sed '/^Entry 3=/d' cc/disc.ccd >bad.ccd
must_fail "check_ccd rejects a missing CD-TEXT entry" "CDText" "${ccd[@]}" bad.ccd toc.json
sed '0,/^PSec=48$/s//PSec=47/' cc/disc.ccd >bad.ccd
must_fail "check_ccd rejects a wrong A2 PSec" "PSec" "${ccd[@]}" bad.ccd toc.json
rm -f bad.*

finish
