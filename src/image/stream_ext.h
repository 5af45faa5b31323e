/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: what the record reader (stream_records.c) hangs on a sector stream, and the creator's R-W
 * source (the IMAPI2 AddSubcodeRWGenerator data). */
#ifndef RCD_STREAM_EXT_H
#define RCD_STREAM_EXT_H

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

#endif
