/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whole images through the library: a CUE image's counts, tracks and hashes (recomputed here from the file
 * with the hash libraries directly); damaged sectors listed in LBA order across many batches, the same
 * with and without hashing (the two threads split the work differently); CloneCD images (clean, a short
 * .img, a flipped Q bit, no .sub, scrambled data); raw images with subcode and a lead-in; bad raw input;
 * cancel and progress; the JSON keys.
 */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>
#include <zlib.h>

#include "inspect_fixture.h"

TestSuite(inspect_image, .init = ix_setup, .fini = ix_teardown, .timeout = 60);

#define DATA 400
#define AUDIO 300

/* d.bin: DATA Mode 1 sectors from LBA 0, then AUDIO sectors of noise; t.cue describes it. */
static uint8_t *make_disc(void)
{
	uint8_t *img = malloc((size_t)(DATA + AUDIO) * S);
	for (int32_t lba = 0; lba < DATA; lba++)
		ix_sector(img + (size_t)lba * S, RAWCD_SECTOR_MODE1, lba, (uint64_t)lba + 1);
	ix_random(img + (size_t)DATA * S, (size_t)AUDIO * S, 99);
	ix_write("d.bin", img, (size_t)(DATA + AUDIO) * S);
	const char *sheet = "CATALOG 1234567890128\nFILE \"d.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"
			    "  TRACK 02 AUDIO\n    ISRC ZZRCD2400002\n    INDEX 00 00:05:25\n    INDEX 01 00:07:25\n";
	ix_write("t.cue", sheet, strlen(sheet));
	return img;
}

