#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""cdrdao's testtocs/*.toc through `rawcd toc`, against cdrdao's own gold/*.showtoc.

For every TOC file with a gold file: each track's mode, flags (COPY, PRE-EMPHASIS, FOUR CHANNEL), ISRC,
PREGAP, START, INDEX n and END LBA, the catalog number and the lead-out, from `rawcd toc X --format
json`; and the CD-TEXT strings of every block of the disc and of each track, decoded here (not by rawcd)
from the packs `rawcd toc X --toc-format 5 --format hex` gives: ISO-8859-1 (00h), ASCII (01h) and
MS-JIS (80h, code page 932, double-byte) blocks. Prints "ok:"/"FAIL:" lines and "P passed, F failed".
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from showtoc import ITEMS, parse_gold, rawcd_layout, showtoc_layout  # noqa: E402

RAWCD = os.environ["RAWCD_BIN"]
SHARED = os.environ["RAWCD_SHARED_TESTDATA"]
TOCS = os.path.join(SHARED, "cdrdao_cdrdao", "testtocs")

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok: " + name)
    else:
        failed += 1
        print("FAIL: " + name + ("\n  " + detail if detail else ""))


def rawcd(*args):
    r = subprocess.run([RAWCD] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def decode_packs(hex_text):
    """Blocks {n: {'charset', 'strings': {(type, track): text}}} decoded from READ TOC format 5 hex."""
    data = bytes.fromhex(hex_text.replace("\n", " "))[4:]
    packs = [data[i:i + 18] for i in range(0, len(data), 18)]
    blocks = {}
    for p in packs:
        b = (p[3] >> 4) & 7
        blk = blocks.setdefault(b, {"payload": {}, "charset": None, "dbcc": bool(p[3] & 0x80)})
        if p[0] == 0x8F:
            if p[1] == 0:
                blk["charset"] = p[4]
            continue
        first = blk["payload"].setdefault(p[0], [p[1], b""])
        first[1] += p[4:16]
    for b, blk in blocks.items():
        blk["strings"] = {}
        codec = {0x00: "latin-1", 0x01: "ascii", 0x80: "cp932"}[blk["charset"]]
        for t, (track, raw) in blk["payload"].items():
            if t == 0x87:
                raw = raw[2:]       # the genre code
            step = 2 if blk["dbcc"] else 1
            parts, cur, i = [], b"", 0
            while i + step <= len(raw):
                unit = raw[i:i + step]
                i += step
                if unit == b"\0" * step:
                    parts.append(cur)
                    cur = b""
                else:
                    cur += unit
            for k, part in enumerate(parts):
                blk["strings"][(t, track + k)] = part.decode(codec, "replace")
    return blocks


def expected_text(words, block_count):
    """Split show-toc's flat list of an entity's items into blocks: an item word that comes again starts
    the next block (show-toc prints block after block, the items in type order)."""
    per_block, seen = [[]], set()
    for word, text in words:
        if word in seen:
            per_block.append([])
            seen = set()
        seen.add(word)
        per_block[-1].append((ITEMS[word], text))
    return per_block


def check_text(name, gold, blocks):
    ordered = [blocks[b] for b in sorted(blocks)]
    entities = [(0, gold["disc_text"])] + [(t["number"], t["text"]) for t in gold["tracks"]]
    for number, words in entities:
        want = expected_text(words, len(ordered))
        who = "disc" if number == 0 else "track %d" % number
        for k, items in enumerate(want):
            if not items:
                continue
            got = [(t, ordered[k]["strings"].get((t, number))) if k < len(ordered) else (t, None)
                   for t, _ in items]
            check("%s: CD-TEXT block %d of the %s" % (name, k, who), got == items,
                  "got %r, gold %r" % (got, items))


def check_toc(name):
    gold = parse_gold(os.path.join(TOCS, "gold", name + ".showtoc"))
    rc, out, err = rawcd("toc", os.path.join(TOCS, name + ".toc"), "--format", "json")
    check("%s: rawcd toc succeeds" % name, rc == 0, err)
    if rc:
        return
    j = json.loads(out)
    tracks = j["tracks"]
    check("%s: %d tracks" % (name, len(gold["tracks"])), len(tracks) == len(gold["tracks"]))
    check("%s: catalog" % name, j.get("mcn") == gold["catalog"], "got %r" % j.get("mcn"))
    for g, got, want in zip(gold["tracks"], rawcd_layout(j), showtoc_layout(gold)):
        check("%s: track %d layout and flags" % (name, g["number"]), got == want,
              "got  %r\n  gold %r" % (got, want))
    if gold["disc_text"] or any(t["text"] for t in gold["tracks"]):
        rc, out, err = rawcd("toc", os.path.join(TOCS, name + ".toc"), "--toc-format", "5", "--format", "hex")
        check("%s: CD-TEXT packs" % name, rc == 0 and out.strip(), err)
        if rc == 0:
            check_text(name, gold, decode_packs(out))


def main():
    names = sorted(f[:-8] for f in os.listdir(os.path.join(TOCS, "gold")) if f.endswith(".showtoc"))
    check("gold files found", len(names) >= 20, "found %d" % len(names))
    for name in names:
        if os.path.exists(os.path.join(TOCS, name + ".toc")):
            check_toc(name)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
