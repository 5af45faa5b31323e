#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# run_replay.sh REPLAY_EXE HARNESS: the meson test of a fuzz harness without libFuzzer. Builds the seed
# corpus (seed_corpus.sh) in a temporary folder and replays it and regressions/HARNESS/ through
# REPLAY_EXE; fails when an input breaks an invariant (abort), on a sanitizer report, or when there is
# nothing to replay. Skips (77) when ../shared/testdata is missing.
set -euo pipefail

exe=${1:?usage: run_replay.sh REPLAY_EXE HARNESS}
harness=${2:?usage: run_replay.sh REPLAY_EXE HARNESS}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${RAWCD_SHARED_TESTDATA:-$here/../../../shared/testdata}
if [ ! -d "$shared" ]; then
	echo "SKIP: no shared test data at $shared"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seeds=$(bash "$here/seed_corpus.sh" "$harness" "$tmp/corpus")
echo "$harness: $seeds seed inputs"
if [ "$seeds" -lt 1 ]; then
	echo "FAIL: no seed inputs for $harness" >&2
	exit 1
fi
regressions=()
if [ -d "$here/regressions/$harness" ]; then
	regressions=("$here/regressions/$harness")
fi
"$exe" --quiet "$tmp/corpus" "${regressions[@]}"
