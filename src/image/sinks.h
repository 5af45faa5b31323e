/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the writer-thread side of each image format: how a batch of sectors becomes file bytes. */
#ifndef RCD_IMAGE_SINKS_H
#define RCD_IMAGE_SINKS_H

#include "image/outfile.h"
#include "image/pipeline.h"
#include "image/split.h"

struct rcd_sink_state {
	enum rawcd_image_format format;
	struct rcd_outfile *main;   /* BIN, CLONECD .img, or the raw file */
	struct rcd_outfile *sub;    /* CLONECD .sub, else NULL */
	struct rcd_split *split;    /* BIN/TOC --split: the track files (main unused), else NULL */
	uint8_t *buf;               /* RCD_PIPELINE_BATCH records of the largest kind */
};

/* Set up @p st for @p format writing to @p main (and @p sub), or for BIN/TOC to the track files of
 * @p split when it is not NULL; @p sink then writes through it. */
int rcd_sink_init(struct rcd_sink_state *st, struct rcd_sink *sink, enum rawcd_image_format format,
		  struct rcd_outfile *main, struct rcd_outfile *sub, struct rcd_split *split);
void rcd_sink_finish(struct rcd_sink_state *st);

/* Bytes a sector takes in the main file of a format: 2352, 2448 or 2368. */
size_t rcd_sink_record_size(enum rawcd_image_format format);

/* The .ccd text of a CloneCD image (CloneCD's INI sections as libmirage, Aaru and BizHawk read them). */
int rcd_ccd_text(char **out, const struct rawcd_disc *disc, const struct rawcd_cdtext_packs *cdtext);

#endif
