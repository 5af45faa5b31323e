/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the sector stream into output files, encoding in this thread while another one writes. */
#ifndef RCD_IMAGE_PIPELINE_H
#define RCD_IMAGE_PIPELINE_H

#include <stdbool.h>

#include "rawcd/image.h"
#include "rawcd/stream.h"

/* Where batches go: called in the writer thread with consecutive sectors (and their subcode when the
 * stream makes it; else @p sub is NULL). Returns RAWCD_OK or RAWCD_E_IO with a diagnostic. */
struct rcd_sink {
	int (*write)(void *ctx, const uint8_t *main, const struct rawcd_subchannels *sub, size_t n, rawcd_diag *diag);
	void *ctx;
};

/* Largest batch a sink is given, in sectors. */
#define RCD_PIPELINE_BATCH 512

/* Write every sector of @p stream to @p sink. Returns RAWCD_OK, the stream's error, the sink's error or
 * RAWCD_E_CANCELED. */
int rcd_pipeline_run(rawcd_stream *stream, bool subcode, const struct rcd_sink *sink,
		     const struct rawcd_image_options *opts, rawcd_diag *diag);

#endif
