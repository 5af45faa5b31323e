#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Mode 2 image made from videocd.nrg (1126 x 2336 bytes as a MODE2/2336 sheet, converted by rawcd):
# every Form 1 and Form 2 sector good. Then a copy with 7 Form 1 sectors damaged on purpose, one byte
# each (user data, EDC, P parity, Q parity, header MSF, sync, second subheader copy): exactly those 7
# LBAs are reported, each with its finding, and the exit status is 1. Hashes agree with md5sum.
source "$(dirname "$0")/lib.sh"
need jq python3 md5sum
make_vcd

st=$(inspect "$tmp/clean.json" "$tmp/vcd.cue")
check "clean: exit 0" [ "$st" = 0 ]
check "clean: 1126 sectors, 0 errors" [ "$(jq -c '[.sectors, .errors]' "$tmp/clean.json")" = '[1126,0]' ]
check "clean: 226 Form 1 and 900 Form 2, nothing else" \
	[ "$(jq -c '.classes | [.form1, .form2, .mode1, .formless, .audio, .damaged]' "$tmp/clean.json")" = '[226,900,0,0,0,0]' ]
check "clean: MODE2/2352, every Form 2 with an EDC" \
	[ "$(jq -c '[.tracks[0].mode, .no_edc]' "$tmp/clean.json")" = '["MODE2/2352",0]' ]
check "clean: md5 = md5sum" [ "$(jq -r '.tracks[0].md5' "$tmp/clean.json")" = "$(md5sum <"$tmp/vcd.bin" | cut -d' ' -f1)" ]

# Seven Form 1 sectors, one byte each; the expected findings of each LBA.
cp "$tmp/vcd.bin" "$tmp/dmg.bin"
sed 's/vcd\.bin/dmg.bin/' "$tmp/vcd.cue" >"$tmp/dmg.cue"
python3 - "$tmp/dmg.bin" >"$tmp/expected" <<'PY'
import sys
S = 2352
path = sys.argv[1]
d = bytearray(open(path, "rb").read())
form1 = [i for i in range(len(d) // S)
         if d[i * S + 15] == 2 and d[i * S + 16:i * S + 20] == d[i * S + 20:i * S + 24] and not d[i * S + 18] & 0x20]
assert len(form1) == 226, len(form1)
damage = [  # (byte offset in the sector, findings)
    (600, "edc,ecc"),       # user data: under the EDC and both parities
    (2073, "edc,ecc"),      # the EDC field (2072..2075) is under P and Q too
    (2100, "ecc"),          # P parity
    (2300, "ecc"),          # Q parity
    (13, "header"),         # header MSF: Form 1 EDC and ECC leave the header out
    (4, "sync"),
    (21, "subheader"),      # second subheader copy
]
picks = [form1[k] for k in (3, 40, 77, 110, 150, 190, 225)]
for lba, (off, findings) in zip(picks, damage):
    d[lba * S + off] ^= 0x10
    print(f"{lba} {findings}")
open(path, "wb").write(d)
PY
st=$(inspect "$tmp/dmg.json" "$tmp/dmg.cue")
check "damaged: exit 1" [ "$st" = 1 ]
check "damaged: 7 errors" [ "$(jq .errors "$tmp/dmg.json")" = 7 ]
jq -r '.tracks[0].first_bad[] | "\(.lba) \(.findings | join(","))"' "$tmp/dmg.json" >"$tmp/got"
check "damaged: exactly those 7 LBAs, each with its finding" diff "$tmp/expected" "$tmp/got"
check "damaged: counts by finding" \
	[ "$(jq -c '[.bad_edc, .bad_ecc, .bad_header, .bad_sync, .bad_subheader, .mode_mismatch]' "$tmp/dmg.json")" = '[2,4,1,1,1,0]' ]
check "damaged: still 226 Form 1 and 900 Form 2" [ "$(jq -c '[.classes.form1, .classes.form2]' "$tmp/dmg.json")" = '[226,900]' ]
"$rawcd" inspect "$tmp/dmg.cue" --no-hash >"$tmp/text" 2>&1 || true
check "text: the verdict line" grep -q 'dmg.cue: 7 of 1126 sectors with findings$' "$tmp/text"
check "text: the bad LBAs with their findings" grep -q "bad LBAs: $(head -1 "$tmp/expected" | sed 's/ \(.*\)/ (\1)/; s/,/ /')" "$tmp/text"
finish
