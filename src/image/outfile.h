/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: an output file written under a temporary name beside its destination, then fsync'd and
 * renamed into place, or removed. */
#ifndef RCD_IMAGE_OUTFILE_H
#define RCD_IMAGE_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/diag.h"

struct rcd_outfile {
	char *path;      /* the destination */
	char *temp;      /* the temporary file beside it; NULL once renamed or removed */
	char *old;       /* a second name (hard link) of the file the destination held, while a commit of
			    several files may still have to put it back; NULL if none */
	int fd;
	uint64_t written;  /* bytes written so far */
	uint64_t synced;   /* bytes whose writeback is complete (sync_file_range) */
};

/* Create the temporary file. RAWCD_E_ARG when the folder does not exist, RAWCD_E_IO otherwise. */
int rcd_outfile_open(struct rcd_outfile *o, const char *path, rawcd_diag *diag);
/* Write all of @p bytes. RAWCD_E_IO names the destination and the reason (disk full, size limit). */
int rcd_outfile_write(struct rcd_outfile *o, const void *bytes, size_t n, rawcd_diag *diag);
/* Leave @p n bytes of zeros at the current end without writing them (a hole: a sparse file where the
 * filesystem has them). */
int rcd_outfile_skip(struct rcd_outfile *o, uint64_t n, rawcd_diag *diag);
/* fsync and close the temporary file (the data is on disk, not yet under its name). */
int rcd_outfile_finish(struct rcd_outfile *o, rawcd_diag *diag);
/* Rename the finished temporary file to the destination and sync the folder. */
int rcd_outfile_commit(struct rcd_outfile *o, rawcd_diag *diag);
/* Before the commit of several files: give the file now at the destination a second, hidden name
 * beside it (a hard link), so that rcd_outfile_restore() can put it back if a later rename fails. Does
 * nothing when there is no such file, or when the filesystem has no hard links (then the old file
 * cannot be kept). */
void rcd_outfile_keep_old(struct rcd_outfile *o);
/* After a committed file's companion failed to commit: put back what the destination held before (or
 * remove the new file if there was nothing), so that no mix of old and new files is left. */
void rcd_outfile_restore(struct rcd_outfile *o);
/* Remove the temporary file and the second name of the old file if they still exist, and free the
 * names. Safe after any of the above. */
void rcd_outfile_discard(struct rcd_outfile *o);

#endif
