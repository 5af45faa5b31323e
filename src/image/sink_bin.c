/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_image_write() for BIN + CUE: checks the destinations, streams the sectors into a temporary BIN,
 * writes the sheet, and renames both into place only when everything succeeded. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image/outfile.h"
#include "image/pipeline.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/stream.h"
#include "util/diag.h"

/* x.bin → x.cue, x → x.cue */
static char *sheet_path_for(const char *bin)
{
	const char *base = strrchr(bin, '/') ? strrchr(bin, '/') + 1 : bin;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - bin) : strlen(bin);
	char *out = malloc(stem + 5);
	if (out) {
		memcpy(out, bin, stem);
		memcpy(out + stem, ".cue", 5);
	}
	return out;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* An output must not be an input (not even with force), and must not exist without force. */
static int check_destination(const struct rawcd_disc *d, const char *path, bool force, rawcd_diag *diag)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return RAWCD_OK;
	if (S_ISDIR(st.st_mode))
		return rcd_error(diag, RAWCD_E_ARG, path, 0, "is a folder: name the image file to write");
	bool input = same_file(&st, d->sheet_path);
	for (size_t i = 0; i < d->file_count && !input; i++)
		input = same_file(&st, d->files[i].path);
	if (input)
		return rcd_error(diag, RAWCD_E_ARG, path, 0, "is one of the inputs: choose another output name");
	if (!force)
		return rcd_error(diag, RAWCD_E_ARG, path, 0, "exists: use --force to replace it");
	return RAWCD_OK;
}

static int write_sheet(const struct rawcd_disc *d, struct rcd_outfile *out, const char *bin, rawcd_diag *diag)
{
	const char *base = strrchr(bin, '/') ? strrchr(bin, '/') + 1 : bin;
	char *text = NULL;
	int rc = rawcd_image_bin_cue_text(&text, d, base);
	if (rc == RAWCD_E_ARG)
		return rcd_error(diag, RAWCD_E_ARG, bin, 0, "a CUE sheet cannot name a file whose name holds a "
				 "double quote: choose another output name");
	if (rc == RAWCD_OK)
		rc = rcd_outfile_write(out, text, strlen(text), diag);
	free(text);
	return rc;
}

static int check_disc(const struct rawcd_disc *d, const char *bin, const char *cue, rawcd_diag *diag)
{
	if (!d->laid_out)
		return RAWCD_E_ARG;
	if (d->session_count > 1)
		return rcd_error(diag, RAWCD_E_UNSUPPORTED, d->sheet_path, 0, "a multisession disc cannot be "
				 "written as one BIN yet: convert each session's sheet on its own");
	size_t n = strlen(bin);
	if (n == 0 || bin[n - 1] == '/' || (n >= 4 && strcmp(bin + n - 4, ".cue") == 0))
		return rcd_error(diag, RAWCD_E_ARG, bin, 0, "-o names the image (e.g. out.bin); its CUE sheet "
				 "%s is written beside it", cue);
	for (size_t i = 0; i < d->track_count; i++)
		if (d->tracks[i].mode == RAWCD_MODE_CDG)
			rcd_warn(diag, d->sheet_path, d->tracks[i].line, "track %02u is CD+G: a BIN image keeps its "
				 "2352 audio bytes, not its R-W subcode (use a format with subcode)",
				 d->tracks[i].number);
	return RAWCD_OK;
}

int rawcd_image_write(const struct rawcd_disc *disc, const char *out_path, const struct rawcd_image_options *opts,
		      rawcd_diag *diag)
{
	struct rawcd_image_options defaults = RAWCD_IMAGE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!disc || !out_path || opts->version != RAWCD_IMAGE_OPTIONS_VERSION || opts->format != RAWCD_IMAGE_BIN)
		return RAWCD_E_ARG;
	char *cue = sheet_path_for(out_path);
	if (!cue)
		return RAWCD_E_NOMEM;
	struct rcd_outfile bin_out = {.fd = -1}, cue_out = {.fd = -1};
	rawcd_stream *stream = NULL;
	int rc = check_disc(disc, out_path, cue, diag);
	if (!rc)
		rc = check_destination(disc, out_path, opts->force, diag);
	if (!rc)
		rc = check_destination(disc, cue, opts->force, diag);
	if (!rc)
		rc = rawcd_stream_new(&stream, disc, NULL, diag);
	if (!rc)
		rc = rcd_outfile_open(&bin_out, out_path, diag);
	if (!rc)
		rc = rcd_outfile_open(&cue_out, cue, diag);
	if (!rc)
		rc = rcd_pipeline_run(stream, &bin_out, opts, diag);
	if (!rc)
		rc = write_sheet(disc, &cue_out, out_path, diag);
	if (!rc)
		rc = rcd_outfile_finish(&bin_out, diag);
	if (!rc)
		rc = rcd_outfile_finish(&cue_out, diag);
	if (!rc && opts->cancel && *opts->cancel)
		rc = RAWCD_E_CANCELED;
	if (!rc)
		rc = rcd_outfile_commit(&bin_out, diag);
	if (!rc) {
		rc = rcd_outfile_commit(&cue_out, diag);
		if (rc) /* the pair or nothing */
			unlink(out_path);
	}
	rawcd_stream_free(stream);
	rcd_outfile_discard(&bin_out);
	rcd_outfile_discard(&cue_out);
	free(cue);
	return rc;
}
