/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the CloneCD .ccd reader (rawcd_ccd_parse: INI text → laid-out disc, reading no file; path
 * /fuzz/t.ccd), then what is done with the disc it gives: rawcd_toc_from_disc and rawcd_toc_encode
 * (formats 0, 1, 2), and rawcd_image_bin_cue_text.
 *
 * Invariants checked (an abort is a finding):
 *  - a failed parse leaves the output NULL and names the .ccd in an error entry; every entry has a
 *    message;
 *  - a parsed disc is laid out, its one file is loaded with the lead-out's sectors, and its TOC encodes
 *    and decodes back to the same bytes;
 *  - [CDText]: the packs it kept have right CRCs and CD-TEXT pack types and decode (the reader checked
 *    them); the .img is marked scrambled exactly when DataTracksScrambled=1 said so.
 * The regressions/fuzz_ccd/ seeds and ccd.dict lead the fuzzer into [CDText].
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/ccd.h"
#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/toc.h"

#define CCD "/fuzz/t.ccd"
#define TOC_BYTES (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static void check_diag(const rawcd_diag *diag, bool failed)
{
	bool named = false;
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		FUZZ_ASSERT(e && e->message && e->message[0]);
		if (e->severity == RAWCD_SEV_ERROR && e->file && strcmp(e->file, CCD) == 0)
			named = true;
	}
	FUZZ_ASSERT(!failed || named);
}

static void check_cdtext(const struct rawcd_disc *disc)
{
	FUZZ_ASSERT(!disc->cdtext_pack_count == !disc->cdtext_pack);
	FUZZ_ASSERT(disc->cdtext_pack_count <= RAWCD_CDTEXT_MAX_PACKS);
	for (size_t i = 0; i < disc->cdtext_pack_count; i++)
		FUZZ_ASSERT(rawcd_cdtext_pack_crc_ok(disc->cdtext_pack[i]) && (disc->cdtext_pack[i][0] & 0xF0) == 0x80);
	struct rawcd_cdtext_packs packs = {.pack = disc->cdtext_pack, .count = disc->cdtext_pack_count};
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	int rc = rawcd_cdtext_decode(&blocks, &n, &packs);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_NOMEM);
	rawcd_cdtext_blocks_free(blocks, n);
}

static void use_disc(const struct rawcd_disc *disc)
{
	static struct rawcd_toc toc, back;
	static uint8_t a[TOC_BYTES], b[TOC_BYTES];
	FUZZ_ASSERT(disc->laid_out && disc->file_count == 1 && disc->files[0].loaded);
	FUZZ_ASSERT((int64_t)disc->files[0].sectors == rawcd_disc_leadout_lba(disc));
	if (rawcd_toc_from_disc(&toc, disc) == RAWCD_OK)
		for (int format = 0; format <= 2; format++) {
			size_t na = 0, nb = 0;
			if (rawcd_toc_encode(&toc, format, false, a, sizeof(a), &na) != RAWCD_OK)
				continue;
			FUZZ_ASSERT(rawcd_toc_decode(&back, format, false, a, na) == RAWCD_OK);
			FUZZ_ASSERT(rawcd_toc_encode(&back, format, false, b, sizeof(b), &nb) == RAWCD_OK);
			FUZZ_ASSERT(na == nb && memcmp(a, b, na) == 0);
		}
	char *text = NULL;
	if (rawcd_image_bin_cue_text(&text, disc, "t.img") == RAWCD_OK)
		FUZZ_ASSERT(text && strstr(text, "FILE \"t.img\" BINARY"));
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (1u << 20)) /* rawcd_ccd_load() refuses files over 1 MiB */
		return 0;
	rawcd_diag *diag = rawcd_diag_new();
	if (!diag)
		return 0;
	struct rawcd_disc *disc = NULL;
	struct rawcd_ccd_info info = {0};
	int rc = rawcd_ccd_parse(&disc, &info, (const char *)data, size, CCD, diag);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_SYNTAX || rc == RAWCD_E_UNSUPPORTED || rc == RAWCD_E_NOMEM);
	check_diag(diag, rc == RAWCD_E_SYNTAX || rc == RAWCD_E_UNSUPPORTED);
	if (rc == RAWCD_OK) {
		FUZZ_ASSERT(disc && info.sub_path);
		FUZZ_ASSERT(disc->files[0].scrambled == info.data_scrambled);
		check_cdtext(disc);
		use_disc(disc);
	} else {
		FUZZ_ASSERT(disc == NULL);
	}
	rawcd_disc_free(disc);
	rawcd_ccd_info_finish(&info);
	rawcd_diag_free(diag);
	return 0;
}
