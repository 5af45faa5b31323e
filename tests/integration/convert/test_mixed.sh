#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert on a mixed-mode sheet, checked against peers. The disc comes from
# tests/integration/peers/make_mixed_disc.sh: a MODE1/2048 ISO made by xorriso, then audio tracks
# made by sox with PREGAP (generated silence), INDEX 00 inside files, INDEX 02/03, FLAGS DCP/PRE,
# ISRC, CATALOG, CD-TEXT TITLE/PERFORMER and a REM line. Here t4 and t6 are turned into FLAC with the
# flac tool (t4 as `FILE "t4.flac" FLAC`, t6 as `FILE "t6.flac" WAVE`, FLAC found by content), so
# the sheet rawcd converts, mixed-flac.cue, reads WAVE and FLAC.
#
#  (a) bchunk -w on OUT.bin/OUT.cue gives back the ISO byte for byte and, for every audio track, WAV
#      samples equal to the input samples of the range bchunk cuts (worked out below). Independently
#      of bchunk, OUT.bin is compared sector by sector with the disc rebuilt from the input sheet by a
#      small model in python (audio bytes, generated silence, and for the data track: sync, BCD
#      header, user data, EDC, zero bytes).
#  (b) The track starts (INDEX 01 LBAs) and the lead-out agree between cd-info --cue-file on the
#      OUTPUT sheet, cdrdao show-toc on the INPUT sheet (a WAVE copy without INDEX 02+: cdrdao reads
#      no FLAC and misplaces INDEX 02+ after an INDEX 00 in the file), the python model, and
#      rawcd toc --format json on both the input and the output sheet. The two rawcd TOCs must be
#      equal in every field but the data track's mode (MODE1/2048 in, MODE1/2352 out).
#  (c) The output sheet keeps CATALOG, FLAGS, ISRC, the CD-TEXT lines and the REM line, in order,
#      has exactly one FILE line, and its INDEX lines are the model's (a PREGAP as INDEX 00).
#
# Needs bchunk, cd-info (libcdio-utils), cdrdao, xorriso, sox, flac, jq and python3; exits 77 (skip)
# when one is missing.
source "$(dirname "$0")/lib.sh"
need bchunk cd-info cdrdao xorriso sox flac jq python3 cmp
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# --- the input disc ------------------------------------------------------------------------------
bash "$here/../peers/make_mixed_disc.sh" "$tmp"
cd "$tmp"
flac -s --best -o t4.flac t4.wav
flac -s --best -o t6.flac t6.wav
sed -e 's/^FILE "t4\.wav" WAVE$/FILE "t4.flac" FLAC/' -e 's/^FILE "t6\.wav" WAVE$/FILE "t6.flac" WAVE/' \
	mixed.cue >mixed-flac.cue
check "input sheet reads two FLAC files" [ "$(grep -c '^FILE "t[46]\.flac"' mixed-flac.cue)" = 2 ]
# cdrdao's copy of the same sheet: WAVE files only, no INDEX 02 and above.
sed -e 's/^FILE "\(t[46]\)\.flac" [A-Z]*$/FILE "\1.wav" WAVE/' mixed-flac.cue |
	grep -Ev '^[[:space:]]*INDEX[[:space:]]+0*([2-9]|[1-9][0-9])[[:space:]]' >cdrdao.cue
