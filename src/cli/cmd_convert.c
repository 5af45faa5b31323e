/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd convert IN.cue -o OUT: the raw image of a disc (DESIGN.md §3). SIGINT and SIGTERM stop it
 * cleanly: the library sees the flag between batches and removes its temporary files. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_json.h"

struct progress {
	double start, last;
	bool tty;
	enum rawcd_image_format format;
};

static void show_progress(void *user, uint64_t done, uint64_t total)
{
	struct progress *p = user;
	if (cli_json_progress()) {
		cli_json_progress_line("writing", done, total, cli_json_sector_bytes(p->format), NULL);
		return;
	}
	double t = cli_now();
	if (!p->tty || (t - p->last < 0.25 && done < total))
		return;
	p->last = t;
	double secs = t - p->start, mb = (double)done * RAWCD_SECTOR_SIZE / 1e6;
	double rate = secs > 0 ? mb / secs : 0, left = done ? secs * (double)(total - done) / (double)done : 0;
	fprintf(stderr, "\r%5.1f%%  %7.1f MB/s  %3.0f s left ", total ? 100.0 * (double)done / (double)total : 100.0,
		rate, left);
	if (done == total)
		fputs("\r\033[K", stderr);
}

struct convert_args {
	const char *input, *output;
	bool force, quiet;
	struct rawcd_layout_options layout;
	struct rawcd_image_options image;
};

static bool parse_sectors(const char *text, uint32_t max, uint32_t *out)
{
	char *end;
	unsigned long v = strtoul(text, &end, 10);
	if (!*text || *end || v > max || text[0] == '-')
		return false;
	*out = (uint32_t)v;
	return true;
}

static int parse_format(struct convert_args *a, const char *name)
{
	static const struct {
		const char *name;
		enum rawcd_image_format format;
	} formats[] = {
		{"bin", RAWCD_IMAGE_BIN},     {"clonecd", RAWCD_IMAGE_CLONECD},   {"raw96", RAWCD_IMAGE_RAW96},
		{"packed96", RAWCD_IMAGE_PACKED96}, {"pq16", RAWCD_IMAGE_PQ16}, {"toc", RAWCD_IMAGE_TOC},
	};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(name, formats[i].name) == 0) {
			a->image.format = formats[i].format;
			return 0;
		}
	return cli_usage_error("--format %s: use bin, clonecd, raw96, packed96, pq16 or toc", name);
}

