/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd inspect's text output. */
#ifndef RAWCD_CLI_INSPECT_TEXT_H
#define RAWCD_CLI_INSPECT_TEXT_H

#include <stdio.h>

#include "rawcd/inspect.h"

/* The report as a table: a heading line, one row per track with its details, a total row. */
void inspect_text_print(FILE *out, const struct rawcd_inspect_report *report);

#endif
