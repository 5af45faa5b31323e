/* SPDX-License-Identifier: GPL-2.0-or-later */
/* TOC files that break a rule: RAWCD_E_SYNTAX, the line, words of what is wrong, no disc. */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "tocfile/tocfile_internal.h"

struct bad_toc {
	const char *text;
	unsigned line;
	const char *words;
	size_t len; /* bytes of text, 0 for strlen (a text that holds a NUL gives it) */
};

static const struct bad_toc bad[] = {
	{"", 1, "no TRACK", 0},
	{"// only a comment\nCD_DA\n", 2, "no TRACK", 0},
	{"TRACK AUDIO\n", 1, "has no data", 0},
	{"TRACK AUDIO\nSILENCE\n", 2, "needs a length", 0},
	{"TRACK MODE3\nZERO 1:0:0\n", 1, "not a track mode", 0},
	{"TRACK AUDIO\nSILENCE 1:60:0\n", 2, "seconds must be under 60", 0},
	{"TRACK AUDIO\nSILENCE 1:0:75\n", 2, "frames must be under 75", 0},
	{"TRACK AUDIO\nSILENCE 1000:0:0\n", 2, "too many minutes", 0},
	{"TRACK AUDIO\nSILENCE 99999999999999\n", 2, "too large", 0},
	{"TRACK AUDIO\nSILENCE 12ab\n", 2, "followed by letters", 0},
	{"TRACK AUDIO\nFILE \"a.wav\n", 2, "not closed", 0},
	{"TRACK AUDIO\nFILE \"a\\q\" 0\n", 2, "unknown escape", 0},
	{"TRACK AUDIO\nFILE \"a\\777\" 0\n", 2, "over 377", 0},
	{"TRACK AUDIO\nFILE a.wav 0\n", 2, "file name in double quotes", 0},
	{"TRACK AUDIO\nFILE \"a.wav\"\n", 2, "needs a start", 0},
	{"TRACK AUDIO\nFILE \"-\" 0\n", 2, "standard input", 0},
	{"TRACK AUDIO\nFILE \"a\" # x 0\n", 2, "byte offset", 0},
	{"TRACK MODE1\nFILE \"a\" 0\n", 2, "DATAFILE", 0},
	{"TRACK AUDIO\nFIFO \"/tmp/p\" 1000\n", 2, "FIFO", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nSTART 0:1:0\nSTART 0:2:0\n", 4, "either one PREGAP or one START", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nPREGAP 0:2:0\n", 3, "before the track's data", 0},
	{"TRACK AUDIO\nPREGAP 0:2:0\nSILENCE 1:0:0\nSTART\n", 4, "already", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nINDEX 0:2:0\nINDEX 0:1:0\n", 4, "must increase", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nINDEX 0:0:0\n", 3, "must increase", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nINDEX 10\n", 3, "mm:ss:ff", 0},
	{"CATALOG \"123\"\nTRACK AUDIO\nSILENCE 1:0:0\n", 1, "not 13 digits", 0},
	{"TRACK AUDIO\nISRC \"us-xx1-98-01234\"\nSILENCE 1:0:0\n", 2, "CCOOOYYSSSSS", 0},
	{"TRACK AUDIO\nNO FOUR_CHANNEL_AUDIO\nSILENCE 1:0:0\n", 2, "NO must be followed", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\nCOPY\n", 3, "not a TOC file statement", 0},
	{"CD_DA\nFOO\n", 2, "not a TOC file statement", 0},
	{"CD_TEXT {\n", 1, "not closed", 0},
	{"CD_TEXT { LANGUAGE_MAP { 8 : EN } }\nTRACK AUDIO\nSILENCE 1:0:0\n", 1, "block number 0 to 7", 0},
	{"CD_TEXT { LANGUAGE_MAP { 0 : XX } }\nTRACK AUDIO\nSILENCE 1:0:0\n", 1, "language code", 0},
	{"CD_TEXT { LANGUAGE_MAP { 0 : 256 } }\n", 1, "language code", 0},
	{"CD_TEXT { LANGUAGE_MAP { 0 : 9 0 : 8 } }\n", 1, "mapped twice", 0},
	{"CD_TEXT { LANGUAGE_MAP { 0 : 9 } LANGUAGE 1 { TITLE \"x\" } }\n", 1, "not in the LANGUAGE_MAP", 0},
	{"CD_TEXT { LANGUAGE 1 { TITLE \"x\" } }\n", 1, "needs a LANGUAGE_MAP", 0},
	{"CD_TEXT { LANGUAGE 0 { TITLE \"x\" TITLE \"y\" } }\n", 1, "given twice", 0},
	{"CD_TEXT { LANGUAGE 0 { NAME \"x\" } }\n", 1, "not a CD-TEXT item", 0},
	{"CD_TEXT { LANGUAGE 0 { TITLE 5 } }\n", 1, "binary data", 0},
	{"CD_TEXT { LANGUAGE 0 { GENRE { 1, 300 } } }\n", 1, "numbers 0-255", 0},
	{"CD_TEXT { LANGUAGE 0 { TITLE \"a\\000b\" } }\n", 1, "NUL byte", 0},
	{"CD_TEXT { FOO }\n", 1, "in CD_TEXT", 0},
	{"TRACK AUDIO\nCD_TEXT { LANGUAGE_MAP { 0 : 9 } }\nSILENCE 1:0:0\n", 2, "disc's CD_TEXT", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\n\x01\n", 3, "unexpected character", 0},
	{"TRACK AUDIO\nSILENCE 1:0:0\n\0\n", 3, "NUL byte", 28},
};

Test(toc_errors, each_names_its_line)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rawcd_diag *diag = rawcd_diag_new();
		struct rawcd_disc *d = NULL;
		size_t len = bad[i].len ? bad[i].len : strlen(bad[i].text);
		int rc = rcd_tocfile_parse(bad[i].text, len, "/t/x.toc", &d, NULL, NULL, diag);
		cr_assert_eq(rc, RAWCD_E_SYNTAX, "case %zu: rc %d for %s", i, rc, bad[i].text);
		cr_assert_null(d, "case %zu", i);
		cr_assert_geq(rawcd_diag_count(diag), 1, "case %zu", i);
		const struct rawcd_diag_entry *e = NULL;
		for (size_t k = 0; k < rawcd_diag_count(diag); k++)
			if (rawcd_diag_get(diag, k)->severity == RAWCD_SEV_ERROR) {
				e = rawcd_diag_get(diag, k);
				break;
			}
		cr_assert_not_null(e, "case %zu", i);
		cr_assert_str_eq(e->file, "/t/x.toc");
		cr_assert_eq(e->line, bad[i].line, "case %zu (%s): line %u, message %s", i, bad[i].words, e->line,
			     e->message);
		cr_assert(strstr(e->message, bad[i].words), "case %zu: \"%s\" lacks \"%s\"", i, e->message,
			  bad[i].words);
		rawcd_diag_free(diag);
	}
}
