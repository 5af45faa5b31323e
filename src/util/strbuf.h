/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: a growable byte string. A failed append sets `failed`; check once at the end. */
#ifndef RCD_UTIL_STRBUF_H
#define RCD_UTIL_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct rcd_strbuf {
	char *data;  /* always NUL-terminated when len > 0 or after rcd_strbuf_finish() */
	size_t len, capacity;
	bool failed; /* an allocation failed: the content is incomplete */
};

void rcd_strbuf_append(struct rcd_strbuf *sb, const char *bytes, size_t n);
void rcd_strbuf_puts(struct rcd_strbuf *sb, const char *s);
void rcd_strbuf_printf(struct rcd_strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the string over (caller frees) or NULL if an append failed (the buffer is freed then). */
char *rcd_strbuf_finish(struct rcd_strbuf *sb);
void rcd_strbuf_free(struct rcd_strbuf *sb);

#endif
