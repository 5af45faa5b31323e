/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `rawcd toc --toc-format 5`: CD-TEXT packs shown as bytes (the READ TOC format 5 response) or decoded. */
#ifndef RAWCD_CLI_TOC_CDTEXT_H
#define RAWCD_CLI_TOC_CDTEXT_H

#include <stdio.h>

#include "rawcd/rawcd.h"

/* Print the decoded blocks of @p packs as text (json false) or JSON. Returns an exit status. */
int toc_cdtext_print(FILE *out, const char *input, const struct rawcd_cdtext_packs *packs, bool json);

#endif
