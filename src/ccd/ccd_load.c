/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_ccd_load(): read the .ccd, parse it, then find the .img and .sub beside it and measure the .img. */
#include "rawcd/ccd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ccd/ccd_internal.h"
#include "rawcd/error.h"
#include "util/diag.h"
#include "util/text_file.h"
#include "util/path.h"

static int read_text(const char *path, char **out, size_t *len, rawcd_diag *diag)
{
	return rcd_read_text_file(path, RCD_CCD_MAX_TEXT, "not a .ccd control file (the image itself is the .img)", out, len, diag);
}

/* @p path if it exists, else the single entry of its folder with the same name in another case (a
 * warning), else NULL. The result is malloc'd. */
static char *find_file(const char *path, const char *ccd, rawcd_diag *diag)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return strdup(path);
	const char *base = rcd_path_base(path);
	char *folder = rcd_path_folder(path);
	char *match = folder ? rcd_path_find_nocase(folder, base) : NULL;
	char *found = match ? rcd_path_join(folder, match) : NULL;
	if (found)
		rcd_warn(diag, ccd, 0, "\"%s\" is named \"%s\" on disk; using it", base, match);
	free(match);
	free(folder);
	return found;
}

/* The .img's real size into files[0].bytes, with a warning when it is not the lead-out's. */
static int measure_img(struct rawcd_disc *d, rawcd_diag *diag)
{
	struct rawcd_file *f = &d->files[0];
	char *path = find_file(f->path, d->sheet_path, diag);
	struct stat st;
	if (!path || stat(path, &st) != 0) {
		free(path);
		return rcd_error(diag, RAWCD_E_INPUT, d->sheet_path, 0, "its image \"%s\" is missing: a CloneCD image "
				 "is STEM.ccd, STEM.img and STEM.sub in one folder", f->path);
	}
	free(f->path);
	f->path = path;
	f->bytes = (uint64_t)st.st_size;
	uint64_t want = (uint64_t)f->sectors * RAWCD_SECTOR_SIZE;
	if (f->bytes < want)
		rcd_warn(diag, path, 0, "holds %llu bytes, %llu fewer than the %u sectors up to the lead-out: the "
			 "sectors after its end are missing", (unsigned long long)f->bytes,
			 (unsigned long long)(want - f->bytes), f->sectors);
	else if (f->bytes > want)
		rcd_warn(diag, path, 0, "holds %llu bytes after the lead-out at LBA %u: they are not inspected",
			 (unsigned long long)(f->bytes - want), f->sectors);
	return RAWCD_OK;
}

int rawcd_ccd_load(struct rawcd_disc **out, struct rawcd_ccd_info *info, const char *ccd_path, rawcd_diag *diag)
{
	if (!out || !ccd_path)
		return RAWCD_E_ARG;
	char *text = NULL;
	size_t len = 0;
	int rc = read_text(ccd_path, &text, &len, diag);
	if (rc)
		return rc;
	struct rawcd_disc *d = NULL;
	struct rawcd_ccd_info got = {0};
	rc = rawcd_ccd_parse(&d, &got, text, len, ccd_path, diag);
	free(text);
	if (rc == RAWCD_OK)
		rc = measure_img(d, diag);
	if (rc == RAWCD_OK) {
		char *sub = find_file(got.sub_path, ccd_path, diag);
		if (!sub)
			rcd_warn(diag, ccd_path, 0, "has no \"%s\" beside it: its subcode is generated "
				 "(inspect: not checked)", got.sub_path);
		free(got.sub_path);
		got.sub_path = sub;
	}
	if (rc) {
		rawcd_disc_free(d);
		rawcd_ccd_info_finish(&got);
		return rc;
	}
	*out = d;
	if (info)
		*info = got;
	else
		rawcd_ccd_info_finish(&got);
	return RAWCD_OK;
}
