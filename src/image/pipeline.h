/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the sector stream into an output file, encoding in this thread while another one writes. */
#ifndef RCD_IMAGE_PIPELINE_H
#define RCD_IMAGE_PIPELINE_H

#include "image/outfile.h"
#include "rawcd/image.h"
#include "rawcd/stream.h"

/* Write every sector of @p stream to @p out. Returns RAWCD_OK, the stream's error, RAWCD_E_IO or
 * RAWCD_E_CANCELED. */
int rcd_pipeline_run(rawcd_stream *stream, struct rcd_outfile *out, const struct rawcd_image_options *opts,
		     rawcd_diag *diag);

#endif
