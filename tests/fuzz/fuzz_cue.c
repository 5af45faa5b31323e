/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the CUE reader and everything downstream of a parsed sheet, without touching a file: the input is
 * the sheet's text (sheet path /fuzz/t.cue, a folder that does not exist, so no FILE is ever found).
 * Every FILE is then faked as measured, with a length derived from the input, and the disc goes through
 * rawcd_disc_layout, rawcd_toc_from_disc, rawcd_toc_encode (formats 0, 1, 2; LBA and MSF),
 * rawcd_cdtext_build and rawcd_image_bin_cue_text.
 *
 * Invariants checked (an abort is a finding):
 *  - a failed parse leaves the output NULL and names the sheet in an error entry;
 *  - every diagnostic has a message;
 *  - each encoded TOC decodes again and re-encodes to the same bytes;
 *  - the CUE sheet written for the BIN image parses again, and laid out over one file of the image's
 *    length it gives the same format-0 TOC (README: "Converting OUT.cue again gives the same bytes").
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/cdtext.h"
#include "rawcd/cue.h"
#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/toc.h"

#define SHEET "/fuzz/t.cue"
#define TOC_BYTES (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static void check_diag(const rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		FUZZ_ASSERT(e && e->message && e->message[0]);
	}
}

/* The first error entry names the sheet: what the CLI prints as "rawcd: FILE:LINE: ...". */
static void check_error_named(const rawcd_diag *diag, const char *sheet)
{
	FUZZ_ASSERT(rawcd_diag_error_count(diag) > 0);
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		if (e->severity == RAWCD_SEV_ERROR) {
			FUZZ_ASSERT(e->file && strcmp(e->file, sheet) == 0);
			return;
		}
	}
}

/* Fake every file as measured: long enough for its indexes plus a length from the hash, and now and
 * then too short, so that both the layout and its errors are reached. */
static void fake_files(struct rawcd_disc *disc, uint64_t h)
{
	for (size_t f = 0; f < disc->file_count; f++) {
		uint32_t max = 0;
		unsigned size = 2352;
		for (size_t t = 0; t < disc->track_count; t++)
			for (size_t i = 0; i < disc->tracks[t].index_count; i++)
				if (disc->tracks[t].indexes[i].file == f) {
					if (disc->tracks[t].indexes[i].offset > max)
						max = disc->tracks[t].indexes[i].offset;
					size = rawcd_track_mode_file_sector_size(disc->tracks[t].mode);
				}
		uint64_t hf = h >> (f % 32);
		uint32_t sectors = (hf & 0xF) == 0 ? max / 2 : max + 1 + (uint32_t)(hf % 4500);
		disc->files[f].loaded = true;
		disc->files[f].sectors = sectors;
		disc->files[f].bytes = (uint64_t)sectors * size;
	}
}

/* Encode every format of @p toc; each must decode again and re-encode to the same bytes. Returns the
 * format-0 bytes in @p fmt0 (length in *fmt0_len, 0 if it could not be encoded). */
static void toc_round_trips(const struct rawcd_toc *toc, uint8_t *fmt0, size_t *fmt0_len)
{
	static uint8_t a[TOC_BYTES], b[TOC_BYTES];
	static struct rawcd_toc back;
	*fmt0_len = 0;
	for (int format = 0; format <= 2; format++)
		for (int msf = 0; msf <= 1; msf++) {
			size_t na = 0, nb = 0;
			if (rawcd_toc_encode(toc, format, msf, a, sizeof(a), &na) != RAWCD_OK)
				continue;
			FUZZ_ASSERT(na >= 4 && na <= sizeof(a));
			FUZZ_ASSERT(rawcd_toc_decode(&back, format, msf, a, na) == RAWCD_OK);
			FUZZ_ASSERT(rawcd_toc_encode(&back, format, msf, b, sizeof(b), &nb) == RAWCD_OK);
			FUZZ_ASSERT(na == nb && memcmp(a, b, na) == 0);
			if (format == 0 && !msf) {
				memcpy(fmt0, a, na);
				*fmt0_len = na;
			}
		}
}

