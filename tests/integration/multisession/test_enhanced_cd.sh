#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# An enhanced CD (CD-Extra): an audio session of three tracks (two WAVE files from sox, one BINARY file of
# generated PCM) and a data session holding a small ISO 9660 image from xorriso, described as Redump
# describes such discs: one FILE per track, REM SESSION 01 / 02, REM LEAD-OUT 01:30:00 and REM LEAD-IN
# 01:00:00 (and REM PREGAP 00:02:00, which rawcd does not need) before the data session's first track.
#
#  (a) convert --format bin: OUT.bin holds the sessions' sectors back to back (none of the 11,400 sectors
#      between them), the audio bytes as given, and data sectors whose headers carry their real LBAs
#      (14050 on); OUT.cue is in Redump's form. rawcd toc of OUT.cue equals rawcd toc of the input, full
#      TOC included (both sessions' A0/A1/A2, B0, C0, every track), and the values are the ones worked out
#      here by hand; inspect OUT.cue finds nothing; converting OUT.cue again gives the same bytes.
#  (b) convert --format clonecd: OUT.img = OUT.bin, OUT.sub one record a stored sector with the Q of the
#      real LBAs; OUT.ccd holds Sessions=2 and every session's TOC; rawcd toc of OUT.ccd equals the input's;
#      inspect OUT.ccd (subcode checked against the layout) finds nothing; OUT.ccd converts to OUT.bin.
#  (c) cd-info --cue-file OUT.cue (libcdio 2.1.0, which ignores REM lines): it sees a CD-Plus/Extra with
#      the data track at the packed place (LSN 2650, not 14050) and reads the ISO's volume label.
source "$(dirname "$0")/../convert/lib.sh"
need xorriso sox jq python3 cd-info cmp
cd "$tmp"
export SOURCE_DATE_EPOCH=1704067200 TZ=UTC LC_ALL=C

# --- the input disc ------------------------------------------------------------------------------
T1=1210 T2=800 T3=640 DATA=400 # sectors of each file (T2 and T3 begin with their INDEX 00 pregaps)
tone() { # NAME SECTORS FREQ
	sox -D -R -r 44100 -c 2 -n -b 16 -e signed-integer "$1.wav" synth "$(($2 * 588))s" sine "$3" gain -12
}
tone t1 $T1 440
tone t2 $T2 660
python3 -c "
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range($T3 * 2352)))" >t3.raw
mkdir -p stage/extra
seq 1 5000 >stage/extra/NUMBERS.TXT
printf 'rawcd enhanced CD\n' >stage/README.TXT
find stage -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
xorriso -report_about SORRY -as mkisofs -quiet -r -V RAWCD_EXTRA -o data.iso stage >/dev/null 2>&1
check "the ISO fits in $DATA sectors" [ "$(stat -c %s data.iso)" -le $((DATA * 2048)) ]
truncate -s $((DATA * 2048)) data.iso
cat >enhanced.cue <<'CUE'
REM SESSION 01
FILE "t1.wav" WAVE
  TRACK 01 AUDIO
    INDEX 01 00:00:00
FILE "t2.wav" WAVE
  TRACK 02 AUDIO
    INDEX 00 00:00:00
    INDEX 01 00:02:00
FILE "t3.raw" BINARY
  TRACK 03 AUDIO
    INDEX 00 00:00:00
    INDEX 01 00:01:00
REM LEAD-OUT 01:30:00
REM SESSION 02
REM LEAD-IN 01:00:00
REM PREGAP 00:02:00
FILE "data.iso" BINARY
  TRACK 04 MODE1/2048
    INDEX 01 00:00:00
CUE

S1=$((T1 + T2 + T3))       # session 1's lead-out LBA: 2650
T4=$((S1 + 11400))         # track 4: lead-out 6750 + lead-in 4500 + pregap 150 later: 14050
S2=$((T4 + DATA))          # session 2's lead-out: 14450
STORED=$((S1 + DATA))      # sectors in the BIN: 3050

# --- (a) BIN/CUE ---------------------------------------------------------------------------------
st=0
"$rawcd" convert enhanced.cue -o out.bin --quiet 2>convert.err || st=$?
check "convert --format bin exits 0" [ "$st" = 0 ]
[ "$st" = 0 ] || cat convert.err >&2
check "OUT.bin holds the $STORED stored sectors, not the gap" [ "$(stat -c %s out.bin 2>/dev/null)" = $((STORED * 2352)) ]
cat >want.cue <<CUE
REM SESSION 01
FILE "out.bin" BINARY
  TRACK 01 AUDIO
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    INDEX 00 00:16:10
    INDEX 01 00:18:10
  TRACK 03 AUDIO
    INDEX 00 00:26:60
    INDEX 01 00:27:60
