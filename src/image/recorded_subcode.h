/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal to the sector stream: the subcode an image recorded (a CloneCD .sub, a raw image's P–W),
 * read in batches in place of the generated one, and the Q frames that differ from it counted. */
#ifndef RCD_IMAGE_RECORDED_SUBCODE_H
#define RCD_IMAGE_RECORDED_SUBCODE_H

#include <stddef.h>
#include <stdint.h>

#include "rawcd/diag.h"
#include "rawcd/disc.h"
#include "rawcd/subcode.h"

struct rcd_recsub;

/* Open disc->recorded_subcode's file (*out = NULL when the disc has none). RAWCD_E_INPUT: it cannot be
 * opened, or it is not a whole number of records from its byte_offset on. A record that ends before the
 * disc's lead-out is a warning (the rest is generated). */
int rcd_recsub_open(struct rcd_recsub **out, const struct rawcd_disc *disc, rawcd_diag *diag);

/* @p sub holds the generated subcode of LBAs @p lba .. lba + n - 1: the ones the record covers are
 * replaced by what it holds (PQ16: P and Q; R–W stays generated). RAWCD_E_IO when a read fails. */
int rcd_recsub_apply(struct rcd_recsub *r, int32_t lba, size_t n, struct rawcd_subchannels *sub, rawcd_diag *diag);

/* Frames taken from the record whose Q differs from the generated one (see rawcd_stream_recorded_q_differences()). */
uint64_t rcd_recsub_differences(const struct rcd_recsub *r, uint64_t *compared, int32_t *first_lba);

/* The one warning about differing frames (none when all agree), then close and free. Accepts NULL. */
void rcd_recsub_free(struct rcd_recsub *r, rawcd_diag *diag);

#endif
