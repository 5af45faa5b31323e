/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the raw-image reader (rcd_rawimage_load_mem: 2448- or 2368-byte records → laid-out disc from
 * their Q, reading no file; name /fuzz/t.raw), then what is done with the disc it gives:
 * rawcd_toc_from_disc and rawcd_toc_encode (formats 0, 1, 2).
 *
 * Invariants checked (an abort is a finding):
 *  - a failed load leaves the output NULL and names the image in an error entry; every entry has a
 *    message;
 *  - a loaded disc is laid out, has one file per session, each within the image, whose sectors reach its
 *    session's lead-out; its recorded subcode covers every record; its TOC can be computed and encodes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/error.h"
#include "rawcd/rawimage.h"
#include "rawcd/toc.h"
#include "rawimage/rawimage_internal.h"

#define IMG "/fuzz/t.raw"
#define TOC_BYTES (4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS)

static void check_diag(const rawcd_diag *diag, bool failed)
{
	bool named = false;
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		FUZZ_ASSERT(e && e->message && e->message[0]);
		if (e->severity == RAWCD_SEV_ERROR && e->file && strcmp(e->file, IMG) == 0)
			named = true;
	}
	FUZZ_ASSERT(!failed || named);
}

static void use_disc(const struct rawcd_disc *disc, size_t size)
{
	static struct rawcd_toc toc;
	static uint8_t buf[TOC_BYTES];
	const struct rawcd_recorded_subcode *rs = &disc->recorded_subcode;
	FUZZ_ASSERT(disc->laid_out && disc->input_kind == RAWCD_INPUT_RAW);
	FUZZ_ASSERT(disc->file_count == disc->session_count && disc->track_count >= 1);
	FUZZ_ASSERT(rs->record_size == 2448 || rs->record_size == 2368);
	FUZZ_ASSERT((uint64_t)rs->sectors * rs->record_size == size);
	for (size_t i = 0; i < disc->file_count; i++) {
		const struct rawcd_file *f = &disc->files[i];
		FUZZ_ASSERT(f->loaded && f->record_size == rs->record_size);
		FUZZ_ASSERT(f->byte_offset + f->byte_length <= size);
		FUZZ_ASSERT((uint64_t)f->sectors * f->record_size == f->byte_length);
	}
	FUZZ_ASSERT(rawcd_toc_from_disc(&toc, disc) == RAWCD_OK);
	for (int format = 0; format <= 2; format++) {
		size_t n = 0;
		FUZZ_ASSERT(rawcd_toc_encode(&toc, format, false, buf, sizeof(buf), &n) == RAWCD_OK);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > (8u << 20))
		return 0;
	rawcd_diag *diag = rawcd_diag_new();
	if (!diag)
		return 0;
	struct rawcd_disc *disc = NULL;
	int rc = rcd_rawimage_load_mem(&disc, data, size, IMG, diag);
	FUZZ_ASSERT(rc == RAWCD_OK || rc == RAWCD_E_INPUT || rc == RAWCD_E_LAYOUT || rc == RAWCD_E_NOMEM);
	check_diag(diag, rc == RAWCD_E_INPUT || rc == RAWCD_E_LAYOUT);
	if (rc == RAWCD_OK) {
		FUZZ_ASSERT(disc != NULL);
		use_disc(disc, size);
	} else {
		FUZZ_ASSERT(disc == NULL);
	}
	rawcd_disc_free(disc);
	rawcd_diag_free(diag);
	return 0;
}
