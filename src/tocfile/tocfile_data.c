/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The data of a TOC track (cdrdao(1) "Track Specification"): SILENCE, ZERO, FILE / AUDIOFILE, DATAFILE
 * (FIFO is refused), PREGAP, START and INDEX. Each piece of data becomes one rawcd_file: a ZERO file for
 * SILENCE, ZERO and PREGAP, else the named file with its byte offset (`#offset` plus the start) and
 * length. Lengths and positions are in samples (audio, 4 bytes each) or bytes (data) when plain numbers,
 * in blocks of the track's mode when mm:ss:ff (cdrdao(1): the block grows by 96 with RW or RW_RAW). */
#include "tocfile/tocfile_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rawcd/error.h"
#include "util/diag.h"
#include "util/path.h"

static int next(struct rcd_toc_parser *p)
{
	int rc = rcd_toc_lex_next(&p->lx);
	if (rc && !p->rc)
		p->rc = rc;
	return rc;
}

/* Bytes of one block of the track's data as a file holds it. */
static unsigned file_block(const struct rawcd_track *t, const struct rcd_toc_track_extra *x)
{
	unsigned b = rawcd_track_mode_file_sector_size(t->mode);
	return t->mode == RAWCD_MODE_CDG ? b : b + x->sub_mode;
}

/* A length or position: MSF in blocks of @p block bytes, a number in samples (audio) or bytes. */
static bool take_amount(struct rcd_toc_parser *p, const struct rawcd_track *t, unsigned block, uint64_t *bytes)
{
	if (p->lx.tok.kind == RCD_TOK_MSF)
		*bytes = p->lx.tok.value * block;
	else if (p->lx.tok.kind == RCD_TOK_NUMBER)
		*bytes = p->lx.tok.value * (rawcd_track_mode_is_audio(t->mode) ? 4u : 1u);
	else
		return false;
	next(p);
	return true;
}

static int grow_files(struct rcd_toc_parser *p)
{
	struct rawcd_disc *d = p->disc;
	if (d->file_count < p->file_cap)
		return RAWCD_OK;
	size_t cap = p->file_cap ? p->file_cap * 2 : 16;
	struct rawcd_file *f = realloc(d->files, cap * sizeof(*f));
	if (!f)
		return RAWCD_E_NOMEM;
	d->files = f;
	p->file_cap = cap;
	return RAWCD_OK;
}

static struct rawcd_file *add_piece(struct rcd_toc_parser *p, size_t ti, enum rawcd_file_type type, unsigned line)
{
	int rc = grow_files(p);
	if (rc) {
		p->rc = rc;
		return NULL;
	}
	struct rawcd_file *f = &p->disc->files[p->disc->file_count++];
	*f = (struct rawcd_file){.type = type, .line = line};
	p->extra[ti].file_count++;
	return f;
}

static int add_zero(struct rcd_toc_parser *p, size_t ti, uint64_t bytes, unsigned line)
{
	struct rawcd_file *f = add_piece(p, ti, RAWCD_FILE_ZERO, line);
	if (f)
		f->bytes = bytes;
	return p->rc;
}

static int need_amount(struct rcd_toc_parser *p, size_t ti, const char *keyword, unsigned line, unsigned block,
		       uint64_t *bytes)
{
	if (take_amount(p, &p->disc->tracks[ti], block, bytes))
		return p->rc;
	char d[64];
	return rcd_toc_fail(p, line, "%s needs a length: mm:ss:ff, or a number of %s, not %s", keyword,
			    rawcd_track_mode_is_audio(p->disc->tracks[ti].mode) ? "samples" : "bytes",
			    rcd_toc_describe(&p->lx, d, sizeof(d)));
}

/* SILENCE length | ZERO [mode] [RW | RW_RAW] length */
static int parse_zero(struct rcd_toc_parser *p, size_t ti, bool silence)
{
	const struct rawcd_track *t = &p->disc->tracks[ti];
	unsigned line = p->lx.tok.line;
	if (next(p))
		return p->rc;
	static const char *const modes[] = {"AUDIO", "MODE0", "MODE1", "MODE1_RAW", "MODE2", "MODE2_FORM1",
					    "MODE2_FORM2", "MODE2_FORM_MIX", "MODE2_RAW", "RW", "RW_RAW"};
	for (size_t i = 0; !silence && i < sizeof(modes) / sizeof(modes[0]); i++)
		if (rcd_toc_is(&p->lx, modes[i])) { /* the piece takes the track's mode (cdrdao writes the same) */
			if (next(p))
				return p->rc;
			i = (size_t)-1;
		}
	uint64_t bytes = 0;
	if (need_amount(p, ti, silence ? "SILENCE" : "ZERO", line, rawcd_track_mode_file_sector_size(t->mode), &bytes))
		return p->rc;
	return add_zero(p, ti, bytes, line);
}

static bool is_wave_name(const char *name)
{
	size_t n = strlen(name);
	return n >= 4 && strcasecmp(name + n - 4, ".wav") == 0;
}

