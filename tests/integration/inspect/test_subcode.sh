#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The outputs of `rawcd convert --format clonecd|raw96|packed96|pq16 [--lead-in --lead-out]` inspect clean
# (sectors, Q CRC and positions against the layout or the LBA, P, MCN and ISRC found), their tracks hash
# like the input files (md5sum), and one flipped Q bit is found at its LBA, exit 1. The disc: isofs-m1.bin
# (302 Mode 1 sectors) and cdda.bin (302 audio sectors) after a generated 2-second pregap, with CATALOG
# and ISRC: lead-out at LBA 754.
source "$(dirname "$0")/lib.sh"
need jq md5sum python3
cp "$data/isofs-m1.bin" "$data/cdda.bin" "$tmp/"
cat >"$tmp/disc.cue" <<'CUE'
CATALOG 0000012101954
FILE "isofs-m1.bin" BINARY
  TRACK 01 MODE1/2352
    INDEX 01 00:00:00
FILE "cdda.bin" BINARY
  TRACK 02 AUDIO
    ISRC ZZRCD2400002
    PREGAP 00:02:00
    INDEX 01 00:00:00
CUE
md5_1=$(md5sum <"$tmp/isofs-m1.bin" | cut -d' ' -f1)
md5_2=$( (head -c $((150 * 2352)) /dev/zero; cat "$tmp/cdda.bin") | md5sum | cut -d' ' -f1)

convert() { "$rawcd" convert "$tmp/disc.cue" --quiet --force "$@" 2>/dev/null; }
check "convert to clonecd" convert -o "$tmp/c.img" --format clonecd
check "convert to raw96 with lead-in and lead-out" convert -o "$tmp/r.raw" --format raw96 --lead-in --lead-out
check "convert to packed96 with a lead-in of 300" convert -o "$tmp/k.raw" --format packed96 --lead-in=300
check "convert to pq16" convert -o "$tmp/p.raw" --format pq16

clean() { # NAME JSON: exit 0, no findings, subcode checked, MCN and ISRC found, track hashes as the inputs
	local name=$1 j=$2 st=$3
	check "$name: exit 0, no findings" [ "$st:$(jq .errors "$j")" = "0:0" ]
	check "$name: subcode checked" [ "$(jq .subcode "$j")" = true ]
	check "$name: MCN and ISRC found in Q" \
		[ "$(jq -c '[.mcn, (.tracks[] | select(.number == 2) | .isrc)]' "$j")" = '["0000012101954","ZZRCD2400002"]' ]
	check "$name: track hashes = md5sum of the inputs" \
		[ "$(jq -r '[.tracks[] | select(.number == 1 or .number == 2) | .md5] | join(" ")' "$j")" = "$md5_1 $md5_2" ]
}
st=$(inspect "$tmp/c.json" "$tmp/c.ccd")
clean clonecd "$tmp/c.json" "$st"
check "clonecd: 754 sectors in tracks 1 and 2, MODE1/2352 and AUDIO" \
	[ "$(jq -c '[.sectors, [.tracks[] | [.number, .mode, .sectors]]]' "$tmp/c.json")" = '[754,[[1,"MODE1/2352",302],[2,"AUDIO",452]]]' ]
st=$(inspect "$tmp/r.json" "$tmp/r.raw" --sector-size 2448 --first-lba -22650)
clean raw96 "$tmp/r.json" "$st"
check "raw96: lead-in, tracks 1 and 2 (from Q TNO), lead-out" \
	[ "$(jq -c '[.tracks[] | [.number, .first_lba, .sectors]]' "$tmp/r.json")" = '[[0,-22650,22650],[1,0,302],[2,302,452],[170,754,6750]]' ]
st=$(inspect "$tmp/k.json" "$tmp/k.raw" --sector-size 2448 --first-lba -300)
clean packed96 "$tmp/k.json" "$st"
st=$(inspect "$tmp/p.json" "$tmp/p.raw" --sector-size 2368)
clean pq16 "$tmp/p.json" "$st"

flip() { # FILE OFFSET BIT
	python3 -c 'import sys; f = open(sys.argv[1], "r+b"); o = int(sys.argv[2]); f.seek(o); b = f.read(1)[0]
f.seek(o); f.write(bytes([b ^ (1 << int(sys.argv[3]))]))' "$@"
}
# A Q bit of LBA 500: in the .sub, Q is bytes 12..23 of the sector's 96; in raw96, bit 6 of each byte.
flip "$tmp/c.sub" $((500 * 96 + 12 + 5)) 2
st=$(inspect "$tmp/c2.json" "$tmp/c.ccd")
check "clonecd, Q bit flipped: exit 1, one error at LBA 500, subq_crc" \
	[ "$st:$(jq -c '[.errors, .bad_subq, [.tracks[].first_bad[] | .lba, .findings[]]]' "$tmp/c2.json")" = '1:[1,1,[500,"subq_crc"]]' ]
flip "$tmp/r.raw" $(((22650 + 500) * 2448 + 2352 + 37)) 6
st=$(inspect "$tmp/r2.json" "$tmp/r.raw" --sector-size 2448 --first-lba -22650)
check "raw96, Q bit flipped: exit 1, one error at LBA 500, subq_crc" \
	[ "$st:$(jq -c '[.errors, .bad_subq, [.tracks[].first_bad[] | .lba, .findings[]]]' "$tmp/r2.json")" = '1:[1,1,[500,"subq_crc"]]' ]
# A P bit inside the pause before track 2 (LBA 302..451): P is no longer uniform there.
flip "$tmp/r.raw" $(((22650 + 400) * 2448 + 2352 + 50)) 7
st=$(inspect "$tmp/r3.json" "$tmp/r.raw" --sector-size 2448 --first-lba -22650 --no-hash)
check "raw96, P bit flipped: LBA 400, subp" \
	[ "$st:$(jq -c '[.tracks[].first_bad[] | [.lba, .findings[]]]' "$tmp/r3.json")" = '1:[[400,"subp"],[500,"subq_crc"]]' ]
finish
