/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cdrdao TOC reader from memory (rcd_tocfile_parse): tokens, every statement, the units of lengths
 * and positions, and the sniffer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/tocfile.h"
#include "tocfile/tocfile_internal.h"

static struct rawcd_disc *parse_ok(const char *text, struct rcd_toc_cdtext *ct, struct rcd_toc_track_extra **x)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rcd_tocfile_parse(text, strlen(text), "/t/x.toc", &d, ct, x, diag);
	if (rc != RAWCD_OK && rawcd_diag_count(diag))
		cr_log_error("%s", rawcd_diag_get(diag, 0)->message);
	cr_assert_eq(rc, RAWCD_OK);
	rawcd_diag_free(diag);
	return d;
}

Test(toc_lex, strings_numbers_times_and_comments)
{
	const char *text = "// a comment\n\"a\\\"b\\\\c\\351\\0411\" 588 1:02:03 { } : , # WORD_2 // end\n";
	struct rcd_toc_lexer lx;
	cr_assert_eq(rcd_toc_lex_init(&lx, text, strlen(text), "x.toc", NULL), RAWCD_OK);
	cr_assert_eq(lx.tok.kind, RCD_TOK_STRING);
	cr_assert_eq(lx.tok.line, 2);
	cr_assert_str_eq(lx.tok.text, "a\"b\\c\xe9!1"); /* \041 is '!', then a plain '1' */
	cr_assert_eq(rcd_toc_lex_next(&lx), RAWCD_OK);
	cr_assert(lx.tok.kind == RCD_TOK_NUMBER && lx.tok.value == 588);
	cr_assert_eq(rcd_toc_lex_next(&lx), RAWCD_OK);
	cr_assert(lx.tok.kind == RCD_TOK_MSF && lx.tok.value == (1 * 60 + 2) * 75 + 3);
	const char punct[] = "{}:,#";
	for (int i = 0; i < 5; i++) {
		cr_assert_eq(rcd_toc_lex_next(&lx), RAWCD_OK);
		cr_assert(rcd_toc_is_punct(&lx, punct[i]));
	}
	cr_assert_eq(rcd_toc_lex_next(&lx), RAWCD_OK);
	cr_assert(rcd_toc_is(&lx, "WORD_2"));
	cr_assert_eq(rcd_toc_lex_next(&lx), RAWCD_OK);
	cr_assert_eq(lx.tok.kind, RCD_TOK_END);
	rcd_toc_lex_free(&lx);
}

Test(toc_lex, map_entries_are_number_colon_number)
{
	const char *text = "0: 9 1 :15";
	struct rcd_toc_lexer lx;
	cr_assert_eq(rcd_toc_lex_init(&lx, text, strlen(text), "x.toc", NULL), RAWCD_OK);
	uint64_t want[] = {0, ':', 9, 1, ':', 15};
	for (int i = 0; i < 6; i++) {
		if (want[i] == ':')
			cr_assert(rcd_toc_is_punct(&lx, ':'));
		else
			cr_assert(lx.tok.kind == RCD_TOK_NUMBER && lx.tok.value == want[i]);
		rcd_toc_lex_next(&lx);
	}
	rcd_toc_lex_free(&lx);
}

Test(toc_parse, every_mode_and_session_type)
{
	static const struct {
		const char *word;
		enum rawcd_track_mode mode;
	} m[] = {{"AUDIO", RAWCD_MODE_AUDIO}, {"MODE0", RAWCD_MODE_MODE0}, {"MODE1", RAWCD_MODE_MODE1_2048},
		 {"MODE1_RAW", RAWCD_MODE_MODE1_2352}, {"MODE2", RAWCD_MODE_MODE2_FORMLESS},
		 {"MODE2_FORM1", RAWCD_MODE_MODE2_FORM1}, {"MODE2_FORM2", RAWCD_MODE_MODE2_FORM2},
		 {"MODE2_FORM_MIX", RAWCD_MODE_MODE2_2336}, {"MODE2_RAW", RAWCD_MODE_MODE2_2352},
		 {"AUDIO RW_RAW", RAWCD_MODE_CDG}, {"AUDIO RW", RAWCD_MODE_AUDIO}, {"MODE1 RW", RAWCD_MODE_MODE1_2048}};
	static const unsigned sizes[] = {2352, 2336, 2048, 2352, 2336, 2048, 2324, 2336, 2352, 2448, 2352, 2048};
	static const struct {
		const char *word;
		uint8_t type;
	} types[] = {{"CD_DA", 0}, {"CD_ROM", 0}, {"CD_ROM_XA", 0x20}, {"CD_I", 0x10}};
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		char text[200];
		snprintf(text, sizeof(text), "%s\nTRACK %s\nZERO 0:4:0\n", types[i % 4].word, m[i].word);
		struct rcd_toc_track_extra *x = NULL;
		struct rawcd_disc *d = parse_ok(text, NULL, &x);
		cr_assert_eq(d->track_count, 1);
		cr_assert_eq(d->tracks[0].mode, m[i].mode, "%s", m[i].word);
		cr_assert_eq(rawcd_track_mode_file_sector_size(d->tracks[0].mode), sizes[i], "%s", m[i].word);
		cr_assert_eq(x[0].sub_mode, strstr(m[i].word, "RW") ? 96u : 0u);
		cr_assert_eq(d->sessions[0].disc_type, types[i % 4].type);
		cr_assert_eq(d->files[0].type, RAWCD_FILE_ZERO);
		cr_assert_eq(d->files[0].bytes, 300u * rawcd_track_mode_file_sector_size(m[i].mode));
		free(x);
		rawcd_disc_free(d);
	}
}

