/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the inspect tests: a temporary folder per test, files in it, sectors built with the encoders. */
#ifndef RAWCD_TESTS_INSPECT_FIXTURE_H
#define RAWCD_TESTS_INSPECT_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/rawcd.h"

#define S RAWCD_SECTOR_SIZE

/* Criterion .init / .fini: make and remove the test's folder. */
void ix_setup(void);
void ix_teardown(void);

/* @p name inside the test's folder (a static buffer; 4 in rotation). */
const char *ix_path(const char *name);

/* Write @p n bytes to @p name in the folder (replacing it). */
void ix_write(const char *name, const void *bytes, size_t n);

/* A file's whole content (NUL-terminated); *size gets its length. */
uint8_t *ix_read(const char *name, size_t *size);

/* Deterministic pseudo-random bytes, different for each seed. */
void ix_random(uint8_t *p, size_t n, uint64_t seed);

/* One 2352-byte sector of @p mode at @p lba with pseudo-random payload (a valid subheader for the Forms:
 * submode 0x08 Form 1, 0x20 Form 2; random, copies differing, for formless Mode 2). */
void ix_sector(uint8_t *out, enum rawcd_sector_mode mode, int32_t lba, uint64_t seed);

/* Load @p name (a sheet in the folder) with rawcd_cue_load(); fails the test on error. */
struct rawcd_disc *ix_load(const char *name);

/* Entries of @p d that are errors. The only error's line and whether its message holds @p words. */
bool ix_one_error(const rawcd_diag *d, unsigned line, const char *words);

/* Flip bit @p bit of byte @p offset of file @p name. */
void ix_flip(const char *name, uint64_t offset, unsigned bit);

#endif
