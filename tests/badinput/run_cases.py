#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Run the bad-input corpus (cases.txt) against the rawcd CLI.

Each case builds a folder in/ (the sheet t.cue and the files it names, generated here: nothing large or
binary is kept in the repository) and an empty folder out/, then runs each of its commands in in/:
  check    rawcd check t.cue
  toc      rawcd toc t.cue
  convert  rawcd convert t.cue -o ../out/x.bin
(with sheet-file: NAME, the commands name NAME instead of t.cue: t.toc for a cdrdao TOC file)
and asserts for each: the exit status, that stderr matches the case's regular expression (Python re,
MULTILINE: where the sheet has a line, '^rawcd: t\\.cue:LINE: ' and words of what is wrong), that it
finishes within the time limit, that in/ is exactly as before (names, kinds, sizes, checksums; so no
temporary .x.bin.rawcd-* file and no change to an input) and that out/ is empty afterwards (or holds
exactly the files named by 'output:' for a case that must succeed).

Usage: run_cases.py [--list] [NAME-REGEX]   (RAWCD_BIN names the rawcd executable)
Prints "ok:"/"FAIL:" per assertion and "P passed, F failed" (scripts/test.sh adds these up).
"""
import hashlib
import os
import re
import shlex
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RAWCD = os.environ.get("RAWCD_BIN") or os.path.join(HERE, "..", "..", "build", "src", "cli", "rawcd")
SHARED = os.environ.get("RAWCD_SHARED_TESTDATA") or os.path.join(HERE, "..", "..", "..", "shared", "testdata")
TIMEOUT = 10
COMMANDS = {
    "check": ["check", "t.cue"],
    "toc": ["toc", "t.cue"],
    "convert": ["convert", "t.cue", "-o", "../out/x.bin"],
}


# ---- the case file --------------------------------------------------------------------------------
class Case:
    def __init__(self, name, line):
        self.name, self.line = name, line
        self.keys = {}
        self.sheet = None

    def get(self, key, cmd=None, default=None):
        if cmd and key + "." + cmd in self.keys:
            return self.keys[key + "." + cmd]
        return self.keys.get(key, default)


def parse_cases(path):
    cases, case, in_sheet = [], None, False
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if line.startswith("== "):
            case = Case(line[3:].strip(), number)
            cases.append(case)
            in_sheet = False
        elif in_sheet and line.startswith("#"):     # a comment ends the sheet
            in_sheet = False
        elif case is None or (not in_sheet and (not line.strip() or line.lstrip().startswith("#"))):
            continue
        elif in_sheet:
            case.sheet += line + "\n"
        elif line == "sheet:":
            case.sheet, in_sheet = "", True
        else:
            key, sep, value = line.partition(":")
            if not sep:
                sys.exit("cases.txt:%d: expected 'key: value', 'sheet:' or '== name'" % number)
            case.keys[key.strip()] = value.strip()
    for c in cases:     # blank lines before the next case are not part of the sheet
        if c.sheet:
            c.sheet = c.sheet.rstrip("\n") + "\n"
    names = [c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit("cases.txt: duplicate case names: %s" % ", ".join(sorted(dup)))
    return cases


# ---- generated inputs -----------------------------------------------------------------------------
def rnd(n, seed):
    """n reproducible pseudo-random bytes."""
    out, block = bytearray(), hashlib.sha256(seed.encode()).digest()
    while len(out) < n:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:n])


def bcd(v):
    return (v // 10) << 4 | v % 10


def wav_bytes(rate, bits, channels, frames, fmt=1):
    block = channels * bits // 8
    data = rnd(frames * block, "wav")
    fmt_chunk = struct.pack("<HHIIHH", fmt, channels, rate, rate * block, block, bits)
    return (b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt_chunk) + 8 + len(data)) + b"WAVE" +
            b"fmt " + struct.pack("<I", len(fmt_chunk)) + fmt_chunk +
            b"data" + struct.pack("<I", len(data)) + data)


def run_tool(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_flac(folder, name, seconds=5, rate=44100):
    wav = os.path.join(folder, ".tmp.wav")
    run_tool(["sox", "-D", "-R", "-n", "-r", str(rate), "-c", "2", "-b", "16", "-e", "signed-integer", wav,
              "synth", str(seconds), "sine", "440", "gain", "-12"], folder)
    run_tool(["flac", "-s", "-f", "-o", name, wav], folder)
    os.unlink(wav)


def cdtext_packs(bad=None):
    """Packs of a small CD-TEXT block (title of the disc and one track, size information), built with
    the CRC of DESIGN.md §4; 'bad' spoils it: 'crc' flips a CRC, 'type' gives a pack type 0x70."""
    def crc16(data):
        c = 0
        for b in data:
            c ^= b << 8
            for _ in range(8):
                c = ((c << 1) ^ 0x1021) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
        return c
    packs, seq = [], 0
    text = b"Album\0Song\0"
    for i in range(0, 24, 12):
        chunk = text[i:i + 12].ljust(12, b"\0")
        packs.append(bytes([0x80, 0 if i == 0 else 1, seq, 0]) + chunk)
        seq += 1
    size = bytearray(36)
    size[0], size[1], size[2] = 0, 1, 1           # charset, first track, last track
    size[4] = 2                                    # packs of type 80h
    size[4 + 15] = 3                               # 8Fh
    size[20] = seq + 2                             # last sequence number of block 0
    size[28] = 9                                   # language: English
    for k in range(3):
        packs.append(bytes([0x8F, k, seq, 0]) + bytes(size[12 * k:12 * k + 12]))
        seq += 1
    out = b""
    for p in packs:
        c = crc16(p) ^ 0xFFFF
        out += p + struct.pack(">H", c)
    out = bytearray(out)
    if bad == "crc":
        out[18 + 16] ^= 0x55
    elif bad == "type":
        out[18] = 0x70
        c = crc16(bytes(out[18:34])) ^ 0xFFFF
        out[34:36] = struct.pack(">H", c)
    return bytes(out)


def mode1_sectors(folder, count, first_lba=0):
    """count raw Mode 1 sectors made by rawcd itself (convert of a MODE1/2048 sheet)."""
    work = tempfile.mkdtemp(dir=folder)
    with open(os.path.join(work, "d.iso"), "wb") as f:
        f.write(rnd(count * 2048, "iso"))
    with open(os.path.join(work, "d.cue"), "w") as f:
        f.write('FILE "d.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n')
    run_tool([RAWCD, "convert", "d.cue", "-o", "r.bin", "--quiet"], work)
    data = open(os.path.join(work, "r.bin"), "rb").read()
    shutil.rmtree(work)
    return data


RAW_SHEET = ('FILE "d.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
             'FILE "a.bin" BINARY\n  TRACK 02 AUDIO\n    INDEX 00 00:00:00\n    INDEX 01 00:02:00\n')


def raw_image(folder, name, fmt, op, args):
    """A raw image made by rawcd convert (track 1 MODE1/2048 of 400 sectors, so that its records have
    syncs; track 2 audio, INDEX 00 at LBA 400, INDEX 01 at 550; lead-out at 950; raw96 and pq16 from
    LBA 0, raw96-leadin: --lead-in=450 --lead-out=200, record = LBA + 450), then spoilt by
    op (record numbers count from the image's first record): tail:K drops the last K bytes, keep:R keeps
    R records, drop:R drops the first R, badcrc spoils every Q CRC, shift:FROM:DELTA moves the absolute
    time of every position frame from FROM on, settno/setidx:FROM:COUNT:V set TNO/INDEX of COUNT records,
    leadin:POINT:BYTE:VALUE sets a byte of a lead-in item (hex). Q edits keep the CRC valid."""
    sys.path.insert(0, os.path.join(HERE, "..", "integration", "rawimage"))
    import raw_tool
    work = tempfile.mkdtemp(dir=folder)
    with open(os.path.join(work, "d.iso"), "wb") as f:
        f.write(rnd(400 * 2048, "iso"))
    with open(os.path.join(work, "a.bin"), "wb") as f:
        f.write(rnd(550 * 2352, "raw"))
    with open(os.path.join(work, "d.cue"), "w") as f:
        f.write(RAW_SHEET)
    extra = {"raw96": ["--format", "raw96"], "pq16": ["--format", "pq16"],
             "raw96-leadin": ["--format", "raw96", "--lead-in=450", "--lead-out=200"]}[fmt]
    run_tool([RAWCD, "convert", "d.cue", "-o", "r.img", "--quiet"] + extra, work)
    img = raw_tool.Image(os.path.join(work, "r.img"))
    shutil.rmtree(work)
    n = [int(a, 16) if op == "leadin" else int(a) for a in args]
    size = img.size
    if op == "tail":
        img.data = img.data[:len(img.data) - n[0]]
    elif op == "keep":
        img.data = img.data[:n[0] * size]
    elif op == "drop":
        img.data = img.data[n[0] * size:]
    elif op == "badcrc":
        for r in range(img.records):
            q = img.q(r)
            q[11] ^= 0x5A
            img.put_q(r, q)
    elif op == "shift":
        for r in range(n[0], img.records):
            q = img.q(r)
            if q[0] & 15 == 1 and q[1] != 0:
                f = (raw_tool.unbcd(q[7]) * 60 + raw_tool.unbcd(q[8])) * 75 + raw_tool.unbcd(q[9]) + n[1]
                q[7], q[8], q[9] = bcd(f // 4500), bcd(f // 75 % 60), bcd(f % 75)
                raw_tool.set_crc(q)
                img.put_q(r, q)
    elif op in ("settno", "setidx"):
        for r in range(n[0], n[0] + n[1]):
            q = img.q(r)
            q[1 if op == "settno" else 2] = bcd(n[2]) if n[2] != 0xAA else 0xAA
            raw_tool.set_crc(q)
            img.put_q(r, q)
    elif op == "leadin":
        for r in range(img.records):
            q = img.q(r)
            if q[1] == 0 and q[2] == n[0] and q[0] & 15 == 1:
                q[n[1]] = n[2]
                raw_tool.set_crc(q)
                img.put_q(r, q)
    open(os.path.join(folder, name), "wb").write(bytes(img.data))


def generate(folder, spec):
    """One 'files:' item: NAME=KIND[:ARG...]."""
    name, _, kind = spec.partition("=")
    kind, *args = kind.split(":")
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path) or folder, exist_ok=True)
    n = int(args[0]) if args and args[0].isdigit() else 0
    if kind == "audio":                 # N sectors of 2352 bytes
        open(path, "wb").write(rnd(n * 2352, name))
    elif kind == "bytes":               # N bytes
        open(path, "wb").write(rnd(n, name))
    elif kind == "iso":                 # N sectors of 2048 bytes
        open(path, "wb").write(rnd(n * 2048, name))
    elif kind == "sparse":              # a sparse file of N bytes
        with open(path, "wb") as f:
            f.truncate(n)
    elif kind == "mode1":               # N real raw Mode 1 sectors
        open(path, "wb").write(mode1_sectors(folder, n))
    elif kind == "mode1-badlba":        # N raw Mode 1 sectors whose headers say LBA + 1000
        data = bytearray(mode1_sectors(folder, n))
        for i in range(n):
            a = i + 1000 + 150
            data[i * 2352 + 12:i * 2352 + 15] = bytes([bcd(a // 4500), bcd(a // 75 % 60), bcd(a % 75)])
        open(path, "wb").write(bytes(data))
    elif kind == "dir":
        os.makedirs(path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":             # symlink:TARGET
        os.symlink(args[0], path)
    elif kind == "wav":                 # wav:RATE:BITS:CHANNELS:FRAMES[:FORMAT]
        rate, bits, ch, frames = (int(x) for x in args[:4])
        fmt = int(args[4]) if len(args) > 4 else 1
        open(path, "wb").write(wav_bytes(rate, bits, ch, frames, fmt))
    elif kind == "sox":                 # sox:RATE:BITS:CHANNELS[:ENCODING]: 5 s of a tone
        rate, bits, ch = args[:3]
        enc = args[3] if len(args) > 3 else "signed-integer"
        run_tool(["sox", "-D", "-R", "-n", "-r", rate, "-c", ch, "-b", bits, "-e", enc, name,
                  "synth", "5", "sine", "440", "gain", "-12"], folder)
    elif kind in ("flac", "flac-truncated", "flac-flipped", "flac-nomagic", "flac48"):
        make_flac(folder, name, rate=48000 if kind == "flac48" else 44100)
        data = bytearray(open(path, "rb").read())
        if kind == "flac-truncated":
            data = data[:len(data) // 2]
        elif kind == "flac-flipped":    # spoil every frame's bytes past the metadata
            for i in range(len(data) // 3, len(data), 97):
                data[i] ^= 0xA5
        elif kind == "flac-nomagic":
            data[0:4] = b"fLaX"
        open(path, "wb").write(bytes(data))
    elif kind == "cdt":                 # cdt[:crc|type|partial|empty]
        spoil = args[0] if args else None
        data = cdtext_packs("crc" if spoil == "crc" else "type" if spoil == "type" else None)
        if spoil == "partial":
            data = data[:-5]
        elif spoil == "empty":
            data = b""
        open(path, "wb").write(data)
    elif kind == "rawimg":              # rawimg:FORMAT[:OP[:ARG...]] (raw_image())
        raw_image(folder, name, args[0], args[1] if len(args) > 1 else None, args[2:])
    elif kind == "hex":                 # hex:BYTES
        open(path, "wb").write(bytes.fromhex(args[0]))
    elif kind == "text":                # text:WORDS (underscores for spaces)
        open(path, "w").write(" ".join(args).replace("_", " ") + "\n")
    else:
        raise SystemExit("unknown file kind %r in %r" % (kind, spec))


CCD_ENTRY = ("[Entry {n}]\nSession=1\nPoint={point}\nADR=0x01\nControl=0x00\nTrackNo=0\nAMin=0\nASec=0\n"
             "AFrame=0\nALBA=-150\nZero=0\nPMin={m}\nPSec={s}\nPFrame={f}\nPLBA={lba}\n")


def ccd(drop=(), sub=(), extra=""):
    """The .ccd rawcd writes for one 400-sector audio track (as --format clonecd), as text; 'drop' removes
    the sections whose header starts with one of its strings, 'sub' is (old, new) replacements, 'extra'
    is appended."""
    def msf(lba):
        a = lba + 150
        return a // 4500, a // 75 % 60, a % 75
    parts = ["[CloneCD]\nVersion=3\n",
             "[Disc]\nTocEntries=4\nSessions=1\nDataTracksScrambled=0\nCDTextLength=0\n",
             "[Session 1]\nPreGapMode=0\nPreGapSubC=0\n"]
    for n, (point, m, s_, f, lba) in enumerate((("0xa0", 1, 0, 0, 4350), ("0xa1", 1, 0, 0, 4350),
                                                 ("0xa2",) + msf(400) + (400,), ("0x01",) + msf(0) + (0,))):
        parts.append(CCD_ENTRY.format(n=n, point=point, m=m, s=s_, f=f, lba=lba))
    parts.append("[TRACK 1]\nMODE=0\nINDEX 1=0\n")
    text = "".join(p for p in parts if not any(p.startswith(d) for d in drop)) + extra
    for old, new in sub:
        text = text.replace(old, new)
    return text.encode()


def ccd_cdtext(spoil=None):
    """A [CDText] section holding the packs of cdtext_packs() as CloneCD writes them (Entries=5, then
    'Entry k=' and 16 hex bytes: no CRC), to append to ccd(). 'spoil' makes it bad: 'crc' (entry 1 with
    18 bytes whose CRC is wrong), 'type' (entry 1 of type 70h), 'short' (entry 1 of 15 bytes), 'missing'
    (no entry 2), 'beyond' (an Entry 7), 'twice' (entry 1 again), 'order' (entries 0 and 1 swapped:
    sequence numbers out of order), 'unknown' (a key Foo=1 too), 'huge' (Entries=99999)."""
    data = cdtext_packs()
    packs = [bytearray(data[i:i + 18]) for i in range(0, len(data), 18)]
    hexes = [" ".join("%02x" % b for b in p[:16]) for p in packs]
    if spoil == "crc":
        p = packs[1]
        hexes[1] = " ".join("%02x" % b for b in p[:16] + bytes([p[16] ^ 0x55, p[17]]))
    elif spoil == "type":
        hexes[1] = "70" + hexes[1][2:]
    elif spoil == "short":
        hexes[1] = hexes[1][:-3]
    elif spoil == "order":
        hexes[0], hexes[1] = hexes[1], hexes[0]
    lines = ["[CDText]", "Entries=%d" % (99999 if spoil == "huge" else len(packs))]
    lines += ["Entry %d=%s" % (k, h) for k, h in enumerate(hexes) if not (spoil == "missing" and k == 2)]
    if spoil == "beyond":
        lines.append("Entry 7=" + hexes[0])
    elif spoil == "twice":
        lines.append("Entry 1=" + hexes[1])
    elif spoil == "unknown":
        lines.append("Foo=1")
    return "\n".join(lines) + "\n"


def sheet_bytes(case):
    expr = case.get("sheet-py")
    if expr is not None:
        return eval(expr, {"__builtins__": {}, "rnd": rnd, "bytes": bytes, "range": range, "len": len,
                           "ccd": ccd, "ccd_cdtext": ccd_cdtext})
    if case.sheet is None:
        return None
    return case.sheet.encode("utf-8")


# ---- running --------------------------------------------------------------------------------------
def snapshot(folder):
    rows = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            st = os.lstat(p)
            row = [os.path.relpath(p, folder), stat.S_IFMT(st.st_mode), st.st_size]
            if stat.S_ISREG(st.st_mode):
                h = hashlib.sha1()
                with open(p, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        h.update(block)
                row.append(h.hexdigest())
            rows.append(tuple(row))
    return rows


class Counter:
    def __init__(self):
        self.passed = self.failed = 0
        self.failures = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok: " + name)
        else:
            self.failed += 1
            self.failures.append(name)
            print("FAIL: " + name, file=sys.stderr)
            if detail:
                print("  " + detail.replace("\n", "\n  "), file=sys.stderr)
        return ok


def run_case(case, top, counter):
    needs = case.get("needs", default="")
    prefix = []
    for tool in needs.split():
        if tool == "nonroot" and os.geteuid() == 0:
            # Root reads every file: run rawcd as nobody instead (setpriv, util-linux).
            if not shutil.which("setpriv"):
                print("skip: %s: runs only as a normal user (root reads every file; no setpriv)" % case.name)
                return "skip"
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        if tool != "nonroot" and not shutil.which(tool):
            print("skip: %s: needs %s" % (case.name, tool))
            return "skip"
    base = os.path.join(top, re.sub(r"[^A-Za-z0-9_.-]", "_", case.name))
    inp, out = os.path.join(base, "in"), os.path.join(base, "out")
    os.makedirs(inp)
    os.makedirs(out)
    for spec in case.get("files", default="").split():
        generate(inp, spec)
    data = sheet_bytes(case)
    sheet_file = os.path.join(inp, case.get("sheet-file", default="t.cue"))
    if data is not None and not os.path.lexists(sheet_file):
        open(sheet_file, "wb").write(data)
    for name in case.get("chmod", default="").split():      # NAME=MODE
        n, _, mode = name.partition("=")
        os.chmod(os.path.join(inp, n), int(mode, 8))
    if prefix:      # nobody must reach in/ and t.cue, and write to out/
        for d in (top, base, inp):
            os.chmod(d, 0o755)
        os.chmod(out, 0o777)
        if os.path.exists(os.path.join(inp, "t.cue")):
            os.chmod(os.path.join(inp, "t.cue"), 0o644)
    cmds = case.get("cmd", default="check toc convert").split()
    for cmd in cmds:
        label = "%s [%s]" % (case.name, cmd)
        run = case.get("run", cmd)
        extra = shlex.split(case.get("args", cmd, ""))
        if run is not None:
            args = shlex.split(run)
        else:
            args = [os.path.basename(sheet_file) if a == "t.cue" else a for a in COMMANDS[cmd]] + extra
        argv = prefix + [RAWCD] + args
        want = int(case.get("exit", cmd))
        regex = case.get("msg", cmd)
        expect_out = sorted(case.get("output", cmd, "").split())
        before = snapshot(inp)
        try:
            r = subprocess.run(argv, cwd=inp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=TIMEOUT)
            status, err = r.returncode, r.stderr.decode("utf-8", "replace")
            text = r.stdout[:100000].decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            status, err, text = "timeout", (e.stderr or b"").decode("utf-8", "replace"), ""
            counter.check(label + ": finishes within %d s" % TIMEOUT, False,
                          "command: %s (in %s); killed after %d s" % (" ".join(argv), inp, TIMEOUT))
        after = snapshot(inp)
        shell = " ".join(shlex.quote(a) for a in argv[len(prefix) + 1:])
        shown = "command: %s\nexit %s, stderr:\n%s" % (shell, status, err[-2000:].rstrip())
        counter.check(label + ": exit %d" % want, status == want, shown)
        found = bool(regex) and re.search(regex, err, re.M) is not None
        counter.check(label + ": message /%s/" % regex, found, shown)
        changed = [x for x in after if x not in before] + [x for x in before if x not in after]
        counter.check(label + ": inputs untouched, nothing left beside them", not changed,
                      "changed or new in in/: %s" % sorted({x[0] for x in changed}))
        want_stdout = case.get("stdout", cmd)
        if want_stdout:
            found = re.search(want_stdout, text, re.M) is not None
            counter.check(label + ": stdout /%s/" % want_stdout, found, "stdout:\n" + text[-2000:])
        left = sorted(os.listdir(out))
        counter.check(label + ": out/ holds %s" % (" ".join(expect_out) or "nothing"), left == expect_out,
                      "out/ holds: %s" % left)
        for n in left:
            p = os.path.join(out, n)
            shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.unlink(p)
    return "run"


def main():
    args = sys.argv[1:]
    cases = parse_cases(os.path.join(HERE, "cases.txt"))
    if args and args[0] == "--list":
        for c in cases:
            print(c.name)
        return 0
    if args:
        cases = [c for c in cases if re.search(args[0], c.name)]
    if not os.access(RAWCD, os.X_OK):
        sys.exit("run_cases: no rawcd at %s (set RAWCD_BIN)" % RAWCD)
    counter = Counter()
    top = tempfile.mkdtemp(prefix="rawcd-badinput.")
    ran = skipped = 0
    try:
        for case in cases:
            try:
                outcome = run_case(case, top, counter)
            except (OSError, subprocess.CalledProcessError) as e:
                counter.check("%s: set up" % case.name, False, str(e))
                continue
            ran += outcome == "run"
            skipped += outcome == "skip"
    finally:
        for root, dirs, _ in os.walk(top):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(top, ignore_errors=True)
    print("%d cases run, %d skipped" % (ran, skipped))
    if counter.failures:
        print("failing: " + "; ".join(counter.failures), file=sys.stderr)
    print("%d passed, %d failed" % (counter.passed, counter.failed))
    return 1 if counter.failed else 0


if __name__ == "__main__":
    sys.exit(main())
