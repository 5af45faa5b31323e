/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CUE statements → disc model. Every rule is checked here, with the line of the statement that breaks
 * it, so that libcue only ever sees a sheet it accepts. The rules follow CDRWin's documentation and the
 * checks of flac's cuesheet reader (test/cuesheet.ok); tests/README.md lists where rawcd differs. */
#include "cue/cue_internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "disc/isrc.h"
#include "util/diag.h"

struct parser {
	struct rawcd_disc *disc;
	rawcd_diag *diag;
	const char *sheet;
	size_t cap_files, cap_tracks, cap_rems, cap_sessions, cap_index;
	struct rawcd_track *cur;  /* the track being read, NULL before the first TRACK */
	bool cur_flags, cur_isrc, cur_pregap, cur_postgap;
	unsigned catalog_line;
	unsigned next_session;    /* session of the next TRACK (REM SESSION nn) */
	bool have_last_index;     /* last INDEX seen, anywhere: offsets increase within a file */
	size_t last_index_file;
	uint32_t last_index_offset;
	unsigned last_index_line;
	uint32_t pending_leadin;  /* REM LEAD-IN before the session's first TRACK, 0 if none */
	unsigned leadin_line;     /* line of that REM LEAD-IN, 0 if none */
	unsigned leadout_line;    /* REM LEAD-OUT of the current session, 0 if none */
	unsigned cdtextfile_line; /* the CDTEXTFILE line, 0 if none */
};

typedef int (*statement_fn)(struct parser *p, const struct rcd_cue_line *ln);

static int fail(struct parser *p, const struct rcd_cue_line *ln, const char *what)
{
	return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number, "%s", what);
}

static bool grow(void **arr, size_t *cap, size_t count, size_t size)
{
	if (count < *cap)
		return true;
	size_t n = *cap ? *cap * 2 : 8;
	void *a = realloc(*arr, n * size);
	if (!a)
		return false;
	memset((char *)a + *cap * size, 0, (n - *cap) * size);
	*arr = a;
	*cap = n;
	return true;
}

/* A decimal number of at most @p max_digits digits, the whole token. */
static bool parse_uint(const char *s, unsigned max_digits, unsigned *out)
{
	unsigned v = 0, n = 0;
	for (; s[n]; n++) {
		if (!isdigit((unsigned char)s[n]) || n == max_digits)
			return false;
		v = v * 10 + (unsigned)(s[n] - '0');
	}
	if (n == 0)
		return false;
	*out = v;
	return true;
}

static int expect_args(struct parser *p, const struct rcd_cue_line *ln, size_t n, const char *usage)
{
	if (ln->count - 1 < n)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number, "%s is incomplete: write %s",
				 ln->tok[0].text, usage);
	if (ln->count - 1 > n)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "unexpected \"%s\" after %s: write %s (one statement a line)", ln->tok[n + 1].text,
				 ln->tok[0].text, usage);
	return RAWCD_OK;
}

/* Statements that belong between TRACK and the track's first INDEX. */
static int in_track_head(struct parser *p, const struct rcd_cue_line *ln, bool *seen, const char *name)
{
	if (!p->cur || p->cur->index_count > 0)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "%s must come after TRACK and before the track's first INDEX: move it there", name);
	if (*seen)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "%s given twice for track %02u: keep one", name, p->cur->number);
	*seen = true;
	return RAWCD_OK;
}

/* EAN-13 / UPC-A check digit (GS1 General Specifications §7.9.1): weights 1,3,1,3... from the left. */
static bool ean13_check_ok(const char *d)
{
	unsigned sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (unsigned)(d[i] - '0') * (i % 2 ? 3u : 1u);
	return (10 - sum % 10) % 10 == (unsigned)(d[12] - '0');
}

