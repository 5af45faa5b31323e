#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Peer test: `rawcd toc --format json` against `cdrdao show-toc` on the same mixed-mode CUE sheet
# (MODE1/2048 ISO from xorriso + WAVE tracks with PREGAP, INDEX 00 inside the files, FLAGS DCP/PRE,
# ISRC, CATALOG, CD-TEXT; see make_mixed_disc.sh).
#
# Compared, for every track: the INDEX 01 LBA (cdrdao's START), the pregap length in sectors
# (cdrdao's PREGAP; 0 when it prints none), the mode (AUDIO or MODE1), the copy-permitted and
# pre-emphasis bits of the control field, and the ISRC; for the disc: first and last track, the
# lead-out LBA (END of the last track) and the media catalog number.
#
# What cdrdao 1.2.4 gets wrong, so the sheet avoids it (rawcd follows the CUE sheet definition):
#  - INDEX 02 and above in a track whose INDEX 00 is inside the file are placed relative to INDEX 01
#    instead of the file start (INDEX 02 00:05:00 with INDEX 01 00:01:37 comes out 112 sectors
#    late), so cdrdao gets mixed-noidx2.cue, the sheet without INDEX 02+.
#  - PREGAP together with INDEX 00 in one track is refused ("PREGAP allowed only once per track").
#  - A track whose TRACK line comes before the FILE that holds its INDEX 01 is sized from the
#    previous file, and an INDEX 00 in the previous file is refused ("Pregap out of range").
#
# Needs cdrdao, jq, xorriso, sox, python3; exits 77 (skip) when one is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

for tool in cdrdao jq xorriso sox python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: '$tool' is not installed (apt-get install cdrdao jq xorriso sox python3)"
        exit 77
    fi
done
if [[ -z ${RAWCD_BIN:-} || ! -x $RAWCD_BIN ]]; then
    echo "RAWCD_BIN must name the rawcd executable (it is set by meson test)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$here/make_mixed_disc.sh" "$work"
sheet="$work/mixed-noidx2.cue"

# --- rawcd ---------------------------------------------------------------------------------------
if ! "$RAWCD_BIN" toc "$sheet" --format json >"$work/rawcd.json" 2>"$work/rawcd.err"; then
    echo "FAIL: rawcd toc exited non-zero on $sheet:" >&2
    cat "$work/rawcd.err" >&2
    exit 1
fi
# control bit 1 (0x2) = digital copy permitted, bit 0 (0x1) = pre-emphasis (ECMA-130 22.3.2.1).
jq -r '
    "disc first=\(.first_track) last=\(.last_track) leadout=\(.leadout_lba) mcn=\(.mcn // "-")",
    (.tracks[] |
        "track \(.number) mode=\(.mode | sub("/.*"; "")) start=\(.start_lba) pregap=\(.pregap)"
        + " copy=\((.control / 2 | floor) % 2) pre=\(.control % 2) isrc=\(.isrc // "-")")
' "$work/rawcd.json" >"$work/rawcd.txt"

# --- cdrdao --------------------------------------------------------------------------------------
# show-toc prints, per track: "TRACK  n  Mode X:", "ISRC CC OOO YY NNNNN", "COPY [NOT ]PERMITTED",
# "[NO ]PRE-EMPHASIS" (audio only), "PREGAP mm:ss:ff(len)", "START mm:ss:ff(lba)",
# "INDEX  n mm:ss:ff(lba)", "END mm:ss:ff(lba)"; the number in parentheses is in sectors, START
# and END absolute, PREGAP the length of the pregap before START.
if ! (cd "$work" && cdrdao show-toc "$(basename "$sheet")") >"$work/cdrdao.out" 2>"$work/cdrdao.err"; then
    echo "FAIL: cdrdao show-toc failed on $sheet:" >&2
    cat "$work/cdrdao.err" "$work/cdrdao.out" >&2
    exit 1
fi
awk '
    function sectors(line) {
        if (!match(line, /\( *[0-9]+\)/)) { print "cannot read sectors from: " line > "/dev/stderr"; exit 2 }
        line = substr(line, RSTART + 1, RLENGTH - 2)
        gsub(/ /, "", line)
        return line + 0
    }
    function flush() {
        if (n != "")
            tracks[++count] = sprintf("track %d mode=%s start=%s pregap=%d copy=%d pre=%d isrc=%s",
                                      n, mode, start, pregap, copy, pre, isrc)
    }
    /^CATALOG NUMBER:/ { mcn = $3 }
    /^TRACK +[0-9]+ +Mode / {
        flush()
        n = $2; mode = $4; sub(/:$/, "", mode)
        if (first == "") first = n
        last = n; start = "?"; pregap = 0; copy = 0; pre = 0; isrc = "-"
    }
    /^ +ISRC /               { isrc = $2 $3 $4 $5 $6 }
    /^ +COPY PERMITTED/      { copy = 1 }
    /^ +PRE-EMPHASIS/        { pre = 1 }
    /^ +PREGAP /             { pregap = sectors($0) }
    /^ +START /              { start = sectors($0) }
    /^ +END /                { leadout = sectors($0) }
    END {
        flush()
        printf "disc first=%d last=%d leadout=%s mcn=%s\n", first, last, leadout, (mcn == "" ? "-" : mcn)
        for (i = 1; i <= count; i++) print tracks[i]
    }
' "$work/cdrdao.out" >"$work/cdrdao.txt"

if ! grep -q '^track ' "$work/cdrdao.txt"; then
    echo "FAIL: no tracks read from cdrdao show-toc output:" >&2
    cat "$work/cdrdao.out" >&2
    exit 1
fi

if ! diff -u --label "rawcd toc --format json" --label "cdrdao show-toc" \
        "$work/rawcd.txt" "$work/cdrdao.txt"; then
    echo "FAIL: rawcd and cdrdao $(cdrdao 2>&1 | sed -n 's/^Cdrdao version \([^ ]*\).*/\1/p') disagree on this sheet:" >&2
    cat "$sheet" >&2
    exit 1
fi
echo "ok: rawcd and cdrdao agree on $(grep -c '^track ' "$work/rawcd.txt") tracks:"
cat "$work/rawcd.txt"
