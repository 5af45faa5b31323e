#!/usr/bin/env zsh
# SPDX-License-Identifier: GPL-2.0-or-later
# Completes a few rawcd command lines in a real interactive zsh (on a pseudo-terminal, zsh/zpty) with
# completion/_rawcd on its fpath, and prints "LABEL: the words offered, sorted" for each. compadd is
# wrapped to record what it is asked to add (compadd -O: the words that match what is typed).
# Usage: zsh -f zsh_complete.zsh COMPLETION_DIR FILES_DIR
emulate -L zsh
export LC_ALL=C
zmodload zsh/zpty || { print "zsh/zpty is missing"; exit 1; }
dir=${1:?} files=${2:?}
tmp=$(mktemp -d)
trap 'zpty -d z 2>/dev/null; rm -rf $tmp' EXIT

zpty z zsh -f -i
send() { zpty -w z "$1" }
# Wait for the shell to print WORD (typed as $(print WORD) so the echo of the line does not match).
sync() { local junk; send "print ${1[1]}\${:-${1[2,-1]}}"; zpty -r z junk "*$1*" }

send "PS1='> '; unsetopt zle_bracketed_paste 2>/dev/null; fpath=($dir \$fpath)"
send "autoload -Uz compinit; compinit -u -d $tmp/dump; cd ${(q)files}"
send "zstyle ':completion:*' list-prompt ''; zstyle ':completion:*' menu no"
send 'compadd() { if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi;'\
' local -a m; builtin compadd -O m "$@"; print -rl -- $m >>$out; builtin compadd "$@"; }'
sync READY

cases=(
	format   'rawcd convert x.cue --format='
	tocformat 'rawcd toc x.cue --format='
	commands 'rawcd '
	images   'rawcd inspect '
)
for label line in $cases; do
	send "out=$tmp/$label"
	sync SET$label
	zpty -w -n z "$line"$'\t'
	sleep 0.5
	zpty -w -n z $'\C-e\C-u'
	sync DONE$label
done
for label line in $cases; do
	print -r -- "$label: ${(j: :)${(@ou)${(@f)"$(<$tmp/$label)"}}}"
done 2>/dev/null