static int st_catalog(struct parser *p, const struct rcd_cue_line *ln)
{
	if (p->catalog_line)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "CATALOG given twice (first on line %u): keep one", p->catalog_line);
	int rc = expect_args(p, ln, 1, "CATALOG followed by the 13-digit UPC/EAN");
	if (rc)
		return rc;
	if (p->cur)
		return fail(p, ln, "CATALOG must come before the first TRACK: move it to the top of the sheet");
	const char *v = ln->tok[1].text;
	unsigned n = 0;
	while (isdigit((unsigned char)v[n]))
		n++;
	if (n != 13 || v[n])
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "CATALOG \"%.40s\" is not 13 decimal digits: write the disc's UPC/EAN (MCN)", v);
	if (!ean13_check_ok(v))
		rcd_warn(p->diag, p->sheet, ln->number,
			 "CATALOG %s has a wrong check digit; kept as written (real discs carry such MCNs)", v);
	memcpy(p->disc->mcn, v, 14);
	p->catalog_line = ln->number;
	return RAWCD_OK;
}

static const struct {
	const char *name;
	enum rawcd_file_type type;
} file_types[] = {
	{"BINARY", RAWCD_FILE_BINARY}, {"MOTOROLA", RAWCD_FILE_MOTOROLA}, {"WAVE", RAWCD_FILE_WAVE},
	{"AIFF", RAWCD_FILE_AIFF},     {"MP3", RAWCD_FILE_MP3},           {"FLAC", RAWCD_FILE_FLAC},
};

static int st_file(struct parser *p, const struct rcd_cue_line *ln)
{
	if (ln->count < 3)
		return fail(p, ln, "FILE needs a name and a type: write FILE \"name\" BINARY|MOTOROLA|WAVE|AIFF|MP3|FLAC");
	const char *type = ln->tok[ln->count - 1].text;
	size_t t;
	for (t = 0; t < sizeof(file_types) / sizeof(file_types[0]); t++)
		if (strcasecmp(type, file_types[t].name) == 0)
			break;
	if (t == sizeof(file_types) / sizeof(file_types[0]))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "unknown FILE type \"%s\": use BINARY, MOTOROLA, WAVE, AIFF, MP3 or FLAC", type);
	char *name;
	if (ln->count == 3) {
		name = strdup(ln->tok[1].text);
	} else if (!ln->tok[1].quoted) {
		/* An unquoted name with blanks: everything between FILE and the type. */
		size_t n = strlen(ln->rest) - strlen(type);
		while (n && (ln->rest[n - 1] == ' ' || ln->rest[n - 1] == '\t'))
			n--;
		name = strndup(ln->rest, n);
	} else {
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "unexpected \"%s\" after the FILE name: write FILE \"name\" TYPE", ln->tok[2].text);
	}
	if (!name)
		return RAWCD_E_NOMEM;
	if (!*name) {
		free(name);
		return fail(p, ln, "FILE has an empty name: name the file that holds the data");
	}
	struct rawcd_disc *d = p->disc;
	if (!grow((void **)&d->files, &p->cap_files, d->file_count, sizeof(*d->files))) {
		free(name);
		return RAWCD_E_NOMEM;
	}
	d->files[d->file_count++] = (struct rawcd_file){.name = name, .type = file_types[t].type, .line = ln->number};
	return RAWCD_OK;
}

static const struct {
	const char *name;
	enum rawcd_track_mode mode;
} track_modes[] = {
	{"AUDIO", RAWCD_MODE_AUDIO},           {"CDG", RAWCD_MODE_CDG},
	{"MODE1/2048", RAWCD_MODE_MODE1_2048}, {"MODE1/2352", RAWCD_MODE_MODE1_2352},
	{"MODE2/2336", RAWCD_MODE_MODE2_2336}, {"MODE2/2352", RAWCD_MODE_MODE2_2352},
	{"CDI/2336", RAWCD_MODE_CDI_2336},     {"CDI/2352", RAWCD_MODE_CDI_2352},
};

static bool has_index1(const struct rawcd_track *t)
{
	for (size_t i = 0; i < t->index_count; i++)
		if (t->indexes[i].number == 1)
			return true;
	return false;
}

static int missing_index1(struct parser *p, unsigned line)
{
	return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, line,
			 "track %02u has no INDEX 01: every track needs INDEX 01 mm:ss:ff, where it starts",
			 p->cur->number);
}