static struct rawcd_inspect_report *inspect(const char *name, const struct rawcd_inspect_options *opts)
{
	struct rawcd_inspect_report *r = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_inspect_image(&r, ix_path(name), opts, diag);
	cr_assert_eq(rc, RAWCD_OK, "inspect %s: %s (%s)", name, rawcd_strerror(rc),
		     rawcd_diag_error_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	rawcd_diag_free(diag);
	return r;
}

static void expect_hashes(const struct rawcd_inspect_track *t, const uint8_t *bytes, size_t n)
{
	cr_assert(t->hashed);
	XXH128_canonical_t c;
	XXH128_canonicalFromHash(&c, XXH3_128bits(bytes, n));
	cr_expect_arr_eq(t->xxh3_128, c.digest, 16, "XXH3-128 of track %u", t->number);
	cr_expect_eq(t->crc32, (uint32_t)crc32_z(0, bytes, n), "CRC-32 of track %u", t->number);
	uint8_t md[EVP_MAX_MD_SIZE];
	unsigned len;
	cr_assert_eq(EVP_Digest(bytes, n, md, &len, EVP_md5(), NULL), 1);
	cr_expect_arr_eq(t->md5, md, 16, "MD5 of track %u", t->number);
	cr_assert_eq(EVP_Digest(bytes, n, md, &len, EVP_sha1(), NULL), 1);
	cr_expect_arr_eq(t->sha1, md, 20, "SHA-1 of track %u", t->number);
}

Test(inspect_image, a_cue_image_is_counted_and_hashed_per_track)
{
	uint8_t *img = make_disc();
	struct rawcd_inspect_report *r = inspect("t.cue", NULL);
	cr_assert_eq(r->track_count, 2);
	cr_expect_eq(r->source, RAWCD_INSPECT_CUE);
	cr_expect(!r->subcode);
	cr_expect_eq(r->total.sectors, DATA + AUDIO);
	cr_expect_eq(r->total.bad_sectors, 0);
	const struct rawcd_inspect_track *t1 = &r->tracks[0], *t2 = &r->tracks[1];
	cr_expect_eq(t1->number, 1);
	cr_expect_eq(t1->mode, RAWCD_MODE_MODE1_2352);
	cr_expect_eq(t1->counts.sectors, DATA);
	cr_expect_eq(t1->counts.cls[RAWCD_INSPECT_MODE1], DATA);
	cr_expect_eq(t2->first_lba, DATA, "track 2 starts at its INDEX 00");
	cr_expect_eq(t2->counts.cls[RAWCD_INSPECT_AUDIO], AUDIO);
	expect_hashes(t1, img, (size_t)DATA * S);
	expect_hashes(t2, img + (size_t)DATA * S, (size_t)AUDIO * S);
	rawcd_inspect_report_free(r);
	struct rawcd_inspect_options o = RAWCD_INSPECT_OPTIONS_INIT;
	o.hash = false;
	r = inspect("t.cue", &o);
	cr_expect(!r->tracks[0].hashed);
	cr_expect_eq(r->tracks[0].counts.cls[RAWCD_INSPECT_MODE1], DATA);
	rawcd_inspect_report_free(r);
	free(img);
}

#define MANY 3000 /* about 12 batches: the ring of slots goes round three times */

static const int32_t damaged[] = {2999, 7, 300, 301, 511, 512, 1023, 1024, 1800, 2000, 2100, 2500, 2600, 2700, 130};
#define DAMAGED (sizeof(damaged) / sizeof(damaged[0]))

static int cmp_lba(const void *a, const void *b)
{
	return *(const int32_t *)a - *(const int32_t *)b;
}

static void expect_damage(const struct rawcd_inspect_report *r)
{
	int32_t sorted[DAMAGED];
	memcpy(sorted, damaged, sizeof(sorted));
	qsort(sorted, DAMAGED, sizeof(sorted[0]), cmp_lba);
	const struct rawcd_inspect_track *t = &r->tracks[0];
	cr_assert_eq(t->counts.bad_sectors, DAMAGED);
	cr_expect_eq(t->counts.finding[3], DAMAGED, "EDC");
	cr_expect_eq(t->counts.finding[4], DAMAGED, "ECC");
	cr_assert_eq(t->bad_listed, RAWCD_INSPECT_LISTED);
	for (size_t i = 0; i < RAWCD_INSPECT_LISTED; i++) {
		cr_expect_eq(t->bad[i].lba, sorted[i], "bad[%zu]", i);
		cr_expect_eq(t->bad[i].findings, RAWCD_FINDING_EDC | RAWCD_FINDING_ECC);
	}
}

Test(inspect_image, damage_is_listed_in_lba_order_with_and_without_hashing)
{
	uint8_t *img = malloc((size_t)MANY * S);
	for (int32_t lba = 0; lba < MANY; lba++)
		ix_sector(img + (size_t)lba * S, RAWCD_SECTOR_MODE1, lba, (uint64_t)lba);
	for (size_t i = 0; i < DAMAGED; i++)
		img[(size_t)damaged[i] * S + 1000] ^= 0x04;
	ix_write("m.bin", img, (size_t)MANY * S);
	free(img);
	const char *sheet = "FILE \"m.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n";
	ix_write("m.cue", sheet, strlen(sheet));
	struct rawcd_inspect_options o = RAWCD_INSPECT_OPTIONS_INIT;
	for (int hash = 1; hash >= 0; hash--) {
		o.hash = hash;
		struct rawcd_inspect_report *r = inspect("m.cue", &o);
		expect_damage(r);
		rawcd_inspect_report_free(r);
		r = inspect("m.bin", &o); /* the same file as a raw image */
		cr_expect_eq(r->source, RAWCD_INSPECT_RAW);
		cr_expect_eq(r->tracks[0].number, 1);
		cr_expect_eq(r->tracks[0].mode, RAWCD_MODE_MODE1_2352);
		cr_expect(r->tracks[0].mode_from_content);
		expect_damage(r);
		rawcd_inspect_report_free(r);
	}
}

static void write_image(enum rawcd_image_format format, const char *out, uint32_t leadin, uint32_t leadout)
{
	struct rawcd_disc *d = ix_load("t.cue");
	struct rawcd_image_options o = RAWCD_IMAGE_OPTIONS_INIT;
	o.format = format;
	o.force = true;
	o.leadin_sectors = leadin;
	o.leadout_sectors = leadout;
	cr_assert_eq(rawcd_image_write(d, ix_path(out), &o, NULL), RAWCD_OK);
	rawcd_disc_free(d);
}

Test(inspect_image, clonecd_images_are_checked_with_their_subcode)
{
	free(make_disc());
	write_image(RAWCD_IMAGE_CLONECD, "c.img", 0, 0);
	struct rawcd_inspect_report *r = inspect("c.ccd", NULL);
	cr_expect_eq(r->source, RAWCD_INSPECT_CCD);
	cr_expect(r->subcode);
	cr_expect_eq(r->total.sectors, DATA + AUDIO);
	cr_expect_eq(r->total.bad_sectors, 0);
	cr_expect_str_eq(r->mcn, "1234567890128");
	cr_expect_str_eq(r->tracks[1].isrc, "ZZRCD2400002");
	cr_expect_gt(r->total.mcn_frames, 0);
	rawcd_inspect_report_free(r);

	ix_flip("c.sub", 555 * RAWCD_SUBCODE_SIZE + 12 + 4, 3); /* a Q bit of LBA 555 */
	r = inspect("c.ccd", NULL);
	cr_expect_eq(r->total.bad_sectors, 1);
	cr_expect_eq(r->total.bad_subq, 1);
	cr_expect_eq(r->tracks[1].bad[0].lba, 555);
	cr_expect_eq(r->tracks[1].bad[0].findings, RAWCD_FINDING_SUBQ_CRC);
	rawcd_inspect_report_free(r);

	cr_assert_eq(truncate(ix_path("c.img"), (off_t)(DATA + AUDIO - 10) * S), 0);
	cr_assert_eq(unlink(ix_path("c.sub")), 0);
	r = inspect("c.ccd", NULL);
	cr_expect(!r->subcode);
	cr_expect_eq(r->total.bad_sectors, 10);
	cr_expect_eq(r->total.finding[10], 10, "missing");
	cr_expect_eq(r->tracks[1].bad[0].lba, DATA + AUDIO - 10);
	rawcd_inspect_report_free(r);
}

Test(inspect_image, scrambled_clonecd_data_is_descrambled_when_the_ccd_says_so)
{
	uint8_t *img = make_disc();
	write_image(RAWCD_IMAGE_CLONECD, "c.img", 0, 0);
	cr_assert_eq(rawcd_scramble_sectors(img, DATA), RAWCD_OK);
	ix_write("c.img", img, (size_t)(DATA + AUDIO) * S);
	free(img);
	struct rawcd_inspect_report *r = inspect("c.ccd", NULL);
	cr_expect_eq(r->tracks[0].counts.bad_sectors, DATA, "scrambled, read as it is");
	rawcd_inspect_report_free(r);
	size_t n;
	char *ccd = (char *)ix_read("c.ccd", &n);
	char *flag = strstr(ccd, "DataTracksScrambled=0");
	cr_assert_not_null(flag);
	flag[20] = '1';
	ix_write("c.ccd", ccd, n);
	free(ccd);
	r = inspect("c.ccd", NULL);
	cr_expect_eq(r->total.bad_sectors, 0);
	cr_expect_eq(r->tracks[0].counts.cls[RAWCD_INSPECT_MODE1], DATA);
	rawcd_inspect_report_free(r);
}

/* An enhanced CD: AUDIO sectors of noise in session 1, DATA Mode 1 sectors with the headers of their LBAs
 * (RAWCD_SESSION_GAP later) in session 2. Its BIN/CUE and CloneCD images store the sessions back to back;
 * inspect checks every sector, and the .sub's Q, at its LBA. */
Test(inspect_image, multisession_images_are_checked_at_their_lbas)
{
	const int32_t t2 = AUDIO + RAWCD_SESSION_GAP;
	uint8_t *a = malloc((size_t)AUDIO * S), *d = malloc((size_t)DATA * S);
	ix_random(a, (size_t)AUDIO * S, 5);
	for (int32_t i = 0; i < DATA; i++)
		ix_sector(d + (size_t)i * S, RAWCD_SECTOR_MODE1, t2 + i, (uint64_t)i + 7);
	ix_write("a.bin", a, (size_t)AUDIO * S);
	ix_write("d.bin", d, (size_t)DATA * S);
	free(a);
	free(d);
	const char *sheet = "REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
			    "REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\n"
			    "FILE \"d.bin\" BINARY\n  TRACK 02 MODE1/2352\n    INDEX 01 00:00:00\n";
	ix_write("t.cue", sheet, strlen(sheet));
	write_image(RAWCD_IMAGE_BIN, "m.bin", 0, 0);
	write_image(RAWCD_IMAGE_CLONECD, "c.img", 0, 0);

	struct rawcd_inspect_report *r = inspect("m.cue", NULL);
	cr_expect_eq(r->total.sectors, AUDIO + DATA);
	cr_expect_eq(r->total.bad_sectors, 0, "the data headers are at their LBAs, not their BIN places");
	cr_expect_eq(r->tracks[1].first_lba, t2);
	rawcd_inspect_report_free(r);

	r = inspect("c.ccd", NULL);
	cr_expect(r->subcode);
	cr_expect_eq(r->total.sectors, AUDIO + DATA);
	cr_expect_eq(r->total.bad_sectors, 0);
	cr_expect_eq(r->tracks[1].counts.cls[RAWCD_INSPECT_MODE1], DATA);
	rawcd_inspect_report_free(r);

	ix_flip("c.sub", (AUDIO + 5) * RAWCD_SUBCODE_SIZE + 12 + 4, 3); /* a Q bit of session 2's 6th sector */
	r = inspect("c.ccd", NULL);
	cr_expect_eq(r->total.bad_sectors, 1);
	cr_expect_eq(r->tracks[1].bad[0].lba, t2 + 5);
	cr_expect_eq(r->tracks[1].bad[0].findings, RAWCD_FINDING_SUBQ_CRC);
	rawcd_inspect_report_free(r);
}

Test(inspect_image, raw_images_with_subcode_split_into_tracks_by_tno)
{
	uint8_t *img = make_disc();
	write_image(RAWCD_IMAGE_RAW96, "r.raw", 300, 200);
	write_image(RAWCD_IMAGE_PQ16, "p.raw", 0, 0);
	struct rawcd_inspect_options o = RAWCD_INSPECT_OPTIONS_INIT;
	o.sector_size = 2448;
	o.first_lba = -300;
	struct rawcd_inspect_report *r = inspect("r.raw", &o);
	cr_expect_eq(r->total.bad_sectors, 0);
	cr_assert_eq(r->track_count, 4);
	static const unsigned numbers[] = {0, 1, 2, 0xAA};
	static const uint64_t sectors[] = {300, DATA, AUDIO, 200};
	for (size_t i = 0; i < 4; i++) {
		cr_expect_eq(r->tracks[i].number, numbers[i]);
		cr_expect_eq(r->tracks[i].counts.sectors, sectors[i], "track %zu", i);
	}
	cr_expect_eq(r->tracks[0].mode, RAWCD_MODE_MODE1_2352, "lead-in sectors are of track 1's kind");
	cr_expect_eq(r->tracks[2].mode, RAWCD_MODE_AUDIO);
	cr_expect_str_eq(r->mcn, "1234567890128");
	expect_hashes(&r->tracks[1], img, (size_t)DATA * S);
	expect_hashes(&r->tracks[2], img + (size_t)DATA * S, (size_t)AUDIO * S);
	rawcd_inspect_report_free(r);

	ix_flip("r.raw", (uint64_t)(300 + 42) * 2448 + S + 30, 6); /* Q bit of LBA 42 */
	r = inspect("r.raw", &o);
	cr_expect_eq(r->total.bad_sectors, 1);
	cr_expect_eq(r->tracks[1].bad[0].lba, 42);
	cr_expect_eq(r->tracks[1].bad[0].findings, RAWCD_FINDING_SUBQ_CRC);
	rawcd_inspect_report_free(r);

	o.sector_size = 2368;
	o.first_lba = 0;
	r = inspect("p.raw", &o);
	cr_expect_eq(r->total.sectors, DATA + AUDIO);
	cr_expect_eq(r->total.bad_sectors, 0);
	cr_expect_eq(r->track_count, 2);
	rawcd_inspect_report_free(r);
	free(img);
}

Test(inspect_image, bad_raw_input_is_refused)
{
	uint8_t junk[S + 1] = {0};
	ix_write("odd.bin", junk, sizeof(junk));
	ix_write("empty.bin", junk, 0);
	struct rawcd_inspect_report *r = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("odd.bin"), NULL, diag), RAWCD_E_INPUT);
	cr_expect(ix_one_error(diag, 0, "not a whole number of sectors"));
	rawcd_diag_clear(diag);
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("empty.bin"), NULL, diag), RAWCD_E_INPUT);
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("none.bin"), NULL, diag), RAWCD_E_INPUT);
	struct rawcd_inspect_options o = RAWCD_INSPECT_OPTIONS_INIT;
	o.sector_size = 2048;
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("odd.bin"), &o, diag), RAWCD_E_ARG);
	o.sector_size = 2352;
	o.first_lba = RAWCD_LBA_MAX;
	ix_write("two.bin", (uint8_t[2 * S]){0}, 2 * (size_t)S);
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("two.bin"), &o, diag), RAWCD_E_INPUT, "past 89:59:74");
	o.version = 0;
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("two.bin"), &o, diag), RAWCD_E_ARG);
	cr_expect_null(r);
	rawcd_diag_free(diag);
}

