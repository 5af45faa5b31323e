/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file diag.h
 * @brief Diagnostics: the errors and warnings a library call found, each with its source position.
 *
 * A ::rawcd_diag is a list owned by the caller. Library calls append to it and never print. Each entry
 * names the file (a CUE sheet, an input file) and, when it applies, the 1-based line, says what is wrong
 * and what to do. A list may be used by one thread at a time.
 */
#ifndef RAWCD_DIAG_H
#define RAWCD_DIAG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How bad an entry is. */
enum rawcd_severity {
	RAWCD_SEV_NOTE = 0,    /**< for the record: what was chosen and why (e.g. a burn's write mode) */
	RAWCD_SEV_WARNING = 1, /**< the work went on; the result may not be what the user meant */
	RAWCD_SEV_ERROR = 2    /**< the call failed because of this */
};

/** One diagnostic. Strings are owned by the list and live until rawcd_diag_free(). */
struct rawcd_diag_entry {
	enum rawcd_severity severity;
	int code;            /**< a ::rawcd_error (RAWCD_OK for a warning that has no code) */
	const char *file;    /**< the file concerned, as the user named it; NULL if none */
	unsigned line;       /**< 1-based line in @c file, 0 if the entry is not about one line */
	const char *message; /**< what is wrong and what to do, one sentence, no trailing newline */
};

typedef struct rawcd_diag rawcd_diag;

/** A new, empty list. @return NULL when out of memory. */
rawcd_diag *rawcd_diag_new(void);

/** Free a list and every entry. Accepts NULL. */
void rawcd_diag_free(rawcd_diag *diag);

/** Number of entries (warnings and errors). Accepts NULL (0). */
size_t rawcd_diag_count(const rawcd_diag *diag);

/** Number of entries of severity RAWCD_SEV_ERROR. Accepts NULL (0). */
size_t rawcd_diag_error_count(const rawcd_diag *diag);

/**
 * Entry @p i, in the order they were added.
 * @return NULL if @p i >= rawcd_diag_count().
 */
const struct rawcd_diag_entry *rawcd_diag_get(const rawcd_diag *diag, size_t i);

/** Remove every entry, keeping the list. Accepts NULL. */
void rawcd_diag_clear(rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
