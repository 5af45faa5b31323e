/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd inspect IMAGE.cue|IMAGE.ccd|IMAGE [--json] [--no-hash] [--sector-size N] [--first-lba N] [--quiet]:
 * every sector and its subcode checked, every track hashed (DESIGN.md §3). Exit 0 clean, 1 findings,
 * 2 bad usage or input, 3 I/O failure, 130 stopped by SIGINT/SIGTERM. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_json.h"
#include "cli/inspect_text.h"

struct inspect_args {
	const char *image;
	bool json, quiet, raw_options, first_lba_given;
	struct rawcd_inspect_options opts;
};

struct progress {
	double last;
	bool tty;
	unsigned sector_bytes;
};

static void show_progress(void *user, uint64_t done, uint64_t total)
{
	struct progress *p = user;
	if (cli_json_progress()) {
		cli_json_progress_line("inspecting", done, total, p->sector_bytes, NULL);
		return;
	}
	double t = cli_now();
	if (!p->tty || (t - p->last < 0.25 && done < total))
		return;
	p->last = t;
	fprintf(stderr, "\r%5.1f%% inspected ", total ? 100.0 * (double)done / (double)total : 100.0);
	if (done >= total)
		fputs("\r\033[K", stderr);
}

static bool parse_long(const char *text, long min, long max, long *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (!*text || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static int parse_args(struct inspect_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},          {"no-hash", no_argument, NULL, 'n'},
		{"sector-size", required_argument, NULL, 's'}, {"first-lba", required_argument, NULL, 'l'},
		{"quiet", no_argument, NULL, 'q'},         {"help", no_argument, NULL, 'h'},
		{"progress", required_argument, NULL, 'P'}, {0}};
	long v;
	int c;
	while ((c = getopt_long(argc, argv, "jnqh", opts, NULL)) != -1) {
		switch (c) {
		case 'j': a->json = true; break;
		case 'n': a->opts.hash = false; break;
		case 'q': a->quiet = true; break;
		case 's':
			if (!parse_long(optarg, 0, 4096, &v) || (v != 2352 && v != 2368 && v != 2448))
				return cli_usage_error("--sector-size %s: use 2352, 2368 (P and Q) or 2448 (P-W)", optarg);
			a->opts.sector_size = (unsigned)v;
			a->raw_options = true;
			break;
		case 'l':
			if (!parse_long(optarg, RAWCD_LBA_MIN, RAWCD_LBA_MAX, &v))
				return cli_usage_error("--first-lba %s: give an LBA from %d to %d (-22650 for an image "
						       "with IMAPI's lead-in)", optarg, RAWCD_LBA_MIN, RAWCD_LBA_MAX);
			a->opts.first_lba = (int32_t)v;
			a->raw_options = a->first_lba_given = true;
			break;
		case 'P':
			if (!cli_json_parse_progress(optarg))
				return EXIT_BAD_INPUT;
			break;
		case 'h': cli_help("inspect"); return -1;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("usage: rawcd inspect IMAGE.cue|IMAGE.ccd|IMAGE.bin [--json] [--no-hash] "
				       "[--sector-size 2352|2368|2448] [--first-lba N] [--quiet]");
	a->image = argv[optind];
	size_t n = strlen(a->image);
	bool sheet = n > 4 && (strcasecmp(a->image + n - 4, ".cue") == 0 || strcasecmp(a->image + n - 4, ".ccd") == 0);
	/* redumper's .scram starts 10 minutes before LBA 0 */
	if (!a->first_lba_given && n > 6 && strcasecmp(a->image + n - 6, ".scram") == 0)
		a->opts.first_lba = RAWCD_SCRAM_FIRST_LBA;
	if (sheet && a->raw_options)
		return cli_usage_error("--sector-size and --first-lba are for raw images; %s describes its own "
				       "layout", a->image);
	return 0;
}

static int print_report(const struct inspect_args *a, const struct rawcd_inspect_report *r)
{
	if (a->json) {
		char *json = NULL;
		int rc = rawcd_inspect_report_json(&json, r);
		if (rc)
			return rawcd_error_exit_status(rc);
		fputs(json, stdout);
		free(json);
	} else if (!a->quiet) {
		inspect_text_print(stdout, r);
	}
	if (!a->json) {
		if (r->total.bad_sectors)
			printf("%s: %llu of %llu sectors with findings\n", a->image,
			       (unsigned long long)r->total.bad_sectors, (unsigned long long)r->total.sectors);
		else
			printf("%s: %llu sectors, no findings\n", a->image, (unsigned long long)r->total.sectors);
	}
	return r->total.bad_sectors ? EXIT_FINDINGS : 0;
}

int cmd_inspect(int argc, char **argv)
{
	struct inspect_args a = {.opts = RAWCD_INSPECT_OPTIONS_INIT};
	int rc = parse_args(&a, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	cli_catch_stop_signals();
	struct progress prog = {.tty = !a.quiet && isatty(STDERR_FILENO) && !cli_json_progress(),
				.sector_bytes = a.opts.sector_size ? a.opts.sector_size : RAWCD_SECTOR_SIZE};
	a.opts.progress = show_progress;
	a.opts.progress_user = &prog;
	a.opts.cancel = &cli_stop_signal;
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_inspect_report *report = NULL;
	rc = rawcd_inspect_image(&report, a.image, &a.opts, diag);
	cli_print_diag(diag);
	if (rc == RAWCD_E_CANCELED)
		cli_message(RAWCD_SEV_ERROR, "stopped by %s", cli_stop_signal_name());
	else if (rc && rawcd_diag_error_count(diag) == 0)
		cli_message(RAWCD_SEV_ERROR, "%s: %s", a.image, rawcd_strerror(rc));
	rawcd_diag_free(diag);
	int status = rc ? rawcd_error_exit_status(rc) : print_report(&a, report);
	rawcd_inspect_report_free(report);
	return status;
}
