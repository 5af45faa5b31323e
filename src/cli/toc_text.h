/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The readable TOC table of `rawcd toc --format text`. */
#ifndef RAWCD_CLI_TOC_TEXT_H
#define RAWCD_CLI_TOC_TEXT_H

#include <stdio.h>

#include "rawcd/rawcd.h"

/* Print the tracks (with the model's columns when @p disc is not NULL) then the full TOC. The MCN and
 * the ISRCs are the model's, or without one the TOC's (as a drive reported them): then an ISRC column
 * is printed only when some track has an ISRC, so a TOC decoded from READ TOC bytes prints as before. */
void toc_text_print(FILE *out, const struct rawcd_toc *toc, const struct rawcd_disc *disc, bool msf);

#endif
