/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The records of a raw image, RCD_RAW_BATCH at a time, with their Q de-interleaved (raw96: bit 6 of each
 * of the 96 subcode bytes; pq16: the first 12 of the 16 bytes, MMC data block type 1). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"

static int read_batch(const struct rcd_raw_in *in, uint64_t first, size_t n, uint8_t *buf, const uint8_t **out,
		      rawcd_diag *diag)
{
	uint64_t pos = first * in->record_size;
	size_t bytes = n * in->record_size, done = 0;
	if (!in->mem) {
		while (done < bytes) {
			ssize_t r = pread(in->fd, buf + done, bytes - done, (off_t)(pos + done));
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				return rcd_error(diag, RAWCD_E_IO, in->name, 0, "cannot be read at byte %llu: %s",
						 (unsigned long long)(pos + done), r < 0 ? strerror(errno) : "the file shrank");
			done += (size_t)r;
		}
		*out = buf;
	} else {
		*out = in->mem + pos;
	}
	return RAWCD_OK;
}

static void split(const struct rcd_raw_in *in, const uint8_t *rec, struct rcd_raw_record *r)
{
	r->main = rec;
	if (in->record_size == RCD_PQ16_RECORD) {
		memcpy(r->q, rec + RAWCD_SECTOR_SIZE, RAWCD_Q_SIZE);
		r->rw = NULL;
		return;
	}
	struct rawcd_subchannels sc;
	rawcd_subcode_from_raw96(&sc, rec + RAWCD_SECTOR_SIZE);
	memcpy(r->q, sc.q, RAWCD_Q_SIZE);
	memcpy(r->rw_buf, sc.rw, sizeof(r->rw_buf));
	r->rw = r->rw_buf;
}

int rcd_raw_scan(const struct rcd_raw_in *in, rcd_raw_visit_fn visit, void *ctx, rawcd_diag *diag)
{
	uint8_t *buf = in->mem ? NULL : malloc((size_t)RCD_RAW_BATCH * in->record_size);
	if (!in->mem && !buf)
		return RAWCD_E_NOMEM;
	struct rcd_raw_record r;
	int rc = RAWCD_OK;
	for (uint64_t first = 0; first < in->records && rc == RAWCD_OK; first += RCD_RAW_BATCH) {
		size_t n = in->records - first < RCD_RAW_BATCH ? (size_t)(in->records - first) : RCD_RAW_BATCH;
		const uint8_t *recs = NULL;
		rc = read_batch(in, first, n, buf, &recs, diag);
		for (size_t i = 0; i < n && rc == RAWCD_OK; i++) {
			r.index = first + i;
			split(in, recs + i * in->record_size, &r);
			rc = visit(ctx, &r, diag);
		}
	}
	free(buf);
	return rc;
}
