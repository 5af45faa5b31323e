#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# --json and --progress=json through the real CLI (README.md, "JSON output"): convert, check, inspect,
# and burn and blank against the emulated recorder (--device emulated:cd-r / emulated:cd-rw). Every
# object is parsed with jq; exit statuses are those of DESIGN.md §3.
set -euo pipefail
rawcd=${RAWCD_BIN:?}
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

json_eq() { # file, jq filter, expected
	local got
	got=$(jq -c "$2" "$1") || { echo "  $1 is not JSON" >&2; return 1; }
	[ "$got" = "$3" ] || { echo "  $2 = $got, expected $3" >&2; return 1; }
}

run() { # status file, stdout file, stderr file, then the command
	local st=$1 out=$2 err=$3 got=0
	shift 3
	"$@" >"$out" 2>"$err" || got=$?
	echo "$got" >"$st"
}

# Every line of a file parses as one JSON object.
all_lines_json() {
	[ -s "$1" ] || return 1
	while IFS= read -r line; do
		jq -e 'type == "object"' <<<"$line" >/dev/null || { echo "  not a JSON object: $line" >&2; return 1; }
	done <"$1"
}

head -c $((2352 * 4000)) /dev/urandom >"$tmp/a.bin"
printf 'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$tmp/t.cue"
printf 'CATALOG 1234567890123\nFILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$tmp/w.cue"

# ---- convert --json ----
run "$tmp/st" "$tmp/c.json" "$tmp/c.err" "$rawcd" convert "$tmp/t.cue" -o "$tmp/o.bin" --json
check "convert --json exits 0" [ "$(cat "$tmp/st")" = 0 ]
check "convert --json | jq .sectors is the sector count" \
	[ "$(jq .sectors "$tmp/c.json")" = "$("$rawcd" toc "$tmp/t.cue" --format json | jq .leadout_lba)" ]
check "convert --json: files" json_eq "$tmp/c.json" .files "[\"$tmp/o.bin\",\"$tmp/o.cue\"]"
check "convert --json: bytes are the files' sizes" \
	[ "$(jq .bytes "$tmp/c.json")" = "$(($(stat -c %s "$tmp/o.bin") + $(stat -c %s "$tmp/o.cue")))" ]
check "convert --json: format, exit_status, no errors" json_eq "$tmp/c.json" '[.format, .exit_status, .errors]' '["bin",0,[]]'
check "convert --json: seconds is a number" json_eq "$tmp/c.json" '.seconds | type' '"number"'
check "convert --json: no summary line on stderr" [ ! -s "$tmp/c.err" ]

run "$tmp/st" "$tmp/r.json" "$tmp/r.err" "$rawcd" convert "$tmp/t.cue" -o "$tmp/o.raw" --format raw96 --lead-in --lead-out --json
check "convert raw96 --json: sectors with lead-in and lead-out" json_eq "$tmp/r.json" '[.sectors, .first_lba, .sector_bytes]' '[33400,-22650,2448]'
check "convert raw96 --json: bytes" [ "$(jq .bytes "$tmp/r.json")" = "$((33400 * 2448))" ]
run "$tmp/st" "$tmp/cc.json" "$tmp/cc.err" "$rawcd" convert "$tmp/t.cue" -o "$tmp/cc" --format clonecd --json
check "convert clonecd --json: three files" json_eq "$tmp/cc.json" '.files | map(sub(".*/"; ""))' '["cc.img","cc.sub","cc.ccd"]'

run "$tmp/st" "$tmp/w.json" "$tmp/w.err" "$rawcd" convert "$tmp/w.cue" -o "$tmp/w.bin" --json
check "convert --json: a warning is an object with file and line" \
	json_eq "$tmp/w.json" '.warnings[0] | [.file, .line, .severity, (.message | test("check digit"))]' "[\"$tmp/w.cue\",1,\"warning\",true]"

