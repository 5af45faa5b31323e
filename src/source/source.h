/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: reading track payload from one input file, a sector at a time of the file's own size. */
#ifndef RCD_SOURCE_H
#define RCD_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "rawcd/diag.h"
#include "rawcd/disc.h"

struct rcd_source;

/* Open file @p f of @p disc. Errors (RAWCD_E_INPUT) name the sheet and the FILE line. */
int rcd_source_open(struct rcd_source **out, const struct rawcd_disc *disc, size_t f, rawcd_diag *diag);

/* Read @p count sectors of @p sector_size bytes from sector @p first of the file into @p out. Past the
 * end of the file the rest is zero (the padding warned about at load time). Audio comes out as 16-bit
 * little-endian stereo (MOTOROLA files swapped). RAWCD_E_IO on a read error (named in @p diag). */
int rcd_source_read(struct rcd_source *src, uint32_t first, size_t count, size_t sector_size, uint8_t *out,
		    rawcd_diag *diag);

void rcd_source_close(struct rcd_source *src);

#endif
