/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "image/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "util/diag.h"
#include "util/path.h"

static int io_error(const struct rcd_outfile *o, rawcd_diag *diag, const char *what, int err)
{
	const char *hint = err == ENOSPC ? ": the disk is full, free some space"
			 : err == EFBIG ? ": the file size limit (ulimit -f) or the filesystem's limit is reached"
			 : "";
	return rcd_error(diag, RAWCD_E_IO, o->path, 0, "%s failed: %s%s; nothing was written", what,
			 strerror(err), hint);
}

int rcd_outfile_open(struct rcd_outfile *o, const char *path, rawcd_diag *diag)
{
	*o = (struct rcd_outfile){.fd = -1};
	char *dir = rcd_path_folder(path);
	if (!dir)
		return RAWCD_E_NOMEM;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		int rc = rcd_error(diag, RAWCD_E_ARG, path, 0, "the output folder \"%s\" does not exist: create "
				   "it first or choose another", dir);
		free(dir);
		return rc;
	}
	const char *base = rcd_path_base(path);
	o->path = strdup(path);
	if (!o->path || asprintf(&o->temp, "%s/.%s.rawcd-XXXXXX", dir, base) < 0) {
		free(dir);
		rcd_outfile_discard(o);
		return RAWCD_E_NOMEM;
	}
	free(dir);
	o->fd = mkostemp(o->temp, O_CLOEXEC);
	if (o->fd < 0) {
		int rc = io_error(o, diag, "creating a temporary file beside it", errno);
		free(o->temp);
		o->temp = NULL;
		return rc;
	}
	return RAWCD_OK;
}

/* Start writeback of each WRITEBACK_CHUNK as soon as it is written, and wait for the one before it: the
 * final fsync then has little left to do, and dirty pages stay bounded whatever the image size. */
#define WRITEBACK_CHUNK (8u << 20)

static void start_writeback(struct rcd_outfile *o)
{
	while (o->written - o->synced >= 2 * (uint64_t)WRITEBACK_CHUNK) {
		sync_file_range(o->fd, (off_t)o->synced, WRITEBACK_CHUNK,
				SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
		o->synced += WRITEBACK_CHUNK;
		sync_file_range(o->fd, (off_t)o->synced, WRITEBACK_CHUNK, SYNC_FILE_RANGE_WRITE);
	}
}

int rcd_outfile_write(struct rcd_outfile *o, const void *bytes, size_t n, rawcd_diag *diag)
{
	const char *p = bytes;
	while (n) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return io_error(o, diag, "writing", errno);
		p += w;
		n -= (size_t)w;
		o->written += (uint64_t)w;
	}
	start_writeback(o);
	return RAWCD_OK;
}

int rcd_outfile_skip(struct rcd_outfile *o, uint64_t n, rawcd_diag *diag)
{
	if (lseek(o->fd, (off_t)n, SEEK_CUR) < 0 || ftruncate(o->fd, (off_t)(o->written + n)) != 0)
		return io_error(o, diag, "extending", errno);
	bool idle = o->synced == o->written;
	o->written += n;
	if (idle)
		o->synced = o->written; /* a hole has nothing to write back */
	return RAWCD_OK;
}

int rcd_outfile_finish(struct rcd_outfile *o, rawcd_diag *diag)
{
	if (fchmod(o->fd, 0644) != 0 || fsync(o->fd) != 0)
		return io_error(o, diag, "syncing", errno);
	int rc = close(o->fd);
	o->fd = -1;
	return rc == 0 ? RAWCD_OK : io_error(o, diag, "closing", errno);
}

int rcd_outfile_commit(struct rcd_outfile *o, rawcd_diag *diag)
{
	if (rename(o->temp, o->path) != 0)
		return io_error(o, diag, "renaming the temporary file into place", errno);
	free(o->temp);
	o->temp = NULL;
	char *dir = rcd_path_folder(o->path);
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dfd >= 0) {
		fsync(dfd); /* best effort: the rename is done either way */
		close(dfd);
	}
	free(dir);
	return RAWCD_OK;
}

void rcd_outfile_keep_old(struct rcd_outfile *o)
{
	struct stat st;
	if (o->old || lstat(o->path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	char *dir = rcd_path_folder(o->path);
	for (unsigned i = 0; dir && i < 100; i++) {
		char *name = NULL;
		if (asprintf(&name, "%s/.%s.rawcd-old-%ld-%u", dir, rcd_path_base(o->path), (long)getpid(), i) < 0)
			break;
		if (link(o->path, name) == 0) {
			o->old = name;
			break;
		}
		int err = errno;
		free(name);
		if (err != EEXIST)
			break; /* no hard links here: the old file cannot be kept */
	}
	free(dir);
}

void rcd_outfile_restore(struct rcd_outfile *o)
{
	if (!o->old) {
		unlink(o->path);
		return;
	}
	if (rename(o->old, o->path) == 0) {
		free(o->old);
		o->old = NULL;
	}
}

void rcd_outfile_discard(struct rcd_outfile *o)
{
	if (o->fd >= 0)
		close(o->fd);
	if (o->temp)
		unlink(o->temp);
	if (o->old)
		unlink(o->old);
	free(o->old);
	free(o->temp);
	free(o->path);
	*o = (struct rcd_outfile){.fd = -1};
}
