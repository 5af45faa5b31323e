#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""rawcd's TOC reader against the peers Debian ships, on the same .toc files.

1. `cdrdao show-toc X.toc` (cdrdao 1.2.4, the grammar's owner) and `rawcd toc X.toc --format json` agree
   on every track's mode, flags, ISRC, PREGAP, START, INDEX and END LBA, for cdrdao's testtocs and for
   the real read-toc files of whipper and cuetools. Their audio and data files are not in the test data:
   zero-filled ones of the size each TOC needs (a WAVE header for ".wav" names) are made in a temporary
   folder, sparse.
   Against whipper's own assertions too: absolute index LBAs and cd-discid track offsets.
2. Where the files are missing, rawcd refuses only for that: exit 2 and a message naming the file.
3. `cd-info --toc-file` (libcdio 2.1.0) is compared only on a TOC of consecutive pieces of one file with
   no SILENCE, ZERO, PREGAP or START, each with its length: it gives each track the LSN of its piece's
   start *in the file*, not on the disc (shared/testdata INDEX.md: negative or out-of-order LSNs for
   SILENCE/ZERO/START), and puts the lead-out at the last piece's start plus the whole file when the last
   length is open; both are the disc's LBAs only for such a TOC. The same TOC goes through cdrdao too.
Debian's cdrdao is 1.2.4: it does not know the ENCODING_* words of 3encodings.toc (the gold file, made by
a later cdrdao, covers that one: gold_layout.py), and it refuses FILE in an AUDIO RW_RAW track, which its
own read-toc wrote in cuetools' test001.toc: cdrdao reads that one with RW_RAW taken out (rawcd calls the
track CDG, cdrdao AUDIO).
Prints "ok:"/"FAIL:" lines and "P passed, F failed".
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from showtoc import parse_gold, rawcd_layout, showtoc_layout  # noqa: E402

RAWCD = os.environ["RAWCD_BIN"]
SHARED = os.environ["RAWCD_SHARED_TESTDATA"]
BLOCK = {"AUDIO": 2352, "MODE0": 2336, "MODE1": 2048, "MODE1_RAW": 2352, "MODE2": 2336, "MODE2_FORM1": 2048,
         "MODE2_FORM2": 2324, "MODE2_FORM_MIX": 2336, "MODE2_RAW": 2352}
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok: " + name)
    else:
        failed += 1
        print("FAIL: " + name + ("\n  " + detail if detail else ""))


def run(argv, cwd=None):
    r = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def amount(word, audio, block):
    """Bytes of a TOC length or position: mm:ss:ff in blocks, else samples (audio) or bytes."""
    m = re.fullmatch(r"(\d+):(\d+):(\d+)", word or "")
    if m:
        return ((int(m.group(1)) * 60 + int(m.group(2))) * 75 + int(m.group(3))) * block
    if word and word.isdigit():
        return int(word) * (4 if audio else 1)
    return None


def needed_files(toc_text):
    """{name: bytes of data needed} for the files a TOC names (one minute more when a length is open)."""
    need, mode, sub = {}, "AUDIO", 0
    for line in toc_text.splitlines():
        line = line.split("//")[0]
        m = re.match(r"\s*TRACK\s+(\w+)(\s+RW(_RAW)?)?", line)
        if m:
            mode, sub = m.group(1), 96 if m.group(2) else 0
            continue
        m = re.match(r'\s*(FILE|AUDIOFILE|DATAFILE)\s+"([^"]+)"\s*(SWAP\s*)?(#(\d+)\s*)?(\S+)?\s*(\S+)?', line)
        if not m:
            continue
        audio, block = mode == "AUDIO", BLOCK.get(mode, 2352) + sub
        off = int(m.group(5) or 0)
        if m.group(1) == "DATAFILE":
            start, length = 0, amount(m.group(6), audio, block)
        else:
            start, length = amount(m.group(6), audio, block) or 0, amount(m.group(7), audio, block)
        end = off + start + (length if length else 60 * 75 * block)
        need[m.group(2)] = max(need.get(m.group(2), 0), end)
    return need


