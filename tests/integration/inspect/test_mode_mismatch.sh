#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# libcdio-paranoia's cd-extra.cue and mixed-mode-cd.cue name bin files that are just libcdio's cdda.bin
# (testdata INDEX.md), so their "MODE1/2352" sectors hold audio: inspected with a copy of each sheet
# pointed at cdda.bin, those sectors are mode mismatches, counted per track, the audio tracks are clean,
# and the exit status is 1 (not a crash, not bad input). The sheets as they are (bin missing) exit 2.
source "$(dirname "$0")/lib.sh"
need jq
cp "$data/cdda.bin" "$tmp/cdda.bin"
for sheet in cd-extra mixed-mode-cd; do
	sed "s/$sheet\.bin/cdda.bin/" "$paranoia/$sheet.cue" >"$tmp/$sheet.cue"
done

st=$(inspect "$tmp/x.json" "$tmp/cd-extra.cue")
check "cd-extra: exit 1" [ "$st" = 1 ]
check "cd-extra: 302 sectors, 152 with findings" [ "$(jq -c '[.sectors, .errors]' "$tmp/x.json")" = '[302,152]' ]
check "cd-extra: track 1 AUDIO, 150 audio sectors, no mismatch" \
	[ "$(jq -c '.tracks[0] | [.number, .mode, .sectors, .classes.audio, .mode_mismatch]' "$tmp/x.json")" = '[1,"AUDIO",150,150,0]' ]
check "cd-extra: track 2 MODE1/2352, 152 audio sectors, 152 mode mismatches" \
	[ "$(jq -c '.tracks[1] | [.number, .mode, .sectors, .classes.audio, .mode_mismatch, .errors]' "$tmp/x.json")" = '[2,"MODE1/2352",152,152,152,152]' ]
check "cd-extra: the first bad LBAs are 150..159, then 142 more" \
	[ "$(jq -c '.tracks[1] | [.first_bad_lbas[0], .first_bad_lbas[9], (.first_bad_lbas | length), .more_bad, .first_bad[0].findings]' "$tmp/x.json")" = '[150,159,10,142,["mode"]]' ]
check "cd-extra: no sync/EDC noise on non-data sectors" [ "$(jq -c '[.bad_sync, .bad_edc, .bad_ecc]' "$tmp/x.json")" = '[0,0,0]' ]

st=$(inspect "$tmp/m.json" "$tmp/mixed-mode-cd.cue")
check "mixed-mode: exit 1" [ "$st" = 1 ]
check "mixed-mode: track 1 MODE1/2352 with 150 mode mismatches" \
	[ "$(jq -c '.tracks[0] | [.mode, .sectors, .mode_mismatch]' "$tmp/m.json")" = '["MODE1/2352",150,150]' ]
check "mixed-mode: track 2 AUDIO clean" [ "$(jq -c '.tracks[1] | [.mode, .sectors, .errors]' "$tmp/m.json")" = '["AUDIO",152,0]' ]
check "track 1 of both sheets is the same 150 sectors of cdda.bin: the same CRC-32" \
	[ "$(jq -r '.tracks[0].crc32' "$tmp/m.json")" = "$(jq -r '.tracks[0].crc32' "$tmp/x.json")" ]

# As shipped the sheets name a bin that is not there: bad input, exit 2, the file named.
st=0
"$rawcd" inspect "$paranoia/cd-extra.cue" >/dev/null 2>"$tmp/err" || st=$?
check "shipped cd-extra.cue: exit 2" [ "$st" = 2 ]
check "shipped cd-extra.cue: the missing file is named" grep -q 'cd-extra.bin' "$tmp/err"
finish
