/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the cue unit tests: parse inline text, find the first error. */
#ifndef CUE_TEST_UTIL_H
#define CUE_TEST_UTIL_H

#include <string.h>

#include "rawcd/cue.h"
#include "rawcd/error.h"

static inline int parse_text(struct rawcd_disc **out, const char *text, rawcd_diag *diag)
{
	return rawcd_cue_parse(out, text, strlen(text), "/nonexistent/t.cue", diag);
}

static inline const struct rawcd_diag_entry *first_error(const rawcd_diag *d)
{
	for (size_t i = 0; i < rawcd_diag_count(d); i++)
		if (rawcd_diag_get(d, i)->severity == RAWCD_SEV_ERROR)
			return rawcd_diag_get(d, i);
	return NULL;
}

static inline size_t warning_count(const rawcd_diag *d)
{
	return rawcd_diag_count(d) - rawcd_diag_error_count(d);
}

#endif
