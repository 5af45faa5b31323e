#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# flac's 50 cue sheets through `rawcd check`: each bad one exits 2 naming the sheet and the line that
# test/cuesheet.ok gives, each good one is accepted (its audio files do not exist, so the sheet is checked
# on its own). tests/README.md lists the sheets where rawcd differs from flac on purpose.
set -euo pipefail
rawcd=${RAWCD_BIN:?}
suite=${RAWCD_SHARED_TESTDATA:?}/xiph_flac/test
accepted_on_purpose=" cuesheets/bad.069.nonzero_first_INDEX.cue "
passed=0 failed=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT

sheet=
while read -r kind rest; do
	case $kind in
	POSITIVE)
		set +e; "$rawcd" check "$suite/$rest" >/dev/null 2>"$err"; rc=$?; set -e
		if [ $rc = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $rest rejected" >&2; cat "$err" >&2; fi
		;;
	NEGATIVE) sheet=$rest ;;
	pass1:)
		line=$(sed -n 's/.*line \([0-9]*\):.*/\1/p' <<<"$rest")
		set +e; "$rawcd" check "$suite/$sheet" >/dev/null 2>"$err"; rc=$?; set -e
		if [[ $accepted_on_purpose == *" $sheet "* ]]; then
			want="0 and a warning"
			[ $rc = 0 ] && grep -q "warning" "$err" && ok=1 || ok=0
		else
			want="2 at line $line"
			[ $rc = 2 ] && grep -q "^rawcd: $suite/$sheet:$line: " "$err" && ok=1 || ok=0
		fi
		if [ $ok = 1 ]; then passed=$((passed + 1)); else
			failed=$((failed + 1)); echo "FAIL: $sheet: exit $rc, expected $want" >&2; cat "$err" >&2
		fi
		;;
	esac
done <"$suite/cuesheet.ok"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" = 50 ]
