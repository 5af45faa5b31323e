/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the burn tests: a temporary folder with a mixed sheet and its files, an emulated recorder
 * opened on it, a burn run with its diagnostics, and what the recorder logged. */
#ifndef RAWCD_TESTS_BURN_FIXTURE_H
#define RAWCD_TESTS_BURN_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/burn.h"
#include "rawcd/emulated.h"
#include "rawcd/rawcd.h"

#define LEADIN_LBA (-11625) /* the emulator's default ATIP lead-in start, 97:27:00 */

/* Criterion .init / .fini: make and remove the test's folder. */
void bf_setup(void);
void bf_teardown(void);

/* @p name inside the test's folder (a static buffer; 4 in rotation). */
const char *bf_path(const char *name);

/* Write the mixed sheet t.cue and its files: track 1 MODE1/2048 (300 sectors from data.bin), track 2
 * AUDIO (FLAGS DCP PRE, ISRC, PREGAP 2 s, INDEX 02, 400 sectors of a1.pcm), track 3 AUDIO (INDEX 00 of
 * 75 sectors, then 375 sectors of a2.pcm, ISRC), CATALOG and CD-TEXT (disc and track titles,
 * performer). @p variant changes track 3's INDEX 01 by that many sectors (0: as described), for a
 * sheet whose TOC differs. */
void bf_mixed_sheet(unsigned variant);

/* The same sheet with @p catalog as its CATALOG and @p isrc3 as track 3's ISRC ("" for none). */
void bf_mixed_sheet_ids(unsigned variant, const char *catalog, const char *isrc3);

/* Load t.cue (the test fails if that fails). */
struct rawcd_disc *bf_load(void);

/* Open an emulated recorder with @p cfg (NULL: defaults); the test fails if that fails. */
rawcd_transport *bf_open(const struct rawcd_emu_config *cfg);

/* Open an emulated recorder with the defaults and @p n scripted @p faults (copied at the open). */
rawcd_transport *bf_open_faults(const struct rawcd_emu_fault *faults, size_t n);

/* Burn @p disc on @p t with @p opts (NULL: defaults); *diag is new (free it). */
int bf_burn(rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *opts,
	    struct rawcd_burn_result *result, rawcd_diag **diag);

/* Entries of @p sev (0: any) whose message holds @p words. */
size_t bf_diag_count(const rawcd_diag *d, int sev, const char *words);

/* All entries joined, for failure messages (a static buffer). */
const char *bf_diag_text(const rawcd_diag *d);

/* Commands of @p opcode in the recorder's log. */
size_t bf_count_op(const rawcd_transport *t, uint8_t opcode);

/* Index in the log of the @p n-th (0-based) command of @p opcode; (size_t)-1 if none. */
size_t bf_find_op(const rawcd_transport *t, uint8_t opcode, size_t n);

/* The recorder's state (the test fails if it cannot be read). */
struct rawcd_emu_state bf_state(const rawcd_transport *t);

/* A whole file; *size gets its length. */
uint8_t *bf_read_file(const char *path, size_t *size);

#endif
