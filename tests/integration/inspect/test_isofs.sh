#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# rawcd inspect on libcdio's isofs-m1.cue (302 real Mode 1 sectors; the sheet names ISOFS-M1.BIN, found in
# another case): 302 sectors, no findings, exit 0, and hashes equal to crc32, md5sum, sha1sum and
# `xxhsum -H2` of the same bytes. The JSON equals the golden file (the image path aside).
source "$(dirname "$0")/lib.sh"
need jq crc32 md5sum sha1sum xxhsum
bin=$data/isofs-m1.bin

st=$(inspect "$tmp/r.json" "$data/isofs-m1.cue")
check "exit status 0" [ "$st" = 0 ]
check "302 sectors" [ "$(jq .sectors "$tmp/r.json")" = 302 ]
check "0 errors" [ "$(jq .errors "$tmp/r.json")" = 0 ]
check "one MODE1/2352 track of 302 Mode 1 sectors" \
	[ "$(jq -c '[.tracks[] | [.number, .mode, .sectors, .classes.mode1]]' "$tmp/r.json")" = '[[1,"MODE1/2352",302,302]]' ]
check "every finding count 0" \
	[ "$(jq '[.tracks[0] | .bad_sync, .bad_header, .bad_edc, .bad_ecc, .bad_subq, .mode_mismatch] | add' "$tmp/r.json")" = 0 ]
check "the file-name case fallback is a warning" grep -q 'ISOFS-M1.BIN' "$tmp/r.json.err"
check "crc32 = crc32(1)" [ "$(jq -r '.tracks[0].crc32' "$tmp/r.json")" = "$(crc32 "$bin")" ]
check "md5 = md5sum" [ "$(jq -r '.tracks[0].md5' "$tmp/r.json")" = "$(md5sum <"$bin" | cut -d' ' -f1)" ]
check "sha1 = sha1sum" [ "$(jq -r '.tracks[0].sha1' "$tmp/r.json")" = "$(sha1sum <"$bin" | cut -d' ' -f1)" ]
check "xxh3_128 = xxhsum -H2" [ "$(jq -r '.tracks[0].xxh3_128' "$tmp/r.json")" = "$(xxhsum -H2 <"$bin" | cut -d' ' -f1)" ]
# The golden report (made by rawcd, every value checked above or against the peers' hashes).
cat >"$tmp/golden.json" <<'JSON'
{
  "source": "cue",
  "sector_size": 2352,
  "first_lba": 0,
  "subcode": false,
  "sectors": 302,
  "errors": 0,
  "descrambled": 0,
  "bad_sync": 0,
  "bad_header": 0,
  "mode_mismatch": 0,
  "bad_edc": 0,
  "bad_ecc": 0,
  "bad_subheader": 0,
  "bad_zero": 0,
  "bad_subq_crc": 0,
  "bad_subq_position": 0,
  "bad_subp": 0,
  "missing": 0,
  "bad_subq": 0,
  "no_edc": 0,
  "mcn_frames": 0,
  "isrc_frames": 0,
  "classes": {
    "audio": 0,
    "mode0": 0,
    "mode1": 302,
    "form1": 0,
    "form2": 0,
    "formless": 0,
    "damaged": 0
  },
  "mcn": null,
  "tracks": [
    {
      "number": 1,
      "mode": "MODE1/2352",
      "mode_from_content": false,
      "first_lba": 0,
      "sectors": 302,
      "errors": 0,
      "bad_sync": 0,
      "bad_header": 0,
      "mode_mismatch": 0,
      "bad_edc": 0,
      "bad_ecc": 0,
      "bad_subheader": 0,
      "bad_zero": 0,
      "bad_subq_crc": 0,
      "bad_subq_position": 0,
      "bad_subp": 0,
      "missing": 0,
      "bad_subq": 0,
      "no_edc": 0,
      "mcn_frames": 0,
      "isrc_frames": 0,
      "classes": {
        "audio": 0,
        "mode0": 0,
        "mode1": 302,
        "form1": 0,
        "form2": 0,
        "formless": 0,
        "damaged": 0
      },
      "first_bad_lbas": [],
      "first_bad": [],
      "more_bad": 0,
      "isrc": null,
      "xxh3_128": "da7ce2e9a080554b2eaba28c3f2bf9ab",
      "crc32": "d064cbd4",
      "md5": "23b37aec2ccfbd8ac5a3917f37ae21ab",
      "sha1": "70b651d67810fdeb96e015f829aa20469c3309a5"
    }
  ]
}
JSON
check "JSON equals the golden report" diff <(jq -S . "$tmp/golden.json") <(jq -S 'del(.image)' "$tmp/r.json")

# Text output and --no-hash.
"$rawcd" inspect "$data/isofs-m1.cue" >"$tmp/text" 2>/dev/null || true
check "text: a row for track 01 with 302 sectors" grep -Eq '^01 +MODE1/2352 +0 +302 ' "$tmp/text"
check "text: the verdict line" grep -q 'isofs-m1.cue: 302 sectors, no findings$' "$tmp/text"
check "text: the CRC-32" grep -q "crc32 $(crc32 "$bin")" "$tmp/text"
st=$(inspect "$tmp/n.json" "$data/isofs-m1.cue" --no-hash)
check "--no-hash: exit 0, hashes null" [ "$st:$(jq -c '[.tracks[0].crc32, .tracks[0].md5]' "$tmp/n.json")" = "0:[null,null]" ]

# The same bytes as a raw image (no sheet): the same verdict and hashes.
st=$(inspect "$tmp/raw.json" "$bin")
check "raw: exit 0, 302 Mode 1 sectors" [ "$st:$(jq -c '[.source, .sectors, .errors, .tracks[0].classes.mode1]' "$tmp/raw.json")" = '0:["raw",302,0,302]' ]
check "raw: the same MD5" [ "$(jq -r '.tracks[0].md5' "$tmp/raw.json")" = "$(jq -r '.tracks[0].md5' "$tmp/r.json")" ]
finish
