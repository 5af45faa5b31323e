/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: the ISRC as a CUE sheet and the creator API take it. */
#ifndef RCD_DISC_ISRC_H
#define RCD_DISC_ISRC_H

#include <stdbool.h>
#include <stddef.h>

#include "rawcd/disc.h"

/* ISO 3901: country (2 letters), registrant (3 letters or digits), year (2 digits), designation (5 digits);
 * the printed form CC-XXX-YY-NNNNN is taken too, copied without the dashes. @p in is read up to its NUL
 * or @p max bytes. @p out gets the 12 characters upper-cased and a NUL (also when false is returned). */
bool rcd_isrc_parse(const char *in, size_t max, char out[RAWCD_ISRC_SIZE]);

#endif
