/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the CD-TEXT unit tests: files, hand-made discs, libcdio's expected decodes (.right). */
#ifndef CDTEXT_TEST_UTIL_H
#define CDTEXT_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "rawcd/cdtext.h"
#include "rawcd/diag.h"
#include "rawcd/disc.h"

#define LIBCDIO_DIR SHARED_TESTDATA "/libcdio_libcdio"
#define HISTORIC_CDT LIBCDIO_DIR "/historic_7b64aa70/cdtext.cdt"

/* The whole file (malloc'd, plus a NUL after it); fails the test if unreadable. */
uint8_t *tu_read_file(const char *path, size_t *len);

/* Write @p len bytes to a new file in a fresh temporary folder; returns its path (static storage,
 * valid until the next call). tu_cleanup() removes the folder. */
const char *tu_write_temp(const char *name, const void *data, size_t len);
void tu_cleanup(void);

/* A heap disc of @p tracks tracks numbered 1..n (rawcd_disc_free() frees it), sheet "hand-made.cue". */
struct rawcd_disc *tu_disc_new(size_t tracks);
/* Set a CD-TEXT item (NULL @p track: the disc). */
void tu_set(struct rawcd_disc *disc, int track, enum rawcd_cdtext_item item, const char *text);

/* What libcdio's example/cdtext-raw printed for a .cdt (test/cdtext*.right): per language block,
 * item[type - 0x80][track], UTF-8 as in the file; genre code; language name. */
struct tu_expect {
	size_t blocks;
	char *item[8][16][RAWCD_MAX_TRACKS + 1];
	unsigned genre_code[8];
	char language[8][32];
	size_t entries; /* how many strings were read, all blocks */
};
void tu_expect_load(struct tu_expect *e, const char *right_path);
void tu_expect_free(struct tu_expect *e);

/* A UTF-8 string as ISO-8859-1 (only U+0000-U+00FF expected), malloc'd. */
char *tu_latin1(const char *utf8);

/* The message of the first diagnostic of @p severity, or NULL. */
const struct rawcd_diag_entry *tu_first(const rawcd_diag *diag, enum rawcd_severity severity);

/* Count the packs of a type. */
size_t tu_count_type(const struct rawcd_cdtext_packs *packs, uint8_t type);

#endif
