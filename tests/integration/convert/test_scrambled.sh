#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert --scrambled: OUT.scram in the layout of redumper's .scram dumps (2352 bytes a sector
# from LBA -45150, data sectors scrambled, audio as it is), on the shipped example and on the
# mixed-mode sheet of tests/integration/peers/make_mixed_disc.sh.
#
#  - An independent descrambler written here (python: the ECMA-130 Annex B LFSR x^15 + x + 1, seed 1,
#    its output bits taken LSB first into bytes, XORed over bytes 12..2351; its first bytes must be
#    01 80 00 60 00 28, as Annex B's table) descrambles the data sectors (those of data tracks, from
#    each track's first sector (its pregap) to the next track's, and track 1's pregap LBA -150..-1 when
#    track 1 is data; the track layout from `rawcd toc --format json`); the result from LBA 0 on equals
#    the --format bin image byte for byte, every other sector is left as it is.
#  - LBA -45150..-151 (the lead-in, which a drive does not return) are zeros; LBA -150..-1 are track 1's
#    pregap: zero-data Mode 1 sectors with the header of their LBA (BCD MSF 00:00:00..00:01:74), for a
#    data track 1.
#  - `rawcd inspect OUT.scram` finds no fault and says how many data sectors it descrambled (by content:
#    the same count as the descrambler here); a byte flipped in one scrambled data sector is an EDC
#    finding there, so the checks really run on the descrambled bytes; the one-file BIN is not taken
#    as scrambled.
#  - --scrambled with --split or --format toc is refused, nothing written.
# Needs xorriso, sox, jq, python3; exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need xorriso sox jq python3 cmp
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
example=$here/../../../testdata/example/example.cue

mkdir "$tmp/mixed"
bash "$here/../peers/make_mixed_disc.sh" "$tmp/mixed" >/dev/null
for sheet in "$example" "$tmp/mixed/mixed.cue"; do
	name=$(basename "$sheet" .cue)
	out=$tmp/out-$name
	mkdir "$out"
	st=0
	"$rawcd" convert "$sheet" -o "$out/$name.bin" --scrambled --quiet 2>"$out.err" || st=$?
	check "$name: convert --scrambled exits 0" [ "$st" = 0 ]
	[ "$st" = 0 ] || cat "$out.err" >&2
	check "$name: OUT.scram only" [ "$(cd "$out" && ls -A)" = "$name.scram" ]
	mkdir "$out.ref"
	"$rawcd" convert "$sheet" -o "$out.ref/$name.bin" --quiet
	"$rawcd" toc "$sheet" --format json >"$out.toc.json"
	python3 - "$out/$name.scram" "$out.ref/$name.bin" "$out.toc.json" >"$out.check" 2>&1 <<'PY' || true
import json, sys

scram_path, bin_path, toc_path = sys.argv[1:4]
FIRST = -45150  # redumper's .scram: byte 0 is LBA -45150

# ECMA-130 Annex B: a 15-bit shift register, x^15 + x + 1, preset to 1; each output bit is the
# register's bit 0, then the register shifts right with bit0 XOR bit1 entering at bit 14. Bits go
# into bytes least significant first.
def table():
    reg, out = 1, bytearray()
    for _ in range(2340):
        byte = 0
        for bit in range(8):
            byte |= (reg & 1) << bit
            fb = (reg ^ (reg >> 1)) & 1
            reg = (reg >> 1) | (fb << 14)
        out.append(byte)
    return bytes(out)
KEY = table()
assert KEY[:6] == bytes([0x01, 0x80, 0x00, 0x60, 0x00, 0x28]), KEY[:6].hex()

def descramble(s):
    return s[:12] + bytes(a ^ b for a, b in zip(s[12:], KEY))

toc = json.load(open(toc_path))
tracks, leadout = toc["tracks"], toc["leadout_lba"]
ranges = []  # (first LBA, end LBA, data?)
for i, t in enumerate(tracks):
    first = t["start_lba"] - t["pregap"] if i else -150
    end = tracks[i + 1]["start_lba"] - tracks[i + 1]["pregap"] if i + 1 < len(tracks) else leadout
    ranges.append((first, end, t["mode"] != "AUDIO"))

