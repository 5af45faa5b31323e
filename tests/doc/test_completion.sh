#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Shell completion: source completion/rawcd.bash, set COMP_WORDS/COMP_CWORD as readline would, call
# _rawcd and check COMPREPLY: the commands, each command's options (every option its --help shows, taken
# from --help at run time), the values of --format (per command), --toc-format, --write-mode,
# --sector-size and --progress=, images by extension in any case, drives for --device and drive/blank.
# Also loaded the way bash-completion loads it (inside a function), and the zsh script parsed and, with
# zsh's zpty module, completed for real.
# Usage: test_completion.sh COMPLETION_DIR (the source tree's completion/).
set -euo pipefail
rawcd=${RAWCD_BIN:?}
dir=${1:?usage: test_completion.sh COMPLETION_DIR}
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

# shellcheck source=SCRIPTDIR/../../completion/rawcd.bash
source "$dir/rawcd.bash"

comp() { # the words of the line, the last one being completed: COMPREPLY, sorted, one a line
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_rawcd
	[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort
}

gives() { # expected words (space-separated), then the line: the completion is exactly these
	local want=$1 got
	shift
	got=$(comp "$@" | tr '\n' ' ')
	want=$(tr ' ' '\n' <<<"$want" | sed '/^$/d' | sort | tr '\n' ' ')
	[ "$got" = "$want" ] || { echo "  [$*] gives '$got', expected '$want'" >&2; return 1; }
}

has_all() { # file of wanted words, then the line: each wanted word is among the completions
	local want=$1 missing
	shift
	missing=$(comm -23 <(sort -u "$want") <(comp "$@" | sort -u))
	[ -z "$missing" ] || { echo "  [$*] lacks: $(tr '\n' ' ' <<<"$missing")" >&2; return 1; }
}

options_of() { # help text on stdin: every long and short option of its usage lines and option list
	local text
	text=$(sed -n -e '1,/^$/p' -e '/^  *-/p')
	{
		grep -oE -- '--[a-z0-9-]+(=[a-z]+)?' <<<"$text" || true
		grep -oE -- '(^|[^A-Za-z0-9-])-[A-Za-z]([^A-Za-z0-9-]|$)' <<<"$text" | grep -oE -- '-[A-Za-z]' || true
	} | sort -u
}

check "complete -F _rawcd rawcd" bash -c "source '$dir/rawcd.bash'; complete -p rawcd | grep -q -- '-F _rawcd rawcd'"

# Commands after "rawcd ", the list taken from rawcd --help.
"$rawcd" --help | sed -n '/^Commands:/,/^$/{s/^  \([a-z]\+\) .*/\1/p}' >"$tmp/commands"
check "rawcd --help lists 7 commands" [ "$(wc -l <"$tmp/commands")" -ge 7 ]
check "commands after rawcd" has_all "$tmp/commands" rawcd ""
check "commands by prefix" gives "check convert" rawcd c
check "nothing after an unknown command" gives "" rawcd frobnicate -

# Each command's options: every option its --help shows is offered after "-".
while read -r cmd; do
	"$rawcd" "$cmd" --help | options_of >"$tmp/$cmd.opts"
	grep -q . "$tmp/$cmd.opts" || echo "  rawcd $cmd --help shows no option" >&2
	check "options of $cmd" has_all "$tmp/$cmd.opts" rawcd "$cmd" x.cue -
done <"$tmp/commands"
check "options of burn by prefix" gives "--simulate --speed" rawcd burn x.cue --s
printf -- '--json\n--multi\n--progress=json\n--regenerate-subcode\n' >"$tmp/burn.planned"
check "burn: the second stage's options" has_all "$tmp/burn.planned" rawcd burn x.cue --

# Option values.
check "convert --format" gives "bin clonecd raw96 packed96 pq16 toc" rawcd convert x.cue --format ""
check "convert --format p" gives "packed96 pq16" rawcd convert x.cue -o out --format p
check "toc --format" gives "text json hex binary" rawcd toc x.cue --format ""
check "--toc-format" gives "0 1 2 5" rawcd toc x.cue --toc-format ""
check "--write-mode" gives "raw96r raw16 sao" rawcd burn x.cue --write-mode ""
check "--sector-size" gives "2352 2368 2448" rawcd inspect x.raw --sector-size ""
check "--progress = (readline splits at =)" gives "json" rawcd convert x.cue --progress = ""
check "--progress = j" gives "json" rawcd inspect x.raw --progress = j
check "--format=bin in one word" gives "bin" rawcd convert x.cue --format=b
check "--first-lba takes negative values" gives "-150 -22650" rawcd inspect x.raw --first-lba -

# Images by extension, in any case, and directories; not other files.
mkdir "$tmp/files" "$tmp/files/sub"
touch "$tmp/files/"{x.cue,y.toc,z.txt,W.CCD,a.Bin,b.img,c.RAW,d.iso,notes,x.cue.txt}
cd "$tmp/files"
check "images in a directory" gives "x.cue y.toc W.CCD a.Bin b.img c.RAW d.iso sub" rawcd convert ""
check "images by prefix" gives "x.cue" rawcd inspect x
check "images for burn" gives "y.toc" rawcd burn --device /dev/sr0 y
check "images after an option's value" gives "x.cue" rawcd toc --format json x
check "-o takes any file" gives "x.cue x.cue.txt" rawcd convert y.toc -o x
cd - >/dev/null

# Drives: /dev/sr* and /dev/sg* (pointed at a directory of stand-ins here).
mkdir "$tmp/dev"
touch "$tmp/dev/"{sr0,sr1,sg2,sda,null}
_rawcd_device_globs="$tmp/dev/sr* $tmp/dev/sg*"
check "--device" gives "$tmp/dev/sr0 $tmp/dev/sr1 $tmp/dev/sg2" rawcd burn x.cue --device ""
check "-d by prefix" gives "$tmp/dev/sr0 $tmp/dev/sr1" rawcd burn x.cue -d "$tmp/dev/sr"
check "drive DEV" gives "$tmp/dev/sr0 $tmp/dev/sr1 $tmp/dev/sg2" rawcd drive ""
check "blank DEV" gives "$tmp/dev/sg2" rawcd blank "$tmp/dev/sg"
check "toc DEV" gives "$tmp/dev/sr0 $tmp/dev/sr1" rawcd toc "$tmp/dev/sr"
_rawcd_device_globs='/dev/sr* /dev/sg*'
real_drives_only() { ! comp rawcd drive "" | grep -v '^/dev/s[rg]'; }
check "real drives only" real_drives_only

# Loaded the way bash-completion loads it: sourced inside a function.
check "loaded inside a function" bash -c "load() { source '$dir/rawcd.bash'; }; load
	COMP_WORDS=(rawcd convert x.cue --format ''); COMP_CWORD=4; _rawcd; [ \${#COMPREPLY[@]} = 6 ]"

# zsh: the script parses, and completes in a real zsh (zpty) when zsh is installed.
if command -v zsh >/dev/null; then
	check "zsh -n _rawcd" zsh -n "$dir/_rawcd"
	timeout 30 zsh -f "$(dirname "${BASH_SOURCE[0]}")/zsh_complete.zsh" "$dir" "$tmp/files" >"$tmp/zsh.out" 2>&1 || true
	check "zsh: convert --format=" grep -q '^format: bin clonecd packed96 pq16 raw96 toc$' "$tmp/zsh.out"
	check "zsh: toc --format=" grep -q '^tocformat: binary hex json text$' "$tmp/zsh.out"
	check "zsh: commands" grep -q '^commands: blank burn check convert drive inspect toc$' "$tmp/zsh.out"
	check "zsh: images" grep -q '^images: W.CCD a.Bin b.img c.RAW d.iso sub x.cue y.toc$' "$tmp/zsh.out"
	grep -q '^format:' "$tmp/zsh.out" || sed 's/^/  zsh: /' "$tmp/zsh.out" >&2
else
	echo "zsh is not installed: the zsh script is not checked"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
