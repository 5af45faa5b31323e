/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A disc's CD-TEXT: its CDTEXTFILE when the sheet names one, else packs built from its CD-TEXT keywords. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "util/diag.h"
#include "util/path.h"

/* Good CRCs are not enough for a lead-in: the packs must also decode (sequence, blocks, size info). */
static int check_decodes(const struct rawcd_cdtext_packs *packs, const char *path, rawcd_diag *diag)
{
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	int rc = rawcd_cdtext_decode(&blocks, &n, packs);
	rawcd_cdtext_blocks_free(blocks, n);
	if (rc == RAWCD_E_FORMAT)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "the CD-TEXT packs have valid CRCs but do not form "
				 "CD-TEXT blocks (sequence numbers or size information wrong): rewrite the file");
	return rc;
}

/* The file's own diagnostics, said again from the sheet's CDTEXTFILE line, which is what the user edits. */
static void report_from_sheet(const struct rawcd_disc *d, const rawcd_diag *file_diag, rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(file_diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(file_diag, i);
		rcd_diag_add(diag, e->severity, e->code, d->sheet_path, d->cdtextfile_line, "CDTEXTFILE \"%s\": %s",
			     e->file ? e->file : d->cdtextfile, e->message);
	}
}

/* Packs the reader kept (a TOC file's blocks, a .ccd's [CDText]): the disc's CD-TEXT as they are. */
static int copy_packs(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc)
{
	out->pack = malloc(disc->cdtext_pack_count * RAWCD_CDTEXT_PACK_SIZE);
	if (!out->pack)
		return RAWCD_E_NOMEM;
	memcpy(out->pack, disc->cdtext_pack, disc->cdtext_pack_count * RAWCD_CDTEXT_PACK_SIZE);
	out->count = disc->cdtext_pack_count;
	return RAWCD_OK;
}

/* The sheet's CD-TEXT keywords that a CDTEXTFILE takes the place of, named in one warning. */
static void warn_replaced_keywords(const struct rawcd_disc *d, rawcd_diag *diag)
{
	char names[160] = "";
	size_t used = 0;
	for (int k = 0; k < RAWCD_CDTEXT_ITEM_COUNT; k++) {
		bool any = d->cdtext.item[k] != NULL;
		for (size_t i = 0; i < d->track_count && !any; i++)
			any = d->tracks[i].cdtext.item[k] != NULL;
		if (any && used < sizeof(names)) {
			int n = snprintf(names + used, sizeof(names) - used, "%s%s", used ? ", " : "",
					 rawcd_cdtext_keyword((enum rawcd_cdtext_item)k));
			used += n > 0 ? (size_t)n : 0;
		}
	}
	if (used)
		rcd_warn(diag, d->sheet_path, d->cdtextfile_line, "CDTEXTFILE \"%s\" is the disc's CD-TEXT: the "
			 "sheet's %s lines are not in it (they stay in the sheet); remove the CDTEXTFILE line to "
			 "record them", d->cdtextfile, names);
}

int rawcd_cdtext_for_disc(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc, rawcd_diag *diag)
{
	if (!out || !disc)
		return RAWCD_E_ARG;
	if (disc->cdtext_pack_count)
		return copy_packs(out, disc);
	if (!disc->cdtextfile)
		return rawcd_cdtext_build(out, disc, diag);
	warn_replaced_keywords(disc, diag);
	char *path = rcd_path_beside(disc->sheet_path, disc->cdtextfile); /* as FILE names are */
	rawcd_diag *file_diag = rawcd_diag_new();
	if (!path || !file_diag) {
		free(path);
		rawcd_diag_free(file_diag);
		return RAWCD_E_NOMEM;
	}
	int rc = rawcd_cdtext_read_file(out, path, file_diag);
	if (rc == RAWCD_OK)
		rc = check_decodes(out, path, file_diag);
	report_from_sheet(disc, file_diag, diag);
	if (rc != RAWCD_OK)
		rawcd_cdtext_packs_finish(out);
	rawcd_diag_free(file_diag);
	free(path);
	return rc;
}

int rawcd_cdtext_file_check(const struct rawcd_disc *disc, rawcd_diag *diag)
{
	if (!disc)
		return RAWCD_E_ARG;
	if (!disc->cdtextfile)
		return RAWCD_OK;
	struct rawcd_cdtext_packs packs = {0};
	rawcd_diag *found = rawcd_diag_new();
	if (!found)
		return RAWCD_E_NOMEM;
	int rc = rawcd_cdtext_for_disc(&packs, disc, found);
	rawcd_cdtext_packs_finish(&packs);
	for (size_t i = 0; i < rawcd_diag_count(found); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(found, i);
		if (e->severity == RAWCD_SEV_ERROR)
			rcd_warn(diag, e->file, e->line, "%s (not needed here: going on without CD-TEXT; the "
				 "commands that record it stop)", e->message);
		else
			rcd_diag_add(diag, e->severity, e->code, e->file, e->line, "%s", e->message);
	}
	rawcd_diag_free(found);
	return rc == RAWCD_E_NOMEM ? rc : RAWCD_OK;
}
