#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# rawcd convert --format toc and --split, checked against peers, on the shipped example
# (testdata/example/example.cue: MODE1/2048 + FLAC audio with PREGAP, INDEX 02, CD-TEXT, CATALOG,
# ISRC, DCP) and on the mixed-mode sheet of tests/integration/peers/make_mixed_disc.sh (INDEX 00 in
# files, generated pregaps, INDEX 02/03, FLAGS DCP/PRE).
#
#  (a) --format toc: OUT.bin is the --format bin image byte for byte; `cdrdao show-toc OUT.toc` (1.2.4)
#      accepts it (its CD-TEXT consistency checks included) and gives every track start (START) and the
#      lead-out (END of the last track) of `rawcd toc IN.cue --format json`. cdrdao 1.2.4's show-toc does
#      not print CD-TEXT, so the strings are checked in OUT.toc itself, and a two-language CDTEXTFILE
#      (libcdio's cdtext-libburnia.cdt, English + German with Latin-1 text) gives LANGUAGE 0 and 1.
#  (b) `cd-info --toc-file`: libcdio 2.1.0's TOC reader knows only part of cdrdao's grammar. It fails on
#      SWAP and on `#offset` after FILE, fails on an empty string (`ISRC ""` of a track without an ISRC
#      in CD-TEXT), takes DATAFILE's length as the track's start LBA, and adds FILE's whole length after
#      START to the lead-out. The test therefore gives cd-info a copy of OUT.toc translated to what
#      libcdio 2.1.0 reads the same way (CD_TEXT blocks and SWAP dropped; `DATAFILE F #B LEN` becomes
#      `DATAFILE F #B MSF(B/2352 + 150)`, `FILE F #B 0 LEN` becomes `FILE F MSF(B/2352) LEN'` with LEN'
#      the length after START), computed from OUT.toc's own byte offsets and lengths; cd-info's track
#      LSNs and lead-out must be rawcd's.
#  (c) --split (bin): one file per track named as Redump does (NAME (Track N).bin, N padded to two
#      digits on a disc of 10 or more tracks, NAME.bin for one track), the files joined are the one-file
#      BIN, and `rawcd toc` of the split sheet equals that of the input. bchunk cuts the split sheet into
#      the tracks' ISO and WAVE files: bchunk 1.2.2 takes a track's LAST INDEX as its start (it overwrites
#      the start with every INDEX line), so the ISO must equal the input ISO and each WAV's samples the
#      BIN's bytes from the track's last INDEX to the end of its file.
#  (d) chdman (mame-tools) createcd accepts the one-file and the split sheets; extractcd gives back one
#      BIN equal to rawcd's one-file BIN byte for byte in both cases (chdman pads each track to a multiple
#      of 4 frames inside the CHD, but extractcd writes the tracks' exact lengths).
#  (e) --split --format toc: cdrdao show-toc gives the same starts and lead-out; each DATAFILE/FILE
#      names its track's file from byte 0.
#  (f) Refusals, nothing written: --split with clonecd; --format toc or --split of a two-session sheet.
#
# Needs cdrdao, cd-info (libcdio-utils), bchunk, chdman (mame-tools), xorriso, sox, jq, python3;
# exits 77 (skip) when one is missing.
source "$(dirname "$0")/lib.sh"
need cdrdao cd-info bchunk chdman xorriso sox jq python3 cmp
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
example=$here/../../../testdata/example/example.cue
shared=${RAWCD_SHARED_TESTDATA:-/work/shared/testdata}

# "START END" lines of rawcd's TOC: every track's start LBA, then the lead-out.
raw_modes() { jq -S '.tracks[].mode |= sub("/2048$|/2336$"; "/2352")'; } # JSON with modes as a BIN stores them
rawcd_starts() { "$rawcd" toc "$1" --format json | jq -r '[.tracks[].start_lba] + [.leadout_lba] | join(" ")'; }