def make_file(path, data_bytes):
    with open(path, "wb") as f:
        if path.lower().endswith(".wav"):
            f.write(b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVEfmt " +
                    struct.pack("<IHHIIHH", 16, 1, 2, 44100, 176400, 4, 16) + b"data" + struct.pack("<I", data_bytes))
            data_bytes += 44
        f.truncate(data_bytes)


def for_cdrdao_124(toc, folder):
    """The TOC as Debian's cdrdao 1.2.4 reads it: FILE in AUDIO RW_RAW tracks made plain AUDIO."""
    text = open(toc, encoding="latin-1").read()
    if not re.search(r"^TRACK AUDIO RW_RAW", text, re.M):
        return os.path.basename(toc), set()
    cdg = {k + 1 for k, m in enumerate(re.findall(r"^TRACK (.*)$", text, re.M)) if m.strip() == "AUDIO RW_RAW"}
    open(os.path.join(folder, "plain.toc"), "w", encoding="latin-1").write(
        re.sub(r"^TRACK AUDIO RW_RAW", "TRACK AUDIO", text, flags=re.M))
    return "plain.toc", cdg


def compare_with_cdrdao(label, toc, folder):
    name, cdg = for_cdrdao_124(toc, folder)
    rc, out, err = run(["cdrdao", "show-toc", name], cwd=folder)
    check("%s: cdrdao show-toc reads it" % label, rc == 0, err[-500:])
    rc2, out2, err2 = run([RAWCD, "toc", os.path.basename(toc), "--format", "json"], cwd=folder)
    check("%s: rawcd toc reads it" % label, rc2 == 0, err2[-500:])
    if rc or rc2:
        return None
    gold_path = os.path.join(folder, "show-toc.out")
    open(gold_path, "w", encoding="utf-8").write(out)
    want, j = showtoc_layout(parse_gold(gold_path)), json.loads(out2)
    got = rawcd_layout(j)
    check("%s: %d tracks as cdrdao" % (label, len(want)), len(got) == len(want), "rawcd %d" % len(got))
    for k, (g, w) in enumerate(zip(got, want)):
        if k + 1 in cdg and g["mode"] == "CDG" and w["mode"] == "AUDIO":
            w = dict(w, mode="CDG")
        check("%s: track %d as cdrdao" % (label, k + 1), g == w, "rawcd  %r\n  cdrdao %r" % (g, w))
    return j


# What whipper's own tests (whipper/test/test_image_toc.py) assert about these read-toc files: absolute
# index LBAs (track, index) and cd-discid's track offsets (LBA + 150; only the tracks of the TOC's own
# session: ladyhawke's data track and capital's second session lie beyond a session gap it cannot show).
WHIPPER_INDEXES = {
    "cure.toc": {(1, 1): 0, (2, 0): 28245, (2, 1): 28324, (3, 1): 46110, (4, 1): 66767},
    "bloc.toc": {(1, 0): 0, (1, 1): 15220, (5, 0): 84070, (5, 1): 84142},
    "strokes-someday.toc": {(1, 0): 0, (1, 1): 1},
    "surferrosa.toc": {(1, 0): 0, (1, 1): 32, (11, 1): 111257, (11, 2): 111257 + 3370},
}
WHIPPER_OFFSETS = {
    "bloc.toc": [15370, 35019, 51532, 69190, 84292, 96826, 112527, 132448, 148595, 168072, 185539, 203331, 222103],
    "ladyhawke.toc": [150, 15687, 31841, 51016, 66616, 81352, 99559, 116070, 133243, 149997, 161710, 177832],
    "capital.1.toc": [24320, 44855, 64090, 77885, 88095, 104020, 118245, 129255, 141765, 164487, 181780],
}


