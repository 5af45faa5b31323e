/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: what the record reader (stream_records.c) hangs on a sector stream, and the creator's R-W
 * source (the IMAPI2 AddSubcodeRWGenerator data). */
#ifndef RCD_STREAM_EXT_H
#define RCD_STREAM_EXT_H

#include "rawcd/image.h"
#include "rawcd/stream.h"

/* Attach @p ext to @p s; rawcd_stream_free() calls @p ext_free(ext). Replaces nothing: call once. */
void rcd_stream_set_ext(rawcd_stream *s, void *ext, void (*ext_free)(void *));
void *rcd_stream_ext(const rawcd_stream *s);
const struct rawcd_disc *rcd_stream_disc(const rawcd_stream *s);
rawcd_diag *rcd_stream_diag(const rawcd_stream *s);
/* The LBA of the stream's first sector (opts.first_lba); whether any sector was read yet. */
int32_t rcd_stream_first_lba(const rawcd_stream *s);
bool rcd_stream_started(const rawcd_stream *s);

/*
 * Take the R-W of LBAs [first_lba, end_lba) from @p read, 96 bytes a sector in LBA order (one 6-bit
 * symbol a byte; bits 7 and 6, P and Q, must be 0), in place of the generated R-W, in what
 * rawcd_stream_read_records() gives. Needs a record format set first. RAWCD_E_ARG, RAWCD_E_NOMEM.
 */
int rcd_stream_set_rw_source(rawcd_stream *s, rawcd_read_fn read, void *ctx, int32_t first_lba, int32_t end_lba);

/*
 * The one record path of the raw formats: @p n records of @p format (RAW96, PACKED96: 2448 bytes; PQ16:
 * 2368) into @p out, each the 2352 main bytes then the subcode laid out by rawcd_subcode_raw96(),
 * rawcd_subcode_packed96() or rawcd_subcode_pq16(). rawcd_image_write()'s raw sink and
 * rawcd_stream_read_records() (the creator's result image) both call it.
 */
void rcd_records_lay_out(enum rawcd_image_format format, const uint8_t *main, const struct rawcd_subchannels *sub,
			 size_t n, uint8_t *out);

/*
 * The sector stream options of an image of @p io's format, lead-in, lead-out, regeneration and
 * scrambling, as rawcd_image_write() streams it and the creator's result image (with RAW96, PACKED96 or
 * PQ16, a 22,650-sector lead-in and a 6,750-sector lead-out) does. The CD-TEXT (so->cdtext) is the
 * caller's to set.
 */
void rcd_image_stream_options(struct rawcd_stream_options *so, const struct rawcd_image_options *io);

#endif
