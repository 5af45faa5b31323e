/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Help texts of the subcommands (the command-line contract, DESIGN.md §3). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
	const char *command;
	const char *text;
} help[] = {
	{"convert",
	 "Usage: rawcd convert IN.cue -o OUT [--format bin|clonecd|raw96|packed96|pq16]\n"
	 "                     [--lead-in[=N]] [--lead-out[=N]] [--force] [--quiet] [--capacity C]\n\n"
	 "Write the raw image of the disc the sheet describes: OUT.bin holds every sector from LBA 0 to the\n"
	 "lead-out, 2352 bytes each (sync, header, EDC and ECC encoded for MODE1/2048 and MODE2/2336 input,\n"
	 "audio as it is, PREGAPs stored as INDEX 00), and OUT.cue beside it describes it, keeping CATALOG,\n"
	 "FLAGS, ISRC, CD-TEXT, CDTEXTFILE and REM lines.\n\n"
	 "  -o, --output F   the image file; its sheet gets the same stem and .cue\n"
	 "  --format F       bin (default); clonecd (OUT.img = the bin image, OUT.sub, OUT.ccd);\n"
	 "                   raw96 (2448-byte sectors, raw interleaved P-W, MMC data block type 3);\n"
	 "                   packed96 (2448, R-W packed, type 2); pq16 (2368, P and Q, type 1)\n"
	 "  --lead-in[=N]    raw96/packed96/pq16: start N sectors before LBA 0 (default 22650, 95:00:00),\n"
	 "                   with the TOC in Q and the CD-TEXT in R-W\n"
	 "  --lead-out[=N]   raw96/packed96/pq16: add N lead-out sectors (default 6750)\n"
	 "  --force          replace existing output files (never an input)\n"
	 "  --quiet          no progress and no summary line\n"
	 "  --capacity C     latest lead-out start allowed (default 79:59:74)\n"},
	{"check",
	 "Usage: rawcd check IN.cue [--json]\n\n"
	 "Validate a CUE sheet on its own (syntax, track and index order, times, ISRC, CATALOG), then,\n"
	 "when all its files exist, with them (lengths, audio format, layout, capacity).\n\n"
	 "  --json   print the result and every diagnostic as one JSON object\n"},
	{"toc",
	 "Usage: rawcd toc IN.cue [--format text|json|hex|binary] [--toc-format 0|1|2|5] [--msf]\n"
	 "                        [--capacity SECTORS|MM:SS:FF]\n"
	 "       rawcd toc --from-bytes FILE [--toc-format 0|1|2|5] [--msf] [--format ...]\n\n"
	 "Print the table of contents a drive would report for the disc the sheet describes.\n\n"
	 "  --format F       text (a table, default), json, hex or binary (the READ TOC response bytes)\n"
	 "  --toc-format N   READ TOC/PMA/ATIP format for hex/binary: 0 TOC (default), 1 session info,\n"
	 "                   2 full TOC, 5 CD-TEXT (the packs; text and json show them decoded)\n"
	 "  --msf            addresses as MSF in formats 0 and 1 (the CDB's MSF bit)\n"
	 "  --capacity C     latest lead-out start allowed (default 79:59:74, 80-minute media)\n"
	 "  --from-bytes F   decode a READ TOC response saved in F ('-' for stdin) instead of a sheet\n"},
};

void cli_help(const char *command)
{
	for (size_t i = 0; i < sizeof(help) / sizeof(help[0]); i++)
		if (strcmp(help[i].command, command) == 0)
			fputs(help[i].text, stdout);
}