static int start_session(struct parser *p, struct rawcd_track *t)
{
	struct rawcd_disc *d = p->disc;
	size_t ti = (size_t)(t - d->tracks);
	if (d->session_count && d->sessions[d->session_count - 1].number == t->session) {
		d->sessions[d->session_count - 1].track_count++;
		return RAWCD_OK;
	}
	if (!grow((void **)&d->sessions, &p->cap_sessions, d->session_count, sizeof(*d->sessions)))
		return RAWCD_E_NOMEM;
	d->sessions[d->session_count++] = (struct rawcd_session){
		.number = t->session, .first_track = ti, .track_count = 1, .leadout_length = 6750,
		.leadin_length = p->pending_leadin ? p->pending_leadin : 4500};
	p->pending_leadin = 0;
	p->leadin_line = p->leadout_line = 0;
	return RAWCD_OK;
}

static int st_track(struct parser *p, const struct rcd_cue_line *ln)
{
	struct rawcd_disc *d = p->disc;
	if (p->cur && !has_index1(p->cur))
		return missing_index1(p, ln->number);
	if (ln->count < 2)
		return fail(p, ln, "TRACK is missing its number: write TRACK nn MODE, e.g. TRACK 01 AUDIO");
	unsigned number;
	if (!parse_uint(ln->tok[1].text, 3, &number))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "TRACK number \"%s\" is not a number: write TRACK nn MODE", ln->tok[1].text);
	if (number < 1 || number > RAWCD_MAX_TRACKS)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "TRACK number %u is out of range: a CD has tracks 1 to 99", number);
	if (p->cur && number != p->cur->number + 1)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "TRACK %02u follows track %02u: track numbers must go up by one", number,
				 p->cur->number);
	if (ln->count < 3)
		return fail(p, ln, "TRACK is missing its mode: write e.g. TRACK 01 AUDIO or TRACK 01 MODE1/2352");
	int rc = expect_args(p, ln, 2, "TRACK nn MODE");
	if (rc)
		return rc;
	size_t m;
	for (m = 0; m < sizeof(track_modes) / sizeof(track_modes[0]); m++)
		if (strcasecmp(ln->tok[2].text, track_modes[m].name) == 0)
			break;
	if (m == sizeof(track_modes) / sizeof(track_modes[0]))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "unknown track mode \"%s\": use AUDIO, CDG, MODE1/2048, MODE1/2352, MODE2/2336, "
				 "MODE2/2352, CDI/2336 or CDI/2352", ln->tok[2].text);
	if (d->file_count == 0 && d->track_count == 0)
		rcd_warn(p->diag, p->sheet, ln->number, "TRACK before any FILE: the sheet can be checked, but "
			 "not converted, until a FILE line names the data");
	if (!grow((void **)&d->tracks, &p->cap_tracks, d->track_count, sizeof(*d->tracks)))
		return RAWCD_E_NOMEM;
	struct rawcd_track *t = &d->tracks[d->track_count++];
	*t = (struct rawcd_track){.number = number, .session = p->next_session, .mode = track_modes[m].mode,
				  .line = ln->number};
	p->cur = t;
	p->cur_flags = p->cur_isrc = p->cur_pregap = p->cur_postgap = false;
	p->cap_index = 0;
	return start_session(p, t);
}

