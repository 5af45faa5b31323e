# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for rawcd(1): commands, each command's options and their values, disc images by
# extension, CD drives (/dev/sr*, /dev/sg*). Installed where bash-completion looks for it
# (completionsdir); works without bash-completion too: `source rawcd.bash`.

_rawcd_commands='convert check toc inspect burn drive blank'

# Where CD drives are looked for (a test may point this elsewhere).
_rawcd_device_globs=${_rawcd_device_globs:-'/dev/sr* /dev/sg*'}

# The options of each command, as rawcd CMD --help lists them (-g: bash-completion sources this file
# inside a function).
declare -gA _rawcd_options=(
	[convert]='-o --output --format --split --scrambled --lead-in --lead-out --regenerate-subcode
		--force --quiet --capacity --json --progress=json --help'
	[check]='--json --help'
	[toc]='--format --toc-format --msf --capacity --from-bytes --help'
	[inspect]='--json --no-hash --quiet --sector-size --first-lba --progress=json --help'
	[burn]='-d --device -s --simulate --speed --write-mode --no-bufe --verify --eject --multi
		--regenerate-subcode -q --quiet --json --progress=json --help'
	[drive]='--json --help'
	[blank]='--minimal --all --json --progress=json --help'
)

# Options followed by a separate value word.
_rawcd_takes_value='-o --output --format --toc-format --capacity --from-bytes --sector-size --first-lba
	-d --device --speed --write-mode'

# COMP_WORDS with each "=" joined to the words around it again (readline splits at "=").
# Sets _rawcd_w (the words) and _rawcd_c (the index of the word being completed).
_rawcd_join_words() {
	local i w
	_rawcd_w=()
	_rawcd_c=0
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		if ((i > 1)) && { [[ $w == = ]] || [[ ${COMP_WORDS[i - 1]} == = ]]; }; then
			_rawcd_w[${#_rawcd_w[@]} - 1]+=$w
		else
			_rawcd_w+=("$w")
		fi
		((i == COMP_CWORD)) && _rawcd_c=$((${#_rawcd_w[@]} - 1))
	done
	return 0
}

# Files with an image or sheet extension (any case), and directories to descend into.
_rawcd_images() {
	local cur=$1 f restore
	local -a all
	mapfile -t all < <(compgen -f -- "$cur")
	restore=$(shopt -p nocasematch)
	shopt -s nocasematch
	for f in "${all[@]}"; do
		if [[ -d $f || $f == *.@(cue|toc|ccd|bin|img|raw|iso) ]]; then
			COMPREPLY+=("$f")
		fi
	done
	eval "$restore"
	compopt -o filenames 2>/dev/null
	return 0
}

_rawcd_devices() {
	local cur=$1 g d
	# shellcheck disable=SC2086 # the globs are split and expanded on purpose
	for g in $_rawcd_device_globs; do
		for d in $g; do
			[[ -e $d && $d == "$cur"* ]] && COMPREPLY+=("$d")
		done
	done
	return 0
}

_rawcd_words() { # cur, then the words to offer
	local cur=$1
	shift
	local IFS=$' \t\n'
	mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$*" -- "$cur")
}

# The values of option $1 of command $2; returns 1 when $1 takes no value.
_rawcd_values() {
	local opt=$1 cmd=$2 cur=$3
	case $opt in
	--format)
		if [[ $cmd == toc ]]; then
			_rawcd_words "$cur" text json hex binary
		else
			_rawcd_words "$cur" bin clonecd raw96 packed96 pq16 toc
		fi ;;
	--toc-format) _rawcd_words "$cur" 0 1 2 5 ;;
	--write-mode) _rawcd_words "$cur" raw96r raw16 sao ;;
	--sector-size) _rawcd_words "$cur" 2352 2368 2448 ;;
	--first-lba) _rawcd_words "$cur" 0 -150 -22650 ;;
	--speed) _rawcd_words "$cur" max 1 2 4 8 16 24 32 48 ;;
	--capacity) _rawcd_words "$cur" 79:59:74 74:59:74 ;;
	--lead-in) _rawcd_words "$cur" 22650 11625 ;;
	--lead-out) _rawcd_words "$cur" 6750 ;;
	--progress) _rawcd_words "$cur" json ;;
	-d | --device) _rawcd_devices "$cur" ;;
	-o | --output | --from-bytes)
		mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
		compopt -o filenames 2>/dev/null ;;
	*) return 1 ;;
	esac
	return 0
}

_rawcd() {
	COMPREPLY=()
	local _rawcd_w _rawcd_c
	_rawcd_join_words
	local cur=${_rawcd_w[_rawcd_c]} prev=${_rawcd_w[_rawcd_c - 1]}
	local cmd=${_rawcd_w[1]}

	if ((_rawcd_c == 1)); then
		_rawcd_words "$cur" "$_rawcd_commands --help --version"
		return 0
	fi
	[[ -n ${_rawcd_options[$cmd]+set} ]] || return 0

	# --opt=value: complete the value (readline replaces only what follows the "=").
	if [[ $cur == --*=* ]]; then
		_rawcd_values "${cur%%=*}" "$cmd" "${cur#*=}"
		return 0
	fi
	if [[ " ${_rawcd_takes_value//[[:space:]]/ } " == *" $prev "* ]] && ((_rawcd_c > 2)); then
		_rawcd_values "$prev" "$cmd" "$cur"
		return 0
	fi
	if [[ $cur == -* ]]; then
		_rawcd_words "$cur" "${_rawcd_options[$cmd]}"
		return 0
	fi

	# Positional arguments: a disc image or description, or a drive.
	case $cmd in
	drive | blank) _rawcd_devices "$cur" ;;
	toc)
		_rawcd_images "$cur"
		_rawcd_devices "$cur" ;;
	*) _rawcd_images "$cur" ;;
	esac
	return 0
}

complete -F _rawcd rawcd
