#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# run_fuzzers.sh BUILD_DIR SECONDS [HARNESS...]: run each libFuzzer harness of a -Dfuzzing=true build
# for SECONDS, one after the other, from its seed corpus (seed_corpus.sh) plus regressions/HARNESS/, on
# one core. Prints each harness's executions and findings; exits 1 if any harness found something
# (crash, invariant broken, sanitizer report, leak, timeout, out of memory) or did not run. A finding is
# saved as FINDINGS/HARNESS/crash-* (FINDINGS: $RAWCD_FUZZ_FINDINGS, else BUILD_DIR/fuzz-findings):
# copy it into regressions/HARNESS/ once it is fixed, so that meson test replays it forever.
set -euo pipefail

build=${1:?usage: run_fuzzers.sh BUILD_DIR SECONDS [HARNESS...]}
seconds=${2:?usage: run_fuzzers.sh BUILD_DIR SECONDS [HARNESS...]}
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_cue fuzz_toc_response fuzz_sector fuzz_ccd fuzz_mmc fuzz_rawimage fuzz_tocfile)
findings=${RAWCD_FUZZ_FINDINGS:-$build/fuzz-findings}
status=0
for h in "${harnesses[@]}"; do
	exe=$build/tests/fuzz/$h
	if [ ! -x "$exe" ]; then
		echo "$h: not built in $build (meson setup with -Dfuzzing=true)" >&2
		status=1
		continue
	fi
	corpus=$build/fuzz-corpus/$h
	rm -rf "${findings:?}/$h" # findings of an earlier run are not this run's
	mkdir -p "$corpus" "$findings/$h"
	bash "$here/seed_corpus.sh" "$h" "$corpus" >/dev/null
	dirs=("$corpus")
	[ -d "$here/regressions/$h" ] && dirs+=("$here/regressions/$h")
	opts=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
		-artifact_prefix="$findings/$h/")
	[ "$h" = fuzz_cue ] && opts+=(-dict="$here/cue.dict")
	[ "$h" = fuzz_ccd ] && opts+=(-dict="$here/ccd.dict")
	log=$findings/$h.log
	st=0
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
		"$exe" "${opts[@]}" "${dirs[@]}" >"$log" 2>&1 || st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	crashes=$(find "$findings/$h" -type f | wc -l)
	echo "$h: ${execs:-?} executions in ${seconds} s, $crashes findings, exit $st (log: $log)"
	if [ "$st" != 0 ] || [ "$crashes" != 0 ] || [ -z "$execs" ]; then
		status=1
		grep -E 'ERROR|invariant broken|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
	fi
done
exit $status
