/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd toc IN.cue: the expected TOC as READ TOC/PMA/ATIP would return it, as text, JSON, hex or bytes.
 * rawcd toc --from-bytes FILE decodes such a response (from a drive) the same way, and rawcd toc DEVICE
 * reads it from the disc in a drive, with the MCN and ISRCs (READ SUB-CHANNEL). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/toc_cdtext.h"
#include "cli/toc_text.h"

enum output { OUT_TEXT, OUT_JSON, OUT_HEX, OUT_BINARY };

struct toc_args {
	enum output output;
	int toc_format;
	bool toc_format_given, msf;
	const char *from_bytes;
	const char *input;
	struct rawcd_layout_options layout;
};

static int parse_args(struct toc_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'}, {"toc-format", required_argument, NULL, 't'},
		{"msf", no_argument, NULL, 'm'},          {"from-bytes", required_argument, NULL, 'b'},
		{"capacity", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'}, {0}};
	static const char *const names[] = {"text", "json", "hex", "binary"};
	int c;
	while ((c = getopt_long(argc, argv, "f:t:mb:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			for (a->output = OUT_TEXT; a->output <= OUT_BINARY; a->output++)
				if (strcmp(optarg, names[a->output]) == 0)
					break;
			if (a->output > OUT_BINARY)
				return cli_usage_error("--format %s: use text, json, hex or binary", optarg);
			break;
		case 't':
			if (strlen(optarg) != 1 || !strchr("0125", optarg[0]))
				return cli_usage_error("--toc-format %s: use 0, 1, 2 or 5", optarg);
			a->toc_format = optarg[0] - '0';
			a->toc_format_given = true;
			break;
		case 'm': a->msf = true; break;
		case 'b': a->from_bytes = optarg; break;
		case 'c':
			if (!cli_parse_capacity(optarg, &a->layout.capacity_lba))
				return cli_usage_error("--capacity %s: give sectors (359849) or the last lead-out "
						       "MSF (79:59:74)", optarg);
			break;
		case 'h': cli_help("toc"); return -1;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (a->from_bytes ? optind != argc : optind + 1 != argc)
		return cli_usage_error("toc takes one CUE sheet or drive (rawcd toc IN.cue|DEVICE), or --from-bytes "
				       "FILE");
	a->input = a->from_bytes ? a->from_bytes : argv[optind];
	return 0;
}

static int read_bytes(const char *path, uint8_t *buf, size_t cap, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "rawcd: %s: cannot open: %s\n", path, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	*len = fread(buf, 1, cap, f);
	bool more = fgetc(f) != EOF, err = ferror(f);
	if (f != stdin)
		fclose(f);
	if (err) {
		fprintf(stderr, "rawcd: %s: read error\n", path);
		return EXIT_IO;
	}
	if (more)
		return cli_usage_error("%s: over %zu bytes: not a READ TOC response", path, cap);
	return 0;
}

/* A READ TOC response as it is (binary) or in hex, 16 bytes a line. */
static int put_bytes(const uint8_t *buf, size_t len, const struct toc_args *a)
{
	if (a->output == OUT_BINARY) {
		if (isatty(STDOUT_FILENO))
			return cli_usage_error("--format binary writes bytes: redirect the output to a file");
		return fwrite(buf, 1, len, stdout) == len ? 0 : EXIT_IO;
	}
	for (size_t i = 0; i < len; i++)
		printf("%02x%s", buf[i], (i % 16 == 15 || i + 1 == len) ? "\n" : " ");
	return 0;
}

static int print_bytes(const struct rawcd_toc *toc, const struct toc_args *a)
{
	uint8_t buf[4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS];
	size_t len;
	int rc = rawcd_toc_encode(toc, a->toc_format, a->msf, buf, sizeof(buf), &len);
	if (rc) {
		fprintf(stderr, "rawcd: %s: cannot encode TOC format %d: %s\n", a->input, a->toc_format,
			rawcd_strerror(rc));
		return rawcd_error_exit_status(rc);
	}
	return put_bytes(buf, len, a);
}

static int print_toc(const struct rawcd_toc *toc, const struct rawcd_disc *disc, const struct toc_args *a)
{
	if (a->output == OUT_HEX || a->output == OUT_BINARY)
		return print_bytes(toc, a);
	if (a->output == OUT_TEXT)
		return toc_text_print(stdout, toc, disc, a->msf), 0;
	char *json = NULL;
	int rc = rawcd_toc_to_json(&json, toc, disc);
	if (rc)
		return rawcd_error_exit_status(rc);
	fputs(json, stdout);
	free(json);
	return 0;
}

/* Format 5: the CD-TEXT packs, as the response bytes or decoded. */
static int print_cdtext(const struct rawcd_cdtext_packs *packs, const struct toc_args *a)
{
	if (a->output == OUT_TEXT || a->output == OUT_JSON)
		return toc_cdtext_print(stdout, a->input, packs, a->output == OUT_JSON);
	size_t cap = 4 + RAWCD_CDTEXT_PACK_SIZE * packs->count, len;
	uint8_t *buf = malloc(cap);
	int rc = buf ? rawcd_cdtext_encode_response(packs, buf, cap, &len) : RAWCD_E_NOMEM;
	int status = rc ? rawcd_error_exit_status(rc) : 0;
	if (rc == RAWCD_OK && a->output == OUT_BINARY) {
		if (isatty(STDOUT_FILENO))
			status = cli_usage_error("--format binary writes bytes: redirect the output to a file");
		else if (fwrite(buf, 1, len, stdout) != len)
			status = EXIT_IO;
	} else if (rc == RAWCD_OK) {
		for (size_t i = 0; i < len; i++)
			printf("%02x%s", buf[i], (i % 18 == 3 || (i > 3 && (i - 4) % 18 == 17) || i + 1 == len) ? "\n" : " ");
	}
	free(buf);
	return status;
}

static int cdtext_from_bytes(const struct toc_args *a, const uint8_t *buf, size_t len)
{
	struct rawcd_cdtext_packs packs = {0};
	int rc = rawcd_cdtext_decode_response(&packs, buf, len);
	if (rc) {
		fprintf(stderr, "rawcd: %s: not a valid READ TOC format 5 response (%s)\n", a->input,
			rawcd_strerror(rc));
		return EXIT_BAD_INPUT;
	}
	int status = print_cdtext(&packs, a);
	rawcd_cdtext_packs_finish(&packs);
	return status;
}

/* Without --toc-format: the format the bytes are (rawcd_toc_detect_format()), said in a note. */
static int detect_format(struct toc_args *a, const uint8_t *buf, size_t len)
{
	static const char *const why[] = {
		[0] = "(TOC): 8-byte descriptors ending with the lead-out (AAh)",
		[1] = "(session information): one 8-byte track descriptor",
		[2] = "(full TOC): 11-byte descriptors",
		[5] = "(CD-TEXT): 18-byte packs with valid CRCs",
	};
	int format = rawcd_toc_detect_format(buf, len, a->msf);
	if (format < 0)
		return cli_usage_error("%s: cannot tell which READ TOC format these bytes are (none or more than "
				       "one of 0, 1, 2 and 5 fits): give --toc-format", a->input);
	a->toc_format = format;
	fprintf(stderr, "rawcd: %s: read as READ TOC format %d %s\n", a->input, format, why[format]);
	return 0;
}

static int toc_from_bytes(struct toc_args *a)
{
	static uint8_t buf[4 + RAWCD_CDTEXT_PACK_SIZE * RAWCD_CDTEXT_MAX_PACKS];
	static struct rawcd_toc toc;
	size_t len;
	int rc = read_bytes(a->input, buf, sizeof(buf), &len);
	if (rc == 0 && !a->toc_format_given)
		rc = detect_format(a, buf, len);
	if (rc)
		return rc;
	if (a->toc_format == 5)
		return cdtext_from_bytes(a, buf, len);
	rc = rawcd_toc_decode(&toc, a->toc_format, a->msf, buf, len);
	if (rc) {
		fprintf(stderr, "rawcd: %s: not a valid READ TOC format %d response (%s)\n", a->input,
			a->toc_format, rawcd_strerror(rc));
		return EXIT_BAD_INPUT;
	}
	return print_toc(&toc, NULL, a);
}

#define SCSI_GENERIC_MAJOR_NUMBER 21 /* /dev/sgN (Linux Documentation/admin-guide/devices.txt) */

/* A drive: a block device (/dev/srN, /dev/cdrom), a SCSI generic character device (/dev/sgN), or a path
 * named like one (/dev/sr*, /dev/sg*) even if it is missing, so that the error says the drive cannot be
 * opened rather than that the sheet cannot be read. Other character devices (/dev/zero) stay sheets,
 * which the CUE reader refuses as not regular files. */
static bool is_device(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 &&
	    (S_ISBLK(st.st_mode) || (S_ISCHR(st.st_mode) && major(st.st_rdev) == SCSI_GENERIC_MAJOR_NUMBER)))
		return true;
	return strncmp(path, "/dev/sr", 7) == 0 || strncmp(path, "/dev/sg", 7) == 0;
}

/* The TOC (formats 0/1/2, printed as the expected TOC is) or the CD-TEXT (format 5) of the disc in a
 * drive. As text or JSON the TOC gets the MCN and ISRCs too (READ SUB-CHANNEL; a drive that cannot
 * report them leaves them null, with a warning); the response bytes (hex, binary) carry neither. The
 * device is opened read-only if need be: only read commands are sent. */
static int toc_from_device(const struct toc_args *a)
{
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_transport *t = NULL;
	int rc = rawcd_transport_open_sg(&t, a->input, true, diag);
	int status;
	if (rc == RAWCD_OK && t->read_only)
		fprintf(stderr, "rawcd: %s: note: opened read-only (no write permission): reading the TOC needs no "
			"more\n", a->input);
	if (a->toc_format == 5) {
		struct rawcd_cdtext_packs packs = {0};
		if (rc == RAWCD_OK)
			rc = rawcd_drive_read_cdtext(t, &packs, diag);
		cli_print_diag(diag);
		status = rc ? rawcd_error_exit_status(rc) : print_cdtext(&packs, a);
		rawcd_cdtext_packs_finish(&packs);
	} else {
		struct rawcd_toc *toc = malloc(sizeof(*toc));
		if (rc == RAWCD_OK)
			rc = toc ? rawcd_drive_read_toc(t, toc, diag) : RAWCD_E_NOMEM;
		if (rc == RAWCD_OK && (a->output == OUT_TEXT || a->output == OUT_JSON))
			rc = rawcd_drive_read_mcn_isrc(t, toc, NULL, diag);
		cli_print_diag(diag);
		status = rc ? rawcd_error_exit_status(rc) : print_toc(toc, NULL, a);
		free(toc);
	}
	rawcd_transport_close(t);
	rawcd_diag_free(diag);
	return status;
}

/* Format 2 as bytes: the creator's ExpectedTableOfContents (format 2 is always MSF). */
static int print_expected_toc(rawcd_creator *creator, const struct toc_args *a)
{
	uint8_t buf[RAWCD_CREATOR_TOC_MAX];
	size_t len;
	int rc = rawcd_creator_expected_toc(creator, buf, sizeof(buf), &len);
	if (rc) {
		fprintf(stderr, "rawcd: %s: cannot encode TOC format 2: %s\n", a->input, rawcd_strerror(rc));
		return rawcd_error_exit_status(rc);
	}
	return put_bytes(buf, len, a);
}

static int toc_cdtext_of_disc(const struct rawcd_disc *disc, const struct toc_args *a)
{
	struct rawcd_cdtext_packs packs = {0};
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_cdtext_for_disc(&packs, disc, diag);
	cli_print_diag(diag);
	rawcd_diag_free(diag);
	int status = rc ? rawcd_error_exit_status(rc) : print_cdtext(&packs, a);
	rawcd_cdtext_packs_finish(&packs);
	return status;
}

/* The expected TOC of a file's disc, through the creator (creator.h): ExpectedTableOfContents for the
 * format 2 bytes; for the rest the TOC of the creator's disc, whose lead-out is its StartOfLeadout. */
static int toc_of_disc(rawcd_creator *creator, const struct toc_args *a)
{
	const struct rawcd_disc *disc = rawcd_creator_disc(creator);
	if (a->toc_format == 5)
		return toc_cdtext_of_disc(disc, a);
	if (a->toc_format == 2 && (a->output == OUT_HEX || a->output == OUT_BINARY))
		return print_expected_toc(creator, a);
	int status = EXIT_IO;
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	if (toc && rawcd_toc_from_disc(toc, disc) == RAWCD_OK) {
		if (toc->leadout_lba != rawcd_creator_start_of_leadout(creator))
			fprintf(stderr, "rawcd: %s: internal error: the TOC's lead-out is not StartOfLeadout\n",
				a->input);
		else
			status = print_toc(toc, disc, a);
	}
	free(toc);
	return status;
}

int cmd_toc(int argc, char **argv)
{
	struct toc_args a = {.layout = RAWCD_LAYOUT_OPTIONS_INIT};
	int rc = parse_args(&a, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (a.from_bytes)
		return toc_from_bytes(&a);
	if (is_device(a.input))
		return toc_from_device(&a);
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_creator *creator = NULL;
	rc = rawcd_creator_load(&creator, a.input, &a.layout, diag);
	if (rc == RAWCD_OK && a.toc_format != 5)
		rc = rawcd_cdtext_file_check(rawcd_creator_disc(creator), diag); /* formats 0-2 need no CD-TEXT: a warning */
	cli_print_diag(diag);
	int status = rc ? rawcd_error_exit_status(rc) : toc_of_disc(creator, &a);
	rawcd_creator_free(creator);
	rawcd_diag_free(diag);
	return status;
}
