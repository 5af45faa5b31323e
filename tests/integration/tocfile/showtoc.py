# SPDX-License-Identifier: GPL-2.0-or-later
"""The output of `cdrdao show-toc` (and cdrdao's gold/*.showtoc files, which are that output), parsed; and
the layout `rawcd toc --format json` gives, in the same terms. Shared by gold_layout.py and peers.py."""
import re

# cdrdao's mode words → rawcd's mode names (RW / RW_RAW sub-channel data is not kept on data tracks).
MODES = {"AUDIO": "AUDIO", "MODE0": "MODE0", "MODE1": "MODE1/2048", "MODE1_RAW": "MODE1/2352",
         "MODE2": "MODE2", "MODE2_FORM1": "MODE2_FORM1", "MODE2_FORM2": "MODE2_FORM2",
         "MODE2_FORM_MIX": "MODE2/2336", "MODE2_RAW": "MODE2/2352", "AUDIO RW_RAW": "CDG"}
# show-toc's CD-TEXT words → pack types (UPC_EAN is 8Eh for the disc and the tracks alike).
ITEMS = {"TITLE": 0x80, "PERFORMER": 0x81, "SONGWRITER": 0x82, "COMPOSER": 0x83, "ARRANGER": 0x84,
         "MESSAGE": 0x85, "DISC_ID": 0x86, "GENRE": 0x87, "UPC_EAN": 0x8E, "ISRC": 0x8E}

def unescape(s):
    return s.replace('\\"', '"').replace("\\\\", "\\")


def parse_gold(path):
    """{'catalog', 'tracks': [{...}], 'disc_text': [(word, text)]} from a show-toc file."""
    gold = {"catalog": None, "tracks": [], "disc_text": []}
    cur = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"TRACK\s+(\d+)\s+Mode (.*):$", line)
        if m:
            cur = {"number": int(m.group(1)), "mode": m.group(2), "pregap": 0, "index": {}, "text": [],
                   "isrc": None, "copy": False, "pre": False, "four": False}
            gold["tracks"].append(cur)
            continue
        m = re.match(r"CATALOG NUMBER: (\d+)", line)
        if m:
            gold["catalog"] = m.group(1)
            continue
        s = line.strip()
        m = re.match(r'(\w+) "(.*)"$', s)
        if m and m.group(1) in ITEMS:
            (cur["text"] if cur else gold["disc_text"]).append((m.group(1), unescape(m.group(2))))
            continue
        if cur is None:
            continue
        m = re.match(r"(PREGAP|START|END|INDEX\s+(\d+))\s+[\d:]+\(\s*(\d+)\)", s)
        if m:
            key = "index" if m.group(2) else m.group(1).lower()
            if m.group(2):
                cur["index"][int(m.group(2))] = int(m.group(3))
            else:
                cur[key] = int(m.group(3))
        elif s.startswith("ISRC "):
            cur["isrc"] = s[5:].replace(" ", "")
        elif s == "COPY PERMITTED":
            cur["copy"] = True
        elif s == "PRE-EMPHASIS":
            cur["pre"] = True
        elif s == "FOUR CHANNEL AUDIO":
            cur["four"] = True
    return gold



def rawcd_layout(j):
    """Per track, from rawcd's JSON: what show-toc prints (END = the next track's pregap start)."""
    out = []
    tracks = j["tracks"]
    for k, t in enumerate(tracks):
        nxt = tracks[k + 1] if k + 1 < len(tracks) else None
        end = nxt["start_lba"] - nxt["pregap"] if nxt else j["leadout_lba"]
        idx = {x["number"]: x["lba"] for x in t["indexes"] if x["number"] >= 2}
        out.append({"mode": t["mode"], "pregap": t["pregap"], "start": t["start_lba"], "end": end, "index": idx,
                    "isrc": t["isrc"], "copy": "DCP" in t["flags"], "pre": "PRE" in t["flags"],
                    "four": "4CH" in t["flags"]})
    return out


def showtoc_layout(g):
    """Per track, from a parsed show-toc: the same keys as rawcd_layout()."""
    return [{"mode": MODES.get(t["mode"], MODES.get(t["mode"].split()[0])), "pregap": t["pregap"],
             "start": t["start"], "end": t["end"], "index": t["index"], "isrc": t["isrc"], "copy": t["copy"],
             "pre": t["pre"], "four": t["four"]} for t in g["tracks"]]
