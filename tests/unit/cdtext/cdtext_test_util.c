/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers of the CD-TEXT unit tests (see cdtext_test_util.h). */
#include "cdtext_test_util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint8_t *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long size = ftell(f);
	cr_assert_geq(size, 0);
	rewind(f);
	uint8_t *buf = malloc((size_t)size + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size, "short read of %s", path);
	fclose(f);
	buf[size] = 0;
	*len = (size_t)size;
	return buf;
}

static char temp_dir[64];

const char *tu_write_temp(const char *name, const void *data, size_t len)
{
	static char path[256];
	if (!temp_dir[0]) {
		strcpy(temp_dir, "/tmp/rawcd-cdtext-XXXXXX");
		cr_assert_not_null(mkdtemp(temp_dir));
	}
	snprintf(path, sizeof(path), "%s/%s", temp_dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
	return path;
}

void tu_cleanup(void)
{
	if (!temp_dir[0])
		return;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", temp_dir);
	cr_assert_eq(system(cmd), 0);
	temp_dir[0] = '\0';
}

struct rawcd_disc *tu_disc_new(size_t tracks)
{
	struct rawcd_disc *d = calloc(1, sizeof(*d));
	cr_assert_not_null(d);
	d->sheet_path = strdup("hand-made.cue");
	d->tracks = calloc(tracks ? tracks : 1, sizeof(*d->tracks));
	cr_assert_not_null(d->tracks);
	d->track_count = tracks;
	for (size_t i = 0; i < tracks; i++) {
		d->tracks[i].number = (unsigned)i + 1;
		d->tracks[i].session = 1;
	}
	return d;
}

void tu_set(struct rawcd_disc *disc, int track, enum rawcd_cdtext_item item, const char *text)
{
	struct rawcd_cdtext *ct = track < 0 ? &disc->cdtext : &disc->tracks[track].cdtext;
	free(ct->item[item]);
	ct->item[item] = strdup(text);
}

/* "KEY: value" lines of a .right file and the pack type each goes to. */
static const struct {
	const char *key;
	unsigned type;
} right_keys[] = {
	{"TITLE", 0x80},    {"PERFORMER", 0x81}, {"SONGWRITER", 0x82}, {"COMPOSER", 0x83},
	{"ARRANGER", 0x84}, {"MESSAGE", 0x85},   {"DISC_ID", 0x86},    {"GENRE", 0x87},
	{"ISRC", 0x8E},     {"UPC_EAN", 0x8E},
};

static void expect_line(struct tu_expect *e, char *line, int *block, unsigned *track)
{
	while (*line == ' ' || *line == '\t')
		line++;
	line[strcspn(line, "\r\n")] = '\0';
	unsigned n;
	if (sscanf(line, "Language %u '%31[^']'", &n, e->language[e->blocks < 8 ? e->blocks : 7]) == 2) {
		cr_assert_lt(e->blocks, 8);
		*block = (int)e->blocks++;
		return;
	}
	if (strcmp(line, "CD-TEXT for Disc:") == 0) {
		*track = 0;
		return;
	}
	if (sscanf(line, "CD-TEXT for Track %u:", &n) == 1) {
		*track = n;
		return;
	}
	char *colon = strstr(line, ": ");
	if (!colon || *block < 0)
		return;
	*colon = '\0';
	const char *value = colon + 2;
	if (strcmp(line, "GENRE_CODE") == 0) {
		e->genre_code[*block] = (unsigned)strtoul(value, NULL, 10);
		return;
	}
	for (size_t k = 0; k < sizeof(right_keys) / sizeof(right_keys[0]); k++) {
		if (strcmp(line, right_keys[k].key) == 0) {
			char **slot = &e->item[*block][right_keys[k].type - 0x80][*track];
			cr_assert_null(*slot, "%s given twice", line);
			*slot = strdup(value);
			e->entries++;
			return;
		}
	}
	cr_assert_fail("unknown line in .right: %s", line);
}

void tu_expect_load(struct tu_expect *e, const char *right_path)
{
	memset(e, 0, sizeof(*e));
	FILE *f = fopen(right_path, "r");
	cr_assert_not_null(f, "cannot open %s", right_path);
	char line[512];
	int block = -1;
	unsigned track = 0;
	while (fgets(line, sizeof(line), f))
		expect_line(e, line, &block, &track);
	fclose(f);
}

void tu_expect_free(struct tu_expect *e)
{
	for (size_t b = 0; b < 8; b++)
		for (size_t t = 0; t < 16; t++)
			for (size_t k = 0; k <= RAWCD_MAX_TRACKS; k++)
				free(e->item[b][t][k]);
}

char *tu_latin1(const char *utf8)
{
	char *out = malloc(strlen(utf8) + 1), *o = out;
	cr_assert_not_null(out);
	for (const unsigned char *p = (const unsigned char *)utf8; *p; p++) {
		if (*p == 0xC2 || *p == 0xC3) {
			*o++ = (char)(((*p & 0x03) << 6) | (p[1] & 0x3F));
			p++;
		} else {
			cr_assert_lt(*p, 0x80, "not Latin-1: %s", utf8);
			*o++ = (char)*p;
		}
	}
	*o = '\0';
	return out;
}

const struct rawcd_diag_entry *tu_first(const rawcd_diag *diag, enum rawcd_severity severity)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		if (rawcd_diag_get(diag, i)->severity == severity)
			return rawcd_diag_get(diag, i);
	return NULL;
}

size_t tu_count_type(const struct rawcd_cdtext_packs *packs, uint8_t type)
{
	size_t n = 0;
	for (size_t i = 0; i < packs->count; i++)
		n += packs->pack[i][0] == type;
	return n;
}