REM LEAD-OUT 01:30:00
REM SESSION 02
REM LEAD-IN 01:00:00
REM PREGAP 00:02:00
  TRACK 04 MODE1/2352
    INDEX 01 00:35:25
CUE
check "OUT.cue is Redump's multisession form" cmp -s out.cue want.cue
cmp -s out.cue want.cue || diff want.cue out.cue >&2 || true

# The BIN: audio bytes as given; data sectors with sync, the header of their real LBA and the ISO bytes.
sox -D -R t1.wav -t raw -e signed-integer -b 16 -L t1.pcm
sox -D -R t2.wav -t raw -e signed-integer -b 16 -L t2.pcm
check "session 1 in the BIN is the audio" cmp -s <(cat t1.pcm t2.pcm t3.raw) <(head -c $((S1 * 2352)) out.bin)
python3 - "$S1" "$T4" "$DATA" >bin.check <<'PY'
import sys
s1, t4, n = (int(a) for a in sys.argv[1:])
binf = open("out.bin", "rb").read()
iso = open("data.iso", "rb").read()
sync = b"\x00" + b"\xff" * 10 + b"\x00"
bcd = lambda v: (v // 10) << 4 | v % 10
bad = 0
for i in range(n):
    sec = binf[(s1 + i) * 2352:(s1 + i + 1) * 2352]
    a = t4 + i + 150
    head = bytes([bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75), 1])
    if sec[:12] != sync or sec[12:16] != head or sec[16:2064] != iso[i * 2048:(i + 1) * 2048]:
        bad += 1
print(bad)
PY
check "session 2's sectors carry their LBAs $T4.. and the ISO" [ "$(cat bin.check)" = 0 ]

"$rawcd" toc enhanced.cue --format json >in.json 2>/dev/null
"$rawcd" toc out.cue --format json >bin.json 2>/dev/null
same_toc() { # A.json B.json: equal but for the data track's mode (MODE1/2048 in, MODE1/2352 out)
	diff <(jq -S 'del(.tracks[].mode)' "$1") <(jq -S 'del(.tracks[].mode)' "$2") >&2
}
check "toc of OUT.cue = toc of the input, full TOC included" same_toc in.json bin.json
entry() { # FILE SESSION POINT: "min sec frame pmin psec pframe" of that full-TOC entry
	jq -r --argjson s "$2" --argjson p "$3" \
		'[.full_toc[] | select(.session == $s and .point == $p)] | if length == 1 then .[0] |
		 "\(.min) \(.sec) \(.frame) \(.pmin) \(.psec) \(.pframe)" else "count \(length)" end' "$1"
}
expect_full_toc() { # FILE
	local f=$1
	[ "$(jq .sessions "$f")" = 2 ] &&
	[ "$(jq -c '[.tracks[] | [.number, .session, .start_lba]]' "$f")" = "[[1,1,0],[2,1,$((T1 + 150))],[3,1,$((T1 + T2 + 75))],[4,2,$T4]]" ] &&
	[ "$(jq .leadout_lba "$f")" = $S2 ] &&
	[ "$(entry "$f" 1 160)" = "0 0 0 1 0 0" ] &&           # A0: first track 1, CD-DA
	[ "$(entry "$f" 1 161)" = "0 0 0 3 0 0" ] &&           # A1: last track 3
	[ "$(entry "$f" 1 162)" = "0 0 0 0 37 25" ] &&         # A2: 2650 + 150 = 00:37:25
	[ "$(entry "$f" 1 176)" = "3 7 25 79 59 74" ] &&       # B0: next area 2650+6750+4500 (03:07:25), last lead-out
	[ "$(entry "$f" 1 192)" = "0 0 0 95 0 0" ] &&          # C0: the first lead-in at 95:00:00
	[ "$(entry "$f" 2 160)" = "0 0 0 4 0 0" ] &&           # A0 of session 2: track 4, disc type 00
	[ "$(entry "$f" 2 161)" = "0 0 0 4 0 0" ] &&
	[ "$(entry "$f" 2 162)" = "0 0 0 3 14 50" ] &&         # A2: 14450 + 150
	[ "$(entry "$f" 2 4)" = "0 0 0 3 9 25" ] &&            # track 4 at 14050 + 150
	[ "$(entry "$f" 2 176)" = "count 0" ]                  # no B0 in the last session
}
check "the full TOC has both sessions' A0/A1/A2, B0, C0 and every track" expect_full_toc bin.json

