/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: --split, one file per track, named as Redump names them; the files joined are the BIN. */
#ifndef RCD_IMAGE_SPLIT_H
#define RCD_IMAGE_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "image/outfile.h"
#include "rawcd/disc.h"

struct rcd_split {
	size_t count;             /* files: one per track, 0 when not splitting */
	char **path;              /* count names */
	struct rcd_outfile *out;  /* count files (fd -1 until opened) */
	const struct rawcd_disc *disc;
	size_t current;           /* writer thread: the file now written */
	int32_t lba;              /* writer thread: the LBA of the next sector */
};

/* First sector of track @p i's part of the image: its INDEX 00 (a stored pregap), else its INDEX 01;
 * LBA 0 for the first track, so that the parts cover the image from LBA 0. */
int32_t rcd_split_first_lba(const struct rawcd_disc *disc, size_t i);
/* One past its last sector: the next track's first sector, or the lead-out. */
int32_t rcd_split_end_lba(const struct rawcd_disc *disc, size_t i);

/* Name the track files of @p disc written for @p out_path (rawcd_image_split_path()). */
int rcd_split_name(struct rcd_split *s, const struct rawcd_disc *disc, const char *out_path);
/* Writer thread: @p n sectors from the current LBA on, each into its track's file. */
int rcd_split_write(struct rcd_split *s, const uint8_t *main, size_t n, rawcd_diag *diag);
/* Discard every file not committed and free the names. */
void rcd_split_free(struct rcd_split *s);

#endif
