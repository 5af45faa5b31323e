/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A growable list of diagnostics owned by the caller; the library appends, only the CLI prints. */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rawcd_diag {
	struct rawcd_diag_entry *entries;
	size_t count, capacity;
};

rawcd_diag *rawcd_diag_new(void)
{
	return calloc(1, sizeof(struct rawcd_diag));
}

void rawcd_diag_clear(rawcd_diag *diag)
{
	if (!diag)
		return;
	for (size_t i = 0; i < diag->count; i++) {
		free((char *)diag->entries[i].file);
		free((char *)diag->entries[i].message);
	}
	diag->count = 0;
}

void rawcd_diag_free(rawcd_diag *diag)
{
	if (!diag)
		return;
	rawcd_diag_clear(diag);
	free(diag->entries);
	free(diag);
}

size_t rawcd_diag_count(const rawcd_diag *diag)
{
	return diag ? diag->count : 0;
}

size_t rawcd_diag_error_count(const rawcd_diag *diag)
{
	size_t n = 0;
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		n += diag->entries[i].severity == RAWCD_SEV_ERROR;
	return n;
}

const struct rawcd_diag_entry *rawcd_diag_get(const rawcd_diag *diag, size_t i)
{
	return diag && i < diag->count ? &diag->entries[i] : NULL;
}

int rcd_diag_add(rawcd_diag *diag, enum rawcd_severity sev, int code, const char *file, unsigned line,
		 const char *fmt, ...)
{
	if (!diag)
		return code;
	if (diag->count == diag->capacity) {
		size_t cap = diag->capacity ? diag->capacity * 2 : 8;
		struct rawcd_diag_entry *e = realloc(diag->entries, cap * sizeof(*e));
		if (!e)
			return code;
		diag->entries = e;
		diag->capacity = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return code;
	char *f = file ? strdup(file) : NULL;
	if (file && !f) {
		free(msg);
		return code;
	}
	diag->entries[diag->count++] = (struct rawcd_diag_entry){
		.severity = sev, .code = code, .file = f, .line = line, .message = msg};
	return code;
}
