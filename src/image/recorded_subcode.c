/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Recorded subcode in the sector stream: the records of a CloneCD .sub (96 bytes, channel after
 * channel), of a raw96 image (96 interleaved bytes after each 2352) or of a pq16 image (16 bytes: Q,
 * three zeros, P in bit 7 of the last), read RECSUB_BATCH records at a time with pread(), so memory stays
 * the same at any image size. The recorded Q is kept as it is even when it is wrong on purpose (copy
 * protections, LibCrypt): only counted. */
#include "image/recorded_subcode.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image/session_map.h"
#include "rawcd/error.h"
#include "util/diag.h"

#define RECSUB_BATCH 64  /* records a pread() fetches: 64 * 2448 bytes at most */
#define CHANNEL_BYTES 12 /* 96 bits of one channel */

struct rcd_recsub {
	const struct rawcd_recorded_subcode *rec;
	const struct rawcd_disc *disc;
	int fd;
	uint32_t sectors;       /* records usable: at most what the file holds */
	unsigned sub_bytes;     /* bytes of subcode in a record: 96, or 16 for PQ16 */
	uint8_t *buf;           /* RECSUB_BATCH records */
	uint64_t compared, differ;
	int32_t first_differ;
};

static unsigned sub_bytes_of(enum rawcd_subcode_store store)
{
	return store == RAWCD_SUBSTORE_PQ16 ? RAWCD_PQ16_SIZE : RAWCD_SUBCODE_SIZE;
}

/* Whole records from byte_offset on: a partial last record is an error (the file is cut or is no such
 * file). A record is sub_bytes long at its end when the file holds nothing after the last subcode. */
static int count_records(struct rcd_recsub *r, uint64_t size, rawcd_diag *diag)
{
	const struct rawcd_recorded_subcode *rec = r->rec;
	uint64_t left = size > rec->byte_offset ? size - rec->byte_offset : 0;
	uint64_t records = left / rec->record_size;
	uint64_t rest = left % rec->record_size;
	if (rest >= r->sub_bytes) {
		records++;
		rest = 0;
	}
	if (rest)
		return rcd_error(diag, RAWCD_E_INPUT, rec->path, 0, "is %llu bytes, not a whole number of %u-byte "
				 "subcode records: it is cut short or not the image's subcode; give the whole file, "
				 "or --regenerate-subcode to make the subcode anew", (unsigned long long)size,
				 rec->record_size);
	r->sectors = records < rec->sectors ? (uint32_t)records : rec->sectors;
	return RAWCD_OK;
}

static void warn_short(const struct rcd_recsub *r, const struct rawcd_disc *disc, rawcd_diag *diag)
{
	int64_t end = (int64_t)r->rec->first_lba + r->sectors, leadout = rawcd_disc_leadout_lba(disc);
	if (end < leadout)
		rcd_warn(diag, r->rec->path, 0, "holds the subcode of %u sectors, fewer than the %lld up to the "
			 "lead-out: the subcode from LBA %lld on is generated", r->sectors,
			 (long long)(leadout - r->rec->first_lba), (long long)end);
}

int rcd_recsub_open(struct rcd_recsub **out, const struct rawcd_disc *disc, rawcd_diag *diag)
{
	*out = NULL;
	const struct rawcd_recorded_subcode *rec = &disc->recorded_subcode;
	if (rec->store == RAWCD_SUBSTORE_NONE)
		return RAWCD_OK;
	if (!rec->path || rec->store > RAWCD_SUBSTORE_PQ16 || rec->record_size < sub_bytes_of(rec->store))
		return RAWCD_E_ARG;
	struct rcd_recsub *r = calloc(1, sizeof(*r));
	if (!r)
		return RAWCD_E_NOMEM;
	*r = (struct rcd_recsub){.rec = rec, .disc = disc, .fd = -1, .sub_bytes = sub_bytes_of(rec->store)};
	r->fd = open(rec->path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	int rc = RAWCD_OK;
	if (r->fd < 0 || fstat(r->fd, &st) != 0)
		rc = rcd_error(diag, RAWCD_E_INPUT, rec->path, 0, "cannot be opened (%s): it holds the image's "
			       "subcode; restore it, or give --regenerate-subcode", strerror(errno));
	if (rc == RAWCD_OK && !S_ISREG(st.st_mode))
		rc = rcd_error(diag, RAWCD_E_INPUT, rec->path, 0, "is not a regular file: the image's subcode is "
			       "a file of records; replace it, or give --regenerate-subcode");
	if (rc == RAWCD_OK)
		rc = count_records(r, (uint64_t)st.st_size, diag);
	if (rc == RAWCD_OK && !(r->buf = malloc((size_t)RECSUB_BATCH * rec->record_size)))
		rc = RAWCD_E_NOMEM;
	if (rc) {
		rcd_recsub_free(r, NULL);
		return rc;
	}
	posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	warn_short(r, disc, diag);
	*out = r;
	return RAWCD_OK;
}

/* CloneCD's layout back into channels: 12 bytes P, 12 Q, then R … W (bit 5 … bit 0 of each symbol). */
static void from_channels(struct rawcd_subchannels *out, const uint8_t *in)
{
	memcpy(out->p, in, CHANNEL_BYTES);
	memcpy(out->q, in + CHANNEL_BYTES, CHANNEL_BYTES);
	memset(out->rw, 0, sizeof(out->rw));
	for (unsigned c = 0; c < 6; c++) {
		const uint8_t *ch = in + (2 + c) * CHANNEL_BYTES;
		for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++)
			out->rw[i] |= (uint8_t)((ch[i / 8] >> (7 - i % 8) & 1u) << (5 - c));
	}
}

