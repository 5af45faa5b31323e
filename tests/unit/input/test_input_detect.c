/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_input_detect(): the kind of an input from its content, then its extension. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/rawcd.h"

static char dir[] = "/tmp/rawcd-input-XXXXXX";

static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(detect, .init = setup, .fini = teardown);

static const char *write_file(const char *name, const void *data, size_t len)
{
	static char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

static enum rawcd_input_kind detect(const char *name, const char *text)
{
	const char *path = write_file(name, text, strlen(text));
	enum rawcd_input_kind kind = (enum rawcd_input_kind)-1;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_input_detect(path, &kind, diag), RAWCD_OK);
	rawcd_diag_free(diag);
	return kind;
}

Test(detect, cue_sheets)
{
	cr_assert_eq(detect("a.cue", "FILE \"a.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"),
		     RAWCD_INPUT_CUE);
	/* flac's good.000: a quoted CATALOG first, as a TOC file has it, then FILE */
	cr_assert_eq(detect("b.cue", "CATALOG \"1234567890123\"\nFILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n"),
		     RAWCD_INPUT_CUE);
	cr_assert_eq(detect("c.cue", "CATALOG 1234567890123\nFILE \"z.wav\" WAVE\n"), RAWCD_INPUT_CUE);
	cr_assert_eq(detect("d.txt", "TRACK 01 AUDIO\n"), RAWCD_INPUT_CUE);
	cr_assert_eq(detect("e", ""), RAWCD_INPUT_CUE);
}

Test(detect, toc_files)
{
	cr_assert_eq(detect("a.x", "CD_DA\nTRACK AUDIO\nSILENCE 1:0:0\n"), RAWCD_INPUT_TOC);
	cr_assert_eq(detect("b.x", "// made by hand\n\n  // two lines\nCD_ROM_XA\n"), RAWCD_INPUT_TOC);
	cr_assert_eq(detect("c.x", "CATALOG \"1234567890123\"\nCD_DA\n"), RAWCD_INPUT_TOC);
	cr_assert_eq(detect("d.x", "TRACK MODE1\nDATAFILE \"x.iso\"\n"), RAWCD_INPUT_TOC);
	cr_assert_eq(detect("e.x", "CD_TEXT {\n}\n"), RAWCD_INPUT_TOC);
	/* nothing the content tells: the extension does (libcdio's bad-cat1.toc: a bare CATALOG) */
	cr_assert_eq(detect("f.toc", "// comment\nCATALOG\n"), RAWCD_INPUT_TOC);
	cr_assert_eq(detect("g.TOC", ""), RAWCD_INPUT_TOC);
}

Test(detect, clonecd)
{
	cr_assert_eq(detect("a.x", "[CloneCD]\r\nVersion=3\r\n"), RAWCD_INPUT_CCD);
	cr_assert_eq(detect("b.x", "\xEF\xBB\xBF\n[clonecd]\nVersion=3\n"), RAWCD_INPUT_CCD);
	cr_assert_eq(detect("c.ccd", "garbage\n"), RAWCD_INPUT_CCD);
}

/* Records of @p stride bytes, each a Mode 1 sync with a Q of valid CRC in its subcode. */
static uint8_t *raw_records(unsigned stride, size_t count)
{
	uint8_t *buf = calloc(count, stride);
	for (size_t i = 0; i < count; i++) {
		uint8_t *rec = buf + i * stride;
		memset(rec + 1, 0xFF, 10);
		struct rawcd_subchannels sc = {0};
		sc.q[0] = 0x41;
		sc.q[1] = 1;
		sc.q[2] = 1;
		rawcd_q_set_crc(sc.q);
		if (stride == 2448)
			rawcd_subcode_raw96(&sc, rec + 2352);
		else
			rawcd_subcode_pq16(&sc, rec + 2352);
	}
	return buf;
}

Test(detect, raw_images)
{
	static const unsigned strides[] = {2448, 2368};
	for (int s = 0; s < 2; s++) {
		uint8_t *buf = raw_records(strides[s], 20);
		cr_assert_eq(rawcd_rawimage_sniff(buf, 20 * (size_t)strides[s]), strides[s]);
		const char *path = write_file(s ? "pq.img" : "raw.img", buf, 20 * (size_t)strides[s]);
		enum rawcd_input_kind kind;
		cr_assert_eq(rawcd_input_detect(path, &kind, NULL), RAWCD_OK);
		cr_assert_eq(kind, RAWCD_INPUT_RAW);
		/* a damaged record among the first 16 (no sync, a bad Q) does not hide the image; five do */
		memset(buf + 3 * (size_t)strides[s], 0x55, strides[s]);
		cr_assert_eq(rawcd_rawimage_sniff(buf, 20 * (size_t)strides[s]), strides[s]);
		for (int k = 4; k < 8; k++)
			memset(buf + (size_t)k * strides[s], 0x55, strides[s]);
		cr_assert_eq(rawcd_rawimage_sniff(buf, 20 * (size_t)strides[s]), 0);
		free(buf);
	}
	/* a 2352-byte image of data sectors: syncs, but not at either stride */
	uint8_t *bin = calloc(20, 2352);
	for (int i = 0; i < 20; i++)
		memset(bin + i * 2352 + 1, 0xFF, 10);
	cr_assert_eq(rawcd_rawimage_sniff(bin, 20 * 2352), 0);
	free(bin);
}

Test(detect, not_a_regular_file)
{
	rawcd_diag *diag = rawcd_diag_new();
	enum rawcd_input_kind kind;
	cr_assert_eq(rawcd_input_detect(dir, &kind, diag), RAWCD_E_INPUT);
	cr_assert_eq(rawcd_diag_error_count(diag), 1);
	cr_assert(strstr(rawcd_diag_get(diag, 0)->message, "not a regular file"));
	rawcd_diag_clear(diag);
	char missing[300];
	snprintf(missing, sizeof(missing), "%s/none.cue", dir);
	cr_assert_eq(rawcd_input_detect(missing, &kind, diag), RAWCD_E_INPUT);
	cr_assert_str_eq(rawcd_diag_get(diag, 0)->file, missing);
	rawcd_diag_free(diag);
}

Test(detect, kind_names)
{
	cr_assert_str_eq(rawcd_input_kind_name(RAWCD_INPUT_TOC), "cdrdao TOC file");
	cr_assert_str_eq(rawcd_input_kind_name((enum rawcd_input_kind)42), "?");
}
