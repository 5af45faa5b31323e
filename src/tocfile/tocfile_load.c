/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The TOC reader's entry points: read the file, parse it (tocfile_parse.c), measure the pieces, place the
 * indexes, lay the disc out, and build the CD-TEXT of every block. Also recognises a TOC file by content. */
#include "rawcd/tocfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rawcd/error.h"
#include "tocfile/tocfile_internal.h"
#include "util/diag.h"
#include "util/text_file.h"

static void free_parser(struct rcd_toc_parser *p, struct rcd_toc_cdtext *out_text, struct rcd_toc_track_extra **out_extra)
{
	rcd_toc_lex_free(&p->lx);
	if (out_text)
		*out_text = p->text;
	else
		rcd_toc_cdtext_free(&p->text, p->disc ? p->disc->track_count : 0);
	if (out_extra)
		*out_extra = p->extra;
	else
		free(p->extra);
}

int rcd_tocfile_parse(const char *text, size_t len, const char *path, struct rawcd_disc **out,
		      struct rcd_toc_cdtext *out_text, struct rcd_toc_track_extra **out_extra, rawcd_diag *diag)
{
	struct rcd_toc_parser p = {0};
	for (int b = 0; b < RCD_TOC_MAX_BLOCKS; b++)
		p.text.language[b] = -1;
	p.disc = calloc(1, sizeof(*p.disc));
	if (!p.disc || !(p.disc->sheet_path = strdup(path))) {
		free(p.disc);
		return RAWCD_E_NOMEM;
	}
	p.disc->input_kind = RAWCD_INPUT_TOC;
	int rc = rcd_toc_lex_init(&p.lx, text, len, p.disc->sheet_path, diag);
	if (rc == RAWCD_OK)
		rc = rcd_toc_parse_statements(&p);
	if (rc == RAWCD_OK) {
		p.disc->sessions = calloc(1, sizeof(*p.disc->sessions));
		if (!p.disc->sessions)
			rc = RAWCD_E_NOMEM;
		else {
			p.disc->session_count = 1;
			p.disc->sessions[0] = (struct rawcd_session){.number = 1, .track_count = p.disc->track_count,
				.disc_type = p.disc_type, .leadout_length = 6750, .leadin_length = 4500};
		}
	}
	if (rc) {
		free_parser(&p, NULL, NULL);
		rawcd_disc_free(p.disc);
		return rc;
	}
	free_parser(&p, out_text, out_extra);
	*out = p.disc;
	return RAWCD_OK;
}

static int read_text(const char *path, char **out, size_t *len, rawcd_diag *diag)
{
	return rcd_read_text_file(path, RCD_TOC_MAX_FILE, "too large for a TOC file: name the TOC file, not the image", out, len, diag);
}

/* Measure the pieces, turn the positions into indexes, lay out, build the CD-TEXT. */
static int complete(struct rawcd_disc *d, struct rcd_toc_cdtext *text, struct rcd_toc_track_extra *extra,
		    const struct rawcd_layout_options *opts, rawcd_diag *diag)
{
	int rc = rcd_toc_provisional_indexes(d, extra, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_disc_load_files(d, diag);
	if (rc == RAWCD_OK)
		rc = rcd_toc_place_indexes(d, extra, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_disc_layout(d, opts, diag);
	if (rc == RAWCD_OK)
		rc = rcd_toc_cdtext_finish(d, text, diag);
	return rc;
}

int rawcd_tocfile_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag)
{
	if (!out || !path)
		return RAWCD_E_ARG;
	char *text = NULL;
	size_t len = 0;
	int rc = read_text(path, &text, &len, diag);
	if (rc)
		return rc;
	struct rawcd_disc *d = NULL;
	struct rcd_toc_cdtext cdtext = {0};
	struct rcd_toc_track_extra *extra = NULL;
	rc = rcd_tocfile_parse(text, len, path, &d, &cdtext, &extra, diag);
	free(text);
	if (rc)
		return rc;
	rc = complete(d, &cdtext, extra, opts, diag);
	rcd_toc_cdtext_free(&cdtext, d->track_count);
	free(extra);
	if (rc) {
		rawcd_disc_free(d);
		return rc;
	}
	*out = d;
	return RAWCD_OK;
}

static bool word_at(const char *text, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);
	return len - i >= n && memcmp(text + i, w, n) == 0 && (len - i == n || strchr(" \t\r\n{", text[i + n]));
}

static const char *const toc_only[] = {"CD_DA", "CD_ROM_XA", "CD_ROM", "CD_I", "CD_TEXT", "FIRST_TRACK_NO"};

/* A line (from @p i, past its blanks) that only a TOC file has: one of its own keywords, or TRACK followed by
 * a mode word (a CUE sheet's TRACK is followed by a number). -1: a CUE TRACK line, 0: says nothing. */
static int line_kind(const char *text, size_t len, size_t i)
{
	while (i < len && (text[i] == ' ' || text[i] == '\t'))
		i++;
	for (size_t k = 0; k < sizeof(toc_only) / sizeof(toc_only[0]); k++)
		if (word_at(text, len, i, toc_only[k]))
			return 1;
	if (!word_at(text, len, i, "TRACK"))
		return 0;
	size_t j = i + 5;
	while (j < len && (text[j] == ' ' || text[j] == '\t'))
		j++;
	return j < len && text[j] >= 'A' && text[j] <= 'Z' ? 1 : -1;
}

/* A TOC file: it opens with a // comment (a CUE sheet has none), or a line before its first TRACK starts
 * with a keyword only TOC files have (CATALOG may come first), or its first TRACK is followed by a mode
 * word. */
bool rawcd_tocfile_sniff(const char *text, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
		i++;
	if (len - i >= 2 && text[i] == '/' && text[i + 1] == '/')
		return true;
	for (; i < len; i++) {
		int kind = line_kind(text, len, i);
		if (kind)
			return kind > 0;
		while (i < len && text[i] != '\n')
			i++;
	}
	return false;
}
