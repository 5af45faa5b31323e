/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file rawimage.h
 * @brief Raw images with subcode (2448-byte sectors: 2352 main + 96 raw P–W, as `convert --format raw96`
 *        writes; 2368-byte: 2352 + 16 P/Q, as `pq16`) → a laid-out disc model recovered from their Q.
 */
#ifndef RAWCD_RAWIMAGE_H
#define RAWCD_RAWIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Read a raw image and recover its layout from Q (TNO, INDEX, absolute time; the lead-in's TOC when the
 * image has one). The disc's one file is the image (record_size 2448 or 2368) and its recorded subcode is
 * the image's.
 * @return RAWCD_OK; RAWCD_E_INPUT (not a whole number of records, no usable Q); RAWCD_E_FORMAT;
 *         RAWCD_E_LAYOUT; RAWCD_E_UNSUPPORTED; RAWCD_E_NOMEM.
 */
int rawcd_rawimage_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
			rawcd_diag *diag);

/** The record size (2448 or 2368) if @p data (@p len bytes from the start of a file) holds data sectors'
 *  sync patterns or valid Q CRCs at that stride; 0 otherwise. */
unsigned rawcd_rawimage_sniff(const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