Test(toc_parse, flags_isrc_catalog_and_numbering)
{
	struct rawcd_disc *d = parse_ok("CATALOG \"0724385356926\"\nFIRST_TRACK_NO 3\n"
					"TRACK AUDIO\nCOPY\nPRE_EMPHASIS\nFOUR_CHANNEL_AUDIO\nISRC \"USEM39600078\"\n"
					"SILENCE 0:4:0\n"
					"TRACK AUDIO\nCOPY\nNO COPY\nPRE_EMPHASIS\nNO PRE_EMPHASIS\nFOUR_CHANNEL_AUDIO\n"
					"TWO_CHANNEL_AUDIO\nSILENCE 0:4:0\n", NULL, NULL);
	cr_assert_str_eq(d->mcn, "0724385356926");
	cr_assert_eq(d->tracks[0].number, 3);
	cr_assert_eq(d->tracks[1].number, 4);
	cr_assert_eq(d->tracks[0].flags, RAWCD_FLAG_DCP | RAWCD_FLAG_PRE | RAWCD_FLAG_4CH);
	cr_assert_str_eq(d->tracks[0].isrc, "USEM39600078");
	cr_assert_eq(d->tracks[1].flags, 0);
	rawcd_disc_free(d);
}

/* FILE start and length: MSF in blocks (2352, or 2448 with RW), numbers in samples; DATAFILE numbers in
 * bytes; #offset in bytes; a .wav name is WAVE, any other raw big-endian (cdrdao(1)). */
Test(toc_parse, units_of_file_pieces)
{
	struct rcd_toc_track_extra *x = NULL;
	struct rawcd_disc *d = parse_ok("TRACK AUDIO\nFILE \"a.wav\" 0:1:0 588\n"
					"AUDIOFILE \"b.raw\" SWAP #100 1000 0:0:2\n"
					"TRACK AUDIO RW\nFILE \"c.bin\" 0:0:1\n"
					"TRACK MODE1\nDATAFILE \"d.iso\" #2048 4096\nDATAFILE \"e.iso\" 0:0:3\n"
					"TRACK MODE2_FORM2\nDATAFILE \"f\" 0:0:1\n", NULL, &x);
	cr_assert_eq(d->file_count, 6);
	struct rawcd_file *f = d->files;
	cr_assert(f[0].type == RAWCD_FILE_WAVE && f[0].byte_offset == 75u * 2352 && f[0].byte_length == 588u * 4);
	cr_assert(f[1].type == RAWCD_FILE_MOTOROLA && f[1].swap && f[1].byte_offset == 100u + 4000);
	cr_assert_eq(f[1].byte_length, 2u * 2352);
	cr_assert_eq(f[2].byte_offset, 2448u);
	cr_assert(f[3].type == RAWCD_FILE_BINARY && f[3].byte_offset == 2048 && f[3].byte_length == 4096);
	cr_assert_eq(f[4].byte_length, 3u * 2048);
	cr_assert_eq(f[5].byte_length, 2324u);
	cr_assert_str_eq(f[0].path, "/t/a.wav");
	cr_assert_eq(x[0].file_count, 2);
	cr_assert_eq(x[2].first_file, 3);
	free(x);
	rawcd_disc_free(d);
}

