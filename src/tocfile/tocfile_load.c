/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cdrdao TOC files: not read yet (the reader replaces this file). */
#include "rawcd/tocfile.h"

#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

int rawcd_tocfile_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag)
{
	(void)opts;
	if (!out || !path)
		return RAWCD_E_ARG;
	return rcd_error(diag, RAWCD_E_UNSUPPORTED, path, 0, "is a cdrdao TOC file, which rawcd cannot read yet: "
			 "convert it to a CUE sheet with cdrdao's toc2cue");
}

/* Skip blanks and // comments from @p i on. */
static size_t skip_space(const char *text, size_t len, size_t i)
{
	for (;;) {
		while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
			i++;
		if (i + 1 >= len || text[i] != '/' || text[i + 1] != '/')
			return i;
		while (i < len && text[i] != '\n')
			i++;
	}
}

/* The first keyword of a TOC file. CATALOG and TRACK start CUE sheets too: there CATALOG's number is not
 * quoted and TRACK is followed by a number, in a TOC file by a string and a mode. */
bool rawcd_tocfile_sniff(const char *text, size_t len)
{
	static const struct {
		const char *word;
		char next; /* what must follow the blank after it: '"', 'A' (a letter) or 0 (anything) */
	} first[] = {{"CD_DA", 0}, {"CD_ROM_XA", 0}, {"CD_ROM", 0}, {"CD_I", 0}, {"CD_TEXT", 0},
		     {"CATALOG", '"'}, {"TRACK", 'A'}};
	size_t i = skip_space(text, len, 0);
	for (size_t k = 0; k < sizeof(first) / sizeof(first[0]); k++) {
		size_t n = strlen(first[k].word);
		if (len - i < n || memcmp(text + i, first[k].word, n) != 0)
			continue;
		if (len - i > n && !strchr(" \t\r\n{", text[i + n]))
			continue;
		size_t j = skip_space(text, len, i + n);
		if (first[k].next == 0)
			return true;
		if (j < len && (first[k].next == '"' ? text[j] == '"' : (text[j] >= 'A' && text[j] <= 'Z')))
			return true;
	}
	return false;
}
