/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cue module's entry points: read a sheet, lex it, build the model, let libcue confirm it, and
 * resolve each FILE against the sheet's folder. */
#include "cue/cue_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "util/diag.h"
#include "util/path.h"

/* The folder a FILE name points into, with Windows separators turned round; the sheet's folder for a
 * bare name or a drive-letter path (C:\rips\a.wav). *base gets the last component. */
static char *folder_for(const char *name, const char *folder, const char **base)
{
	*base = name;
	for (const char *c = name; *c; c++)
		if (*c == '\\' || *c == '/')
			*base = c + 1;
	if (*base == name || strchr(name, ':'))
		return strdup(folder);
	char *sub = strndup(name, (size_t)(*base - name - 1));
	for (char *c = sub; c && *c; c++)
		if (*c == '\\')
			*c = '/';
	char *dir = sub ? rcd_path_join(folder, sub) : NULL;
	free(sub);
	return dir;
}

/* The exact name; else the same name in another case (real sheets say CDDA.BIN for cdda.bin), in the
 * named folder or the sheet's own. Each fallback is a warning. */
static int resolve_one(struct rawcd_file *f, const char *folder, const char *sheet, rawcd_diag *diag)
{
	f->path = rcd_path_join(folder, f->name);
	if (!f->path)
		return RAWCD_E_NOMEM;
	struct stat st;
	if (stat(f->path, &st) == 0 || errno != ENOENT)
		return RAWCD_OK;
	const char *base;
	char *dir = folder_for(f->name, folder, &base);
	if (!dir)
		return RAWCD_E_NOMEM;
	char *match = rcd_path_find_nocase(dir, base);
	if (match && strcmp(match, base) == 0 && strcmp(dir, folder) == 0) { /* a dangling link: no other name */
		free(match);
		match = NULL;
	}
	if (!match && strcmp(dir, folder) != 0) {
		free(dir);
		if (!(dir = strdup(folder)))
			return RAWCD_E_NOMEM;
		match = rcd_path_find_nocase(dir, base);
	}
	char *path = match ? rcd_path_join(dir, match) : NULL;
	free(match);
	free(dir);
	if (path) {
		rcd_warn(diag, sheet, f->line, "FILE \"%s\" does not exist; using \"%s\" (the same name in "
			 "another case or folder): correct the sheet to silence this", f->name, path);
		free(f->path);
		f->path = path;
	}
	return RAWCD_OK;
}

int rcd_cue_resolve_paths(struct rawcd_disc *disc, rawcd_diag *diag)
{
	char *folder = rcd_path_folder(disc->sheet_path);
	if (!folder)
		return RAWCD_E_NOMEM;
	int rc = RAWCD_OK;
	for (size_t i = 0; i < disc->file_count && rc == RAWCD_OK; i++)
		rc = resolve_one(&disc->files[i], folder, disc->sheet_path, diag);
	free(folder);
	return rc;
}

int rawcd_cue_parse(struct rawcd_disc **out, const char *text, size_t len, const char *sheet_path,
		    rawcd_diag *diag)
{
	if (!out || (!text && len) || !sheet_path)
		return RAWCD_E_ARG;
	struct rcd_cue_lexed lx;
	int rc = rcd_cue_lex(&lx, text ? text : "", len, sheet_path, diag);
	if (rc)
		return rc;
	struct rawcd_disc *disc = calloc(1, sizeof(*disc));
	if (!disc || !(disc->sheet_path = strdup(sheet_path))) {
		free(disc);
		rcd_cue_lexed_free(&lx);
		return RAWCD_E_NOMEM;
	}
	if (lx.had_bom)
		rcd_warn(diag, sheet_path, 1, "the sheet starts with a UTF-8 byte order mark; it is skipped");
	rc = rcd_cue_build(disc, &lx, diag);
	rcd_cue_lexed_free(&lx);
	if (rc == RAWCD_OK)
		rc = rcd_cue_libcue_merge(disc, diag);
	if (rc == RAWCD_OK)
		rc = rcd_cue_resolve_paths(disc, diag);
	if (rc != RAWCD_OK) {
		rawcd_disc_free(disc);
		return rc;
	}
	*out = disc;
	return RAWCD_OK;
}

int rawcd_cue_parse_file(struct rawcd_disc **out, const char *path, rawcd_diag *diag)
{
	if (!out || !path)
		return RAWCD_E_ARG;
	/* O_NONBLOCK: a FIFO with no writer must not hang the open; it is refused below. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot open the sheet: %s", strerror(errno));
	struct stat st;
	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, S_ISDIR(st.st_mode)
				 ? "this is a folder: name the .cue sheet itself"
				 : "this is not a regular file (a FIFO, a socket or a device): name the .cue sheet");
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return RAWCD_E_NOMEM;
	}
	char *buf = malloc(RCD_CUE_MAX_SHEET + 1);
	if (!buf) {
		fclose(f);
		return RAWCD_E_NOMEM;
	}
	size_t len = fread(buf, 1, RCD_CUE_MAX_SHEET + 1, f);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	int rc;
	if (err)
		rc = rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot read the sheet: %s", strerror(err));
	else if (len > RCD_CUE_MAX_SHEET)
		rc = rcd_error(diag, RAWCD_E_INPUT, path, 0,
			       "the sheet is over 1 MiB: this is not a CUE sheet (an image given instead?)");
	else
		rc = rawcd_cue_parse(out, buf, len, path, diag);
	free(buf);
	return rc;
}

int rawcd_cue_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		   rawcd_diag *diag)
{
	struct rawcd_disc *disc = NULL;
	int rc = rawcd_cue_parse_file(&disc, path, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_disc_load_files(disc, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_disc_layout(disc, opts, diag);
	if (rc != RAWCD_OK) {
		rawcd_disc_free(disc);
		return rc;
	}
	*out = disc;
	return RAWCD_OK;
}