st=0
"$rawcd" inspect out.cue --json >inspect-bin.json 2>inspect-bin.err || st=$?
check "inspect OUT.cue exits 0" [ "$st" = 0 ]
check "inspect OUT.cue: $STORED sectors, no findings" \
	[ "$(jq -c '[.sectors, .errors, .classes.audio, .classes.mode1]' inspect-bin.json)" = "[$STORED,0,$S1,$DATA]" ]

"$rawcd" convert out.cue -o again.bin --quiet 2>/dev/null
check "converting OUT.cue again gives the same bytes" cmp -s again.bin out.bin
check "... and the same sheet" cmp -s <(sed 's/again\.bin/out.bin/' again.cue) out.cue

# --- (b) CloneCD ---------------------------------------------------------------------------------
st=0
"$rawcd" convert enhanced.cue -o clone.img --format clonecd --quiet 2>convert-ccd.err || st=$?
check "convert --format clonecd exits 0" [ "$st" = 0 ]
[ "$st" = 0 ] || cat convert-ccd.err >&2
check "OUT.img is OUT.bin" cmp -s clone.img out.bin
check "OUT.sub has one record a stored sector" [ "$(stat -c %s clone.sub 2>/dev/null)" = $((STORED * 96)) ]
check "OUT.ccd says two sessions" grep -qx 'Sessions=2' clone.ccd
check "OUT.ccd has [Session 1] and [Session 2]" [ "$(grep -c '^\[Session [12]\]$' clone.ccd)" = 2 ]
check "OUT.ccd counts 12 TOC entries (A0 A1 A2, 3 tracks, B0, C0; A0 A1 A2, 1 track)" grep -qx "TocEntries=12" clone.ccd
check "track 4's INDEX 1 counts from its session's first sector" \
	[ "$(sed -n '/^\[TRACK 4\]$/,$p' clone.ccd | grep '^INDEX')" = "INDEX 1=0" ]
python3 - "$S1" "$T4" >sub.check <<'PY'
import sys
s1, t4 = (int(a) for a in sys.argv[1:])
rec = open("clone.sub", "rb").read()[s1 * 96:(s1 + 1) * 96]
q = rec[12:24]
bcd = lambda v: (v // 10) << 4 | v % 10
a = t4 + 150
print("ok" if q[0] == 0x41 and q[1] == 0x04 and q[2] == 0x01 and list(q[7:10]) ==
      [bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75)] else "bad %s" % q.hex())
PY
check "the .sub record of session 2's first sector is Q of track 4 at LBA $T4" [ "$(cat sub.check)" = ok ]

"$rawcd" toc clone.ccd --format json >ccd.json 2>/dev/null
check "toc of OUT.ccd = toc of the input, full TOC included" same_toc in.json ccd.json
check "the .ccd's full TOC has the values worked out here" expect_full_toc ccd.json
st=0
"$rawcd" inspect clone.ccd --json >inspect-ccd.json 2>inspect-ccd.err || st=$?
check "inspect OUT.ccd exits 0" [ "$st" = 0 ]
check "inspect OUT.ccd: subcode checked, $STORED sectors, no findings" \
	[ "$(jq -c '[.subcode, .sectors, .errors, .bad_subq, .missing]' inspect-ccd.json)" = "[true,$STORED,0,0,0]" ]
check "inspect OUT.ccd warns of nothing" [ ! -s inspect-ccd.err ]
[ -s inspect-ccd.err ] && cat inspect-ccd.err >&2
"$rawcd" convert clone.ccd -o fromccd.bin --quiet 2>/dev/null
check "OUT.ccd converts back to OUT.bin" cmp -s fromccd.bin out.bin

# --- (c) a peer ------------------------------------------------------------------------------------
cd-info --no-device-info --no-cddb --cue-file out.cue >cdinfo.txt 2>&1 || true
check "cd-info sees a CD-Plus/Extra" grep -q 'CD-Plus/Extra' cdinfo.txt
check "cd-info packs the data track right after session 1 (it ignores REM)" \
	grep -Eq "^ +4: [0-9:]+ +0*$S1 data" cdinfo.txt
check "cd-info reads the ISO's volume label" grep -q "label .RAWCD_EXTRA" cdinfo.txt
finish
