/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The text form of an inspect report: one row of counts per track, then its kinds of sectors, its hashes
 * and its first bad LBAs, and a total row. */
#include "cli/inspect_text.h"

#include <inttypes.h>

static const char *const source_names[] = {"CUE sheet", "CloneCD image", "raw image", "cdrdao TOC file"};

/* Columns: finding bit index, heading. Subcode columns read "-" when the image has none. */
static const struct {
	unsigned bit;
	const char *head;
	int width;
	bool subcode;
} columns[] = {
	{0, "sync", 6, false}, {1, "header", 6, false}, {2, "mode", 6, false}, {3, "edc", 6, false},
	{4, "ecc", 6, false}, {5, "subh", 6, false}, {6, "zero", 6, false}, {7, "q-crc", 6, true},
	{8, "q-pos", 6, true}, {9, "p", 6, true}, {10, "missing", 7, false},
};
#define COLUMN_COUNT (sizeof(columns) / sizeof(columns[0]))

static void heading(FILE *out)
{
	fprintf(out, "%-7s %-11s %9s %8s", "track", "mode", "first LBA", "sectors");
	for (size_t i = 0; i < COLUMN_COUNT; i++)
		fprintf(out, " %*s", columns[i].width, columns[i].head);
	fputc('\n', out);
}

static void counts_row(FILE *out, const struct rawcd_inspect_counts *c, bool subcode)
{
	fprintf(out, " %8" PRIu64, c->sectors);
	for (size_t i = 0; i < COLUMN_COUNT; i++) {
		int w = columns[i].width;
		if (columns[i].subcode && !subcode)
			fprintf(out, " %*s", w, "-");
		else
			fprintf(out, " %*" PRIu64, w, c->finding[columns[i].bit]);
	}
	fputc('\n', out);
}

static void track_name(char buf[12], unsigned number)
{
	if (number == 0)
		snprintf(buf, 12, "lead-in");
	else if (number == 0xAA)
		snprintf(buf, 12, "leadout");
	else
		snprintf(buf, 12, "%02u", number % 100);
}

static void hex(FILE *out, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%02x", p[i]);
}

static void details(FILE *out, const struct rawcd_inspect_track *t)
{
	fputs("        kinds:", out);
	for (int k = 0; k < RAWCD_INSPECT_CLASS_COUNT; k++)
		if (t->counts.cls[k])
			fprintf(out, " %s %" PRIu64, rawcd_inspect_class_name((enum rawcd_inspect_class)k), t->counts.cls[k]);
	if (t->counts.no_edc)
		fprintf(out, " (Form 2 without EDC %" PRIu64 ")", t->counts.no_edc);
	if (t->isrc[0])
		fprintf(out, "; ISRC %s", t->isrc);
	fputc('\n', out);
	if (t->hashed) {
		fprintf(out, "        crc32 %08x  md5 ", (unsigned)t->crc32);
		hex(out, t->md5, sizeof(t->md5));
		fputs("\n        sha1 ", out);
		hex(out, t->sha1, sizeof(t->sha1));
		fputs("  xxh3-128 ", out);
		hex(out, t->xxh3_128, sizeof(t->xxh3_128));
		fputc('\n', out);
	}
	if (!t->bad_listed)
		return;
	fputs("        bad LBAs:", out);
	for (size_t i = 0; i < t->bad_listed; i++) {
		fprintf(out, "%s %d (", i ? "," : "", t->bad[i].lba);
		for (unsigned b = 0, first = 1; b < RAWCD_FINDING_COUNT; b++)
			if (t->bad[i].findings & (1u << b)) {
				fprintf(out, "%s%s", first ? "" : " ", rawcd_inspect_finding_name(1u << b));
				first = 0;
			}
		fputc(')', out);
	}
	if (t->counts.bad_sectors > t->bad_listed)
		fprintf(out, " and %" PRIu64 " more", t->counts.bad_sectors - t->bad_listed);
	fputc('\n', out);
}

void inspect_text_print(FILE *out, const struct rawcd_inspect_report *r)
{
	fprintf(out, "%s: %s, %" PRIu64 " sectors from LBA %d, %zu track%s, %s\n", r->image,
		source_names[r->source], r->total.sectors, r->first_lba, r->track_count, r->track_count == 1 ? "" : "s",
		r->subcode ? "with subcode" : "no subcode");
	if (r->mcn[0])
		fprintf(out, "MCN %s\n", r->mcn);
	if (r->descrambled)
		fprintf(out, "%" PRIu64 " data sectors stored scrambled (ECMA-130 Annex B), checked descrambled\n",
			r->descrambled);
	heading(out);
	for (size_t i = 0; i < r->track_count; i++) {
		const struct rawcd_inspect_track *t = &r->tracks[i];
		char name[12];
		track_name(name, t->number);
		fprintf(out, "%-7s %-11s %9d", name, rawcd_track_mode_name(t->mode), t->first_lba);
		counts_row(out, &t->counts, r->subcode);
		details(out, t);
	}
	fprintf(out, "%-7s %-11s %9s", "total", "", "");
	counts_row(out, &r->total, r->subcode);
}
