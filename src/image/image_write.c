/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_image_write(): checks the destinations, streams the sectors (and subcode) into temporary files,
 * writes the sheet (.cue or .ccd), and renames everything into place only when all of it succeeded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image/outfile.h"
#include "image/pipeline.h"
#include "image/sinks.h"
#include "image/split.h"
#include "image/stream_ext.h"
#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/msf.h"
#include "rawcd/stream.h"
#include "util/diag.h"
#include "util/path.h"

enum { OUT_MAIN, OUT_SUB, OUT_TEXT, OUT_COUNT };

struct job {
	const struct rawcd_disc *disc;
	const struct rawcd_image_options *opts;
	rawcd_diag *diag;
	char *path[OUT_COUNT];          /* NULL where the format has no such file */
	struct rcd_outfile out[OUT_COUNT];
	struct rawcd_cdtext_packs cdtext;
	struct rcd_split split;         /* --split: the track files (OUT_MAIN is then NULL) */
};

/* @p path with its extension (one of @p exts, or any when @p exts is NULL) replaced by @p ext. */
static char *with_extension(const char *path, const char *const *exts, const char *ext)
{
	const char *base = rcd_path_base(path);
	const char *dot = strrchr(base, '.');
	size_t stem = strlen(path);
	if (dot && dot != base) {
		bool known = !exts;
		for (size_t i = 0; exts && exts[i]; i++)
			known |= strcmp(dot, exts[i]) == 0;
		if (known)
			stem = (size_t)(dot - path);
	}
	char *out = malloc(stem + strlen(ext) + 1);
	if (out) {
		memcpy(out, path, stem);
		strcpy(out + stem, ext);
	}
	return out;
}

static int name_outputs(struct job *j, const char *out_path)
{
	static const char *const clonecd_exts[] = {".img", ".sub", ".ccd", NULL};
	static const char *const scram_exts[] = {".bin", ".scram", NULL};
	if (j->opts->scrambled) { /* checked with the request: BIN only */
		j->path[OUT_MAIN] = with_extension(out_path, scram_exts, ".scram");
		return j->path[OUT_MAIN] ? RAWCD_OK : RAWCD_E_NOMEM;
	}
	switch (j->opts->format) {
	case RAWCD_IMAGE_BIN:
	case RAWCD_IMAGE_TOC: {
		bool toc = j->opts->format == RAWCD_IMAGE_TOC;
		int rc = j->opts->split ? rcd_split_name(&j->split, j->disc, out_path) : RAWCD_OK;
		j->path[OUT_MAIN] = j->opts->split ? NULL : strdup(out_path);
		j->path[OUT_TEXT] = with_extension(out_path, NULL, toc ? ".toc" : ".cue");
		return rc == RAWCD_OK && (j->opts->split || j->path[OUT_MAIN]) && j->path[OUT_TEXT] ? rc : RAWCD_E_NOMEM;
	}
	case RAWCD_IMAGE_CLONECD:
		j->path[OUT_MAIN] = with_extension(out_path, clonecd_exts, ".img");
		j->path[OUT_SUB] = with_extension(out_path, clonecd_exts, ".sub");
		j->path[OUT_TEXT] = with_extension(out_path, clonecd_exts, ".ccd");
		return j->path[OUT_MAIN] && j->path[OUT_SUB] && j->path[OUT_TEXT] ? RAWCD_OK : RAWCD_E_NOMEM;
	default:
		j->path[OUT_MAIN] = strdup(out_path);
		return j->path[OUT_MAIN] ? RAWCD_OK : RAWCD_E_NOMEM;
	}
}

int rawcd_image_output_paths(char ***out, const char *out_path, enum rawcd_image_format format)
{
	if (!out || !out_path || (unsigned)format > RAWCD_IMAGE_PQ16)
		return RAWCD_E_ARG;
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.format = format;
	struct job j = {.opts = &opts};
	int rc = name_outputs(&j, out_path);
	char **list = rc == RAWCD_OK ? calloc(OUT_COUNT + 1, sizeof(*list)) : NULL;
	size_t n = 0;
	for (int k = 0; k < OUT_COUNT; k++)
		if (list && j.path[k])
			list[n++] = j.path[k];
		else
			free(j.path[k]);
	if (!list)
		return rc ? rc : RAWCD_E_NOMEM;
	*out = list;
	return RAWCD_OK;
}

