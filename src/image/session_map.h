/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: where each sector of a laid-out disc lies in an image that stores only the readable sectors
 * of each session, one session after the other (BIN/CUE and CloneCD .img/.sub of multisession discs).
 * Between sessions the disc has a lead-out, a lead-in and any pregap the input did not store
 * (RAWCD_SESSION_GAP, 11,400 sectors with the Orange Book lengths); none of it can be read with READ CD,
 * so none of it is stored: Redump's track files, CloneCD's .img (as libmirage reads it: fragments follow
 * one another) and DiscImageCreator's .img all leave it out. A single-session disc: position = LBA. */
#ifndef RCD_IMAGE_SESSION_MAP_H
#define RCD_IMAGE_SESSION_MAP_H

#include <stdint.h>

#include "rawcd/disc.h"

/* The LBA of the first stored sector of session index @p s (0-based): LBA 0 for the first, else the
 * first track's pregap (PREGAP or INDEX 00 as the input stored it) or its INDEX 01. */
int32_t rcd_session_first_stored(const struct rawcd_disc *disc, size_t s);

/* The index of the session that holds @p lba (the last one whose first stored sector is at or before
 * it). */
size_t rcd_session_of_lba(const struct rawcd_disc *disc, int32_t lba);

/* The sector position (0 = the image's first sector) of @p lba in such an image. */
uint32_t rcd_image_position(const struct rawcd_disc *disc, int32_t lba);

#endif
