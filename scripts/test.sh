#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Set up as demo.sh does (plus the test tools and the peers the integration tests compare against), then
# run the whole test suite and print one closing line "Total: N passed, N failed" counting every test case.
#   scripts/test.sh             the suite in build/
#   scripts/test.sh --sanitize  the suite under AddressSanitizer and UBSan, in build-asan/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [ "${1:-}" = "--sanitize" ]; then
	RAWCD_BUILD_DIR=$RAWCD_ROOT/build-asan
	RAWCD_MESON_OPTIONS="-Db_sanitize=address,undefined -Db_lundef=false"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
fi
install_missing "${build_packages[@]}" "${test_packages[@]}" "${peer_packages[@]}"
configure_and_build
set +e
meson test -C "$RAWCD_BUILD_DIR" --print-errorlogs --num-processes 2
status=$?
set -e
log=$RAWCD_BUILD_DIR/meson-logs/testlog.txt
# Skipped tests say why (e.g. the kernel-path test without QEMU): repeat it where it is seen.
grep -h '^SKIPPED: ' "$log" | sort -u >&2 || true
# Criterion ends with "Synthesis: Tested: N | Passing: P | Failing: F | Crashing: C"; the shell tests with
# "P passed, F failed". Sum them into one line.
awk '
	/Synthesis: Tested:/ { for (i = 1; i <= NF; i++) { if ($i == "Passing:") p += $(i + 1); if ($i == "Failing:") f += $(i + 1) } }
	/^[0-9]+ passed, [0-9]+ failed$/ { p += $1; f += $3 }
	END { printf "Total: %d passed, %d failed\n", p, f }' "$log"
exit $status
