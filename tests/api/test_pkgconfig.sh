#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# An out-of-tree program builds against an installed rawcd with `pkg-config --cflags --libs rawcd`
# (shared) and against librawcd.a with the packages the .pc names in Requires.private (their shared
# libraries: Debian's sndfile.pc lists static libraries, -lmp3lame and more, whose -dev packages need not
# be installed), and runs. The build is installed with `meson install --destdir` into a temporary folder
# and PKG_CONFIG_SYSROOT_DIR points rawcd.pc's paths into it (the system packages' paths get the prefix
# too and then name folders that do not exist: harmless for -I; their libraries are asked for without it).
# Usage: test_pkgconfig.sh MESON BUILD_DIR PROGRAM.c [SANITIZE]  (SANITIZE: the build's b_sanitize, e.g.
# address,undefined: an instrumented library needs an instrumented program)
set -euo pipefail
meson=$1 build=$2 prog=$3 sanitize=${4:-none}
read -ra cc <<<"${CC:-cc}"
if [ "$sanitize" != none ]; then cc+=("-fsanitize=$sanitize"); fi
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

dest=$tmp/dest
check "meson install --destdir" "$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet
pcdir=$(dirname "$(find "$dest" -name rawcd.pc | head -1)")
pc() { PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest pkg-config "$@"; }
check "pkg-config finds rawcd" pc --exists rawcd
cflags=$(pc --cflags rawcd) libs=$(pc --libs rawcd)
inc=${cflags%% *}
check "its include folder is the installed one ($inc)" test -f "${inc#-I}/rawcd/creator.h" -a "${inc#-I$dest}" != "$inc"
check "shared: builds" "${cc[@]}" -std=c11 -Wall -Werror "$prog" $cflags $libs -o "$tmp/outside"
libdir=${libs%% *}
libdir=${libdir#-L}
check "shared: runs against the installed library" env LD_LIBRARY_PATH="$libdir" "$tmp/outside"
check "shared: linked to the installed library" bash -c 'LD_LIBRARY_PATH="$1" ldd "$2" | grep -q "$1/librawcd.so"' \
	_ "$libdir" "$tmp/outside"
private=$(pc --print-requires-private rawcd | awk '{print $1}')
check "static: builds from librawcd.a and Requires.private ($(echo $private))" "${cc[@]}" -std=c11 -Wall -Werror \
	"$prog" $cflags "$libdir/librawcd.a" $(pkg-config --libs $private) -pthread -o "$tmp/outside-static"
check "static: runs" "$tmp/outside-static"
check "static: no librawcd.so needed" bash -c '! ldd "$1" | grep -q librawcd' _ "$tmp/outside-static"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