static int st_index(struct parser *p, const struct rcd_cue_line *ln)
{
	if (!p->cur)
		return fail(p, ln, "INDEX before any TRACK: put INDEX lines under the TRACK they belong to");
	if (p->cur_postgap)
		return fail(p, ln, "INDEX after POSTGAP: POSTGAP must follow the track's last INDEX");
	if (ln->count < 2)
		return fail(p, ln, "INDEX is missing its number: write INDEX nn mm:ss:ff");
	unsigned number;
	if (!parse_uint(ln->tok[1].text, 3, &number))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "INDEX number \"%s\" is not a number: write INDEX nn mm:ss:ff", ln->tok[1].text);
	if (number > RAWCD_MAX_INDEX)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "INDEX %u is out of range: indexes run from 00 to 99", number);
	struct rawcd_track *t = p->cur;
	if (t->index_count == 0 && number > 1)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "the first INDEX of track %02u is %02u: it must be 00 (pregap) or 01 (start)",
				 t->number, number);
	if (t->index_count && number != t->indexes[t->index_count - 1].number + 1)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "INDEX %02u follows INDEX %02u in track %02u: index numbers must go up by one", number,
				 t->indexes[t->index_count - 1].number, t->number);
	if (ln->count < 3)
		return fail(p, ln, "INDEX is missing its time: write INDEX nn mm:ss:ff (75 frames a second)");
	int rc = expect_args(p, ln, 2, "INDEX nn mm:ss:ff");
	if (rc)
		return rc;
	uint32_t offset;
	if (!rawcd_msf_parse(ln->tok[2].text, &offset))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "INDEX time \"%s\" is not mm:ss:ff with seconds under 60 and frames under 75",
				 ln->tok[2].text);
	size_t file = p->disc->file_count ? p->disc->file_count - 1 : RAWCD_NO_FILE;
	if (p->have_last_index && p->last_index_file == file && offset <= p->last_index_offset) {
		char a[10], b[10];
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "INDEX time %s is not after %s (line %u) in the same FILE: times must increase",
				 rawcd_msf_format(offset, a), rawcd_msf_format(p->last_index_offset, b),
				 p->last_index_line);
	}
	if (p->disc->track_count == 1 && t->index_count == 0 && number == 1 && offset != 0)
		rcd_warn(p->diag, p->sheet, ln->number,
			 "track %02u starts %u sectors into its file with no INDEX 00: those sectors become "
			 "its pregap, as if INDEX 00 00:00:00 were written", t->number, offset);
	if (!grow((void **)&t->indexes, &p->cap_index, t->index_count, sizeof(*t->indexes)))
		return RAWCD_E_NOMEM;
	t->indexes[t->index_count++] = (struct rawcd_index){
		.number = number, .file = file, .offset = offset, .line = ln->number};
	p->have_last_index = true;
	p->last_index_file = file;
	p->last_index_offset = offset;
	p->last_index_line = ln->number;
	return RAWCD_OK;
}

static int st_flags(struct parser *p, const struct rcd_cue_line *ln)
{
	int rc = in_track_head(p, ln, &p->cur_flags, "FLAGS");
	if (rc)
		return rc;
	for (size_t i = 1; i < ln->count; i++) {
		unsigned bit = 1;
		while (bit <= RAWCD_FLAG_SCMS &&
		       !(rawcd_track_flag_name(bit) && strcasecmp(ln->tok[i].text, rawcd_track_flag_name(bit)) == 0))
			bit <<= 1;
		if (bit > RAWCD_FLAG_SCMS)
			return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
					 "unknown flag \"%s\": FLAGS takes DCP, 4CH, PRE and SCMS", ln->tok[i].text);
		p->cur->flags |= bit;
	}
	return RAWCD_OK;
}

static int st_isrc(struct parser *p, const struct rcd_cue_line *ln)
{
	int rc = in_track_head(p, ln, &p->cur_isrc, "ISRC");
	if (!rc)
		rc = expect_args(p, ln, 1, "ISRC CCOOOYYNNNNN (12 characters)");
	if (rc)
		return rc;
	const char *v = ln->tok[1].text;
	if (strcmp(v, "000000000000") == 0) {
		rcd_warn(p->diag, p->sheet, ln->number, "ISRC 000000000000 (what EAC writes for a track without "
			 "one) is not a code: track %02u gets no ISRC", p->cur->number);
		return RAWCD_OK;
	}
	if (!rcd_isrc_parse(v, SIZE_MAX, p->cur->isrc)) {
		p->cur->isrc[0] = '\0';
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "ISRC \"%.40s\" is not valid: it is 12 characters, 2 letters (country), 3 letters or "
				 "digits (owner), 7 digits (year, number)", v);
	}
	return RAWCD_OK;
}

static int gap(struct parser *p, const struct rcd_cue_line *ln, uint32_t *out)
{
	int rc = expect_args(p, ln, 1, "mm:ss:ff after it");
	if (rc)
		return rc;
	if (!rawcd_msf_parse(ln->tok[1].text, out))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "%s time \"%s\" is not mm:ss:ff with seconds under 60 and frames under 75",
				 ln->tok[0].text, ln->tok[1].text);
	return RAWCD_OK;
}

