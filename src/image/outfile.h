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
	int fd;
	uint64_t written;  /* bytes written so far */
	uint64_t synced;   /* bytes whose writeback is complete (sync_file_range) */
};

/* Create the temporary file. RAWCD_E_ARG when the folder does not exist, RAWCD_E_IO otherwise. */
int rcd_outfile_open(struct rcd_outfile *o, const char *path, rawcd_diag *diag);
/* Write all of @p bytes. RAWCD_E_IO names the destination and the reason (disk full, size limit). */
int rcd_outfile_write(struct rcd_outfile *o, const void *bytes, size_t n, rawcd_diag *diag);
/* fsync and close the temporary file (the data is on disk, not yet under its name). */
int rcd_outfile_finish(struct rcd_outfile *o, rawcd_diag *diag);
/* Rename the finished temporary file to the destination and sync the folder. */
int rcd_outfile_commit(struct rcd_outfile *o, rawcd_diag *diag);
/* Remove the temporary file if it still exists and free the names. Safe after any of the above. */
void rcd_outfile_discard(struct rcd_outfile *o);

#endif
