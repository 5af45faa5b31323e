#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The bad-input corpus (cases.txt, run by run_cases.py): every case's exit status, message and what is
# left on disk, for rawcd check, toc and convert. Needs python3; sox and flac for the audio cases (those
# cases are skipped without them). Arguments go to run_cases.py (a case-name regex, or --list).
set -euo pipefail
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed"
	exit 77
fi
exec python3 "$(dirname "${BASH_SOURCE[0]}")/run_cases.py" "$@"