/* The sheet written beside a BIN image describes the same disc. */
static void bin_cue_round_trip(const struct rawcd_disc *disc, const uint8_t *fmt0, size_t fmt0_len)
{
	char *text = NULL;
	int rc = rawcd_image_bin_cue_text(&text, disc, "t.bin");
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_NOMEM);
	if (rc != RAWCD_OK)
		return;
	FUZZ_ASSERT(text);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *again = NULL;
	rc = rawcd_cue_parse(&again, text, strlen(text), "/fuzz/out.cue", diag);
	check_diag(diag);
	if (rc != RAWCD_OK)
		fprintf(stderr, "the written sheet does not parse:\n%s\n", text);
	FUZZ_ASSERT(rc == RAWCD_OK);
	FUZZ_ASSERT(again->file_count == 1 && again->track_count == disc->track_count);
	uint32_t sectors = (uint32_t)rawcd_disc_leadout_lba(disc);
	again->files[0].loaded = true;
	again->files[0].sectors = sectors;
	again->files[0].bytes = (uint64_t)sectors * RAWCD_SECTOR_SIZE;
	rc = rawcd_disc_layout(again, NULL, diag);
	FUZZ_ASSERT(rc == RAWCD_OK);
	static struct rawcd_toc toc;
	static uint8_t bytes[TOC_BYTES];
	size_t n = 0;
	FUZZ_ASSERT(rawcd_toc_from_disc(&toc, again) == RAWCD_OK);
	FUZZ_ASSERT(rawcd_toc_encode(&toc, 0, false, bytes, sizeof(bytes), &n) == RAWCD_OK);
	if (n != fmt0_len || memcmp(bytes, fmt0, n) != 0)
		fprintf(stderr, "the written sheet gives another TOC:\n%s\n", text);
	FUZZ_ASSERT(n == fmt0_len && memcmp(bytes, fmt0, n) == 0);
	rawcd_disc_free(again);
	rawcd_diag_free(diag);
	free(text);
}

static void downstream(struct rawcd_disc *disc, uint64_t h, rawcd_diag *diag)
{
	/* rawcd_disc_load_files() refuses an INDEX with no FILE before it; layout assumes it did. */
	for (size_t t = 0; t < disc->track_count; t++)
		for (size_t i = 0; i < disc->tracks[t].index_count; i++)
			if (disc->tracks[t].indexes[i].file == RAWCD_NO_FILE)
				return;
	fake_files(disc, h);
	int rc = rawcd_disc_layout(disc, NULL, diag);
	check_diag(diag);
	if (rc != RAWCD_OK) {
		FUZZ_ASSERT(rc == RAWCD_E_LAYOUT || rc == RAWCD_E_NOMEM);
		check_error_named(diag, SHEET);
		return;
	}
	FUZZ_ASSERT(disc->laid_out);
	struct rawcd_cdtext_packs packs = {0};
	rc = rawcd_cdtext_build(&packs, disc, diag);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_LAYOUT || rc == RAWCD_E_NOMEM);
	for (size_t i = 0; i < packs.count; i++)
		FUZZ_ASSERT(rawcd_cdtext_pack_crc_ok(packs.pack[i]));
	rawcd_cdtext_packs_finish(&packs);

	static struct rawcd_toc toc;
	static uint8_t fmt0[TOC_BYTES];
	size_t fmt0_len = 0;
	if (rawcd_toc_from_disc(&toc, disc) != RAWCD_OK)
		return;
	toc_round_trips(&toc, fmt0, &fmt0_len);
	FUZZ_ASSERT(fmt0_len > 0);
	if (disc->session_count == 1)
		bin_cue_round_trip(disc, fmt0, fmt0_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1u << 20)) /* rawcd_cue_parse_file() refuses sheets over 1 MiB */
		return 0;
	rawcd_diag *diag = rawcd_diag_new();
	if (!diag)
		return 0;
	struct rawcd_disc *disc = NULL;
	int rc = rawcd_cue_parse(&disc, (const char *)data, size, SHEET, diag);
	check_diag(diag);
	if (rc == RAWCD_OK) {
		FUZZ_ASSERT(disc && disc->sheet_path);
		downstream(disc, fuzz_hash(data, size), diag);
	} else {
		FUZZ_ASSERT(disc == NULL);
		FUZZ_ASSERT(rc == RAWCD_E_SYNTAX || rc == RAWCD_E_NOMEM);
		if (rc == RAWCD_E_SYNTAX)
			check_error_named(diag, SHEET);
	}
	rawcd_disc_free(disc);
	rawcd_diag_free(diag);
	return 0;
}
