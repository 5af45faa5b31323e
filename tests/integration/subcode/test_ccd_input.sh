#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Acceptance test of CloneCD images as input (issue 11, item 2), on the mixed disc of
# tests/integration/peers/make_mixed_disc.sh written by `rawcd convert --format clonecd`:
#  (a) `rawcd toc X.ccd` gives the sheet's TOC: hex and binary of --toc-format 0, 1, 2 and 5 byte for
#      byte; json and text equal but for one thing a .ccd cannot know: track 1's mode. The sheet says
#      MODE1/2048 (its file holds 2048-byte user data); the .img holds the 2352-byte sectors and .ccd's
#      MODE=1 says only "Mode 1", so the track reads as MODE1/2352. The TOC a drive reports (the hex and
#      binary forms) holds no such thing and is equal. Pregaps and indexes are the same in json; the
#      text table lists INDEX 00 of the sheet's two PREGAP tracks for the .ccd only (a PREGAP is not in
#      the sheet's files, while the .img stores those sectors and the .ccd gives INDEX 0=).
#  (b) convert X.ccd: --format bin is the sheet's BIN byte for byte; raw96, packed96 and pq16 (with and
#      without lead-in and lead-out: the lead-in's CD-TEXT comes from the .ccd's [CDText]) equal the
#      sheet's; --format clonecd gives the same three files again.
#  (c) a .sub with 50 Q frames altered on purpose (25 with their CRC recomputed, 25 with a CRC that no
#      longer fits, as LibCrypt discs have) converts to raw96 with exactly those frames as recorded, the
#      whole .sub (P-W) carried byte for byte, and one warning that counts 50; --regenerate-subcode gives
#      the sheet's raw96 again; R-W written into the .sub is carried too.
#  (d) DataTracksScrambled=1: the .img's data sectors scrambled by an independent scrambler (ECMA-130
#      Annex B, written here), convert --format bin gives the plain image, inspect finds nothing.
#  (e) a .sub shorter than the disc: a warning, the rest generated; a .sub that is not a whole number of
#      96-byte records: raw96 refused (exit 2, nothing written), bin still converts (it needs no .sub).
#
# Needs xorriso, sox, jq, python3 and cmp; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need xorriso sox jq python3 cmp

mixed_disc
mkdir cc again alt alt2 scr short
check "convert the sheet --format clonecd" convert "$sheet" cc/x.img --format clonecd
X=cc/x.ccd

# --- (a) toc ---------------------------------------------------------------------------------------
for tf in 0 1 2 5; do
	for f in hex binary; do
		"$rawcd" toc "$sheet" --format $f --toc-format $tf >toc.s 2>/dev/null
		"$rawcd" toc "$X" --format $f --toc-format $tf >toc.c 2>toc.err
		check "toc --format $f --toc-format $tf: .ccd = sheet" cmp toc.s toc.c
		check "toc --format $f --toc-format $tf: the output is not empty" [ -s toc.c ]
	done
	"$rawcd" toc "$sheet" --format json --toc-format $tf >toc.s.json
	"$rawcd" toc "$X" --format json --toc-format $tf >toc.c.json
	if [ $tf = 5 ]; then # the CD-TEXT packs, decoded
		check "toc json --toc-format 5: .ccd = sheet" diff toc.s.json toc.c.json
		continue
	fi
	check "toc json (--toc-format $tf): the sheet's track 1 is MODE1/2048" \
		[ "$(jq -r '.tracks[0].mode' toc.s.json)" = MODE1/2048 ]
	check "toc json (--toc-format $tf): the .ccd's track 1 is MODE1/2352" \
		[ "$(jq -r '.tracks[0].mode' toc.c.json)" = MODE1/2352 ]
	check "toc json (--toc-format $tf): equal but for track 1's mode" \
		diff <(jq -S 'del(.tracks[0].mode)' toc.s.json) <(jq -S 'del(.tracks[0].mode)' toc.c.json)
done
# The text table lists the indexes a track's files hold: the sheet's PREGAP tracks (02 at LBA 333 and 06
# at 2959) have their INDEX 00 generated, not in a file, so it is not listed; the .img stores those
# sectors and the .ccd says INDEX 0=, so it is.
check "the sheet has PREGAP for two tracks (02 and 06)" [ "$(grep -c PREGAP "$sheet")" = 2 ]
"$rawcd" toc "$sheet" >toc.s.txt
"$rawcd" toc "$X" >toc.c.txt
check "toc text: equal but for track 1's mode and the INDEX 00 of generated pregaps" \
	diff <(sed 's#MODE1/2048#MODE1/2352#' toc.s.txt) <(sed -e 's/ 00@333 / /' -e 's/ 00@2959 / /' toc.c.txt)
check "toc text: the .ccd lists INDEX 00 of tracks 02 and 06" [ "$(grep -c -e ' 00@333 ' -e ' 00@2959 ' toc.c.txt)" = 2 ]
check "toc json --toc-format 5: the CD-TEXT is not empty" [ "$(jq '.packs | length' toc.c.json)" -gt 3 ]

