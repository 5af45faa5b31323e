/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the creator and writer tests: read callbacks and diagnostics helpers. */
#ifndef API_FIXTURE_H
#define API_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/creator.h"
#include "rawcd/writer.h"

/* What a callback gives: bytes of (seed + position) & 0xFF, counting what was asked. */
struct feed {
	uint8_t seed;
	uint64_t given;  /* bytes given so far */
	unsigned calls;
	int fail_at_call; /* > 0: that call returns `fail_with` */
	int fail_with;
	uint8_t rw;      /* for R-W generators: every byte this value */
};

int feed_read(void *ctx, uint8_t *buf, size_t bytes);
int rw_read(void *ctx, uint8_t *buf, size_t bytes);

/* true if some diagnostic's message contains @p needle. */
bool diag_has(const rawcd_diag *diag, const char *needle);

/* All records of @p s into a malloc'd buffer; *count records of rawcd_stream_record_size() bytes. */
int read_all_records(rawcd_stream *s, uint8_t **out, size_t *count);

#endif
