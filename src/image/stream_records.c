/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Whole records of a raw image (main channel + subcode in one of the three raw layouts) from a sector
 * stream, with the R-W of the program area optionally taken from a caller's callback (IMAPI2
 * AddSubcodeRWGenerator). The layouts are subcode.h's, as the image sinks use them, so a record is byte
 * for byte what `rawcd convert --format raw96|packed96|pq16` writes. */
#include "image/stream_ext.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define CHUNK 64 /* sectors read from the stream at a time */

struct records {
	enum rawcd_image_format format;
	size_t size;
	uint8_t *main;                 /* CHUNK * 2352 */
	struct rawcd_subchannels *sub; /* CHUNK */
	rawcd_read_fn rw_read;         /* NULL: the generated R-W */
	void *rw_ctx;
	int32_t rw_first, rw_end;      /* LBAs whose R-W come from rw_read */
	int32_t rw_next;               /* the next LBA rw_read gives */
};

static void records_free(void *p)
{
	struct records *r = p;
	if (!r)
		return;
	free(r->main);
	free(r->sub);
	free(r);
}

static size_t format_size(enum rawcd_image_format f)
{
	switch (f) {
	case RAWCD_IMAGE_RAW96:
	case RAWCD_IMAGE_PACKED96: return RAWCD_SECTOR_SIZE + RAWCD_SUBCODE_SIZE;
	case RAWCD_IMAGE_PQ16: return RAWCD_SECTOR_SIZE + RAWCD_PQ16_SIZE;
	default: return 0;
	}
}

int rawcd_stream_set_record_format(rawcd_stream *s, enum rawcd_image_format format)
{
	size_t size = format_size(format);
	if (!s || !size)
		return RAWCD_E_ARG;
	struct records *r = rcd_stream_ext(s);
	if (!r) {
		/* A stream without subcode cannot give records: rawcd_stream_read_subcode() refuses it. */
		uint8_t probe;
		struct rawcd_subchannels sub;
		size_t n;
		int32_t lba;
		if (rawcd_stream_read_subcode(s, &probe, &sub, 0, &n, &lba))
			return RAWCD_E_ARG;
		r = calloc(1, sizeof(*r));
		if (!r)
			return RAWCD_E_NOMEM;
		r->main = malloc(CHUNK * RAWCD_SECTOR_SIZE);
		r->sub = malloc(CHUNK * sizeof(*r->sub));
		if (!r->main || !r->sub) {
			records_free(r);
			return RAWCD_E_NOMEM;
		}
		rcd_stream_set_ext(s, r, records_free);
	}
	r->format = format;
	r->size = size;
	return RAWCD_OK;
}

size_t rawcd_stream_record_size(const rawcd_stream *s)
{
	const struct records *r = s ? rcd_stream_ext(s) : NULL;
	return r ? r->size : 0;
}

enum rawcd_image_format rawcd_stream_record_format(const rawcd_stream *s)
{
	const struct records *r = s ? rcd_stream_ext(s) : NULL;
	return r ? r->format : RAWCD_IMAGE_BIN;
}

int rcd_stream_set_rw_source(rawcd_stream *s, rawcd_read_fn read, void *ctx, int32_t first_lba, int32_t end_lba)
{
	struct records *r = s ? rcd_stream_ext(s) : NULL;
	if (!r || !read || end_lba < first_lba)
		return RAWCD_E_ARG;
	r->rw_read = read;
	r->rw_ctx = ctx;
	r->rw_first = r->rw_next = first_lba;
	r->rw_end = end_lba;
	return RAWCD_OK;
}

/* R-W of the sectors [lba, lba + n) that fall in the callback's range, from the callback, in order. */
static int take_rw(struct records *r, int32_t lba, size_t n, rawcd_diag *diag)
{
	for (size_t i = 0; i < n; i++) {
		int32_t at = lba + (int32_t)i;
		if (at < r->rw_first || at >= r->rw_end)
			continue;
		if (at != r->rw_next)
			return rcd_error(diag, RAWCD_E_INTERNAL, "rawcd_creator", 0, "R-W of LBA %d asked for, %d expected",
					 at, r->rw_next);
		uint8_t *rw = r->sub[i].rw;
		int rc = r->rw_read(r->rw_ctx, rw, RAWCD_SUBCODE_SIZE);
		if (rc)
			return rcd_error(diag, rc < 0 && rc >= RAWCD_E_STATE ? rc : RAWCD_E_INPUT, "rawcd_creator", 0,
					 "the R-W generator failed at LBA %d (it returned %d, %s)", at, rc, rawcd_strerror(rc));
		for (size_t k = 0; k < RAWCD_SUBCODE_SIZE; k++)
			if (rw[k] & 0xC0)
				return rcd_error(diag, RAWCD_E_INPUT, "rawcd_creator", 0, "the R-W generator gave byte "
						 "%zu of LBA %d as %02Xh: bits 7 and 6 (P and Q) must be 0, only the six "
						 "R-W bits are the generator's", k, at, rw[k]);
		r->rw_next++;
	}
	return RAWCD_OK;
}

void rcd_records_lay_out(enum rawcd_image_format format, const uint8_t *main, const struct rawcd_subchannels *sub,
			 size_t n, uint8_t *out)
{
	size_t size = format_size(format);
	for (size_t i = 0; i < n; i++) {
		uint8_t *rec = out + i * size;
		memcpy(rec, main + i * RAWCD_SECTOR_SIZE, RAWCD_SECTOR_SIZE);
		if (format == RAWCD_IMAGE_RAW96)
			rawcd_subcode_raw96(&sub[i], rec + RAWCD_SECTOR_SIZE);
		else if (format == RAWCD_IMAGE_PACKED96)
			rawcd_subcode_packed96(&sub[i], rec + RAWCD_SECTOR_SIZE);
		else
			rawcd_subcode_pq16(&sub[i], rec + RAWCD_SECTOR_SIZE);
	}
}

int rawcd_stream_read_records(rawcd_stream *s, uint8_t *buf, size_t max_records, size_t *out_count,
			      int32_t *out_lba)
{
	struct records *r = s ? rcd_stream_ext(s) : NULL;
	if (!r || !buf || !out_count)
		return RAWCD_E_ARG;
	size_t n = 0;
	int32_t lba = 0;
	*out_count = 0;
	int rc = rawcd_stream_read_subcode(s, r->main, r->sub, max_records < CHUNK ? max_records : CHUNK, &n, &lba);
	if (rc || n == 0)
		return rc;
	if (r->rw_read && (rc = take_rw(r, lba, n, rcd_stream_diag(s))) != RAWCD_OK)
		return rc;
	rcd_records_lay_out(r->format, r->main, r->sub, n, buf);
	*out_count = n;
	if (out_lba)
		*out_lba = lba;
	return RAWCD_OK;
}