# A failed convert: an error object, exit 2, nothing written.
printf 'FILE "missing.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' >"$tmp/m.cue"
run "$tmp/st" "$tmp/m.json" "$tmp/m.err" "$rawcd" convert "$tmp/m.cue" -o "$tmp/m.bin" --json
check "failed convert --json exits 2" [ "$(cat "$tmp/st")" = 2 ]
check "failed convert --json: the error object" \
	json_eq "$tmp/m.json" '[.errors[0].file, .errors[0].line, .errors[0].severity, .exit_status, .files, .sectors]' \
	"[\"$tmp/m.cue\",1,\"error\",2,[],0]"
check "failed convert --json: nothing written" [ ! -e "$tmp/m.bin" ] && [ ! -e "$tmp/m.cue.bin" ]
run "$tmp/st" "$tmp/u.json" "$tmp/u.err" "$rawcd" convert "$tmp/t.cue" --json
check "usage error in --json: exit 2 and an error object" \
	json_eq "$tmp/u.json" '[.exit_status, (.errors[0].message | test("usage: rawcd convert")), .errors[0].file]' '[2,true,null]'
run "$tmp/st" "$tmp/p.json" "$tmp/p.err" "$rawcd" convert "$tmp/t.cue" -o "$tmp/p.bin" --progress=yaml
check "--progress=yaml is bad usage" [ "$(cat "$tmp/st")" = 2 ]

# ---- --progress=json ----
run "$tmp/st" "$tmp/pc.out" "$tmp/pc.err" "$rawcd" convert "$tmp/w.cue" -o "$tmp/pc.bin" --progress=json
check "convert --progress=json exits 0" [ "$(cat "$tmp/st")" = 0 ]
check "convert --progress=json: every stderr line is a JSON object" all_lines_json "$tmp/pc.err"
check "convert --progress=json: the last progress line is done" \
	[ "$(grep '"type":"progress"' "$tmp/pc.err" | tail -n 1 | jq -c '[.phase, .sectors_done == .sectors_total, .sectors_total]')" = '["writing",true,4000]' ]
check "convert --progress=json: keys" \
	[ "$(grep '"type":"progress"' "$tmp/pc.err" | head -n 1 | jq -c 'keys')" = '["bytes_per_second","phase","seconds_left","sectors_done","sectors_total","type"]' ]
check "convert --progress=json: the warning is a diagnostic line" \
	[ "$(grep '"type":"diagnostic"' "$tmp/pc.err" | jq -c '[.file, .line, .severity]')" = "[\"$tmp/w.cue\",1,\"warning\"]" ]
check "convert --progress=json: stdout stays empty" [ ! -s "$tmp/pc.out" ]

run "$tmp/st" "$tmp/pi.out" "$tmp/pi.err" "$rawcd" inspect "$tmp/o.cue" --progress=json --no-hash
check "inspect --progress=json exits 0" [ "$(cat "$tmp/st")" = 0 ]
check "inspect --progress=json: every stderr line is a JSON object" all_lines_json "$tmp/pi.err"
check "inspect --progress=json: the last line is done" \
	[ "$(tail -n 1 "$tmp/pi.err" | jq -c '[.phase, .sectors_done, .sectors_total]')" = '["inspecting",4000,4000]' ]

# ---- check --json keeps its keys and adds warnings and errors ----
run "$tmp/st" "$tmp/k.json" "$tmp/k.err" "$rawcd" check "$tmp/w.cue" --json
check "check --json keeps its keys" json_eq "$tmp/k.json" '[.sheet, .valid, .files_checked, .tracks, .leadout_lba, (.diagnostics | length)]' \
	"[\"$tmp/w.cue\",true,true,1,4000,1]"
check "check --json: warnings and errors" json_eq "$tmp/k.json" '[.warnings[0].line, .errors, .exit_status]' '[1,[],0]'

# ---- burn and blank against the emulated recorder ----
run "$tmp/st" "$tmp/b.json" "$tmp/b.err" "$rawcd" burn "$tmp/t.cue" --device emulated:cd-r --simulate --json
check "burn --json (emulated) exits 0" [ "$(cat "$tmp/st")" = 0 ]
check "burn --json: raw96r from the ATIP lead-in, simulated" \
	json_eq "$tmp/b.json" '[.write_mode, .format, .lead_in_sectors, .first_lba, .simulated, .verify, .exit_status]' \
	'["raw96r","raw96",11475,-11625,true,null,0]'
