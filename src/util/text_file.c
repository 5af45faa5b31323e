/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small text inputs read whole (text_file.h). */
#include "util/text_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

int rcd_read_text_file(const char *path, size_t max, const char *too_big, char **out, size_t *len,
		       rawcd_diag *diag)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot be opened (%s): check the name", strerror(errno));
	char *buf = malloc(max + 1);
	size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (!buf)
		return RAWCD_E_NOMEM;
	if (err || n > max) {
		free(buf);
		return err ? rcd_error(diag, RAWCD_E_IO, path, 0, "cannot be read (%s)", strerror(err))
			   : rcd_error(diag, RAWCD_E_INPUT, path, 0, "is over 1 MiB, %s", too_big);
	}
	*out = buf;
	*len = n;
	return RAWCD_OK;
}
