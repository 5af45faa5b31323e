/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An LD_PRELOAD shim for failure-injection tests (tests only, never installed): makes write()/pwrite()
 * fail after a number of bytes, as on a full disk, and read()/pread() fail after a number of bytes, as
 * on a bad sector. Configured by the environment:
 *   RAWCD_INJECT_WRITE_AFTER=N   writes to matching files succeed for N bytes in all (the one that
 *                                crosses N is cut short), then fail with RAWCD_INJECT_WRITE_ERRNO
 *                                (a number; default ENOSPC)
 *   RAWCD_INJECT_WRITE_PATH=S    only files whose path contains S (default: every regular file)
 *   RAWCD_INJECT_READ_AFTER=N, RAWCD_INJECT_READ_PATH=S, RAWCD_INJECT_READ_ERRNO (default EIO): the
 *                                same for read() and pread()
 *   RAWCD_INJECT_RENAME_PATH=S   rename() of a file whose new name contains S fails with EIO (the
 *                                first one only), as when the disk goes away between two renames
 * The first injected failure prints one line to stderr, "rawcd-inject: ..." (so a test can tell that
 * the failure came from here). Only calls that go through the PLT are seen: stdio's own reads inside
 * libc (fread of the sheet) are not.
 */
/* Define pread/pwrite and their 64 names separately (meson adds -D_FILE_OFFSET_BITS=64, which renames
 * the first to the second). */
#undef _FILE_OFFSET_BITS
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef int (*rename_fn)(const char *, const char *);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*read_fn)(int, void *, size_t);
typedef ssize_t (*pread_fn)(int, void *, size_t, off_t);

struct rule {
	const char *kind;      /* "write" or "read" */
	bool on;
	uint64_t after;
	int err;
	const char *path;
	_Atomic uint64_t done; /* bytes let through so far */
	atomic_bool told;
};

static struct rule wr = {.kind = "write"}, rd = {.kind = "read"};

static void setup_rule(struct rule *r, const char *after, const char *path, const char *err, int dflt)
{
	const char *a = getenv(after);
	if (!a || !*a)
		return;
	r->on = true;
	r->after = strtoull(a, NULL, 10);
	r->path = getenv(path);
	const char *e = getenv(err);
	r->err = e && *e ? atoi(e) : dflt;
}

__attribute__((constructor)) static void inject_init(void)
{
	setup_rule(&wr, "RAWCD_INJECT_WRITE_AFTER", "RAWCD_INJECT_WRITE_PATH", "RAWCD_INJECT_WRITE_ERRNO", ENOSPC);
	setup_rule(&rd, "RAWCD_INJECT_READ_AFTER", "RAWCD_INJECT_READ_PATH", "RAWCD_INJECT_READ_ERRNO", EIO);
}

/* Does the rule apply to this descriptor: a regular file whose path contains the rule's string? */
static bool matches(const struct rule *r, int fd, char *name, size_t cap)
{
	struct stat st;
	if (!r->on || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, name, cap - 1);
	name[n > 0 ? n : 0] = '\0';
	return !r->path || strstr(name, r->path) != NULL;
}

/* How many of @p n bytes may go through; -1 (errno set) when the call must fail. */
static ssize_t allowance(struct rule *r, int fd, size_t n)
{
	char name[4096];
	if (!matches(r, fd, name, sizeof(name)))
		return (ssize_t)n;
	uint64_t done = atomic_load(&r->done);
	for (;;) {
		if (done >= r->after) {
			if (!atomic_exchange(&r->told, true)) {
				char msg[4200];
				int len = snprintf(msg, sizeof(msg), "rawcd-inject: %s on %s fails with %s after %llu bytes\n",
						   r->kind, name, strerror(r->err), (unsigned long long)r->after);
				write_fn real_write = (write_fn)dlsym(RTLD_NEXT, "write");
				if (real_write && len > 0)
					(void)!real_write(2, msg, (size_t)len < sizeof(msg) ? (size_t)len : sizeof(msg) - 1);
			}
			errno = r->err;
			return -1;
		}
		uint64_t take = r->after - done < n ? r->after - done : n;
		if (atomic_compare_exchange_weak(&r->done, &done, done + take))
			return (ssize_t)take;
	}
}

/* The next definition of a function (libc's, or a sanitizer's interceptor), looked up once. */
#define REAL(name, type)                                      \
	static type real_##name;                              \
	if (!real_##name)                                     \
		real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write, write_fn);
	ssize_t k = allowance(&wr, fd, n);
	return k < 0 ? -1 : real_write(fd, buf, (size_t)k);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite, pwrite_fn);
	ssize_t k = allowance(&wr, fd, n);
	return k < 0 ? -1 : real_pwrite(fd, buf, (size_t)k, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	return pwrite(fd, buf, n, off);
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(read, read_fn);
	ssize_t k = allowance(&rd, fd, n);
	return k < 0 ? -1 : real_read(fd, buf, (size_t)k);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	REAL(pread, pread_fn);
	ssize_t k = allowance(&rd, fd, n);
	return k < 0 ? -1 : real_pread(fd, buf, (size_t)k, off);
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	return pread(fd, buf, n, off);
}

int rename(const char *from, const char *to)
{
	REAL(rename, rename_fn);
	static atomic_bool fired;
	const char *s = getenv("RAWCD_INJECT_RENAME_PATH");
	if (s && *s && strstr(to, s) && !atomic_exchange(&fired, true)) {
		fprintf(stderr, "rawcd-inject: rename to %s fails with EIO\n", to);
		errno = EIO;
		return -1;
	}
	return real_rename(from, to);
}
