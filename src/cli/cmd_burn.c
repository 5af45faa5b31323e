/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd burn IN --device DEV: burn the disc of a sheet, TOC file, CloneCD or raw image in raw DAO or SAO,
 * session by session (DESIGN.md §3, §5). SIGINT and
 * SIGTERM stop the writes: the library flushes the drive's cache and says what became of the disc. */
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_json.h"
#include "rawcd/burn.h"
#include "rawcd/transport.h"

#define SPEED_1X_TENTHS 1764 /* 1x = 176.4 kB/s */

struct burn_args {
	const char *input, *device;
	bool quiet;
	struct rawcd_burn_options opts;
};

struct progress {
	double start, last;
	bool tty;
};

static void show_progress(void *user, const struct rawcd_burn_progress *p)
{
	static const char *const phase[] = {"preparing", "lead-in", "program", "lead-out", "finishing", "verifying"};
	struct progress *pr = user;
	if (cli_json_progress()) {
		cli_json_burn_progress(p);
		return;
	}
	double t = cli_now();
	bool last = p->phase >= RAWCD_BURN_FINISHING;
	if (!pr->tty || (t - pr->last < 0.25 && !last))
		return;
	pr->last = t;
	char fill[16] = "?";
	if (p->buffer_fill >= 0)
		snprintf(fill, sizeof(fill), "%d%%", p->buffer_fill);
	double secs = t - pr->start, x = secs > 0 ? (double)p->done / secs / 75.0 : 0;
	fprintf(stderr, "\r\033[K%-9s %5.1f%%  LBA %7d  %5.1fx  buffer %s", phase[p->phase],
		p->total ? 100.0 * (double)p->done / (double)p->total : 0.0, p->next_lba, x, fill);
	if (last)
		fputs("\r\033[K", stderr);
}

/* --speed: a multiple of 1x ("16", "16x") or "max". */
static bool parse_speed(const char *text, uint16_t *out)
{
	if (strcmp(text, "max") == 0) {
		*out = 0;
		return true;
	}
	char *end;
	unsigned long v = strtoul(text, &end, 10);
	if (end == text || text[0] == '-' || (*end && strcmp(end, "x") != 0) || v == 0 || v > 255)
		return false;
	*out = (uint16_t)((v * SPEED_1X_TENTHS + 9) / 10);
	return true;
}

static int parse_mode(const char *name, enum rawcd_write_mode *out)
{
	static const enum rawcd_write_mode modes[] = {RAWCD_WRITE_RAW96R, RAWCD_WRITE_RAW16, RAWCD_WRITE_SAO};
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(name, rawcd_write_mode_name(modes[i])) == 0) {
			*out = modes[i];
			return 0;
		}
	return cli_usage_error("--write-mode %s: use raw96r, raw16 or sao", name);
}

static int parse_args(struct burn_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{"device", required_argument, NULL, 'd'}, {"simulate", no_argument, NULL, 's'},
		{"speed", required_argument, NULL, 'S'},  {"write-mode", required_argument, NULL, 'w'},
		{"no-bufe", no_argument, NULL, 'B'},      {"verify", no_argument, NULL, 'v'},
		{"eject", no_argument, NULL, 'e'},        {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},         {"json", no_argument, NULL, 'j'},
		{"progress", required_argument, NULL, 'P'}, 
		{"regenerate-subcode", no_argument, NULL, 'R'}, {"multi", no_argument, NULL, 'M'}, {0}};
	int c;
	while ((c = getopt_long(argc, argv, "d:sqh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': a->device = optarg; break;
		case 's': a->opts.simulate = true; break;
		case 'S':
			if (!parse_speed(optarg, &a->opts.write_speed))
				return cli_usage_error("--speed %s: give a multiple of 1x (1-255, e.g. 16 or 16x) "
						       "or max", optarg);
			break;
		case 'w':
			if (parse_mode(optarg, &a->opts.write_mode))
				return EXIT_BAD_INPUT;
			break;
		case 'B': a->opts.no_bufe = true; break;
		case 'v': a->opts.verify = true; break;
		case 'e': a->opts.eject = true; break;
		case 'R': a->opts.regenerate_subcode = true; break;
		case 'M': a->opts.multi = true; break;
		case 'q': a->quiet = true; break;
		case 'j': break; /* cli_json_final() */
		case 'P':
			if (!cli_json_parse_progress(optarg))
				return EXIT_BAD_INPUT;
			break;
		case 'h': cli_help("burn"); return -1;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind + 1 != argc || !a->device)
		return cli_usage_error("usage: rawcd burn IN --device DEV [--simulate] [--speed X] "
				       "[--write-mode raw96r|raw16|sao] [--multi] [--no-bufe] [--verify] [--eject]");
	a->input = argv[optind];
	return 0;
}

/* The parts of a verify, in the order the summary names them, and why one can go unchecked. */
static const struct {
	unsigned bit;
	const char *name, *why;
} verify_parts[] = {
	{RAWCD_VERIFY_TOC, "TOC", "the TOC could not be read"},
	{RAWCD_VERIFY_MCN, "MCN", "READ SUB-CHANNEL failed"},
	{RAWCD_VERIFY_ISRC, "ISRCs", "READ SUB-CHANNEL failed"},
	{RAWCD_VERIFY_CDTEXT, "CD-TEXT", "the drive refused READ TOC format 5"},
};
#define VERIFY_PARTS (sizeof verify_parts / sizeof verify_parts[0])

/* The parts whose bit is in @p bits; SIZE_MAX after the last. */
static size_t next_part(unsigned bits, size_t from)
{
	for (size_t i = from; i < VERIFY_PARTS; i++)
		if (bits & verify_parts[i].bit)
			return i;
	return SIZE_MAX;
}

/* "TOC, MCN and CD-TEXT" (the checked parts @p bits); returns how many. */
static size_t checked_list(char *out, size_t cap, unsigned bits)
{
	size_t n = 0, used = 0;
	out[0] = '\0';
	for (size_t i = next_part(bits, 0); i != SIZE_MAX && used < cap; i = next_part(bits, i + 1), n++) {
		const char *sep = n == 0 ? "" : next_part(bits, i + 1) == SIZE_MAX ? " and " : ", ";
		int k = snprintf(out + used, cap - used, "%s%s", sep, verify_parts[i].name);
		used += k > 0 ? (size_t)k : 0;
	}
	return n;
}

/* "the MCN, the ISRCs (READ SUB-CHANNEL failed), the CD-TEXT (...)": each reason once, after the last
 * part it explains. */
static void unchecked_list(char *out, size_t cap, unsigned bits)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = next_part(bits, 0); i != SIZE_MAX && used < cap; i = next_part(bits, i + 1)) {
		size_t next = next_part(bits, i + 1);
		bool why = next == SIZE_MAX || strcmp(verify_parts[next].why, verify_parts[i].why) != 0;
		int k = snprintf(out + used, cap - used, "%sthe %s%s%s%s", used ? ", " : "", verify_parts[i].name,
				 why ? " (" : "", why ? verify_parts[i].why : "", why ? ")" : "");
		used += k > 0 ? (size_t)k : 0;
	}
}

