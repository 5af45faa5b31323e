/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The statements of a cdrdao TOC file (cdrdao 1.2.4 trackdb/TocParser.g): a header (CATALOG, the session
 * type CD_DA / CD_ROM / CD_ROM_XA / CD_I, FIRST_TRACK_NO, the disc's CD_TEXT) and tracks: TRACK mode
 * [RW | RW_RAW], the flags, ISRC, CD_TEXT, PREGAP, then the data (tocfile_data.c), START and INDEX. */
#include "tocfile/tocfile_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

int rcd_toc_fail(struct rcd_toc_parser *p, unsigned line, const char *fmt, ...)
{
	if (p->rc)
		return p->rc;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->rc = rcd_error(p->lx.diag, RAWCD_E_SYNTAX, p->lx.path, line, "%s", msg);
	return p->rc;
}

/* Data statements, START and INDEX of the current track (tocfile_data.c). */
int rcd_toc_parse_track_body(struct rcd_toc_parser *p, size_t track);

static const struct {
	const char *word;
	enum rawcd_track_mode mode;
} track_modes[] = {
	{"AUDIO", RAWCD_MODE_AUDIO},
	{"MODE0", RAWCD_MODE_MODE0},
	{"MODE1", RAWCD_MODE_MODE1_2048},
	{"MODE1_RAW", RAWCD_MODE_MODE1_2352},
	{"MODE2", RAWCD_MODE_MODE2_FORMLESS},
	{"MODE2_FORM1", RAWCD_MODE_MODE2_FORM1},
	{"MODE2_FORM2", RAWCD_MODE_MODE2_FORM2},
	{"MODE2_FORM_MIX", RAWCD_MODE_MODE2_2336},
	{"MODE2_RAW", RAWCD_MODE_MODE2_2352},
};

#define MODE_WORDS "AUDIO, MODE0, MODE1, MODE1_RAW, MODE2, MODE2_FORM1, MODE2_FORM2, MODE2_FORM_MIX or MODE2_RAW"

static int next(struct rcd_toc_parser *p)
{
	int rc = rcd_toc_lex_next(&p->lx);
	if (rc && !p->rc)
		p->rc = rc;
	return rc;
}

/* The string after a keyword: moved to *out (malloc'd, NUL-ended). */
static int take_string(struct rcd_toc_parser *p, const char *keyword, unsigned line, const char *what, char **out)
{
	int rc = next(p);
	if (rc)
		return rc;
	if (p->lx.tok.kind != RCD_TOK_STRING) {
		char d[64];
		return rcd_toc_fail(p, line, "%s needs %s in double quotes, not %s", keyword, what,
				    rcd_toc_describe(&p->lx, d, sizeof(d)));
	}
	*out = p->lx.tok.text;
	p->lx.tok.text = NULL;
	if (next(p)) {
		free(*out);
		*out = NULL;
	}
	return p->rc;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[n] == '\0';
}

static int parse_catalog(struct rcd_toc_parser *p)
{
	unsigned line = p->lx.tok.line;
	char *s = NULL;
	int rc = take_string(p, "CATALOG", line, "the 13-digit catalog number (UPC/EAN)", &s);
	if (rc)
		return rc;
	if (strlen(s) != 13 || !all_digits(s, 13)) {
		rc = rcd_toc_fail(p, line, "CATALOG \"%.40s\" is not 13 digits: give the UPC/EAN as 13 digits 0-9", s);
		free(s);
		return rc;
	}
	memcpy(p->disc->mcn, s, RAWCD_MCN_SIZE);
	free(s);
	return RAWCD_OK;
}

static int parse_first_track_no(struct rcd_toc_parser *p)
{
	unsigned line = p->lx.tok.line;
	int rc = next(p);
	if (rc)
		return rc;
	if (p->lx.tok.kind != RCD_TOK_NUMBER || p->lx.tok.value < 1 || p->lx.tok.value > RAWCD_MAX_TRACKS)
		return rcd_toc_fail(p, line, "FIRST_TRACK_NO needs a track number from 1 to 99");
	p->first_track_no = (unsigned)p->lx.tok.value;
	return next(p);
}

/* The session types: "If multiple flags are given the last one will take effect" (cdrdao(1)). */
static bool session_type(struct rcd_toc_parser *p)
{
	static const struct {
		const char *word;
		uint8_t disc_type; /* A0 PSEC, MMC-6 table 480 */
	} types[] = {{"CD_DA", 0x00}, {"CD_ROM", 0x00}, {"CD_ROM_XA", 0x20}, {"CD_I", 0x10}};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (rcd_toc_is(&p->lx, types[i].word)) {
			p->disc_type = types[i].disc_type;
			return true;
		}
	return false;
}

static int parse_disc_cdtext(struct rcd_toc_parser *p)
{
	return rcd_toc_parse_cdtext(p, -1);
}

/* The header's statements besides the session types, by keyword. */
static const struct {
	const char *word;
	int (*parse)(struct rcd_toc_parser *p);
} header[] = {{"CATALOG", parse_catalog}, {"FIRST_TRACK_NO", parse_first_track_no}, {"CD_TEXT", parse_disc_cdtext}};

static bool header_statement(struct rcd_toc_parser *p)
{
	if (session_type(p)) {
		next(p);
		return true;
	}
	for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		if (rcd_toc_is(&p->lx, header[i].word)) {
			header[i].parse(p);
			return true;
		}
	return false;
}

static int parse_header(struct rcd_toc_parser *p)
{
	while (p->rc == RAWCD_OK && p->lx.tok.kind != RCD_TOK_END && !rcd_toc_is(&p->lx, "TRACK")) {
		if (!header_statement(p)) {
			char d[64];
			return rcd_toc_fail(p, p->lx.tok.line, "%s is not a TOC file statement here: the header "
					    "holds CATALOG, CD_DA, CD_ROM, CD_ROM_XA, CD_I and CD_TEXT, then TRACK "
					    "statements follow", rcd_toc_describe(&p->lx, d, sizeof(d)));
		}
	}
	return p->rc;
}

static int grow_tracks(struct rcd_toc_parser *p)
{
	struct rawcd_disc *d = p->disc;
	if (d->track_count < p->track_cap)
		return RAWCD_OK;
	size_t cap = p->track_cap ? p->track_cap * 2 : 16;
	struct rawcd_track *t = realloc(d->tracks, cap * sizeof(*t));
	if (!t)
		return RAWCD_E_NOMEM;
	d->tracks = t;
	struct rcd_toc_track_extra *x = realloc(p->extra, cap * sizeof(*x));
	if (!x)
		return RAWCD_E_NOMEM;
	p->extra = x;
	p->track_cap = cap;
	return rcd_toc_cdtext_reserve(&p->text, cap);
}

static int parse_mode(struct rcd_toc_parser *p, struct rawcd_track *t, struct rcd_toc_track_extra *x)
{
	char d[64];
	for (size_t i = 0; i < sizeof(track_modes) / sizeof(track_modes[0]); i++)
		if (rcd_toc_is(&p->lx, track_modes[i].word)) {
			t->mode = track_modes[i].mode;
			if (next(p))
				return p->rc;
			if (rcd_toc_is(&p->lx, "RW") || rcd_toc_is(&p->lx, "RW_RAW")) {
				x->sub_mode = 96;
				x->rw_raw = rcd_toc_is(&p->lx, "RW_RAW");
				if (t->mode == RAWCD_MODE_AUDIO && x->rw_raw)
					t->mode = RAWCD_MODE_CDG; /* 2352 audio + 96 raw R-W, as CUE CDG */
				next(p);
			}
			return p->rc;
		}
	return rcd_toc_fail(p, t->line, "%s is not a track mode: use " MODE_WORDS ", optionally followed by RW "
			    "or RW_RAW", rcd_toc_describe(&p->lx, d, sizeof(d)));
}

/* ISRC "CCOOOYYSSSSS": country and owner letters or digits, year and serial digits (ISO 3901). */
static bool isrc_ok(const char *s)
{
	if (strlen(s) != 12)
		return false;
	for (int i = 0; i < 12; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9', upper = s[i] >= 'A' && s[i] <= 'Z';
		if (!(digit || (i < 5 && upper)))
			return false;
	}
	return true;
}

static int parse_isrc(struct rcd_toc_parser *p, struct rawcd_track *t)
{
	unsigned line = p->lx.tok.line;
	char *s = NULL;
	int rc = take_string(p, "ISRC", line, "the 12-character code CCOOOYYSSSSS", &s);
	if (rc)
		return rc;
	if (!isrc_ok(s)) {
		rc = rcd_toc_fail(p, line, "ISRC \"%.40s\" is not CCOOOYYSSSSS: 5 upper-case letters or digits, "
				  "then 7 digits", s);
		free(s);
		return rc;
	}
	memcpy(t->isrc, s, RAWCD_ISRC_SIZE);
	free(s);
	return RAWCD_OK;
}

/* COPY, NO COPY, PRE_EMPHASIS, NO PRE_EMPHASIS, TWO_CHANNEL_AUDIO, FOUR_CHANNEL_AUDIO, ISRC. */
static bool parse_flag(struct rcd_toc_parser *p, struct rawcd_track *t)
{
	static const struct {
		const char *word;
		unsigned flag;
	} flags[] = {{"COPY", RAWCD_FLAG_DCP}, {"PRE_EMPHASIS", RAWCD_FLAG_PRE},
		     {"FOUR_CHANNEL_AUDIO", RAWCD_FLAG_4CH}, {"TWO_CHANNEL_AUDIO", 0}};
	if (rcd_toc_is(&p->lx, "ISRC")) {
		parse_isrc(p, t);
		return true;
	}
	bool no = rcd_toc_is(&p->lx, "NO");
	unsigned line = p->lx.tok.line;
	if (no && next(p))
		return true;
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		if (!rcd_toc_is(&p->lx, flags[i].word) || (no && i >= 2))
			continue;
		if (no || i == 3)
			t->flags &= ~(i == 3 ? (unsigned)RAWCD_FLAG_4CH : flags[i].flag);
		else
			t->flags |= flags[i].flag;
		next(p);
		return true;
	}
	if (no) {
		char d[64];
		rcd_toc_fail(p, line, "NO must be followed by COPY or PRE_EMPHASIS, not %s",
			     rcd_toc_describe(&p->lx, d, sizeof(d)));
		return true;
	}
	return false;
}