# --- (b) convert -----------------------------------------------------------------------------------
check "convert sheet --format bin" convert "$sheet" s.bin
check "convert .ccd --format bin" convert "$X" c.bin
check "bin of the .ccd = bin of the sheet" cmp c.bin s.bin
for fmt in raw96 packed96 pq16; do
	check "convert sheet --format $fmt" convert "$sheet" s.$fmt --format $fmt
	check "convert .ccd --format $fmt" convert "$X" c.$fmt --format $fmt
	check "$fmt of the .ccd = $fmt of the sheet" cmp c.$fmt s.$fmt
done
check "convert sheet raw96 --lead-in --lead-out" convert "$sheet" sl.raw96 --format raw96 --lead-in --lead-out
check "convert .ccd raw96 --lead-in --lead-out" convert "$X" cl.raw96 --format raw96 --lead-in --lead-out
check "raw96 with lead-in (TOC and CD-TEXT) of the .ccd = the sheet's" cmp cl.raw96 sl.raw96
check "convert .ccd --format clonecd" convert "$X" again/y --format clonecd
check "clonecd of the .ccd: the same .img" cmp again/y.img cc/x.img
check "clonecd of the .ccd: the same .sub" cmp again/y.sub cc/x.sub
check "clonecd of the .ccd: the same .ccd" cmp again/y.ccd cc/x.ccd
rm -f s.packed96 c.packed96 sl.raw96 cl.raw96 c.pq16 s.pq16

# --- (c) recorded Q kept ---------------------------------------------------------------------------
cp cc/x.img alt/a.img
cp cc/x.ccd alt/a.ccd
python3 - cc/x.sub alt/a.sub alt/lbas <<'EOF'
import sys
def crc16(data):
    reg = 0
    for byte in data:
        for bit in range(7, -1, -1):
            fb = ((reg >> 15) & 1) ^ ((byte >> bit) & 1)
            reg = (reg << 1) & 0xFFFF
            if fb:
                reg ^= 0x1021
    return reg ^ 0xFFFF
sub = bytearray(open(sys.argv[1], "rb").read())
lbas = [300 + 37 * k for k in range(50)]
for k, lba in enumerate(lbas):
    q = 96 * lba + 12
    sub[q + 3] ^= 0x01                     # the relative time's minute: wrong, as LibCrypt's are
    if k % 2 == 0:                         # half with a CRC that fits, half with the old one
        c = crc16(sub[q:q + 10])
        sub[q + 10], sub[q + 11] = c >> 8, c & 0xFF
open(sys.argv[2], "wb").write(sub)
open(sys.argv[3], "w").write("\n".join(map(str, lbas)) + "\n")
EOF
"$rawcd" convert alt/a.ccd -o a.raw96 --format raw96 2>alt.err || true
check "altered .sub: converted to raw96" [ -s a.raw96 ]
check "altered .sub: one warning counts 50 differing Q frames, the first at LBA 300" \
	grep -q "^rawcd: alt/a.sub: warning: 50 of $leadout recorded Q frames differ from what rawcd would generate (first at LBA 300); kept as recorded: --regenerate-subcode makes them anew" alt.err
check "altered .sub: the warning is given once" [ "$(grep -c 'recorded Q frames differ' alt.err)" = 1 ]
"${tool[@]}" to-sub a.raw96 a.sub
check "altered .sub: the raw96 image's P-W is the .sub byte for byte" cmp a.sub alt/a.sub
check "altered .sub: exactly the 50 altered frames differ from the sheet's raw96" python3 - a.raw96 s.raw96 alt/lbas <<'EOF'
import sys
a, s = open(sys.argv[1], "rb"), open(sys.argv[2], "rb")
want = [int(x) for x in open(sys.argv[3])]
got, lba = [], 0
while True:
    x, y = a.read(2448), s.read(2448)
    if not x or not y:
        break
    if x[:2352] != y[:2352]:
        sys.exit("main channel differs at LBA %d" % lba)
    if x[2352:] != y[2352:]:
        got.append(lba)
    lba += 1
if got != want:
    sys.exit("differing LBAs %s, want %s" % (got[:10], want[:10]))
EOF
check "altered .sub --regenerate-subcode: the sheet's raw96 again" \
	convert alt/a.ccd r.raw96 --format raw96 --regenerate-subcode
check "--regenerate-subcode: equal to the sheet's raw96" cmp r.raw96 s.raw96
check "convert altered .ccd --format clonecd" convert alt/a.ccd alt2/b --format clonecd
check "clonecd of the altered .ccd carries its .sub byte for byte" cmp alt2/b.sub alt/a.sub
check "altered .sub, --format bin: no subcode used, no warning" \
	bash -c "'$rawcd' convert alt/a.ccd -o a.bin 2>&1 | grep -c 'recorded Q' | grep -qx 0"
