/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-format record layouts, run in the pipeline's writer thread. */
#include "image/sinks.h"

#include <stdlib.h>
#include <string.h>

#include "image/stream_ext.h"
#include "rawcd/error.h"

size_t rcd_sink_record_size(enum rawcd_image_format format)
{
	switch (format) {
	case RAWCD_IMAGE_RAW96:
	case RAWCD_IMAGE_PACKED96: return RAWCD_SECTOR_SIZE + RAWCD_SUBCODE_SIZE;
	case RAWCD_IMAGE_PQ16: return RAWCD_SECTOR_SIZE + RAWCD_PQ16_SIZE;
	default: return RAWCD_SECTOR_SIZE;
	}
}

static int write_bin(void *ctx, const uint8_t *main, const struct rawcd_subchannels *sub, size_t n, rawcd_diag *diag)
{
	(void)sub;
	struct rcd_sink_state *st = ctx;
	return rcd_outfile_write(st->main, main, n * RAWCD_SECTOR_SIZE, diag);
}

/* --split: each sector into its track's file. */
static int write_split(void *ctx, const uint8_t *main, const struct rawcd_subchannels *sub, size_t n,
		       rawcd_diag *diag)
{
	(void)sub;
	struct rcd_sink_state *st = ctx;
	return rcd_split_write(st->split, main, n, diag);
}

static int write_clonecd(void *ctx, const uint8_t *main, const struct rawcd_subchannels *sub, size_t n,
			 rawcd_diag *diag)
{
	struct rcd_sink_state *st = ctx;
	for (size_t i = 0; i < n; i++)
		rawcd_subcode_channels96(&sub[i], st->buf + i * RAWCD_SUBCODE_SIZE);
	int rc = rcd_outfile_write(st->main, main, n * RAWCD_SECTOR_SIZE, diag);
	return rc ? rc : rcd_outfile_write(st->sub, st->buf, n * RAWCD_SUBCODE_SIZE, diag);
}

/* 2352 main bytes then the subcode, sector after sector: what WRITE takes with data block type 1, 2, 3. */
static int write_raw(void *ctx, const uint8_t *main, const struct rawcd_subchannels *sub, size_t n, rawcd_diag *diag)
{
	struct rcd_sink_state *st = ctx;
	rcd_records_lay_out(st->format, main, sub, n, st->buf); /* the creator's result image's records too */
	return rcd_outfile_write(st->main, st->buf, n * rcd_sink_record_size(st->format), diag);
}

int rcd_sink_init(struct rcd_sink_state *st, struct rcd_sink *sink, enum rawcd_image_format format,
		  struct rcd_outfile *main, struct rcd_outfile *sub, struct rcd_split *split)
{
	*st = (struct rcd_sink_state){.format = format, .main = main, .sub = sub, .split = split};
	*sink = (struct rcd_sink){.ctx = st};
	if (format == RAWCD_IMAGE_BIN || format == RAWCD_IMAGE_TOC) {
		sink->write = split ? write_split : write_bin;
		return RAWCD_OK;
	}
	size_t rec = format == RAWCD_IMAGE_CLONECD ? RAWCD_SUBCODE_SIZE : rcd_sink_record_size(format);
	st->buf = malloc(RCD_PIPELINE_BATCH * rec);
	if (!st->buf)
		return RAWCD_E_NOMEM;
	sink->write = format == RAWCD_IMAGE_CLONECD ? write_clonecd : write_raw;
	return RAWCD_OK;
}

void rcd_sink_finish(struct rcd_sink_state *st)
{
	free(st->buf);
	st->buf = NULL;
}