static int parse_track(struct rcd_toc_parser *p)
{
	struct rawcd_disc *d = p->disc;
	if (d->track_count + p->first_track_no - 1 >= RAWCD_MAX_TRACKS)
		return rcd_toc_fail(p, p->lx.tok.line, "more than 99 tracks: a CD holds tracks 1 to 99");
	int rc = grow_tracks(p);
	if (rc)
		return p->rc = rc;
	size_t i = d->track_count++;
	struct rawcd_track *t = &d->tracks[i];
	*t = (struct rawcd_track){.number = p->first_track_no + (unsigned)i, .session = 1, .line = p->lx.tok.line};
	p->extra[i] = (struct rcd_toc_track_extra){.first_file = d->file_count};
	if (next(p) || parse_mode(p, t, &p->extra[i]))
		return p->rc;
	while (p->rc == RAWCD_OK && parse_flag(p, t))
		;
	if (p->rc == RAWCD_OK && rcd_toc_is(&p->lx, "CD_TEXT"))
		rcd_toc_parse_cdtext(p, (long)i);
	if (p->rc)
		return p->rc;
	return rcd_toc_parse_track_body(p, i);
}

int rcd_toc_parse_statements(struct rcd_toc_parser *p)
{
	p->first_track_no = 1;
	if (parse_header(p))
		return p->rc;
	if (p->lx.tok.kind == RCD_TOK_END)
		return rcd_toc_fail(p, p->lx.tok.line, "the TOC file has no TRACK: add at least one TRACK with its "
				    "data (e.g. TRACK AUDIO, then FILE \"audio.wav\" 0)");
	while (p->rc == RAWCD_OK && rcd_toc_is(&p->lx, "TRACK"))
		parse_track(p);
	if (p->rc == RAWCD_OK && p->lx.tok.kind != RCD_TOK_END) {
		char d[64];
		rcd_toc_fail(p, p->lx.tok.line, "%s is not a TOC file statement: a track holds its flags, ISRC, "
			     "CD_TEXT, PREGAP, then SILENCE, ZERO, FILE, DATAFILE, START and INDEX",
			     rcd_toc_describe(&p->lx, d, sizeof(d)));
	}
	return p->rc;
}