static int st_pregap(struct parser *p, const struct rcd_cue_line *ln)
{
	int rc = in_track_head(p, ln, &p->cur_pregap, "PREGAP");
	return rc ? rc : gap(p, ln, &p->cur->pregap);
}

static int st_postgap(struct parser *p, const struct rcd_cue_line *ln)
{
	if (!p->cur || !has_index1(p->cur))
		return fail(p, ln, "POSTGAP must follow the track's INDEX 01: move it after the INDEX lines");
	if (p->cur_postgap)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "POSTGAP given twice for track %02u: keep one", p->cur->number);
	p->cur_postgap = true;
	return gap(p, ln, &p->cur->postgap);
}

/* A text value: the quoted word, or the rest of the line when it is bare (TITLE My Song). */
static const char *text_value(const struct rcd_cue_line *ln)
{
	if (ln->count == 2 || !ln->tok[1].quoted)
		return ln->tok[1].quoted ? ln->tok[1].text : ln->rest;
	return NULL;
}

static int st_cdtext(struct parser *p, const struct rcd_cue_line *ln)
{
	enum rawcd_cdtext_item item = 0;
	while (strcasecmp(rawcd_cdtext_keyword(item), ln->tok[0].text) != 0)
		item++;
	const char *keyword = rawcd_cdtext_keyword(item);
	if (ln->count < 2)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "%s is missing its text: write %s \"text\"", keyword,
				 keyword);
	const char *v = text_value(ln);
	if (!v)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "unexpected \"%s\" after the quoted %s text", ln->tok[2].text, keyword);
	/* A CD-TEXT block holds at most 253 packs of 12 characters for every item of a type together;
	 * libcue stops reading a string at 1022 bytes. */
	if (strlen(v) > RCD_CUE_MAX_TEXT)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "%s text is %zu bytes long; CD-TEXT takes at most %u per item: shorten it", keyword,
				 strlen(v), RCD_CUE_MAX_TEXT);
	if (item == RAWCD_CDTEXT_UPC_ISRC && p->cur)
		return fail(p, ln, "UPC_EAN belongs to the disc: move it before the first TRACK (a track's code is ISRC)");
	struct rawcd_cdtext *ct = p->cur ? &p->cur->cdtext : &p->disc->cdtext;
	if (ct->item[item])
		rcd_warn(p->diag, p->sheet, ln->number, "%s given twice; the later one is kept",
			 keyword);
	char *copy = strdup(v);
	if (!copy)
		return RAWCD_E_NOMEM;
	free(ct->item[item]);
	ct->item[item] = copy;
	if (!rcd_utf8_valid(copy)) {
		if (!ct->not_utf8)
			rcd_warn(p->diag, p->sheet, ln->number,
				 "%s text is not UTF-8 (Latin-1 or a Windows code page?): kept as bytes",
				 keyword);
		ct->not_utf8 = true;
	}
	return RAWCD_OK;
}

static int st_cdtextfile(struct parser *p, const struct rcd_cue_line *ln)
{
	int rc = expect_args(p, ln, 1, "CDTEXTFILE \"name\"");
	if (rc)
		return rc;
	if (p->cur)
		return fail(p, ln, "CDTEXTFILE belongs to the disc: move it before the first TRACK");
	if (p->cdtextfile_line)
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "CDTEXTFILE given twice (first on line %u): a disc has one CD-TEXT file: keep one",
				 p->cdtextfile_line);
	p->cdtextfile_line = ln->number;
	if (strlen(ln->tok[1].text) > RCD_CUE_MAX_TEXT)
		return fail(p, ln, "CDTEXTFILE name is too long: name a file beside the sheet");
	free(p->disc->cdtextfile);
	p->disc->cdtextfile = strdup(ln->tok[1].text);
	p->disc->cdtextfile_line = ln->number;
	return p->disc->cdtextfile ? RAWCD_OK : RAWCD_E_NOMEM;
}

