/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the cdrdao TOC reader and what follows a parsed TOC file, without touching a file: the input is
 * the TOC file's text (path /fuzz/t.toc, a folder that does not exist, so no file is ever opened). Every
 * named file is faked as measured, with a length from the input's hash; SILENCE and ZERO pieces keep their
 * own lengths. Then the indexes are placed (rcd_toc_place_indexes), the disc laid out, the CD-TEXT packs
 * of every block built (rcd_toc_cdtext_finish), the TOC encoded (formats 0, 1, 2; LBA and MSF).
 *
 * Invariants checked (an abort is a finding):
 *  - a failed parse leaves the output NULL, returns RAWCD_E_SYNTAX or RAWCD_E_NOMEM and names the TOC file
 *    in an error entry with a line;
 *  - every diagnostic has a message; a failed placement or layout is RAWCD_E_LAYOUT (or out of memory)
 *    and names the TOC file;
 *  - every index lies inside its piece, and the indexes of a track go up in LBA;
 *  - the CD-TEXT packs have good CRCs and decode again (sequence numbers, blocks, size information);
 *  - each encoded TOC decodes again and re-encodes to the same bytes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/cdtext.h"
#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"
#include "tocfile/tocfile_internal.h"

#define TOC_PATH "/fuzz/t.toc"
#define TOC_BYTES (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static void check_diag(const rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		FUZZ_ASSERT(e && e->message && e->message[0]);
	}
}

static void check_error_named(const rawcd_diag *diag, bool with_line)
{
	FUZZ_ASSERT(rawcd_diag_error_count(diag) > 0);
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		if (e->severity == RAWCD_SEV_ERROR) {
			FUZZ_ASSERT(e->file && strcmp(e->file, TOC_PATH) == 0);
			FUZZ_ASSERT(!with_line || e->line > 0);
			return;
		}
	}
}

/* What rawcd_disc_load_files() would find: ZERO pieces as they are, files of a length from the hash. */
static void fake_files(struct rawcd_disc *d, uint64_t h)
{
	for (size_t f = 0; f < d->file_count; f++) {
		struct rawcd_file *file = &d->files[f];
		unsigned size = 2352;
		for (size_t t = 0; t < d->track_count; t++)
			for (size_t i = 0; i < d->tracks[t].index_count; i++)
				if (d->tracks[t].indexes[i].file == f)
					size = rawcd_track_mode_file_sector_size(d->tracks[t].mode);
		uint64_t sectors = file->type == RAWCD_FILE_ZERO ? (file->bytes + size - 1) / size
			: file->byte_length ? (file->byte_length + size - 1) / size : (h >> (f % 40)) % 9000;
		file->sectors = sectors > 400000 ? 400000 : (uint32_t)sectors;
		file->bytes = (uint64_t)file->sectors * size;
		file->loaded = true;
	}
}

static void check_indexes(const struct rawcd_disc *d)
{
	for (size_t t = 0; t < d->track_count; t++) {
		const struct rawcd_track *tr = &d->tracks[t];
		for (size_t i = 0; i < tr->index_count; i++) {
			FUZZ_ASSERT(tr->indexes[i].file < d->file_count);
			FUZZ_ASSERT(tr->indexes[i].offset < d->files[tr->indexes[i].file].sectors);
			FUZZ_ASSERT(i == 0 || tr->indexes[i].lba > tr->indexes[i - 1].lba);
		}
		FUZZ_ASSERT(tr->start_lba >= tr->pregap_lba && tr->end_lba > tr->start_lba);
	}
}

static void check_packs(const struct rawcd_disc *d)
{
	struct rawcd_cdtext_packs packs = {.pack = d->cdtext_pack, .count = d->cdtext_pack_count};
	for (size_t i = 0; i < packs.count; i++)
		FUZZ_ASSERT(rawcd_cdtext_pack_crc_ok(packs.pack[i]));
	if (!packs.count)
		return;
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	int rc = rawcd_cdtext_decode(&blocks, &n, &packs);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_NOMEM);
	rawcd_cdtext_blocks_free(blocks, n);
}

static void toc_round_trips(const struct rawcd_disc *d)
{
	static struct rawcd_toc toc, back;
	static uint8_t a[TOC_BYTES], b[TOC_BYTES];
	if (rawcd_toc_from_disc(&toc, d) != RAWCD_OK)
		return;
	for (int format = 0; format <= 2; format++)
		for (int msf = 0; msf <= 1; msf++) {
			size_t na = 0, nb = 0;
			if (rawcd_toc_encode(&toc, format, msf, a, sizeof(a), &na) != RAWCD_OK)
				continue;
			FUZZ_ASSERT(rawcd_toc_decode(&back, format, msf, a, na) == RAWCD_OK);
			FUZZ_ASSERT(rawcd_toc_encode(&back, format, msf, b, sizeof(b), &nb) == RAWCD_OK);
			FUZZ_ASSERT(na == nb && memcmp(a, b, na) == 0);
		}
}

static void downstream(struct rawcd_disc *d, struct rcd_toc_cdtext *text, struct rcd_toc_track_extra *extra,
		       uint64_t h, rawcd_diag *diag)
{
	int rc = rcd_toc_provisional_indexes(d, extra, diag);
	if (rc)
		return;
	fake_files(d, h);
	rc = rcd_toc_place_indexes(d, extra, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_disc_layout(d, NULL, diag);
	check_diag(diag);
	if (rc) {
		FUZZ_ASSERT(rc == RAWCD_E_LAYOUT || rc == RAWCD_E_NOMEM);
		if (rc == RAWCD_E_LAYOUT)
			check_error_named(diag, false);
		return;
	}
	check_indexes(d);
	rc = rcd_toc_cdtext_finish(d, text, diag);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_LAYOUT || rc == RAWCD_E_NOMEM);
	if (rc == RAWCD_OK)
		check_packs(d);
	toc_round_trips(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > RCD_TOC_MAX_FILE) /* rawcd_tocfile_load() refuses larger files */
		return 0;
	rawcd_diag *diag = rawcd_diag_new();
	if (!diag)
		return 0;
	struct rawcd_disc *d = NULL;
	struct rcd_toc_cdtext text = {0};
	struct rcd_toc_track_extra *extra = NULL;
	int rc = rcd_tocfile_parse((const char *)data, size, TOC_PATH, &d, &text, &extra, diag);
	check_diag(diag);
	if (rc == RAWCD_OK) {
		FUZZ_ASSERT(d && d->track_count > 0 && extra);
		downstream(d, &text, extra, fuzz_hash(data, size), diag);
		rcd_toc_cdtext_free(&text, d->track_count);
		free(extra);
	} else {
		FUZZ_ASSERT(d == NULL);
		FUZZ_ASSERT(rc == RAWCD_E_SYNTAX || rc == RAWCD_E_NOMEM);
		if (rc == RAWCD_E_SYNTAX)
			check_error_named(diag, true);
	}
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	return 0;
}