static int parse_args(struct convert_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
		{"force", no_argument, NULL, 'F'},        {"quiet", no_argument, NULL, 'q'},
		{"capacity", required_argument, NULL, 'c'}, {"lead-in", optional_argument, NULL, 'I'},
		{"lead-out", optional_argument, NULL, 'O'}, {"help", no_argument, NULL, 'h'},
		{"json", no_argument, NULL, 'j'},         {"progress", required_argument, NULL, 'P'}, 
		{"regenerate-subcode", no_argument, NULL, 'R'}, {"split", no_argument, NULL, 'S'},
		{"scrambled", no_argument, NULL, 's'}, {0}};
	int c;
	while ((c = getopt_long(argc, argv, "o:f:Fqc:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': a->output = optarg; break;
		case 'f':
			if (parse_format(a, optarg))
				return EXIT_BAD_INPUT;
			break;
		case 'F': a->force = true; break;
		case 'S': a->image.split = true; break;
		case 's': a->image.scrambled = true; break;
		case 'q': a->quiet = true; break;
		case 'R': a->image.regenerate_subcode = true; break;
		case 'c':
			if (!cli_parse_capacity(optarg, &a->layout.capacity_lba))
				return cli_usage_error("--capacity %s: give sectors (359849) or the last lead-out "
						       "MSF (79:59:74)", optarg);
			break;
		case 'I':
			a->image.leadin_sectors = RAWCD_LEADIN_SECTORS;
			if (optarg && !parse_sectors(optarg, (uint32_t)-RAWCD_LBA_MIN, &a->image.leadin_sectors))
				return cli_usage_error("--lead-in=%s: give sectors before LBA 0, at most 45150", optarg);
			break;
		case 'O':
			a->image.leadout_sectors = RAWCD_LEADOUT_DEFAULT;
			if (optarg && !parse_sectors(optarg, 1000000, &a->image.leadout_sectors))
				return cli_usage_error("--lead-out=%s: give a number of sectors", optarg);
			break;
		case 'j': break; /* cli_json_final() */
		case 'P':
			if (!cli_json_parse_progress(optarg))
				return EXIT_BAD_INPUT;
			break;
		case 'h': cli_help("convert"); return -1;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind + 1 != argc || !a->output)
		return cli_usage_error("usage: rawcd convert IN -o OUT [--format bin|toc|clonecd|raw96|packed96|pq16] "
				       "[--split] [--scrambled] [--lead-in[=N]] [--lead-out[=N]] [--regenerate-subcode] "
				       "[--force] [--quiet] [--json] [--progress=json]");
	a->input = argv[optind];
	return 0;
}

static int64_t stored_sectors(const struct rawcd_disc *disc)
{
	int64_t n = 0;
	for (size_t i = 0; i < disc->extent_count; i++)
		n += disc->extents[i].sectors;
	return n;
}

/* The files written: OUT.bin (or the first and last track file) and the sheet. */
static void print_files(const struct convert_args *a, const struct rawcd_disc *disc)
{
	bool toc = a->image.format == RAWCD_IMAGE_TOC;
	const char *base = strrchr(a->output, '/') ? strrchr(a->output, '/') + 1 : a->output;
	const char *dot = strrchr(base, '.');
	int stem = (int)(dot && dot != base ? (size_t)(dot - a->output) : strlen(a->output));
	char *first = NULL, *last = NULL;
	if (!a->image.split) {
		fprintf(stderr, "%s and %.*s%s", a->output, stem, a->output, toc ? ".toc" : ".cue");
		return;
	}
	rawcd_image_split_path(&first, disc, a->output, 0);
	rawcd_image_split_path(&last, disc, a->output, disc->track_count - 1);
	if (disc->track_count == 1)
		fprintf(stderr, "%s", first ? first : "?");
	else
		fprintf(stderr, "%zu track files \"%s\" … \"%s\"", disc->track_count, first ? first : "?",
			last ? last : "?");
	fprintf(stderr, " and %.*s%s", stem, a->output, toc ? ".toc" : ".cue");
	free(first);
	free(last);
}

static void print_scram(const struct convert_args *a)
{
	const char *base = strrchr(a->output, '/') ? strrchr(a->output, '/') + 1 : a->output;
	size_t n = strlen(a->output), stem = n;
	if (n > 4 && strcmp(a->output + n - 4, ".bin") == 0 && base < a->output + n - 4)
		stem = n - 4;
	else if (n > 6 && strcmp(a->output + n - 6, ".scram") == 0 && base < a->output + n - 6)
		stem = n - 6;
	fprintf(stderr, "%.*s.scram (redumper's layout: data sectors scrambled, the lead-in before LBA -150 "
		"zero)", (int)stem, a->output);
}

static void print_summary(const struct convert_args *a, const struct rawcd_disc *disc, double secs)
{
	static const char *const what[] = {"and its CUE sheet", "as CloneCD .img, .sub and .ccd",
					   "with raw P-W (2448-byte sectors)", "with packed P-W (2448-byte sectors)",
					   "with P and Q (2368-byte sectors)", ""};
	static const unsigned size[] = {2352, 2352, 2448, 2448, 2368, 2352};
	int64_t first = -(int64_t)a->image.leadin_sectors;
	int64_t sectors = rawcd_disc_leadout_lba(disc) - first + a->image.leadout_sectors;
	if (disc->session_count > 1 && (a->image.format == RAWCD_IMAGE_BIN || a->image.format == RAWCD_IMAGE_CLONECD))
		sectors = stored_sectors(disc); /* the gaps between sessions are not stored */
	if (a->image.scrambled) {
		first = RAWCD_SCRAM_FIRST_LBA;
		sectors = rawcd_disc_leadout_lba(disc) - first;
	}
	fputs("rawcd: wrote ", stderr);
	if (a->image.scrambled)
		print_scram(a);
	else if (a->image.format == RAWCD_IMAGE_TOC || a->image.split)
		print_files(a, disc);
	else
		fprintf(stderr, "%s %s", a->output, what[a->image.format]);
	fprintf(stderr, ": %lld sectors from LBA %lld, %.1f MB, in %.1f s\n", (long long)sectors, (long long)first,
		(double)sectors * size[a->image.format] / 1e6, secs);
}

int cmd_convert(int argc, char **argv)
{
	struct convert_args a = {.layout = RAWCD_LAYOUT_OPTIONS_INIT, .image = RAWCD_IMAGE_OPTIONS_INIT};
	int rc = parse_args(&a, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	cli_catch_stop_signals();
	signal(SIGXFSZ, SIG_IGN); /* past RLIMIT_FSIZE write() fails with EFBIG, reported, instead of a kill */
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_creator *creator = NULL;
	struct progress prog = {.start = cli_now(), .tty = !a.quiet && isatty(STDERR_FILENO) && !cli_json_progress(),
				.format = a.image.format};
	rc = rawcd_creator_load(&creator, a.input, &a.layout, diag);
	const struct rawcd_disc *disc = rawcd_creator_disc(creator);
	if (rc == RAWCD_OK) {
		/* the raw formats are the creator's result image (creator.h): rawcd_image_write() makes the
		 * records with its record path, and adds the two-thread pipeline, the temporary files renamed
		 * into place, cancelling and progress */
		struct rawcd_image_options opts = a.image;
		opts.force = a.force;
		opts.progress = show_progress;
		opts.progress_user = &prog;
		opts.cancel = &cli_stop_signal;
		rc = rawcd_image_write(disc, a.output, &opts, diag);
	}
	if (!a.quiet || rc || cli_json_final())
		cli_print_diag(diag);
	if (rc == RAWCD_E_CANCELED)
		cli_message(RAWCD_SEV_ERROR, "stopped by %s; no output was left behind", cli_stop_signal_name());
	else if (rc == RAWCD_OK && !a.quiet && !cli_json_final() && !cli_json_progress())
		print_summary(&a, disc, cli_now() - prog.start);
	if (cli_json_final())
		cli_json_convert(a.output, &a.image, rc == RAWCD_OK ? disc : NULL, rawcd_error_exit_status(rc));
	rawcd_creator_free(creator);
	rawcd_diag_free(diag);
	return rawcd_error_exit_status(rc);
}