/* REM LEAD-OUT: the length of the lead-out of the session whose tracks came before it. */
static int rem_leadout(struct parser *p, const struct rcd_cue_line *ln, uint32_t len)
{
	struct rawcd_disc *d = p->disc;
	if (!d->session_count) {
		rcd_warn(p->diag, p->sheet, ln->number, "REM LEAD-OUT before any TRACK has no session to end: "
			 "the lead-out keeps its 6750 sectors (move the line after the session's tracks)");
		return RAWCD_OK;
	}
	if (p->leadout_line)
		rcd_warn(p->diag, p->sheet, ln->number, "REM LEAD-OUT given twice for session %02u (first on line "
			 "%u): the later one is kept", d->sessions[d->session_count - 1].number, p->leadout_line);
	d->sessions[d->session_count - 1].leadout_length = len;
	p->leadout_line = ln->number;
	return RAWCD_OK;
}

/* REM SESSION nn, REM LEAD-OUT mm:ss:ff and REM LEAD-IN mm:ss:ff: Redump's multisession sheets. */
static int rem_redump(struct parser *p, const struct rcd_cue_line *ln)
{
	if (ln->count < 2)
		return RAWCD_OK;
	const char *key = ln->tok[1].text;
	struct rawcd_disc *d = p->disc;
	if (strcasecmp(key, "SESSION") == 0) {
		unsigned n;
		if (ln->count != 3 || !parse_uint(ln->tok[2].text, 2, &n))
			return fail(p, ln, "REM SESSION needs a session number: write REM SESSION nn");
		unsigned want = d->track_count ? d->tracks[d->track_count - 1].session + 1 : 1;
		if (n != want && !(n == 1 && !d->track_count))
			return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
					 "REM SESSION %02u: the next session is %02u (sessions go up by one)", n, want);
		if (p->cur && !has_index1(p->cur))
			return missing_index1(p, ln->number);
		p->next_session = n;
		return RAWCD_OK;
	}
	bool out = strcasecmp(key, "LEAD-OUT") == 0, in = strcasecmp(key, "LEAD-IN") == 0;
	if (!out && !in)
		return RAWCD_OK;
	uint32_t len;
	if (ln->count != 3 || !rawcd_msf_parse(ln->tok[2].text, &len))
		return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
				 "REM %s needs a length: write REM %s mm:ss:ff", key, out ? "LEAD-OUT" : "LEAD-IN");
	if (out)
		return rem_leadout(p, ln, len);
	/* A lead-in belongs to the session that the next TRACK opens; kept until then. */
	if (p->leadin_line)
		rcd_warn(p->diag, p->sheet, ln->number, "REM LEAD-IN given twice before one session (first on "
			 "line %u): the later one is kept", p->leadin_line);
	p->pending_leadin = len;
	p->leadin_line = ln->number;
	return RAWCD_OK;
}

static int st_rem(struct parser *p, const struct rcd_cue_line *ln)
{
	int rc = rem_redump(p, ln);
	if (rc)
		return rc;
	struct rawcd_disc *d = p->disc;
	if (!grow((void **)&d->rems, &p->cap_rems, d->rem_count, sizeof(*d->rems)))
		return RAWCD_E_NOMEM;
	char *text = strdup(ln->rest);
	if (!text)
		return RAWCD_E_NOMEM;
	d->rems[d->rem_count++] = (struct rawcd_rem){
		.text = text, .line = ln->number, .track = p->cur ? (int)(p->cur - d->tracks) : -1};
	return RAWCD_OK;
}

static const struct {
	const char *keyword;
	statement_fn fn;
} statements[] = {
	{"REM", st_rem},           {"CATALOG", st_catalog}, {"CDTEXTFILE", st_cdtextfile},
	{"FILE", st_file},         {"TRACK", st_track},     {"INDEX", st_index},
	{"FLAGS", st_flags},       {"ISRC", st_isrc},       {"PREGAP", st_pregap},
	{"POSTGAP", st_postgap},   {"TITLE", st_cdtext},    {"PERFORMER", st_cdtext},
	{"SONGWRITER", st_cdtext}, {"COMPOSER", st_cdtext}, {"ARRANGER", st_cdtext},
	{"MESSAGE", st_cdtext},    {"DISC_ID", st_cdtext},  {"GENRE", st_cdtext},
	{"UPC_EAN", st_cdtext},
};

