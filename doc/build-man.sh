#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Build one man page: scdoc SCDOC < IN.scd > OUT, then switch hyphenation off again after .TH (scdoc's
# .nh comes before .TH, which turns hyphenation back on), so that option names such as
# --regenerate-subcode are never split in the rendered page and can be searched for.
set -eu
scdoc=$1 in=$2 out=$3
"$scdoc" <"$in" >"$out.tmp"
sed '/^\.TH /a\
.nh' "$out.tmp" >"$out"
rm -f "$out.tmp"
