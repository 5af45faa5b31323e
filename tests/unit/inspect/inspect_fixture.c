/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "inspect_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[64];

void ix_setup(void)
{
	strcpy(dir, "/tmp/rawcd-inspect-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

void ix_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

const char *ix_path(const char *name)
{
	static char path[4][512];
	static unsigned which;
	which = (which + 1) % 4;
	snprintf(path[which], sizeof(path[which]), "%s/%s", dir, name);
	return path[which];
}

void ix_write(const char *name, const void *bytes, size_t n)
{
	FILE *f = fopen(ix_path(name), "wb");
	cr_assert_not_null(f, "cannot create %s", name);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

uint8_t *ix_read(const char *name, size_t *size)
{
	FILE *f = fopen(ix_path(name), "rb");
	cr_assert_not_null(f, "cannot open %s", name);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	rewind(f);
	uint8_t *buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = 0;
	*size = (size_t)n;
	return buf;
}

void ix_random(uint8_t *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		p[i] = (uint8_t)(seed >> 56);
	}
}

void ix_sector(uint8_t *out, enum rawcd_sector_mode mode, int32_t lba, uint64_t seed)
{
	uint8_t in[RAWCD_MODE2_DATA_SIZE];
	ix_random(in, sizeof(in), seed);
	if (mode == RAWCD_SECTOR_MODE2_FORM1 || mode == RAWCD_SECTOR_MODE2_FORM2) {
		static const uint8_t sub[2][4] = {{1, 0, 0x08, 0}, {1, 0, 0x20, 0}};
		memcpy(in, sub[mode == RAWCD_SECTOR_MODE2_FORM2], 4);
		memcpy(in + 4, in, 4);
	} else if (mode == RAWCD_SECTOR_MODE2) {
		in[0] = 0x11;
		in[4] = 0x22;
	}
	cr_assert_eq(rawcd_sector_encode(out, in, mode, lba, 1), RAWCD_OK);
}

struct rawcd_disc *ix_load(const char *name)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, ix_path(name), NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_cue_load: %s (%s)", rawcd_strerror(rc),
		     rawcd_diag_error_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	rawcd_diag_free(diag);
	return d;
}

bool ix_one_error(const rawcd_diag *d, unsigned line, const char *words)
{
	if (rawcd_diag_error_count(d) != 1)
		return false;
	for (size_t i = 0; i < rawcd_diag_count(d); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(d, i);
		if (e->severity == RAWCD_SEV_ERROR)
			return e->line == line && strstr(e->message, words) != NULL;
	}
	return false;
}

void ix_flip(const char *name, uint64_t offset, unsigned bit)
{
	FILE *f = fopen(ix_path(name), "r+b");
	cr_assert_not_null(f);
	cr_assert_eq(fseek(f, (long)offset, SEEK_SET), 0);
	int c = fgetc(f);
	cr_assert_neq(c, EOF);
	cr_assert_eq(fseek(f, (long)offset, SEEK_SET), 0);
	fputc(c ^ (1 << bit), f);
	cr_assert_eq(fclose(f), 0);
}