scram = open(scram_path, "rb").read()
bin_ = open(bin_path, "rb").read()
bad = []
if len(scram) != (leadout - FIRST) * 2352:
    bad.append("size %d, want %d sectors" % (len(scram), leadout - FIRST))
if scram[:(-150 - FIRST) * 2352].count(0) != (-150 - FIRST) * 2352:
    bad.append("the lead-in (LBA -45150..-151) is not all zeros")
out, data_sectors = bytearray(), 0
for first, end, data in ranges:
    for lba in range(first, end):
        s = scram[(lba - FIRST) * 2352:(lba - FIRST + 1) * 2352]
        if data:
            s = descramble(s)
            data_sectors += 1
        if lba < 0:
            if data:
                a = lba + 150
                bcd = lambda v: (v // 10) << 4 | v % 10
                head = b"\0" + b"\xff" * 10 + b"\0" + bytes([bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75), 1])
                if s[:16] != head or s[16:2064] != bytes(2048):
                    bad.append("LBA %d: not a zero-data Mode 1 sector of its LBA" % lba)
            elif s != bytes(2352):
                bad.append("LBA %d: audio pregap not silence" % lba)
        else:
            out += s
if bytes(out) != bin_:
    n = next((i for i in range(min(len(out), len(bin_))) if out[i] != bin_[i]), min(len(out), len(bin_)))
    bad.append("descrambled from LBA 0 differs from the BIN at byte %d (sector %d)" % (n, n // 2352))
for b in bad[:10]:
    print(b)
print("data-sectors %d" % data_sectors)
print("scram-ok" if not bad else "scram-bad")
PY
	check "$name: descrambled independently, OUT.scram is the BIN from LBA 0, lead-in zero, pregap right" \
		grep -qx scram-ok "$out.check"
	grep -v '^scram-\|^data-sectors' "$out.check" >&2 || true
	want=$(sed -n 's/^data-sectors //p' "$out.check")
	st=0
	"$rawcd" inspect "$out/$name.scram" --json --no-hash >"$out.inspect.json" 2>"$out.inspect.err" || st=$?
	check "$name: inspect OUT.scram is clean (exit 0, no errors)" \
		bash -c "[ $st = 0 ] && [ \"\$(jq .errors '$out.inspect.json')\" = 0 ]"
	check "$name: inspect OUT.scram starts at LBA -45150" [ "$(jq .first_lba "$out.inspect.json")" = -45150 ]
	check "$name: inspect descrambled the $want data sectors" [ "$(jq .descrambled "$out.inspect.json")" = "$want" ]
	check "$name: inspect of the BIN finds nothing scrambled" \
		[ "$("$rawcd" inspect "$out.ref/$name.bin" --json --no-hash | jq .descrambled)" = 0 ]
done

# One byte of the first data sector's user data flipped in the .scram: an EDC finding at LBA 0.
scram=$tmp/out-example/example.scram
python3 - "$scram" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(45150 * 2352 + 100)
    b = f.read(1)
    f.seek(45150 * 2352 + 100)
    f.write(bytes([b[0] ^ 0x40]))
PY
st=0
"$rawcd" inspect "$scram" --json --no-hash >"$tmp/flip.json" 2>/dev/null || st=$?
check "a flipped byte in a scrambled sector: exit 1, one sector with a bad EDC" \
	bash -c "[ $st = 1 ] && [ \"\$(jq .errors '$tmp/flip.json')\" = 1 ] && [ \"\$(jq .bad_edc '$tmp/flip.json')\" = 1 ]"

# Refused with --split and --format toc; nothing written.
mkdir "$tmp/refused"
for opt in --split "--format toc"; do
	st=0
	# shellcheck disable=SC2086
	"$rawcd" convert "$example" -o "$tmp/refused/x.bin" --scrambled $opt 2>"$tmp/refused.err" || st=$?
	check "--scrambled $opt: exit 2, says so" bash -c "[ $st = 2 ] && grep -q -- '--scrambled' '$tmp/refused.err'"
done
check "refused: nothing written" [ -z "$(ls -A "$tmp/refused")" ]

finish