static int statement(struct parser *p, const struct rcd_cue_line *ln)
{
	if (ln->unterminated)
		return fail(p, ln, "a quote is opened and not closed: end the text with \"");
	const char *kw = ln->tok[0].text;
	bool rem = strcasecmp(kw, "REM") == 0;
	if (ln->too_many && !rem)
		return fail(p, ln, "too many words on one line: write one statement a line");
	for (size_t i = 0; i < sizeof(statements) / sizeof(statements[0]); i++)
		if (strcasecmp(kw, statements[i].keyword) == 0)
			return statements[i].fn(p, ln);
	return rcd_error(p->diag, RAWCD_E_SYNTAX, p->sheet, ln->number,
			 "unknown keyword \"%.40s\": a CUE line starts with FILE, TRACK, INDEX, PREGAP, POSTGAP, "
			 "FLAGS, ISRC, CATALOG, CDTEXTFILE, a CD-TEXT keyword or REM", kw);
}

/* The session's disc type for A0 PSEC (ECMA-130 §22.3.4.2; MMC-6 table 477): CD-i 10h, CD-ROM XA 20h
 * when any track is Mode 2, else 00h. */
static void set_disc_types(struct rawcd_disc *d)
{
	for (size_t s = 0; s < d->session_count; s++) {
		struct rawcd_session *ses = &d->sessions[s];
		ses->disc_type = 0x00;
		for (size_t i = 0; i < ses->track_count; i++) {
			enum rawcd_track_mode m = d->tracks[ses->first_track + i].mode;
			if (m == RAWCD_MODE_CDI_2336 || m == RAWCD_MODE_CDI_2352)
				ses->disc_type = 0x10;
			else if ((m == RAWCD_MODE_MODE2_2336 || m == RAWCD_MODE_MODE2_2352) && ses->disc_type == 0)
				ses->disc_type = 0x20;
		}
	}
}

/* What the sheet says that nothing on the disc takes: a FILE no INDEX points into, a REM LEAD-IN that
 * no TRACK follows. Said once each, at its line. */
static void warn_unused(struct parser *p)
{
	const struct rawcd_disc *d = p->disc;
	for (size_t f = 0; f < d->file_count; f++) {
		bool used = false;
		for (size_t i = 0; i < d->track_count && !used; i++)
			for (size_t j = 0; j < d->tracks[i].index_count && !used; j++)
				used = d->tracks[i].indexes[j].file == f;
		if (!used)
			rcd_warn(p->diag, p->sheet, d->files[f].line, "FILE \"%s\" has no INDEX: none of its bytes "
				 "are on the disc (remove the line, or add its TRACK and INDEX lines)",
				 d->files[f].name);
	}
	if (p->leadin_line)
		rcd_warn(p->diag, p->sheet, p->leadin_line, "REM LEAD-IN after the last TRACK: no session follows "
			 "it, so it is not used (remove it, or move it before the session's first TRACK)");
}

int rcd_cue_build(struct rawcd_disc *disc, const struct rcd_cue_lexed *lx, rawcd_diag *diag)
{
	struct parser p = {.disc = disc, .diag = diag, .sheet = disc->sheet_path, .next_session = 1};
	for (size_t i = 0; i < lx->count; i++) {
		int rc = statement(&p, &lx->lines[i]);
		if (rc)
			return rc;
	}
	unsigned last = lx->last_line ? lx->last_line : 1;
	if (disc->track_count == 0)
		return rcd_error(diag, RAWCD_E_SYNTAX, p.sheet, last,
				 "the sheet has no TRACK: add TRACK and INDEX 01 lines under a FILE");
	if (!has_index1(p.cur))
		return missing_index1(&p, last);
	if (p.next_session != disc->tracks[disc->track_count - 1].session)
		return rcd_error(diag, RAWCD_E_SYNTAX, p.sheet, last,
				 "REM SESSION %02u has no TRACK: remove it or add the session's tracks",
				 p.next_session);
	warn_unused(&p);
	set_disc_types(disc);
	return RAWCD_OK;
}
