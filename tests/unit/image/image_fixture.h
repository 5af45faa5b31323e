/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the image tests: a temporary folder per test, input files built in it, a disc loaded from a
 * sheet, the whole sector stream read with its batches checked, files read back. */
#ifndef RAWCD_TESTS_IMAGE_FIXTURE_H
#define RAWCD_TESTS_IMAGE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/cue.h"
#include "rawcd/diag.h"
#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/stream.h"

#include "../../common/indep_sector.h"

#define S RAWCD_SECTOR_SIZE

/* Criterion .init / .fini: make and remove the test's folder. */
void fx_setup(void);
void fx_teardown(void);

/* @p name inside the test's folder (a static buffer; 4 in rotation). */
const char *fx_path(const char *name);

/* Write @p n bytes to @p name in the folder. */
void fx_write(const char *name, const void *bytes, size_t n);

/* Write the sheet t.cue. */
void fx_sheet(const char *text);

/* Deterministic pseudo-random bytes (a 64-bit LCG), different for each seed. */
void fx_random(uint8_t *p, size_t n, uint64_t seed);

/* Load t.cue (rawcd_cue_load); the test fails if that fails. *diag is new (free it). */
struct rawcd_disc *fx_load(rawcd_diag **diag);

/* A file's whole content; *size gets its length. NULL (test failure) if it cannot be read. */
uint8_t *fx_read(const char *path, size_t *size);

/* Every sector of the disc from rawcd_stream_*, @p max_sectors per call, into one buffer of
 * rawcd_stream_total() sectors (*count). Fails the test unless the batches are consecutive from LBA 0,
 * none is empty before the end, none exceeds @p max_sectors, none crosses a track boundary
 * (pregap_lba .. end_lba) or an extent, and the total is the sum of the batches and the lead-out LBA.
 * @p batches, if not NULL, gets the number of calls that yielded sectors. */
uint8_t *fx_stream_all(const struct rawcd_disc *disc, const struct rawcd_stream_options *opts, size_t max_sectors,
		       rawcd_diag *diag, size_t *count, size_t *batches);

/* Entries of @p sev whose message holds @p words. */
size_t fx_diag_count(const rawcd_diag *d, enum rawcd_severity sev, const char *words);

/* Entries whose message names "LBA n" exactly (not LBA n0 ...). */
size_t fx_diag_lba_count(const rawcd_diag *d, int32_t lba);

/* Files in the test's folder whose name starts with ".", i.e. temporary files (".NAME.rawcd-XXXXXX"). */
size_t fx_temp_files(void);

/* Entries in the test's folder, "." and ".." aside. */
size_t fx_file_count(void);

/* Whether @p name exists in the folder. */
bool fx_exists(const char *name);

#endif