# The same from cdrdao show-toc: "START mm:ss:ff(lba)" of each track, END of the last.
cdrdao_starts() {
	(cd "$(dirname "$1")" && cdrdao show-toc "$(basename "$1")" 2>"$1.cdrdao.err") |
		awk '/^ +START /{gsub(/[()]/, " "); s = s $3 " "} /^ +END /{gsub(/[()]/, " "); e = $3} END {print s e}'
}

# OUT.toc in the dialect libcdio 2.1.0 reads as cdrdao means it (see (b) above).
libcdio_copy() {
	python3 - "$1" "$2" <<'PY'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
def msf(n):
    return "%02d:%02d:%02d" % (n // 4500, n // 75 % 60, n % 75)
def frames(t):
    m, s, f = (int(x) for x in t.split(":"))
    return (m * 60 + s) * 75 + f
lines, out, depth = open(src, encoding="latin-1").read().split("\n"), [], 0
for i, l in enumerate(lines):
    if l.startswith("CD_TEXT {"):
        depth = 1
        continue
    if depth:
        depth += l.count("{") - l.count("}")
        continue
    m = re.match(r'(DATAFILE|FILE) ("[^"]*")(?: SWAP)? #(\d+)(?: 0)? (\S+)$', l)
    if m:
        kind, name, byte, length = m.group(1), m.group(2), int(m.group(3)), frames(m.group(4))
        start = next((frames(x.split()[1]) for x in lines[i + 1:i + 2] if x.startswith("START ")), 0)
        if kind == "DATAFILE":
            l = "DATAFILE %s #%d %s" % (name, byte, msf(byte // 2352 + 150))
        else:
            l = "FILE %s %s %s" % (name, msf(byte // 2352), msf(length - start))
    out.append(l)
open(dst, "w", encoding="latin-1").write("\n".join(out))
PY
}

cdinfo_starts() { # LSN of every track, then the lead-out (track 170)
	(cd "$(dirname "$1")" && cd-info --no-header --no-device-info --toc-file "$(basename "$1")" 2>&1) |
		awk '/^ *[0-9]+: [0-9:]+ +[0-9]+ /{sub(/:$/, "", $1); n = $1 + 0; l = $3 + 0;
		     if (n == 170) e = l; else s = s l " "} END {print s e}'
}

# --- (a, b) the example and the mixed sheet as TOC files --------------------------------------------
mkdir "$tmp/mixed"
bash "$here/../peers/make_mixed_disc.sh" "$tmp/mixed" >/dev/null
for sheet in "$example" "$tmp/mixed/mixed.cue"; do
	name=$(basename "$sheet" .cue)
	out=$tmp/$name-toc
	mkdir "$out" "$out.bin-ref"
	st=0
	"$rawcd" convert "$sheet" -o "$out/$name.bin" --format toc --quiet 2>"$out.err" || st=$?
	check "$name: convert --format toc exits 0" [ "$st" = 0 ]
	[ "$st" = 0 ] || cat "$out.err" >&2
	check "$name: OUT.bin and OUT.toc only" [ "$(cd "$out" && ls -A | tr '\n' ' ')" = "$name.bin $name.toc " ]
	"$rawcd" convert "$sheet" -o "$out.bin-ref/$name.bin" --quiet
	check "$name: OUT.bin is the --format bin image" cmp "$out/$name.bin" "$out.bin-ref/$name.bin"
	want=$(rawcd_starts "$sheet")
	"$rawcd" toc "$sheet" --format json >"$out.json"
	got=$(cdrdao_starts "$out/$name.toc")
	check "$name: cdrdao show-toc starts and lead-out ($got) are rawcd's ($want)" [ "$got" = "$want" ]
	check "$name: cdrdao finds OUT.toc consistent" bash -c "! grep -q ERROR '$out/$name.toc.cdrdao.err'"
	libcdio_copy "$out/$name.toc" "$out/libcdio.toc"
	got=$(cdinfo_starts "$out/libcdio.toc")
	check "$name: cd-info starts and lead-out ($got) are rawcd's ($want)" [ "$got" = "$want" ]
	# rawcd reads OUT.toc back as the input's disc: the same JSON, full TOC, MCN, ISRCs and disc IDs
	# included. Only `mode` names the form the sectors are stored in, and the BIN holds them raw (a
	# MODE1/2048 track of the sheet is MODE1_RAW in OUT.toc, as in OUT.cue): compared as stored.
	check "$name: rawcd toc OUT.toc --format json equals the input's (mode as stored)" \
		diff <(raw_modes <"$out.json") <(raw_modes < <("$rawcd" toc "$out/$name.toc" --format json))
	check "$name: rawcd toc OUT.toc hex format 2 (full TOC) equals the input's" \
		[ "$("$rawcd" toc "$out/$name.toc" --format hex --toc-format 2)" = "$("$rawcd" toc "$sheet" --format hex --toc-format 2)" ]
	check "$name: rawcd inspect OUT.toc reads it as a TOC file and finds nothing" \
		bash -c "'$rawcd' inspect '$out/$name.toc' --no-hash --json | jq -e '.source == \"toc\" and .errors == 0' >/dev/null"
	check "$name: CATALOG and the disc TITLE are in OUT.toc" \
		bash -c "grep -qx 'CATALOG \"$(grep -m1 ^CATALOG "$sheet" | cut -d' ' -f2)\"' '$out/$name.toc' &&
			 grep -q '^    TITLE \"$(sed -n 's/^TITLE \"\(.*\)\"/\1/p' "$sheet")\"' '$out/$name.toc'"
done
toc=$tmp/example-toc/example.toc
check "example: track 02 is AUDIO from the BIN with SWAP, COPY, ISRC, START 00:02:00, INDEX 00:02:00" \
	bash -c "sed -n '/^\/\/ Track 2/,\$p' '$toc' | tr '\n' '|' |
		grep -q 'TRACK AUDIO|COPY|.*ISRC \"ZZRCD2400001\"|.*FILE \"example.bin\" SWAP #705600 0 00:07:00|START 00:02:00|INDEX 00:02:00|'"
check "example: track 01 is MODE1_RAW, DATAFILE from byte 0" grep -qx 'DATAFILE "example.bin" #0 00:04:00' "$toc"
check "mixed: PRE_EMPHASIS on track 03" bash -c "sed -n '/^\/\/ Track 3/,/^\/\/ Track 4/p' '$tmp/mixed-toc/mixed.toc' | grep -qx PRE_EMPHASIS"

# Two languages from a CDTEXTFILE (English + German, Latin-1 umlauts as octal escapes).
cdt=$shared/libcdio_libcdio/test/data/cdtext-libburnia.cdt
if [ -f "$cdt" ]; then
	mkdir "$tmp/lang"
	cp "$cdt" "$tmp/lang/t.cdt"
	head -c $((2352 * 900)) /dev/zero >"$tmp/lang/a.bin"
	printf 'CDTEXTFILE "t.cdt"\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    INDEX 01 00:04:00\n  TRACK 03 AUDIO\n    INDEX 01 00:08:00\n' >"$tmp/lang/m.cue"
	"$rawcd" convert "$tmp/lang/m.cue" -o "$tmp/lang/o.bin" --format toc --quiet
	check "CDTEXTFILE: LANGUAGE_MAP of English (9) and German (8)" grep -qx '  LANGUAGE_MAP { 0 : 9 1 : 8 }' "$tmp/lang/o.toc"
	check "CDTEXTFILE: German disc MESSAGE in Latin-1" grep -qF 'MESSAGE "F\374r alle unsere Fans"' "$tmp/lang/o.toc"
	check "CDTEXTFILE: track 3 performer in both languages" \
		bash -c "sed -n '/^\/\/ Track 3/,\$p' '$tmp/lang/o.toc' | grep -c 'PERFORMER \"Mia' | grep -qx 2"
	(cd "$tmp/lang" && cdrdao show-toc o.toc >/dev/null 2>show.err) || true
	check "CDTEXTFILE: cdrdao finds the two-language TOC consistent" bash -c "! grep -q ERROR '$tmp/lang/show.err'"
else
	echo "note: $cdt not found: the two-language check is skipped"
fi

# --- (c) --split -----------------------------------------------------------------------------------
cd "$tmp/mixed"
mkdir split one
"$rawcd" convert mixed.cue -o one/disc.bin --quiet
st=0
"$rawcd" convert mixed.cue -o "split/Peer Disc.bin" --split --quiet 2>split.err || st=$?
check "split: exit 0" [ "$st" = 0 ]
names=$(cd split && ls -A | tr '\n' '|')
check "split: Redump names (Track 1) ... (Track 6) and one sheet" \
	[ "$names" = "Peer Disc (Track 1).bin|Peer Disc (Track 2).bin|Peer Disc (Track 3).bin|Peer Disc (Track 4).bin|Peer Disc (Track 5).bin|Peer Disc (Track 6).bin|Peer Disc.cue|" ]
check "split: the files joined are the one-file BIN" \
	bash -c "cat split/'Peer Disc (Track '[1-6]').bin' | cmp - one/disc.bin"
check "split: six FILE lines" [ "$(grep -c '^FILE "Peer Disc (Track [1-6]).bin" BINARY$' "split/Peer Disc.cue")" = 6 ]
check "split: rawcd toc of the split sheet equals the input's" \
	bash -c "diff <('$rawcd' toc mixed.cue --format json | jq -S 'del(.tracks[].mode)') \
		      <('$rawcd' toc 'split/Peer Disc.cue' --format json | jq -S 'del(.tracks[].mode)')"

# bchunk: a track's start is its LAST INDEX in its file, its end the end of its file.
mkdir bchunk
# bchunk reads the whole sheet against the one file it is given, so each track file is cut on its own:
# a one-track sheet per file (the FILE line and the track's lines), which is the split sheet's own text.
python3 - "split/Peer Disc.cue" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
parts = re.split(r'(?m)^(?=FILE )', text)
for i, part in enumerate(parts[1:], 1):
    open("bchunk/t%d.cue" % i, "w").write(part)
PY
ok=1
for i in 1 2 3 4 5 6; do
	(cd bchunk && bchunk -w "../split/Peer Disc (Track $i).bin" "t$i.cue" "t$i-" >>bchunk.out 2>&1) || ok=0
done
check "bchunk ran on every track file" [ "$ok" = 1 ]
check "bchunk: track 1 is the ISO byte for byte" cmp bchunk/t1-01.iso data.iso
python3 - "split/Peer Disc.cue" <<'PY' >bchunk-cmp.txt 2>&1 || true
import re, sys, wave
def frames(t):
    m, s, f = (int(x) for x in t.split(":"))
    return (m * 60 + s) * 75 + f
text = open(sys.argv[1]).read()
bad = 0
for i, part in enumerate(re.split(r'(?m)^(?=FILE )', text)[1:], 1):
    if " AUDIO" not in part:
        continue
    last = [frames(x) for x in re.findall(r'INDEX \d\d (\d\d:\d\d:\d\d)', part)][-1]
    raw = open("split/Peer Disc (Track %d).bin" % i, "rb").read()[last * 2352:]
    w = wave.open("bchunk/t%d-%02d.wav" % (i, int(re.search(r'TRACK (\d\d)', part).group(1))))
    pcm = w.readframes(w.getnframes())
    if pcm != raw:
        print("track %d: WAV samples differ from the track file from its last INDEX" % i)
        bad += 1
print("wav-ok" if not bad else "wav-bad")
PY
check "bchunk: every WAV is the track file's audio from its last INDEX" grep -qx wav-ok bchunk-cmp.txt
grep -v '^wav-' bchunk-cmp.txt >&2 || true

# --- (d) chdman -------------------------------------------------------------------------------------
for kind in one split; do
	sheet=one/disc.cue
	[ "$kind" = split ] && sheet="split/Peer Disc.cue"
	st=0
	chdman createcd -i "$sheet" -o "$kind.chd" >"$kind.chdman" 2>&1 || st=$?
	check "chdman createcd accepts the $kind sheet" [ "$st" = 0 ]
	st=0
	chdman extractcd -i "$kind.chd" -o "$kind-x.cue" -ob "$kind-x.bin" >>"$kind.chdman" 2>&1 || st=$?
	check "chdman extractcd of the $kind CHD: exit 0" [ "$st" = 0 ]
	check "chdman extractcd of the $kind CHD gives the one-file BIN byte for byte" cmp "$kind-x.bin" one/disc.bin
done

# --- (e) --split --format toc ----------------------------------------------------------------------
mkdir splittoc
"$rawcd" convert mixed.cue -o splittoc/disc.bin --split --format toc --quiet
check "split toc: six track files and disc.toc" [ "$(cd splittoc && ls -A | wc -l)" = 7 ]
check "split toc: every track from byte 0 of its own file" \
	[ "$(grep -cE '^(DATAFILE|FILE) "disc \(Track [1-6]\)\.bin"( SWAP)? #0 ' splittoc/disc.toc)" = 6 ]
want=$(rawcd_starts mixed.cue)
got=$(cdrdao_starts "$tmp/mixed/splittoc/disc.toc")
check "split toc: cdrdao show-toc starts and lead-out ($got) are rawcd's ($want)" [ "$got" = "$want" ]

# Redump's names for 10+ tracks and for one track.
head -c $((2352 * 3000)) /dev/zero >ten.bin
{
	echo 'FILE "ten.bin" BINARY'
	for t in $(seq 1 10); do
		printf '  TRACK %02d AUDIO\n    INDEX 01 %02d:%02d:00\n' "$t" $(((t - 1) * 4 / 60)) $(((t - 1) * 4 % 60))
	done
} >ten.cue
mkdir ten single
"$rawcd" convert ten.cue -o ten/T.bin --split --quiet
check "10 tracks: (Track 01) ... (Track 10)" \
	[ "$(cd ten && ls -A | tr '\n' '|')" = "T (Track 01).bin|T (Track 02).bin|T (Track 03).bin|T (Track 04).bin|T (Track 05).bin|T (Track 06).bin|T (Track 07).bin|T (Track 08).bin|T (Track 09).bin|T (Track 10).bin|T.cue|" ]
printf 'FILE "ten.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >one.cue
"$rawcd" convert one.cue -o single/S.bin --split --quiet
check "1 track: S.bin and S.cue" [ "$(cd single && ls -A | tr '\n' ' ')" = "S.bin S.cue " ]

# --- (f) refusals -----------------------------------------------------------------------------------
mkdir refused
st=0
"$rawcd" convert mixed.cue -o refused/x.img --format clonecd --split 2>refused.err || st=$?
check "--split with clonecd: exit 2, says so" bash -c "[ $st = 2 ] && grep -q -- '--split' refused.err"
printf 'REM SESSION 01\nFILE "ten.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\nREM SESSION 02\n  TRACK 02 AUDIO\n    INDEX 01 00:20:00\n' >two.cue
for opt in "--format toc" "--split"; do
	st=0
	# shellcheck disable=SC2086
	"$rawcd" convert two.cue -o refused/two.bin $opt 2>refused.err || st=$?
	check "two sessions with $opt: refused (exit $st), naming the reason" \
		bash -c "[ $st != 0 ] && grep -qi 'session' refused.err"
done
check "refusals: nothing written" [ -z "$(ls -A refused)" ]

finish
