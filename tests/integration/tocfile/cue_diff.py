#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A TOC file and the CUE sheet of the same disc give the same disc: `rawcd toc --format json` output
that diffs cleanly, and `rawcd convert --format bin` images that are the same bytes.

1. A mixed-mode disc written by hand both ways: a MODE1 DATAFILE / MODE1/2048, a WAVE audio track with
   COPY, PRE_EMPHASIS, ISRC and PREGAP / FLAGS DCP PRE, ISRC, PREGAP, a raw audio track (cdrdao's raw
   files are big-endian: MOTOROLA) with START and INDEX / INDEX 00, 01, 02; the catalog; a MODE2_FORM_MIX
   track / MODE2/2336 after a ZERO pregap / PREGAP.
2. `cdrdao toc2cue` of a one-file TOC (its limits: one data file only, no INDEX increments, and it calls
   big-endian raw audio BINARY, so only the layout is compared, not the bytes).
3. SWAP: raw audio little-endian (BINARY), a WAVE file with its samples byte-swapped.
4. The BIN image and sheet `convert` writes for each of cdrdao's testtocs read back as the same disc
   (but for data6.toc's disc type: CD_ROM with a MODE2 track, which a CUE sheet can only call XA).
5. The TOC-only modes against the CUE mode that holds the same sectors: MODE2_FORM1 (2048 bytes) and
   MODE2_FORM2 (2324) against MODE2/2336 files holding the subheader rawcd adds (00 00 08 00 / 00 00 20
   00, twice) and the user data; MODE2 (formless 2336) against MODE2/2336 of data whose subheader copies
   differ (taken as formless); MODE0: every sector is sync, address, mode byte 0 and 2336 zeros.
Prints "ok:"/"FAIL:" lines and "P passed, F failed".
"""
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

RAWCD = os.environ["RAWCD_BIN"]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok: " + name)
    else:
        failed += 1
        print("FAIL: " + name + ("\n  " + detail if detail else ""))


def run(argv, cwd):
    r = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def rnd(n, seed):
    return random.Random(seed).randbytes(n)


def wav(frames, seed):
    data = rnd(frames * 4, seed)
    return (b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " +
            struct.pack("<IHHIIHH", 16, 1, 2, 44100, 176400, 4, 16) + b"data" + struct.pack("<I", len(data)) + data)


def toc_json(folder, sheet, drop_modes=False):
    rc, out, err = run([RAWCD, "toc", sheet, "--format", "json"], folder)
    if rc:
        return None, err
    j = json.loads(out)
    if drop_modes:
        for t in j["tracks"]:
            t.pop("mode", None)
    return j, err


def same_json(label, folder, toc, cue, drop_modes=False):
    a, ea = toc_json(folder, toc, drop_modes)
    b, eb = toc_json(folder, cue, drop_modes)
    check("%s: rawcd toc reads both" % label, a is not None and b is not None, ea + eb)
    if a is not None and b is not None:
        diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        check("%s: TOC and CUE give the same JSON" % label, not diff,
              "differ in %s: %r / %r" % (diff, [a.get(k) for k in diff], [b.get(k) for k in diff]))


def same_bin(label, folder, toc, cue):
    images = []
    for sheet in (toc, cue):
        out = os.path.join(folder, "out-" + sheet.replace(".", "-"))
        os.mkdir(out)
        rc, _, err = run([RAWCD, "convert", sheet, "--format", "bin", "-o", os.path.join(out, "x.bin")], folder)
        check("%s: convert %s" % (label, sheet), rc == 0, err[-800:])
        images.append(open(os.path.join(out, "x.bin"), "rb").read() if rc == 0 else None)
    if None not in images:
        check("%s: the BIN images are the same bytes (%d)" % (label, len(images[0])), images[0] == images[1])
    return images[0]


MIXED_TOC = """CD_ROM_XA
CATALOG "0123456789012" // the UPC/EAN
TRACK MODE1
DATAFILE "data.iso"
TRACK AUDIO
COPY
PRE_EMPHASIS
ISRC "GBAAA0000001"
PREGAP 00:02:00
FILE "a.wav" 0
TRACK AUDIO
NO COPY
FILE "b.raw" 0
START 00:01:00
INDEX 00:05:00
TRACK MODE2_FORM_MIX
ZERO 00:02:00
START
DATAFILE "xa.bin"
"""
MIXED_CUE = """CATALOG 0123456789012
FILE "data.iso" BINARY
  TRACK 01 MODE1/2048
    INDEX 01 00:00:00
FILE "a.wav" WAVE
  TRACK 02 AUDIO
    FLAGS DCP PRE
    ISRC GBAAA0000001
    PREGAP 00:02:00
    INDEX 01 00:00:00
FILE "b.raw" MOTOROLA
  TRACK 03 AUDIO
    INDEX 00 00:00:00
    INDEX 01 00:01:00
    INDEX 02 00:06:00
FILE "xa.bin" BINARY
  TRACK 04 MODE2/2336
    PREGAP 00:02:00
    INDEX 01 00:00:00
"""


def xa_sectors(count, seed):
    """MODE2/2336 data: Form 1 and Form 2 sectors with their subheaders (EDC/ECC left zero)."""
    out = b""
    for i in range(count):
        form2 = i % 3 == 0
        sub = bytes([1, 0, 0x20 if form2 else 0x08, 0]) * 2
        user = rnd(2324 if form2 else 2048, seed + i)
        out += sub + user + bytes(2328 - len(user))
    return out


def case_mixed(top):
    folder = tempfile.mkdtemp(dir=top)
    write(folder, "data.iso", rnd(2048 * 400, 1))
    write(folder, "a.wav", wav(588 * 350, 2))
    write(folder, "b.raw", rnd(2352 * 900, 3))
    write(folder, "xa.bin", xa_sectors(320, 4))
    write(folder, "disc.toc", MIXED_TOC)
    write(folder, "disc.cue", MIXED_CUE)
    same_json("mixed-mode disc", folder, "disc.toc", "disc.cue")
    same_bin("mixed-mode disc", folder, "disc.toc", "disc.cue")


def case_toc2cue(top):
    folder = tempfile.mkdtemp(dir=top)
    write(folder, "disc.bin", rnd(2352 * 3600, 5))
    write(folder, "one.toc", 'CD_ROM\nTRACK MODE1_RAW\nDATAFILE "disc.bin" 00:12:00\nTRACK AUDIO\nPREGAP 00:02:00\n'
                             'FILE "disc.bin" #2116800 0 00:20:00\nTRACK AUDIO\n'
                             'FILE "disc.bin" #2116800 00:20:00 00:16:00\nSTART 00:01:00\n')
    rc, _, err = run(["toc2cue", "one.toc", "one.cue"], folder)
    check("toc2cue: converts the one-file TOC", rc == 0, err[-500:])
    if rc == 0:
        same_json("toc2cue", folder, "one.toc", "one.cue")


def case_modes(top):
    folder = tempfile.mkdtemp(dir=top)
    f1, f2 = rnd(2048 * 320, 6), rnd(2324 * 320, 7)
    sub1, sub2 = bytes([0, 0, 8, 0]) * 2, bytes([0, 0, 0x20, 0]) * 2
    write(folder, "f1.bin", f1)
    write(folder, "f1.2336", b"".join(sub1 + f1[i:i + 2048] + bytes(280) for i in range(0, len(f1), 2048)))
    write(folder, "f2.bin", f2)
    write(folder, "f2.2336", b"".join(sub2 + f2[i:i + 2324] + bytes(4) for i in range(0, len(f2), 2324)))
    formless = b"".join(bytes([1, 2, 3, 4, 5, 6, 7, 8]) + rnd(2328, 100 + i) for i in range(320))
    write(folder, "m2.bin", formless)
    for name, mode, data in (("form1", "MODE2_FORM1", "f1.bin"), ("form2", "MODE2_FORM2", "f2.bin"),
                             ("formless", "MODE2", "m2.bin")):
        cue_data = {"form1": "f1.2336", "form2": "f2.2336", "formless": "m2.bin"}[name]
        write(folder, name + ".toc", 'CD_ROM_XA\nTRACK %s\nDATAFILE "%s"\n' % (mode, data))
        write(folder, name + ".cue", 'FILE "%s" BINARY\n  TRACK 01 MODE2/2336\n    INDEX 01 00:00:00\n' % cue_data)
        same_json("TOC %s" % mode, folder, name + ".toc", name + ".cue", drop_modes=True)
        same_bin("TOC %s" % mode, folder, name + ".toc", name + ".cue")
    write(folder, "m0.bin", rnd(2336 * 310, 8))
    write(folder, "m0.toc", 'CD_ROM\nTRACK MODE0\nDATAFILE "m0.bin"\n')
    os.mkdir(os.path.join(folder, "out-m0"))
    rc, _, err = run([RAWCD, "convert", "m0.toc", "--format", "bin", "-o", "out-m0/x.bin"], folder)
    check("TOC MODE0: converts", rc == 0, err[-500:])
    if rc == 0:
        img = open(os.path.join(folder, "out-m0", "x.bin"), "rb").read()
        sync = b"\x00" + b"\xff" * 10 + b"\x00"
        bad = [i for i in range(len(img) // 2352) if img[i * 2352:i * 2352 + 12] != sync or
               img[i * 2352 + 15] != 0 or img[i * 2352 + 16:(i + 1) * 2352] != bytes(2336)]
        check("TOC MODE0: %d sectors of sync, header mode 0, 2336 zeros" % (len(img) // 2352),
              len(img) == 310 * 2352 and not bad, "bad sectors %r" % bad[:5])


def swapped(data):
    return b"".join(data[i + 1:i + 2] + data[i:i + 1] for i in range(0, len(data), 2))


def case_swap(top):
    """SWAP: raw samples little-endian (CUE BINARY), and a WAVE file's samples the other way round."""
    folder = tempfile.mkdtemp(dir=top)
    pcm = rnd(2352 * 320, 9)
    write(folder, "le.raw", pcm)
    w = wav(588 * 320, 10)
    write(folder, "a.wav", w)
    write(folder, "b.wav", w[:44] + swapped(w[44:]))
    write(folder, "s.toc", 'CD_DA\nTRACK AUDIO\nFILE "le.raw" SWAP 0\nTRACK AUDIO\nFILE "a.wav" SWAP 0\n')
    write(folder, "s.cue", 'FILE "le.raw" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'
                           'FILE "b.wav" WAVE\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n')
    same_json("SWAP", folder, "s.toc", "s.cue")
    same_bin("SWAP", folder, "s.toc", "s.cue")


def case_bin_sheets(top):
    """The BIN image and CUE sheet `convert` writes for each of cdrdao's testtocs read back as the same
    disc (modes aside: a BIN sheet's data tracks are raw 2352-byte MODE1/MODE2); its CD-TEXT is block 0."""
    tocs = os.path.join(os.environ["RAWCD_SHARED_TESTDATA"], "cdrdao_cdrdao", "testtocs")
    for name in sorted(n for n in os.listdir(tocs) if n.endswith(".toc")):
        folder = tempfile.mkdtemp(dir=top)
        rc, _, err = run([RAWCD, "convert", os.path.join(tocs, name), "--format", "bin", "-o", "x.bin", "--quiet"],
                         folder)
        check("testtocs/%s: convert --format bin" % name, rc == 0, err[-500:])
        if rc:
            continue
        a, ea = toc_json(tocs, name, True)
        b, eb = toc_json(folder, "x.cue", True)
        if name == "data6.toc" and a and b:    # CD_ROM with a MODE2 track: a CUE sheet's MODE2 means XA
            for j, psec in ((a, 0x00), (b, 0x20)):
                a0 = [d for d in j["full_toc"] if d["point"] == 0xA0]
                check("data6.toc: disc type %02Xh" % psec, [d["psec"] for d in a0] == [psec])
                for d in a0:
                    d["psec"] = None
        check("testtocs/%s: the BIN sheet gives the same disc" % name, a is not None and a == b, ea + eb)


def main():
    top = tempfile.mkdtemp(prefix="rawcd-tocdiff-")
    try:
        case_mixed(top)
        if shutil.which("toc2cue"):
            case_toc2cue(top)
        else:
            print("skip: toc2cue (cdrdao) is not installed")
        case_modes(top)
        case_swap(top)
        case_bin_sheets(top)
    finally:
        shutil.rmtree(top)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
