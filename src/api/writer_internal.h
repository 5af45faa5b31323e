/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the state of a rawcd_writer (writer.h), shared by writer.c (the object, prepare, release)
 * and writer_write.c (WriteMedia2). */
#ifndef RCD_WRITER_INTERNAL_H
#define RCD_WRITER_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

#include "burn/burn_internal.h"
#include "rawcd/writer.h"

struct rawcd_writer {
	rawcd_transport *t;
	rawcd_diag *diag;
	enum rawcd_write_mode sector_type; /* RequestedSectorType */
	unsigned speed;                    /* kB/s, 0 the fastest */
	bool pure_cav;
	bool prepared, written;            /* written: a write ran since the prepare */
	atomic_bool writing, cancel;
	struct rawcd_drive_info info;      /* from the prepare */
	bool have_saved_page;
	struct rawcd_mmc_write_params saved_page; /* page 05h at the prepare */
	int32_t next_session, last_leadout;
	rawcd_writer_progress_fn progress;
	void *progress_ctx;
	struct timespec started;           /* the write's start (CLOCK_MONOTONIC) */
	struct rawcd_burn_result result;   /* of the last write */
};

/* A burn context over the writer's drive: options from the writer, cancel through w->cancel. */
void rcd_writer_burn_init(rawcd_writer *w, struct rcd_burn *b);

/* RAWCD_E_STATE with an entry when a write runs, else RAWCD_OK. */
int rcd_writer_idle(rawcd_writer *w, const char *what);

#endif
