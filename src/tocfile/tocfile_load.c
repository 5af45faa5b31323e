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

/* The first keyword of a TOC file, past a leading CATALOG (CUE sheets start with CATALOG too, quoted or
 * not, then FILE): CD_DA, CD_ROM, CD_ROM_XA, CD_I or CD_TEXT, or TRACK followed by a mode word (in a CUE
 * sheet TRACK is followed by a number). */
bool rawcd_tocfile_sniff(const char *text, size_t len)
{
	static const char *const words[] = {"CD_DA", "CD_ROM_XA", "CD_ROM", "CD_I", "CD_TEXT", "TRACK", "CATALOG"};
	size_t i = skip_space(text, len, 0);
	for (int catalogs = 0; catalogs < 2; catalogs++) {
		size_t k, n = 0;
		for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
			n = strlen(words[k]);
			if (len - i >= n && memcmp(text + i, words[k], n) == 0 &&
			    (len - i == n || strchr(" \t\r\n{", text[i + n])))
				break;
		}
		if (k == sizeof(words) / sizeof(words[0]))
			return false;
		size_t j = skip_space(text, len, i + n);
		if (strcmp(words[k], "TRACK") == 0)
			return j < len && text[j] >= 'A' && text[j] <= 'Z';
		if (strcmp(words[k], "CATALOG") != 0)
			return true;
		while (j < len && !strchr(" \t\r\n", text[j])) /* the number, quoted or not */
			j++;
		i = skip_space(text, len, j);
	}
	return false;
}