Test(toc_parse, positions)
{
	struct rcd_toc_track_extra *x = NULL;
	struct rawcd_disc *d = parse_ok("TRACK AUDIO\nSILENCE 0:2:0\nSTART\nSILENCE 0:10:0\nINDEX 0:1:0\nINDEX 0:2:0\n"
					"TRACK AUDIO\nPREGAP 0:3:0\nSILENCE 0:10:0\n"
					"TRACK AUDIO\nFILE \"x\" 0\nSTART 0:0:5\n", NULL, &x);
	cr_assert(x[0].has_start && x[0].start_at_end && x[0].start_pieces == 1 && x[0].start_sector == 150);
	cr_assert_eq(x[0].pos_count, 2);
	cr_assert(x[0].pos[0].number == 2 && x[0].pos[0].sector == 75 && x[0].pos[0].line == 5);
	cr_assert(x[0].pos[1].number == 3 && x[0].pos[1].sector == 150);
	cr_assert(x[1].has_pregap && x[1].start_sector == 225 && x[1].file_count == 2);
	cr_assert_eq(d->files[x[1].first_file].bytes, 225u * 2352);
	cr_assert(x[2].has_start && !x[2].start_at_end && x[2].start_sector == 5);
	free(x);
	rawcd_disc_free(d);
}

Test(toc_parse, cdtext_blocks_map_and_encodings)
{
	struct rcd_toc_cdtext ct = {0};
	struct rawcd_disc *d = parse_ok("CD_TEXT { LANGUAGE_MAP { 0 : EN 1: 15 }\n"
					"LANGUAGE 0 { TITLE \"Album\" GENRE { 0, 5, 74, 97, 122, 122, 0 } SIZE_INFO { 1, 2 } }\n"
					"LANGUAGE 1 { ENCODING_ASCII TITLE \"Disque\" UPC_EAN \"\" } }\n"
					"TRACK AUDIO\nCD_TEXT { LANGUAGE 1 { TITLE \"Piste\" ISRC \"DE-XXX-98-00001\" } }\n"
					"SILENCE 0:4:0\n", &ct, NULL);
	cr_assert(ct.have_map && ct.language[0] == 9 && ct.language[1] == 15 && ct.language[2] == -1);
	cr_assert(ct.used[0] && ct.used[1] && !ct.used[2]);
	cr_assert_eq(ct.charset[1], 0x01);
	cr_assert_str_eq(ct.disc[0].item[RAWCD_CDTEXT_TITLE], "Album");
	cr_assert_str_eq(ct.disc[0].item[RAWCD_CDTEXT_GENRE], "Jazz");
	cr_assert_str_eq(ct.disc[1].item[RAWCD_CDTEXT_UPC_ISRC], "");
	cr_assert_str_eq(ct.track[1][0].item[RAWCD_CDTEXT_TITLE], "Piste");
	cr_assert_str_eq(ct.track[1][0].item[RAWCD_CDTEXT_UPC_ISRC], "DE-XXX-98-00001");
	cr_assert_null(ct.track[0][0].item[RAWCD_CDTEXT_TITLE]);
	rcd_toc_cdtext_free(&ct, d->track_count);
	rawcd_disc_free(d);
}

Test(toc_sniff, toc_files_and_cue_sheets)
{
	static const struct {
		const char *text;
		bool toc;
	} t[] = {
		{"CD_DA\nTRACK AUDIO\n", true},
		{"// comment\n\nCD_ROM_XA\n", true},
		{"CD_TEXT {\n", true},
		{"TRACK AUDIO\nSILENCE 1:0:0\n", true},
		{"CATALOG\n\nTRACK AUDIO\n", true},              /* libcdio bad-cat1.toc */
		{"CATALOG 167890123 // x\nTRACK AUDIO\n", true}, /* bad-cat2.toc */
		{"CATALOG 0000010271955\nFILE \"a\" BINARY\n  TRACK 01 AUDIO\n", false},
		{"FILE \"a.bin\" BINARY\nTRACK 01 MODE1/2352\n", false},
		{"TRACK 01 AUDIO\n", false},
		{"FOO\nTRACK AUDIO\n", true},                 /* an unknown keyword: the TOC reader says so */
		{"// only a comment\n", true},
		{"TITLE \"Bonus TRACK AUDIO\"\nFILE \"a\" BINARY\n  TRACK 01 AUDIO\n", false},
		{"\xef\xbb\xbfREM x\nFILE \"a\" BINARY\n TRACK 02 MODE1/2352\n", false},
		{"REM x\n", false},
		{"", false},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cr_assert_eq(rawcd_tocfile_sniff(t[i].text, strlen(t[i].text)), t[i].toc, "case %zu: %s", i, t[i].text);
}
