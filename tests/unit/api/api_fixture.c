/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "api_fixture.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"

int feed_read(void *ctx, uint8_t *buf, size_t bytes)
{
	struct feed *f = ctx;
	f->calls++;
	if (f->fail_at_call && (int)f->calls == f->fail_at_call)
		return f->fail_with;
	for (size_t i = 0; i < bytes; i++)
		buf[i] = (uint8_t)(f->seed + f->given + i);
	f->given += bytes;
	return RAWCD_OK;
}

int rw_read(void *ctx, uint8_t *buf, size_t bytes)
{
	struct feed *f = ctx;
	f->calls++;
	memset(buf, f->rw, bytes);
	f->given += bytes;
	return RAWCD_OK;
}

bool diag_has(const rawcd_diag *diag, const char *needle)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		if (strstr(rawcd_diag_get(diag, i)->message, needle))
			return true;
	return false;
}

int read_all_records(rawcd_stream *s, uint8_t **out, size_t *count)
{
	size_t size = rawcd_stream_record_size(s), total = (size_t)rawcd_stream_total(s), have = 0, n = 0;
	uint8_t *buf = malloc(total * size);
	int rc = buf ? RAWCD_OK : RAWCD_E_NOMEM;
	while (rc == RAWCD_OK && have < total) {
		rc = rawcd_stream_read_records(s, buf + have * size, total - have, &n, NULL);
		if (n == 0)
			break;
		have += n;
	}
	*out = buf;
	*count = have;
	return rc;
}