/* "name" [SWAP] [# offset] : the named file of a piece, its type by name (cdrdao(1): a ".wav" name is a
 * WAVE file, any other name holds raw big-endian samples) and the data type of the track. */
static struct rawcd_file *parse_file_name(struct rcd_toc_parser *p, size_t ti, const char *keyword, bool audio_file)
{
	unsigned line = p->lx.tok.line;
	if (next(p))
		return NULL;
	if (p->lx.tok.kind != RCD_TOK_STRING || p->lx.tok.len == 0 || strlen(p->lx.tok.text) != p->lx.tok.len) {
		rcd_toc_fail(p, line, "%s needs a file name in double quotes", keyword);
		return NULL;
	}
	if (strcmp(p->lx.tok.text, "-") == 0) {
		rcd_toc_fail(p, line, "%s \"-\" reads standard input, which rawcd cannot measure: name a file", keyword);
		return NULL;
	}
	bool audio = rawcd_track_mode_is_audio(p->disc->tracks[ti].mode);
	enum rawcd_file_type type = !audio ? RAWCD_FILE_BINARY
		: audio_file && is_wave_name(p->lx.tok.text) ? RAWCD_FILE_WAVE : RAWCD_FILE_MOTOROLA;
	struct rawcd_file *f = add_piece(p, ti, type, line);
	if (!f)
		return NULL;
	f->name = p->lx.tok.text;
	p->lx.tok.text = NULL;
	f->path = rcd_path_beside(p->lx.path, f->name);
	if (!f->path || next(p)) {
		if (!f->path)
			p->rc = RAWCD_E_NOMEM;
		return NULL;
	}
	if (rcd_toc_is(&p->lx, "SWAP")) {
		f->swap = true;
		if (next(p))
			return NULL;
	}
	if (rcd_toc_is_punct(&p->lx, '#')) {
		if (next(p))
			return NULL;
		if (p->lx.tok.kind != RCD_TOK_NUMBER) {
			rcd_toc_fail(p, line, "%s: '#' needs a byte offset (a number) after it", keyword);
			return NULL;
		}
		f->byte_offset = p->lx.tok.value;
		if (next(p))
			return NULL;
	}
	return f;
}

/* FILE | AUDIOFILE "name" [SWAP] [#offset] start [length] */
static int parse_audio_file(struct rcd_toc_parser *p, size_t ti)
{
	const struct rawcd_track *t = &p->disc->tracks[ti];
	const char *kw = rcd_toc_is(&p->lx, "FILE") ? "FILE" : "AUDIOFILE";
	unsigned line = p->lx.tok.line;
	if (!rawcd_track_mode_is_audio(t->mode))
		return rcd_toc_fail(p, line, "%s is for audio tracks only, and track %02u is %s: use DATAFILE for data",
				    kw, t->number, rawcd_track_mode_name(t->mode));
	struct rawcd_file *f = parse_file_name(p, ti, kw, true);
	if (!f)
		return p->rc;
	uint64_t start = 0, length = 0;
	unsigned block = file_block(t, &p->extra[ti]);
	if (!take_amount(p, t, block, &start)) {
		char d[64];
		return rcd_toc_fail(p, line, "%s \"%s\" needs a start: mm:ss:ff or a number of samples (0 for the "
				    "beginning), not %s", kw, f->name, rcd_toc_describe(&p->lx, d, sizeof(d)));
	}
	take_amount(p, t, block, &length); /* omitted or 0: to the end of the file */
	f->byte_offset += start;
	f->byte_length = length;
	return p->rc;
}

/* DATAFILE "name" [SWAP] [#offset] [length] */
static int parse_datafile(struct rcd_toc_parser *p, size_t ti)
{
	const struct rawcd_track *t = &p->disc->tracks[ti];
	struct rawcd_file *f = parse_file_name(p, ti, "DATAFILE", false);
	if (!f)
		return p->rc;
	uint64_t length = 0;
	take_amount(p, t, file_block(t, &p->extra[ti]), &length);
	f->byte_length = length;
	return p->rc;
}

/* Sectors of the pieces given so far when all have a known size (SILENCE, ZERO), else UINT64_MAX. */
static uint64_t known_sectors(const struct rcd_toc_parser *p, size_t ti)
{
	const struct rcd_toc_track_extra *x = &p->extra[ti];
	unsigned size = rawcd_track_mode_file_sector_size(p->disc->tracks[ti].mode);
	uint64_t n = 0;
	for (size_t i = 0; i < x->file_count; i++) {
		const struct rawcd_file *f = &p->disc->files[x->first_file + i];
		if (f->type != RAWCD_FILE_ZERO)
			return UINT64_MAX;
		n += (f->bytes + size - 1) / size;
	}
	return n;
}

