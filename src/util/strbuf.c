/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(struct rcd_strbuf *sb, size_t extra)
{
	if (sb->failed)
		return false;
	if (sb->len + extra + 1 <= sb->capacity)
		return true;
	size_t cap = sb->capacity ? sb->capacity : 256;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	char *d = realloc(sb->data, cap);
	if (!d) {
		sb->failed = true;
		return false;
	}
	sb->data = d;
	sb->capacity = cap;
	return true;
}

void rcd_strbuf_append(struct rcd_strbuf *sb, const char *bytes, size_t n)
{
	if (!reserve(sb, n))
		return;
	memcpy(sb->data + sb->len, bytes, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void rcd_strbuf_puts(struct rcd_strbuf *sb, const char *s)
{
	rcd_strbuf_append(sb, s, strlen(s));
}

void rcd_strbuf_printf(struct rcd_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !reserve(sb, (size_t)n)) {
		sb->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *rcd_strbuf_finish(struct rcd_strbuf *sb)
{
	if (sb->failed || !reserve(sb, 0)) {
		rcd_strbuf_free(sb);
		return NULL;
	}
	sb->data[sb->len] = '\0';
	char *d = sb->data;
	*sb = (struct rcd_strbuf){0};
	return d;
}

void rcd_strbuf_free(struct rcd_strbuf *sb)
{
	free(sb->data);
	*sb = (struct rcd_strbuf){0};
}