check "cdrdao copy is WAVE only" [ "$(grep -c '^FILE .*\.wav" WAVE$' cdrdao.cue)" = 4 ]

# --- convert -------------------------------------------------------------------------------------
mkdir out
st=0
"$rawcd" convert mixed-flac.cue -o out/disc.bin 2>convert.err || st=$?
check "convert exits 0" [ "$st" = 0 ]
[ "$st" = 0 ] || cat convert.err >&2
check "output folder holds disc.bin and disc.cue only" [ "$(cd out && ls -A | tr '\n' ' ')" = "disc.bin disc.cue " ]
if [ ! -f out/disc.bin ] || [ ! -f out/disc.cue ]; then
	echo "FAIL: no output to check" >&2
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi

# --- the model: the disc rebuilt from the input sheet --------------------------------------------
# A deliberately small CUE reader (FILE, TRACK, INDEX, PREGAP only) and layout: a PREGAP inserts
# zero sectors just before the track's first INDEX; every INDEX is an offset into its file. Audio
# files are decoded by sox to 16-bit little-endian stereo PCM. It writes model.txt ("index T N LBA",
# "leadout LBA"), model.bin (the expected 2352-byte audio sectors, zeros for data sectors) and
# model.iso (the data track's user data), then checks every sector of OUT.bin against them.
python3 - mixed-flac.cue out/disc.bin >model.txt 2>model.err <<'PY' || true
import os, re, subprocess, sys

sheet, outbin = sys.argv[1], sys.argv[2]
base = os.path.dirname(sheet) or "."

def frames(msf):
    m, s, f = (int(x) for x in msf.split(":"))
    return (m * 60 + s) * 75 + f

sectors = []            # ("audio", 2352 bytes) or ("data", 2048 bytes), from LBA 0
indexes = []            # (track, index, lba)
fdata = None            # current file: (kind, bytes, sector size)
emitted = 0             # sectors of the current file already laid out
track = mode = None
gap = 0

def emit_file(upto):
    global emitted
    kind, data, size = fdata
    while emitted < upto:
        chunk = data[emitted * size:(emitted + 1) * size]
        assert len(chunk) == size, "file is not a whole number of sectors"
        sectors.append((kind, chunk))
        emitted += 1

def close_file():
    if fdata:
        emit_file(len(fdata[1]) // fdata[2])

for line in open(sheet, encoding="utf-8"):
    w = line.split()
    if not w:
        continue
    if w[0] == "FILE":
        close_file()
        name = re.match(r'\s*FILE\s+"([^"]+)"', line).group(1)
        fdata = ["?", os.path.join(base, name)]
        emitted = 0
    elif w[0] == "TRACK":
        track, mode = int(w[1]), w[2]
        if isinstance(fdata, list):
            path = fdata[1]
            if mode == "AUDIO":
                pcm = subprocess.run(["sox", path, "-t", "raw", "-e", "signed-integer", "-b", "16",
                                      "-c", "2", "-L", "-"], check=True, capture_output=True).stdout
                fdata = ("audio", pcm, 2352)
            elif mode == "MODE1/2048":
                fdata = ("data", open(path, "rb").read(), 2048)
            else:
                sys.exit("model: mode %s not handled" % mode)
    elif w[0] == "PREGAP":
        gap = frames(w[1])
    elif w[0] == "INDEX":
        at = frames(w[2])
        emit_file(at)
        if gap:
            indexes.append((track, 0, len(sectors)))      # rawcd writes a generated pregap as INDEX 00
            sectors.extend([("audio" if mode == "AUDIO" else "data", b"\0" * (2352 if mode == "AUDIO" else 2048))] * gap)
            gap = 0
        indexes.append((track, int(w[1]), len(sectors)))
close_file()

for t, n, lba in indexes:
    print("index %d %d %d" % (t, n, lba))
print("leadout %d" % len(sectors))

with open("model.bin", "wb") as mb, open("model.iso", "wb") as mi:
    for kind, chunk in sectors:
        mb.write(chunk if kind == "audio" else bytes(2352))
        if kind == "data":
            mi.write(chunk)

# EDC (DESIGN.md §4): CRC-32, reflected polynomial 0xD8018001, start 0, no final inversion.
table = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0xD8018001 if c & 1 else c >> 1
    table.append(c)
def edc(b):
    c = 0
    for x in b:
        c = table[(c ^ x) & 0xFF] ^ (c >> 8)
    return c
assert edc(b"123456789") == 0x6EC2EDC4

def bcd(v):
    return (v // 10) << 4 | v % 10

out = open(outbin, "rb").read()
bad = []
if len(out) != len(sectors) * 2352:
    bad.append("OUT.bin is %d bytes, the model %d sectors" % (len(out), len(sectors)))
for lba, (kind, chunk) in enumerate(sectors):
    s = out[lba * 2352:(lba + 1) * 2352]
    if kind == "audio":
        if s != chunk:
            bad.append("LBA %d: audio differs from the input" % lba)
    else:
        a = lba + 150
        head = b"\0" + b"\xff" * 10 + b"\0" + bytes([bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75), 1])
        if s[:16] != head:
            bad.append("LBA %d: sync/header %s" % (lba, s[:16].hex()))
        if s[16:2064] != chunk:
            bad.append("LBA %d: user data differs from the ISO" % lba)
        if int.from_bytes(s[2064:2068], "little") != edc(s[:2064]):
            bad.append("LBA %d: wrong EDC" % lba)
        if s[2068:2076] != bytes(8):
            bad.append("LBA %d: bytes 2068-2075 not zero" % lba)
    if len(bad) > 10:
        break
for b in bad:
    print(b, file=sys.stderr)
print("sectors-ok" if not bad else "sectors-bad")
PY
check "model of the input sheet built" grep -q '^leadout ' model.txt
[ -s model.err ] && cat model.err >&2
check "OUT.bin equals the model: audio, silence, Mode 1 sync/header/data/EDC" grep -qx sectors-ok model.txt

# --- (a) bchunk ----------------------------------------------------------------------------------
# bchunk 1.2.2 cuts the BIN by the INDEX lines of OUT.cue: a track starts at its LAST INDEX line (it
# overwrites the start with every INDEX it reads, so track 02 starts at INDEX 02 and track 04 at
# INDEX 03), and ends just before the FIRST INDEX line of the next track (its INDEX 00 when there
# is one; for the last track, the end of the BIN). The generated PREGAPs are written by rawcd as
# INDEX 00 of their track, so that silence lies in no bchunk file, nor do the INDEX 00 areas or the
# parts of a track before its last INDEX. Those sectors are checked above against the model; here
# each bchunk file is compared with the same range of the model: [LBA of the track's last INDEX,
# LBA of the next track's first INDEX (or the lead-out)).
mkdir bchunk
if ! (cd bchunk && bchunk -w ../out/disc.bin ../out/disc.cue tr) >bchunk.out 2>&1; then
	cat bchunk.out >&2
fi
check "bchunk: the data track is the ISO byte for byte" cmp bchunk/tr01.iso data.iso
python3 - model.txt model.bin bchunk >bchunk-cmp.txt 2>&1 <<'PY' || true
import sys, wave
model, pcm, folder = sys.argv[1], open(sys.argv[2], "rb").read(), sys.argv[3]
first, last, leadout = {}, {}, None
for line in open(model):
    w = line.split()
    if w[0] == "index":
        t, lba = int(w[1]), int(w[3])
        first.setdefault(t, lba)
        last[t] = lba
    elif w[0] == "leadout":
        leadout = int(w[1])
tracks = sorted(first)
for i, t in enumerate(tracks):
    if t == 1:
        continue                                   # the data track, compared with cmp
    start = last[t]
    stop = first[tracks[i + 1]] if i + 1 < len(tracks) else leadout
    name = "%s/tr%02d.wav" % (folder, t)
    try:
        w = wave.open(name, "rb")
        ok = (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (2, 2, 44100)
        got = w.readframes(w.getnframes())
    except Exception as e:
        print("FAIL track %d: %s: %s" % (t, name, e))
        continue
    want = pcm[start * 2352:stop * 2352]
    if ok and got == want:
        print("ok track %d: LBA %d-%d, %d sample frames" % (t, start, stop - 1, len(got) // 4))
    else:
        print("FAIL track %d: LBA %d-%d: %d bytes, want %d%s" % (t, start, stop - 1, len(got), len(want),
              "" if ok else " (not 44.1 kHz 16-bit stereo)"))
PY
cat bchunk-cmp.txt
for t in 02 03 04 05 06; do
	check "bchunk: track $t samples equal the input's" grep -q "^ok track $((10#$t)):" bchunk-cmp.txt
done

# --- (b) track starts and lead-out from five sources ---------------------------------------------
awk '$1 == "index" && $3 == 1 { print "track " $2 " start=" $4 } $1 == "leadout" { print "leadout=" $2 }' \
	model.txt >starts-model.txt

"$rawcd" toc mixed-flac.cue --format json >toc-in.json 2>/dev/null || true
"$rawcd" toc out/disc.cue --format json >toc-out.json 2>/dev/null || true
starts_json='(.tracks[] | "track \(.number) start=\(.start_lba)"), "leadout=\(.leadout_lba)"'
jq -r "$starts_json" toc-in.json >starts-rawcd-in.txt || true
jq -r "$starts_json" toc-out.json >starts-rawcd-out.txt || true
check "rawcd toc: input and output sheets equal but for the data track's mode" \
	diff <(jq -S '.tracks[0].mode |= sub("/.*"; "")' toc-in.json) <(jq -S '.tracks[0].mode |= sub("/.*"; "")' toc-out.json)

# cd-info on the output (it reads the BIN named after the sheet, every INDEX as an offset in it, and
# the BIN size for the lead-out: exactly the one-BIN form convert writes). Track list lines read
#   "  2: 00:08:33  000483 audio  false  yes   2        no"  and  "170: 00:48:66  003516 leadout".
(cd out && TZ=CUT cd-info --no-header --no-device-info --no-cddb --no-analyze --quiet --cue-file disc.cue) \
	>cdinfo.out 2>&1 || true
awk '/^ *[0-9]+: [0-9][0-9]:[0-9][0-9]:[0-9][0-9] +[0-9]+ / {
		n = $1; sub(/:$/, "", n)
		if (n == 170) leadout = $3 + 0; else print "track " n " start=" $3 + 0
	}
	END { if (leadout != "") print "leadout=" leadout }' cdinfo.out >starts-cdinfo.txt

# cdrdao show-toc on the input (its WAVE copy): "START mm:ss:ff(lba)" per track, "END" of the last
# track is the lead-out.
cdrdao show-toc cdrdao.cue >cdrdao.out 2>&1 || true
awk 'function sectors(s) { match(s, /\( *[0-9]+\)/); s = substr(s, RSTART + 1, RLENGTH - 2); gsub(/ /, "", s); return s + 0 }
	/^TRACK +[0-9]+ +Mode / { n = $2 }
	/^ +START / { print "track " n " start=" sectors($0) }
	/^ +END / { leadout = sectors($0) }
	END { if (leadout != "") print "leadout=" leadout }' cdrdao.out >starts-cdrdao.txt

check "the model has 6 tracks and a lead-out" [ "$(grep -c . starts-model.txt)" = 7 ]
for src in rawcd-in rawcd-out cdinfo cdrdao; do
	check "track starts and lead-out: $src equals the model" diff -u starts-model.txt "starts-$src.txt"
done

# --- (c) the output sheet keeps the metadata -----------------------------------------------------
meta() { grep -E '^[[:space:]]*(REM|CATALOG|FLAGS|ISRC|TITLE|PERFORMER|SONGWRITER|CDTEXTFILE)[[:space:]]' "$1" | sed 's/^[[:space:]]*//'; }
check "output sheet keeps REM/CATALOG/FLAGS/ISRC/CD-TEXT lines in order" diff <(meta mixed-flac.cue) <(meta out/disc.cue)
check "output sheet: CATALOG" grep -qx 'CATALOG 2000000000022' out/disc.cue
check "output sheet: FLAGS DCP on tracks 02 and 04" [ "$(grep -Ec '^ *FLAGS DCP( PRE)?$' out/disc.cue)" = 2 ]
check "output sheet: three ISRC" [ "$(grep -Ec '^ *ISRC ZZRCD240000[234]$' out/disc.cue)" = 3 ]
check "output sheet: disc TITLE and PERFORMER" grep -qx 'TITLE "Peer Test"' out/disc.cue
check "output sheet: track PERFORMER" grep -Eqx ' *PERFORMER "C#554"' out/disc.cue
# Every INDEX of the output sheet (generated pregaps as INDEX 00) at the model's LBA.
awk '/^ *TRACK / { t = $2 + 0 }
	/^ *INDEX / { split($3, m, ":"); print "index " t " " $2 + 0 " " (m[1] * 60 + m[2]) * 75 + m[3] }' \
	out/disc.cue >indexes-out.txt
check "output sheet: every INDEX (generated pregaps as INDEX 00) where the model has it" \
	diff -u <(grep '^index ' model.txt) indexes-out.txt
check "output sheet: one FILE, disc.bin BINARY" [ "$(grep -E '^ *FILE ' out/disc.cue)" = 'FILE "disc.bin" BINARY' ]

echo "peers: $(bchunk 2>&1 | sed -n 's/.*version \([^ ]*\) .*/bchunk \1/p' | head -1)," \
	"$(cd-info --version | sed -n '1s/^cd-info version \([^ ]*\).*/cd-info \1/p')," \
	"$(cdrdao 2>&1 | sed -n 's/^Cdrdao version \([^ ]*\).*/cdrdao \1/p')," \
	"$(flac --version)"
finish