void rawcd_image_output_paths_free(char **paths)
{
	for (size_t i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* An output must not be an input (not even with force), and must not exist without force. */
static int check_destination(const struct job *j, const char *path)
{
	const struct rawcd_disc *d = j->disc;
	struct stat st;
	if (stat(path, &st) != 0)
		return RAWCD_OK;
	if (S_ISDIR(st.st_mode))
		return rcd_error(j->diag, RAWCD_E_ARG, path, 0, "is a folder: name the image file to write");
	bool input = same_file(&st, d->sheet_path);
	for (size_t i = 0; i < d->file_count && !input; i++)
		input = same_file(&st, d->files[i].path);
	if (input)
		return rcd_error(j->diag, RAWCD_E_ARG, path, 0, "is one of the inputs: choose another output name");
	if (!j->opts->force)
		return rcd_error(j->diag, RAWCD_E_ARG, path, 0, "exists: use --force to replace it");
	return RAWCD_OK;
}

static int check_request(const struct job *j, const char *out_path)
{
	const struct rawcd_disc *d = j->disc;
	enum rawcd_image_format f = j->opts->format;
	bool raw = f == RAWCD_IMAGE_RAW96 || f == RAWCD_IMAGE_PACKED96 || f == RAWCD_IMAGE_PQ16;
	bool bin = f == RAWCD_IMAGE_BIN || f == RAWCD_IMAGE_TOC;
	if (j->opts->split && !bin)
		return rcd_error(j->diag, RAWCD_E_ARG, out_path, 0, "--split writes one BIN file per track: use it "
				 "with --format bin or toc");
	if (j->opts->scrambled && (f != RAWCD_IMAGE_BIN || j->opts->split))
		return rcd_error(j->diag, RAWCD_E_ARG, out_path, 0, "--scrambled writes one .scram image: use it "
				 "with --format bin and without --split");
	if (d->session_count > 1 && j->opts->scrambled)
		return rcd_error(j->diag, RAWCD_E_UNSUPPORTED, d->sheet_path, 0, "--scrambled: a multisession disc "
				 "cannot be written so yet: use --format raw96, packed96 or pq16");
	if (d->session_count > 1 && (f == RAWCD_IMAGE_TOC || j->opts->split))
		return rcd_error(j->diag, RAWCD_E_UNSUPPORTED, d->sheet_path, 0, "%s: a multisession disc cannot be "
				 "written so (a cdrdao TOC file holds one session; split files of several sessions are "
				 "not done yet): use --format clonecd, raw96, packed96 or pq16",
				 j->opts->split ? "--split" : "--format toc");
	/* BIN/CUE and CloneCD store each session's readable sectors back to back (session_map.h). */
	if (d->session_count > 1 && !raw && f != RAWCD_IMAGE_BIN && f != RAWCD_IMAGE_CLONECD)
		return rcd_error(j->diag, RAWCD_E_UNSUPPORTED, d->sheet_path, 0, "a multisession disc cannot be "
				 "written in this format yet: use bin, clonecd, raw96, packed96 or pq16");
	size_t n = strlen(out_path);
	if (n == 0 || out_path[n - 1] == '/' || (n >= 4 && strcasecmp(out_path + n - 4, ".cue") == 0) ||
	    (f == RAWCD_IMAGE_TOC && n >= 4 && strcasecmp(out_path + n - 4, ".toc") == 0))
		return rcd_error(j->diag, RAWCD_E_ARG, out_path, 0, "-o %s: name the image file (e.g. out.bin), "
				 "not a folder or a sheet: the sheet is written beside it", out_path);
	if (!raw && (j->opts->leadin_sectors || j->opts->leadout_sectors))
		return rcd_error(j->diag, RAWCD_E_ARG, out_path, 0, "--lead-in and --lead-out need a format with "
				 "subcode in each sector: raw96, packed96 or pq16");
	if (j->opts->leadin_sectors > (uint32_t)-RAWCD_LBA_MIN)
		return rcd_error(j->diag, RAWCD_E_ARG, out_path, 0, "a lead-in of %u sectors starts before "
				 "90:00:00: give at most 45150", j->opts->leadin_sectors);
	for (size_t i = 0; i < d->track_count; i++) {
		if (d->tracks[i].mode != RAWCD_MODE_CDG)
			continue;
		if (f == RAWCD_IMAGE_PACKED96)
			return rcd_error(j->diag, RAWCD_E_UNSUPPORTED, d->sheet_path, d->tracks[i].line, "track %02u "
					 "is CD+G, whose R–W is interleaved: use raw96 or clonecd", d->tracks[i].number);
		if (f == RAWCD_IMAGE_BIN)
			rcd_warn(j->diag, d->sheet_path, d->tracks[i].line, "track %02u is CD+G: a BIN image keeps "
				 "its 2352 audio bytes, not its R–W subcode (use clonecd or raw96)", d->tracks[i].number);
	}
	int rc = RAWCD_OK;
	for (int k = 0; k < OUT_COUNT && rc == RAWCD_OK; k++)
		if (j->path[k])
			rc = check_destination(j, j->path[k]);
	for (size_t i = 0; i < j->split.count && rc == RAWCD_OK; i++)
		rc = check_destination(j, j->split.path[i]);
	return rc;
}

static int write_text(struct job *j)
{
	char *text = NULL;
	int rc;
	if (j->opts->format == RAWCD_IMAGE_BIN || j->opts->format == RAWCD_IMAGE_TOC) {
		size_t count = j->split.count ? j->split.count : 1;
		const char **names = malloc(count * sizeof(*names));
		if (!names)
			return RAWCD_E_NOMEM;
		for (size_t i = 0; i < count; i++)
			names[i] = rcd_path_base(j->split.count ? j->split.path[i] : j->path[OUT_MAIN]);
		if (j->opts->format == RAWCD_IMAGE_TOC)
			rc = rawcd_image_toc_text(&text, j->disc, names, count, j->diag);
		else if (j->split.count)
			rc = rawcd_image_split_cue_text(&text, j->disc, names);
		else
			rc = rawcd_image_bin_cue_text(&text, j->disc, names[0]);
		free(names);
		if (rc == RAWCD_E_ARG)
			return rcd_error(j->diag, RAWCD_E_ARG, j->path[OUT_TEXT], 0, "a %s cannot name a file whose name "
					 "holds a double quote%s: choose another output name",
					 j->opts->format == RAWCD_IMAGE_TOC ? "TOC file" : "CUE sheet",
					 j->opts->format == RAWCD_IMAGE_TOC ? " or a backslash" : "");
	} else {
		rc = rcd_ccd_text(&text, j->disc, &j->cdtext);
	}
	if (rc == RAWCD_OK)
		rc = rcd_outfile_write(&j->out[OUT_TEXT], text, strlen(text), j->diag);
	free(text);
	return rc;
}

void rcd_image_stream_options(struct rawcd_stream_options *so, const struct rawcd_image_options *io)
{
	bool subcode = io->format != RAWCD_IMAGE_BIN && io->format != RAWCD_IMAGE_TOC;
	*so = (struct rawcd_stream_options)RAWCD_STREAM_OPTIONS_INIT;
	so->first_lba = -(int32_t)io->leadin_sectors;
	so->leadout_sectors = io->leadout_sectors;
	so->subcode = subcode;
	/* Raw images run on through the lead-out and lead-in between sessions; BIN and CloneCD leave them out. */
	so->session_gaps = subcode && io->format != RAWCD_IMAGE_CLONECD;
	so->regenerate_subcode = io->regenerate_subcode;
	so->scramble = io->scrambled;
	if (io->scrambled)
		so->first_lba = -RAWCD_MSF_LBA_OFFSET; /* track 1's pregap; the lead-in before it is a hole */
}

static int stream_all(struct job *j)
{
	bool subcode = j->opts->format != RAWCD_IMAGE_BIN && j->opts->format != RAWCD_IMAGE_TOC;
	struct rawcd_stream_options so;
	rcd_image_stream_options(&so, j->opts);
	so.cdtext = &j->cdtext;
	rawcd_stream *stream = NULL;
	int rc = rawcd_stream_new(&stream, j->disc, &so, j->diag);
	struct rcd_sink_state state = {0};
	struct rcd_sink sink;
	if (rc == RAWCD_OK)
		rc = rcd_sink_init(&state, &sink, j->opts->format, &j->out[OUT_MAIN],
				   j->path[OUT_SUB] ? &j->out[OUT_SUB] : NULL, j->split.count ? &j->split : NULL);
	if (rc == RAWCD_OK && j->opts->scrambled)
		rc = rcd_outfile_skip(&j->out[OUT_MAIN], (uint64_t)-(RAWCD_SCRAM_FIRST_LBA + RAWCD_MSF_LBA_OFFSET) *
				      RAWCD_SECTOR_SIZE, j->diag);
	if (rc == RAWCD_OK)
		rc = rcd_pipeline_run(stream, subcode, &sink, j->opts, j->diag);
	rcd_sink_finish(&state);
	rawcd_stream_free(stream);
	return rc;
}

/* Every output file of the job, track files first, the sheet last. */
static size_t all_outputs(struct job *j, struct rcd_outfile **list)
{
	size_t n = 0;
	for (size_t i = 0; i < j->split.count; i++)
		list[n++] = &j->split.out[i];
	for (int k = 0; k < OUT_COUNT; k++)
		if (j->path[k])
			list[n++] = &j->out[k];
	return n;
}

/* Sync every file, then rename them all; if a rename fails, the ones already in place are undone: the
 * files the destinations held before (--force) come back, or the new ones go. */
static int commit_all(struct job *j)
{
	struct rcd_outfile **list = malloc((j->split.count + OUT_COUNT) * sizeof(*list));
	if (!list)
		return RAWCD_E_NOMEM;
	size_t n = all_outputs(j, list), done = 0;
	int rc = RAWCD_OK;
	for (size_t k = 0; k < n && rc == RAWCD_OK; k++)
		rc = rcd_outfile_finish(list[k], j->diag);
	if (rc == RAWCD_OK && j->opts->cancel && *j->opts->cancel)
		rc = RAWCD_E_CANCELED;
	for (size_t k = 0; k < n && rc == RAWCD_OK; k++)
		rcd_outfile_keep_old(list[k]);
	for (; done < n && rc == RAWCD_OK; done++)
		rc = rcd_outfile_commit(list[done], j->diag);
	if (rc != RAWCD_OK)
		for (size_t k = 0; k + 1 < done; k++)
			rcd_outfile_restore(list[k]);
	free(list);
	return rc;
}

int rawcd_image_write(const struct rawcd_disc *disc, const char *out_path, const struct rawcd_image_options *opts,
		      rawcd_diag *diag)
{
	struct rawcd_image_options defaults = RAWCD_IMAGE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!disc || !disc->laid_out || !out_path || opts->version != RAWCD_IMAGE_OPTIONS_VERSION ||
	    (unsigned)opts->format > RAWCD_IMAGE_TOC)
		return RAWCD_E_ARG;
	struct job j = {.disc = disc, .opts = opts, .diag = diag};
	for (int k = 0; k < OUT_COUNT; k++)
		j.out[k].fd = -1;
	int rc = name_outputs(&j, out_path);
	if (rc == RAWCD_OK)
		rc = check_request(&j, out_path);
	if (rc == RAWCD_OK && opts->format != RAWCD_IMAGE_BIN && opts->format != RAWCD_IMAGE_TOC)
		rc = rawcd_cdtext_for_disc(&j.cdtext, disc, diag);
	else if (rc == RAWCD_OK)
		rc = rawcd_cdtext_file_check(disc, diag); /* only its line is copied: a warning if broken */
	for (size_t i = 0; i < j.split.count && rc == RAWCD_OK; i++)
		rc = rcd_outfile_open(&j.split.out[i], j.split.path[i], diag);
	for (int k = 0; k < OUT_COUNT && rc == RAWCD_OK; k++)
		if (j.path[k])
			rc = rcd_outfile_open(&j.out[k], j.path[k], diag);
	if (rc == RAWCD_OK)
		rc = stream_all(&j);
	if (rc == RAWCD_OK && j.path[OUT_TEXT])
		rc = write_text(&j);
	if (rc == RAWCD_OK)
		rc = commit_all(&j);
	for (int k = 0; k < OUT_COUNT; k++) {
		rcd_outfile_discard(&j.out[k]);
		free(j.path[k]);
	}
	rcd_split_free(&j.split);
	rawcd_cdtext_packs_finish(&j.cdtext);
	return rc;
}