/* One record's subcode into @p sub, which holds the generated one (PQ16 keeps its R–W). */
static void decode(const struct rcd_recsub *r, const uint8_t *in, struct rawcd_subchannels *sub)
{
	switch (r->rec->store) {
	case RAWCD_SUBSTORE_CHANNELS: from_channels(sub, in); break;
	case RAWCD_SUBSTORE_RAW96: rawcd_subcode_from_raw96(sub, in); break;
	default:
		memcpy(sub->q, in, RAWCD_Q_SIZE);
		memset(sub->p, in[RAWCD_PQ16_SIZE - 1] & 0x80 ? 0xFF : 0x00, sizeof(sub->p));
		break;
	}
}

static int read_batch(struct rcd_recsub *r, uint32_t first, size_t m, rawcd_diag *diag)
{
	size_t want = (m - 1) * r->rec->record_size + r->sub_bytes, done = 0;
	off_t at = (off_t)(r->rec->byte_offset + (uint64_t)first * r->rec->record_size);
	while (done < want) {
		ssize_t n = pread(r->fd, r->buf + done, want - done, at + (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return rcd_error(diag, RAWCD_E_IO, r->rec->path, 0, "cannot read the subcode of record %u "
					 "(%s)", first, n < 0 ? strerror(errno) : "the file got shorter");
		done += (size_t)n;
	}
	return RAWCD_OK;
}

static void take(struct rcd_recsub *r, const uint8_t *in, int32_t lba, struct rawcd_subchannels *sub)
{
	uint8_t generated[RAWCD_Q_SIZE];
	memcpy(generated, sub->q, sizeof(generated));
	decode(r, in, sub);
	r->compared++;
	if (memcmp(generated, sub->q, sizeof(generated)) != 0 && r->differ++ == 0)
		r->first_differ = lba;
}

/* Records [first, first + m) onto the sectors from @p lba on. */
static int apply_run(struct rcd_recsub *r, int64_t first, int32_t lba, size_t m, struct rawcd_subchannels *sub,
		     rawcd_diag *diag)
{
	for (size_t k = 0; k < m; k += RECSUB_BATCH) {
		size_t b = m - k < RECSUB_BATCH ? m - k : RECSUB_BATCH;
		int rc = read_batch(r, (uint32_t)(first + (int64_t)k), b, diag);
		if (rc)
			return rc;
		for (size_t i = 0; i < b; i++)
			take(r, r->buf + i * r->rec->record_size, lba + (int32_t)(k + i), &sub[k + i]);
	}
	return RAWCD_OK;
}

/* Sessions stored back to back: within one session's stored sectors the records follow the LBAs; the
 * lead-out, lead-in and unstored pregap between sessions have no record (their subcode is generated). */
static int apply_sessions(struct rcd_recsub *r, int32_t lba, size_t n, struct rawcd_subchannels *sub,
			  rawcd_diag *diag)
{
	const struct rawcd_disc *d = r->disc;
	size_t i = 0;
	while (i < n) {
		int32_t at = lba + (int32_t)i;
		size_t s = rcd_session_of_lba(d, at);
		int64_t first = rcd_session_first_stored(d, s), end = d->sessions[s].leadout_lba;
		int64_t next = s + 1 < d->session_count ? rcd_session_first_stored(d, s + 1) : INT64_MAX;
		int64_t stop = at < first ? first : (at < end ? end : next); /* the end of this run */
		size_t m = stop - at < (int64_t)(n - i) ? (size_t)(stop - at) : n - i;
		if (at >= first && at < end) {
			int64_t pos = rcd_image_position(d, at);
			if (pos + (int64_t)m > r->sectors)
				m = pos < r->sectors ? (size_t)(r->sectors - pos) : 0;
			if (m == 0)
				return RAWCD_OK;
			int rc = apply_run(r, pos, at, m, sub + i, diag);
			if (rc)
				return rc;
		}
		i += m;
	}
	return RAWCD_OK;
}

int rcd_recsub_apply(struct rcd_recsub *r, int32_t lba, size_t n, struct rawcd_subchannels *sub, rawcd_diag *diag)
{
	if (r->rec->sessions_back_to_back && r->disc->session_count > 1)
		return apply_sessions(r, lba, n, sub, diag);
	int64_t from = lba, to = (int64_t)lba + (int64_t)n;
	int64_t first = r->rec->first_lba, end = first + r->sectors;
	if (from < first)
		from = first;
	if (to > end)
		to = end;
	if (from >= to)
		return RAWCD_OK;
	return apply_run(r, from - first, (int32_t)from, (size_t)(to - from), sub + (from - lba), diag);
}

uint64_t rcd_recsub_differences(const struct rcd_recsub *r, uint64_t *compared, int32_t *first_lba)
{
	if (compared)
		*compared = r ? r->compared : 0;
	if (r && r->differ && first_lba)
		*first_lba = r->first_differ;
	return r ? r->differ : 0;
}

void rcd_recsub_free(struct rcd_recsub *r, rawcd_diag *diag)
{
	if (!r)
		return;
	if (r->differ)
		rcd_warn(diag, r->rec->path, 0, "%llu of %llu recorded Q frames differ from what rawcd would generate "
			 "(first at LBA %d); kept as recorded: --regenerate-subcode makes them anew",
			 (unsigned long long)r->differ, (unsigned long long)r->compared, r->first_differ);
	if (r->fd >= 0)
		close(r->fd);
	free(r->buf);
	free(r);
}