/* The verify's line: what was checked and matched, or how many differences; then what was not checked. */
static void print_verify(const struct rawcd_burn_result *r)
{
	unsigned all = 0, u = r->verify_unchecked;
	char checked[64], missing[192], tail[224] = "";
	if (u & RAWCD_VERIFY_TOC) {
		fputs("rawcd: verify: the disc could not be read back (see the error above): it counts as not "
		      "matching the sheet\n", stderr);
		return;
	}
	for (size_t i = 0; i < VERIFY_PARTS; i++)
		all |= verify_parts[i].bit;
	if (u) {
		unchecked_list(missing, sizeof missing, u);
		snprintf(tail, sizeof tail, "; not checked: %s", missing);
	}
	if (r->verify_mismatches) {
		fprintf(stderr, "rawcd: verify: %u difference%s between the disc and the sheet%s\n", r->verify_mismatches,
			r->verify_mismatches == 1 ? "" : "s", tail);
		return;
	}
	size_t n = checked_list(checked, sizeof checked, all & ~u);
	fprintf(stderr, "rawcd: verify: the disc's %s match%s the sheet%s\n", checked, n == 1 ? "es" : "", tail);
}

static void print_summary(const struct burn_args *a, const struct rawcd_burn_result *r, double secs)
{
	/* SAO with CD-TEXT sends the lead-in as 96-byte R-W blocks before the 2352-byte ones. */
	const char *leadin = r->mode == RAWCD_WRITE_SAO && r->cdtext_written ? "96-byte R-W blocks over the lead-in, "
									      "then " : "";
	fprintf(stderr, "rawcd: %s %s on %s: %llu sectors from LBA %d in %s (%s%zu-byte blocks), %.1f s, %u busy "
		"resends, %u recovered errors\n", a->opts.simulate ? "simulated burning" : "burned", a->input,
		a->device, (unsigned long long)r->written, r->first_lba, rawcd_write_mode_name(r->mode), leadin,
		r->block_size, secs, r->retries, r->recovered);
	if (r->verified)
		print_verify(r);
}

static int load(const struct burn_args *a, struct rawcd_disc **disc)
{
	/* The medium's ATIP decides what fits: lay out up to the largest address, the burn checks. */
	struct rawcd_layout_options layout = RAWCD_LAYOUT_OPTIONS_INIT;
	layout.capacity_lba = RAWCD_LBA_MAX;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_input_load(disc, a->input, &layout, diag);
	if (!a->quiet || rc)
		cli_print_diag(diag);
	rawcd_diag_free(diag);
	return rc;
}

int cmd_burn(int argc, char **argv)
{
	struct burn_args a = {.opts = RAWCD_BURN_OPTIONS_INIT};
	int rc = parse_args(&a, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	struct rawcd_disc *disc = NULL;
	rc = load(&a, &disc);
	if (rc)
		return rawcd_error_exit_status(rc);
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_transport *t = NULL;
	rc = cli_open_recorder(&t, a.device, diag);
	struct rawcd_burn_result result = {0};
	bool ran = rc == RAWCD_OK, json = cli_json_final() || cli_json_progress();
	struct progress prog = {.start = cli_now(), .tty = !a.quiet && isatty(STDERR_FILENO) && !cli_json_progress()};
	if (rc == RAWCD_OK) {
		cli_catch_stop_signals();
		rc = rawcd_burn(t, disc, &a.opts, show_progress, &prog, &cli_stop_signal, &result, diag);
	}
	cli_print_diag(diag);
	int status = rawcd_error_exit_status(rc);
	if (rc == RAWCD_E_CANCELED)
		cli_message(RAWCD_SEV_ERROR, "stopped by %s", cli_stop_signal_name());
	else if (rc == RAWCD_OK && !a.quiet && !json)
		print_summary(&a, &result, cli_now() - prog.start);
	if (rc == RAWCD_OK && result.verify_mismatches)
		status = EXIT_FINDINGS;
	if (cli_json_final())
		cli_json_burn(a.input, a.device, &a.opts, ran ? &result : NULL, status);
	rawcd_transport_close(t);
	rawcd_disc_free(disc);
	rawcd_diag_free(diag);
	return status;
}