static void progress(void *user, uint64_t done, uint64_t total)
{
	uint64_t *seen = user;
	cr_assert_leq(done, total);
	seen[0] = done;
	seen[1] = total;
}

Test(inspect_image, progress_and_cancel)
{
	free(make_disc());
	uint64_t seen[2] = {0};
	struct rawcd_inspect_options o = RAWCD_INSPECT_OPTIONS_INIT;
	o.progress = progress;
	o.progress_user = seen;
	struct rawcd_inspect_report *r = inspect("t.cue", &o);
	cr_expect_eq(seen[0], DATA + AUDIO);
	cr_expect_eq(seen[1], DATA + AUDIO);
	rawcd_inspect_report_free(r);
	volatile sig_atomic_t stop = 1;
	o.cancel = &stop;
	r = NULL;
	cr_expect_eq(rawcd_inspect_image(&r, ix_path("t.cue"), &o, NULL), RAWCD_E_CANCELED);
	cr_expect_null(r);
}

static json_object *key(json_object *o, const char *k)
{
	json_object *v = NULL;
	cr_assert(json_object_object_get_ex(o, k, &v), "no key \"%s\"", k);
	return v;
}

Test(inspect_image, json_has_the_design_keys_and_values)
{
	free(make_disc());
	ix_flip("d.bin", 10 * (uint64_t)S + 20, 0);
	struct rawcd_inspect_report *r = inspect("t.cue", NULL);
	char *text = NULL;
	cr_assert_eq(rawcd_inspect_report_json(&text, r), RAWCD_OK);
	json_object *o = json_tokener_parse(text);
	cr_assert_not_null(o, "not JSON: %s", text);
	cr_expect_eq(json_object_get_int(key(o, "sectors")), DATA + AUDIO);
	cr_expect_eq(json_object_get_int(key(o, "errors")), 1);
	json_object *t = json_object_array_get_idx(key(o, "tracks"), 0);
	static const char *const keys[] = {"number", "mode", "sectors", "bad_sync", "bad_header", "bad_edc",
					   "bad_ecc", "bad_subq", "xxh3_128", "crc32", "md5", "sha1", "mode_mismatch",
					   "no_edc", "bad_subheader", "first_bad_lbas", "classes"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		key(t, keys[i]);
	cr_expect_str_eq(json_object_get_string(key(t, "mode")), "MODE1/2352");
	cr_expect_eq(json_object_get_int(key(t, "bad_edc")), 1);
	cr_expect_eq(json_object_get_int(key(t, "bad_ecc")), 1);
	cr_expect_eq(json_object_get_int(json_object_array_get_idx(key(t, "first_bad_lbas"), 0)), 10);
	char crc[9];
	snprintf(crc, sizeof(crc), "%08x", (unsigned)r->tracks[0].crc32);
	cr_expect_str_eq(json_object_get_string(key(t, "crc32")), crc);
	cr_expect_eq(strlen(json_object_get_string(key(t, "xxh3_128"))), 32);
	cr_expect_eq(json_object_get_int(key(key(t, "classes"), "mode1")), DATA);
	cr_expect_eq(rawcd_inspect_report_json(NULL, r), RAWCD_E_ARG);
	json_object_put(o);
	free(text);
	rawcd_inspect_report_free(r);
}