rm -f a.raw96 r.raw96 a.bin alt2/*
python3 - cc/x.sub alt/a.sub <<'EOF'
import sys
sub = bytearray(open(sys.argv[1], "rb").read())
for lba in range(1000, 1010):               # R-W: a pattern in channels R..W of 10 sectors
    for c in range(6):
        o = 96 * lba + 24 + 12 * c
        sub[o:o + 12] = bytes((lba * 7 + c * 31 + i) & 0xFF for i in range(12))
open(sys.argv[2], "wb").write(sub)
EOF
check "R-W in the .sub: convert to raw96" convert alt/a.ccd w.raw96 --format raw96
"${tool[@]}" to-sub w.raw96 w.sub
check "R-W in the .sub: carried to raw96 byte for byte" cmp w.sub alt/a.sub
rm -f w.raw96 w.sub a.sub

# --- (d) DataTracksScrambled=1 ---------------------------------------------------------------------
cp cc/x.sub scr/s.sub
first_audio=$(jq -r '.tracks[1].indexes[0].lba' toc.json) # track 2's INDEX 00: the data track ends there
check "scrambled: track 1 is the data track, track 2 audio from LBA $first_audio" \
	[ "$(jq -r '.tracks[0].control, .tracks[1].mode' toc.json | tr '\n' ' ')" = "4 AUDIO " ]
python3 - cc/x.img scr/s.img "$first_audio" <<'EOF'
import sys
def table():                      # ECMA-130 Annex B: x^15 + x + 1, preset 1, LSB first, bytes 12..2351
    reg, out = 1, bytearray()
    for _ in range(2340):
        b = 0
        for bit in range(8):
            b |= (reg & 1) << bit
            fb = (reg ^ (reg >> 1)) & 1
            reg = (reg >> 1) | (fb << 14)
        out.append(b)
    return bytes(out)
t = table()
img = bytearray(open(sys.argv[1], "rb").read())
for lba in range(int(sys.argv[3])):   # the data track: every sector before the first audio track
    o = 2352 * lba + 12
    img[o:o + 2340] = bytes(a ^ b for a, b in zip(img[o:o + 2340], t))
open(sys.argv[2], "wb").write(img)
EOF
sed 's/^DataTracksScrambled=0/DataTracksScrambled=1/' cc/x.ccd >scr/s.ccd
check "scrambled: the .ccd says DataTracksScrambled=1" grep -q '^DataTracksScrambled=1' scr/s.ccd
check "scrambled: the .img differs from the plain one" bash -c "! cmp -s scr/s.img cc/x.img"
check "scrambled: convert --format bin" convert scr/s.ccd p.bin
check "scrambled: the bin is the plain image" cmp p.bin s.bin
check "scrambled: convert --format raw96 = the sheet's" convert scr/s.ccd p.raw96 --format raw96
check "scrambled: raw96 = the sheet's raw96" cmp p.raw96 s.raw96
check "scrambled: inspect finds nothing" bash -c "'$rawcd' inspect scr/s.ccd --no-hash --quiet >/dev/null"
sed 's/^DataTracksScrambled=1/DataTracksScrambled=0/' scr/s.ccd >scr/n.ccd
cp scr/s.img scr/n.img
check "scrambled image read as plain: inspect finds the data sectors broken (the check can fail)" \
	bash -c "'$rawcd' inspect scr/n.ccd --no-hash --quiet >/dev/null 2>&1; [ \$? = 1 ]"
rm -f p.bin p.raw96 scr/*.img

# --- (e) short and cut .sub ------------------------------------------------------------------------
cp cc/x.img short/t.img
cp cc/x.ccd short/t.ccd
head -c $((96 * 1000)) cc/x.sub >short/t.sub
"$rawcd" convert short/t.ccd -o t.raw96 --format raw96 2>short.err || true
check "short .sub: a warning says from which LBA the subcode is generated" \
	grep -q "^rawcd: short/t.sub: warning: holds the subcode of 1000 sectors, fewer than the $leadout up to the lead-out: the subcode from LBA 1000 on is generated" short.err
check "short .sub: raw96 = the sheet's (the first 1000 recorded, the rest generated)" cmp t.raw96 s.raw96
head -c $((96 * 1000 + 50)) cc/x.sub >short/t.sub
st=0
"$rawcd" convert short/t.ccd -o u.raw96 --format raw96 2>cut.err || st=$?
check "cut .sub: raw96 refused with exit 2" [ "$st" = 2 ]
check "cut .sub: the message names the .sub" grep -q "^rawcd: short/t.sub: is 96050 bytes, not a whole number of 96-byte subcode records" cut.err
check "cut .sub: nothing written" bash -c "[ -z \"\$(ls -A | grep -e '^u\\.raw96' -e 'rawcd-')\" ]"
check "cut .sub: --format bin still converts" convert short/t.ccd u.bin
check "cut .sub: --regenerate-subcode converts to raw96" convert short/t.ccd u.raw96 --format raw96 --regenerate-subcode
check "cut .sub, regenerated: the sheet's raw96" cmp u.raw96 s.raw96

finish
