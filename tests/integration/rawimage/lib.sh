#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the raw-image tests: the subcode tests' helpers (check, must_fail, convert, mixed_disc,
# finish, a work folder removed on exit), raw_tool.py, and toc_of(), the `rawcd toc --format json` of an
# input with what a raw image cannot know brought to its raw form.
source "$(dirname "${BASH_SOURCE[0]}")/../subcode/lib.sh"
rawtool=("python3" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/raw_tool.py")

# A raw image holds 2352-byte sectors, whatever the sheet's files held: a MODE1/2048 track of a sheet is
# MODE1/2352 in the image, MODE2/2336 is MODE2/2352 (the same sectors on the disc, so the same bytes in
# `convert --format bin`). That is the one field toc_of() changes; everything else, the full TOC
# included, must be equal.
toc_of() { # input -> its toc JSON on stdout, modes as a raw image has them
	"$rawcd" toc "$1" --format json 2>>"$work/toc.err" |
		jq '.tracks |= map(.mode |= ({"MODE1/2048": "MODE1/2352", "MODE2/2336": "MODE2/2352",
		                              "CDI/2336": "CDI/2352"}[.] // .))'
}

same_toc() { # sheet, image: their toc JSON equal (toc_of)
	diff <(toc_of "$1") <(toc_of "$2") >&2
}

same_file() { # a, b: byte for byte
	cmp "$1" "$2" >&2
}