def check_whipper(label, name, j):
    want = WHIPPER_INDEXES.get(name)
    if want:
        got = {(t["number"], x["number"]): x["lba"] for t in j["tracks"] for x in t["indexes"]}
        got = {k: got.get(k) for k in want}
        check("%s: index LBAs whipper asserts" % label, got == want, "rawcd %r\n  whipper %r" % (got, want))
    offsets = WHIPPER_OFFSETS.get(name)
    if offsets:
        got = [t["start_lba"] + 150 for t in j["tracks"]][:len(offsets)]
        check("%s: cd-discid offsets whipper asserts" % label, got == offsets, "rawcd %r" % got)


def with_files(label, toc, top):
    folder = tempfile.mkdtemp(dir=top)
    dst = os.path.join(folder, os.path.basename(toc))
    shutil.copy(toc, dst)
    for name, size in needed_files(open(toc, encoding="latin-1").read()).items():
        make_file(os.path.join(folder, name), size)
    j = compare_with_cdrdao(label, dst, folder)
    if j is not None:
        check_whipper(label, os.path.basename(toc), j)


def refused_for_missing_file(label, toc):
    rc, out, err = run([RAWCD, "toc", toc])
    names = needed_files(open(toc, encoding="latin-1").read())
    missing = [n for n in names if not os.path.exists(os.path.join(os.path.dirname(toc), n))]
    if not missing:
        check("%s: read where it is" % label, rc == 0, err[-500:])
        return
    ok = rc == 2 and re.search(r'^rawcd: .*\.toc:\d+: FILE "(%s)" cannot be opened' %
                               "|".join(re.escape(n) for n in missing), err, re.M)
    check("%s: refused only for its missing file, named" % label, bool(ok), err[-500:])


def cd_info_case(top):
    folder = tempfile.mkdtemp(dir=top)
    make_file(os.path.join(folder, "disc.wav"), 588 * 4 * (1500 + 1200 + 2000))
    toc = os.path.join(folder, "one.toc")
    open(toc, "w").write('CD_DA\nTRACK AUDIO\nFILE "disc.wav" 0 00:20:00\nTRACK AUDIO\n'
                         'FILE "disc.wav" 00:20:00 00:16:00\nTRACK AUDIO\nFILE "disc.wav" 00:36:00 00:26:50\n')
    j = compare_with_cdrdao("one-file TOC", toc, folder)
    rc, out, err = run(["cd-info", "--no-header", "--no-device-info", "--no-cddb", "--toc-file", "one.toc"],
                       cwd=folder)
    check("one-file TOC: cd-info reads it", rc == 0, err[-500:])
    lsn = [int(m.group(2)) for m in re.finditer(r"^\s*(\d+): \d\d:\d\d:\d\d\s+(\d+) ", out, re.M)]
    if j is not None:
        want = [t["start_lba"] for t in j["tracks"]] + [j["leadout_lba"]]
        check("one-file TOC: track starts and lead-out as cd-info", lsn == want, "cd-info %r, rawcd %r" % (lsn, want))


def main():
    top = tempfile.mkdtemp(prefix="rawcd-tocpeers-")
    try:
        testtocs = os.path.join(SHARED, "cdrdao_cdrdao", "testtocs")
        for name in sorted(os.listdir(testtocs)):
            if name.endswith(".toc") and name != "3encodings.toc":
                compare_with_cdrdao("testtocs/" + name, os.path.join(testtocs, name), testtocs)
        real = [os.path.join(SHARED, "whipper-team_whipper", "whipper", "test"),
                os.path.join(SHARED, "svend_cuetools", "historic_test")]
        for d in real:
            for name in sorted(os.listdir(d)):
                if name.endswith(".toc") and name != "empty.toc":
                    toc = os.path.join(d, name)
                    label = os.path.basename(os.path.dirname(d)) + "/" + name
                    refused_for_missing_file(label, toc)
                    with_files(label, toc, top)
        cd_info_case(top)
    finally:
        shutil.rmtree(top)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