static int parse_start(struct rcd_toc_parser *p, size_t ti)
{
	struct rcd_toc_track_extra *x = &p->extra[ti];
	unsigned line = p->lx.tok.line;
	if (x->has_start || x->has_pregap)
		return rcd_toc_fail(p, line, "track %02u has %s already: give either one PREGAP or one START",
				    p->disc->tracks[ti].number, x->has_pregap ? "a PREGAP" : "a START");
	if (x->pos_count)
		return rcd_toc_fail(p, line, "START after INDEX: give START before the INDEX statements");
	x->has_start = true;
	x->start_line = line;
	if (next(p))
		return p->rc;
	if (p->lx.tok.kind == RCD_TOK_MSF) {
		x->start_sector = (uint32_t)p->lx.tok.value;
		return next(p);
	}
	x->start_at_end = true; /* "the current track length is used" */
	x->start_pieces = x->file_count;
	uint64_t known = known_sectors(p, ti);
	if (known != UINT64_MAX)
		x->start_sector = (uint32_t)(known > UINT32_MAX ? UINT32_MAX : known);
	return p->rc;
}

static int parse_pregap(struct rcd_toc_parser *p, size_t ti)
{
	struct rcd_toc_track_extra *x = &p->extra[ti];
	unsigned line = p->lx.tok.line;
	if (x->has_start || x->has_pregap || x->file_count)
		return rcd_toc_fail(p, line, "PREGAP must come before the track's data and instead of START: "
				    "move it up or use START");
	if (next(p))
		return p->rc;
	if (p->lx.tok.kind != RCD_TOK_MSF)
		return rcd_toc_fail(p, line, "PREGAP needs a length as mm:ss:ff");
	x->has_pregap = true;
	x->start_sector = (uint32_t)p->lx.tok.value;
	x->start_line = line;
	uint64_t bytes = p->lx.tok.value * rawcd_track_mode_file_sector_size(p->disc->tracks[ti].mode);
	if (next(p))
		return p->rc;
	return add_zero(p, ti, bytes, line);
}

static int parse_index(struct rcd_toc_parser *p, size_t ti)
{
	struct rcd_toc_track_extra *x = &p->extra[ti];
	unsigned line = p->lx.tok.line;
	if (next(p))
		return p->rc;
	if (p->lx.tok.kind != RCD_TOK_MSF)
		return rcd_toc_fail(p, line, "INDEX needs a position as mm:ss:ff (from the track's start)");
	uint32_t at = (uint32_t)p->lx.tok.value;
	if (x->pos_count + 2 > RAWCD_MAX_INDEX)
		return rcd_toc_fail(p, line, "more than 99 indexes in track %02u", p->disc->tracks[ti].number);
	uint32_t prev = x->pos_count ? x->pos[x->pos_count - 1].sector : 0;
	if (at <= prev)
		return rcd_toc_fail(p, line, "INDEX positions must increase and be after the track's start (00:00:00)");
	x->pos[x->pos_count] = (struct rcd_toc_piece_pos){.number = (unsigned)x->pos_count + 2, .sector = at, .line = line};
	x->pos_count++;
	return next(p);
}

static int parse_silence(struct rcd_toc_parser *p, size_t ti)
{
	return parse_zero(p, ti, true);
}

static int parse_zero_data(struct rcd_toc_parser *p, size_t ti)
{
	return parse_zero(p, ti, false);
}

static int refuse_fifo(struct rcd_toc_parser *p, size_t ti)
{
	(void)ti;
	return rcd_toc_fail(p, p->lx.tok.line, "FIFO reads a named pipe, which rawcd cannot measure or read "
			    "twice: write the data to a file and name it with FILE or DATAFILE");
}

/* The statements of a track's body, by keyword. */
static const struct {
	const char *word;
	int (*parse)(struct rcd_toc_parser *p, size_t ti);
} body[] = {
	{"SILENCE", parse_silence}, {"ZERO", parse_zero_data},  {"FILE", parse_audio_file},
	{"AUDIOFILE", parse_audio_file}, {"DATAFILE", parse_datafile}, {"FIFO", refuse_fifo},
	{"START", parse_start},     {"PREGAP", parse_pregap},   {"INDEX", parse_index},
};

/* One statement of the body; *done when the current token starts none (the next TRACK, the end). */
static int data_statement(struct rcd_toc_parser *p, size_t ti, bool *done)
{
	for (size_t i = 0; i < sizeof(body) / sizeof(body[0]); i++)
		if (rcd_toc_is(&p->lx, body[i].word))
			return body[i].parse(p, ti);
	*done = true;
	return RAWCD_OK;
}

int rcd_toc_parse_track_body(struct rcd_toc_parser *p, size_t ti)
{
	bool done = false;
	while (p->rc == RAWCD_OK && !done)
		data_statement(p, ti, &done);
	if (p->rc)
		return p->rc;
	const struct rawcd_track *t = &p->disc->tracks[ti];
	if (p->extra[ti].file_count == 0)
		return rcd_toc_fail(p, t->line, "track %02u has no data: add SILENCE, ZERO, FILE or DATAFILE after "
				    "TRACK", t->number);
	return RAWCD_OK;
}
