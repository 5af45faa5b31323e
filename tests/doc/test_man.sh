#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The man pages (doc/*.scd, built by scdoc into build/doc/): every page renders with no warning from
# man --warnings, every command of `rawcd --help` has its page, and every option that a command's --help
# shows (long and short) is in that command's page; the options of `rawcd --help` are in rawcd(1). The
# lists are taken from --help at run time, never copied.
# Usage: test_man.sh MANDIR [built|no-scdoc] (the build directory's doc/; whether Meson found scdoc).
set -euo pipefail
rawcd=${RAWCD_BIN:?}
mandir=${1:?usage: test_man.sh MANDIR [built|no-scdoc]}
command -v man >/dev/null || { echo "SKIP: man is not installed (apt-get install man-db groff-base)"; exit 77; }
if [ "${2:-built}" = no-scdoc ] || ! command -v scdoc >/dev/null; then
	echo "SKIP: scdoc was not found when Meson configured the build, so the pages were not built" \
		"(apt-get install scdoc, then meson setup --reconfigure)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # name, then a command that must succeed
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $name" >&2
	fi
}

no_warnings() { # page, locale: man --warnings prints nothing on stderr
	LC_ALL=$2 MANWIDTH=80 man --warnings -l "$1" >/dev/null 2>"$tmp/warn"
	[ ! -s "$tmp/warn" ] || { sed 's/^/  /' "$tmp/warn" >&2; return 1; }
}

render() { # page: its text as man shows it, a line broken after a "-" joined again
	LC_ALL=C MANWIDTH=80 man -l "$1" 2>/dev/null | col -b | sed 's/^ *//' | sed -e ':a' -e '/-$/{N;s/-\n/-/;ba}'
}

options_of() { # help text on stdin: every long option, then every short option shown, one a line
	local text
	text=$(cat)
	{
		grep -oE -- '--[a-z0-9-]+' <<<"$text" || true
		grep -oE -- '(^|[^A-Za-z0-9-])-[A-Za-z]([^A-Za-z0-9-]|$)' <<<"$text" | grep -oE -- '-[A-Za-z]' || true
	} | sort -u
}

not_hyphenated() { # page: no word is broken by hyphenation (U+2010 in UTF-8), so options can be found
	! LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q $'\xe2\x80\x90'
}

not_in_page() { # option, rendered page
	! in_page "$1" "$2" 2>/dev/null
}

in_page() { # option, rendered page: the option stands there as a word of its own
	grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|\$)" "$2" ||
		{ echo "  $1 is not in $(basename "$2" .txt)(1)" >&2; return 1; }
}

# The commands, from rawcd --help ("Commands:" then "  NAME  summary" lines).
"$rawcd" --help >"$tmp/help"
mapfile -t commands < <(sed -n '/^Commands:/,/^$/{s/^  \([a-z]\+\) .*/\1/p}' "$tmp/help")
check "rawcd --help lists commands" [ "${#commands[@]}" -ge 7 ]

pages=(rawcd)
for cmd in "${commands[@]}"; do pages+=("rawcd-$cmd"); done
for page in "${pages[@]}"; do
	check "$page.1 was built" [ -s "$mandir/$page.1" ]
	[ -s "$mandir/$page.1" ] || continue
	check "$page.1: no warnings (C.UTF-8)" no_warnings "$mandir/$page.1" C.UTF-8
	check "$page.1: no warnings (C)" no_warnings "$mandir/$page.1" C
	render "$mandir/$page.1" >"$tmp/$page.txt"
	check "$page.1 renders with a NAME section" grep -q "^NAME" "$tmp/$page.txt"
	check "$page.1 is not hyphenated" not_hyphenated "$mandir/$page.1"
done

# The global options of rawcd --help are in rawcd(1), and rawcd(1) points at every command's page.
mapfile -t global < <(options_of <"$tmp/help")
check "rawcd --help shows an option" [ "${#global[@]}" -ge 1 ]
for opt in "${global[@]}"; do
	check "rawcd(1) has $opt" in_page "$opt" "$tmp/rawcd.txt"
done
for cmd in "${commands[@]}"; do
	check "rawcd(1) names rawcd-$cmd(1)" grep -q "rawcd-$cmd(1)" "$tmp/rawcd.txt"
	check "rawcd(1) has the synopsis of $cmd" grep -q "^rawcd $cmd " "$tmp/rawcd.txt"
done

# Every option of every command's --help is in that command's page.
for cmd in "${commands[@]}"; do
	[ -f "$tmp/rawcd-$cmd.txt" ] || continue
	"$rawcd" "$cmd" --help >"$tmp/$cmd.help"
	mapfile -t opts < <(options_of <"$tmp/$cmd.help")
	check "rawcd $cmd --help shows options" [ "${#opts[@]}" -ge 1 ]
	for opt in "${opts[@]}"; do
		check "rawcd-$cmd(1) has $opt" in_page "$opt" "$tmp/rawcd-$cmd.txt"
	done
done

# The check itself can fail: an option that no page has is caught.
check "a missing option is caught" not_in_page --no-such-option "$tmp/rawcd-convert.txt"
check "an option is not found inside a longer one" not_in_page --lead "$tmp/rawcd-convert.txt"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