check "burn --json: every sector written: lead-in, pregap, program, lead-out" \
	json_eq "$tmp/b.json" '[.sectors, .sectors_total, .bytes]' "[$((11475 + 150 + 4000 + 6750)),$((11475 + 150 + 4000 + 6750)),$(((11475 + 150 + 4000 + 6750) * 2448))]"
check "burn --json: the write-mode note is an object" json_eq "$tmp/b.json" '.warnings[0] | [.severity, .file]' '["note","emulated:cd-r"]'

run "$tmp/st" "$tmp/v.json" "$tmp/v.err" "$rawcd" burn "$tmp/t.cue" --device emulated:cd-r --verify --json
check "burn --verify --json: the verify result" json_eq "$tmp/v.json" '[.simulated, .verify.matched, .verify.mismatches, .exit_status]' '[false,true,0,0]'
run "$tmp/st" "$tmp/s.json" "$tmp/s.err" "$rawcd" burn "$tmp/t.cue" --device emulated:cd-r --write-mode sao --json
check "burn sao --json" json_eq "$tmp/s.json" '[.write_mode, .format, .first_lba, .lead_in_sectors, .block_size]' '["sao","bin",-150,0,2352]'

run "$tmp/st" "$tmp/bp.out" "$tmp/bp.err" "$rawcd" burn "$tmp/t.cue" --device emulated:cd-r --progress=json
check "burn --progress=json exits 0" [ "$(cat "$tmp/st")" = 0 ]
check "burn --progress=json: every stderr line is a JSON object" all_lines_json "$tmp/bp.err"
grep '"type":"progress"' "$tmp/bp.err" >"$tmp/bp.lines" || true
check "burn --progress=json: IMAPI2's keys" \
	[ "$(jq -sc '[.[] | has("current_action", "elapsed_time", "remaining_time", "last_written_lba", "buffer_fill")] | all' "$tmp/bp.lines")" = true ]
check "burn --progress=json: the phases in order" \
	[ "$(jq -sc '[.[].phase] | unique' "$tmp/bp.lines")" = '["finishing","lead-in","lead-out","preparing","program"]' ]
check "burn --progress=json: the last line is done, last LBA the lead-out's end" \
	[ "$(tail -n 1 "$tmp/bp.lines" | jq -c '[.current_action, .sectors_done == .sectors_total, .last_written_lba]')" = "[\"finishing\",true,$((4000 + 6750 - 1))]" ]
check "burn --progress=json: the note is a diagnostic line" grep -q '"type":"diagnostic","file":"emulated:cd-r"' "$tmp/bp.err"

run "$tmp/st" "$tmp/bl.json" "$tmp/bl.err" "$rawcd" blank emulated:cd-rw --minimal --json
check "blank --json on an emulated CD-RW" json_eq "$tmp/bl.json" '[.blanked, .blank_type, .exit_status, .errors]' '[true,"minimal",0,[]]'
run "$tmp/st" "$tmp/br.json" "$tmp/br.err" "$rawcd" blank emulated:cd-r --all --json
check "blank --json on a CD-R: exit 3 with the error object" \
	json_eq "$tmp/br.json" '[.blanked, .exit_status, (.errors[0].message | test("not a CD-RW"))]' '[false,3,true]'
check "blank of a CD-R exits 3" [ "$(cat "$tmp/st")" = 3 ]
run "$tmp/st" "$tmp/bq.out" "$tmp/bq.err" "$rawcd" blank emulated:cd-rw --all --progress=json
check "blank --progress=json: JSON lines, the last one done" \
	bash -c "all_lines() { while IFS= read -r l; do jq -e . <<<\"\$l\" >/dev/null || exit 1; done <\"\$1\"; }; all_lines '$tmp/bq.err' &&
		[ \"\$(tail -n 1 '$tmp/bq.err' | jq -c '[.phase, .sectors_done == .sectors_total]')\" = '[\"blanked\",true]' ]"

echo "json CLI:"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
