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
	 "Usage: rawcd convert IN -o OUT [--format bin|toc|clonecd|raw96|packed96|pq16] [--split]\n"
	 "                     [--scrambled] [--lead-in[=N]] [--lead-out[=N]] [--regenerate-subcode]\n"
	 "                     [--force] [--quiet] [--capacity C] [--json] [--progress=json]\n\n"
	 "Write the raw image of the disc the sheet describes: OUT.bin holds every sector from LBA 0 to the\n"
	 "lead-out, 2352 bytes each (sync, header, EDC and ECC encoded for MODE1/2048 and MODE2/2336 input,\n"
	 "audio as it is, PREGAPs stored as INDEX 00), and OUT.cue beside it describes it, keeping CATALOG,\n"
	 "FLAGS, ISRC, CD-TEXT, CDTEXTFILE and REM lines.\n\n"
	 "  -o, --output F   the image file; its sheet gets the same stem and .cue\n"
	 "  --format F       bin (default); clonecd (OUT.img = the bin image, OUT.sub, OUT.ccd);\n"
	 "                   raw96 (2448-byte sectors, raw interleaved P-W, MMC data block type 3);\n"
	 "                   packed96 (2448, R-W packed, type 2); pq16 (2368, P and Q, type 1);\n"
	 "                   toc (the bin image + a cdrdao TOC file OUT.toc instead of OUT.cue)\n"
	 "  --split          bin/toc: one file per track, named as Redump does (\"OUT (Track 1).bin\";\n"
	 "                   \"(Track 01)\" with 10+ tracks; OUT.bin for one track), each from its INDEX 00\n"
	 "  --scrambled      bin: OUT.scram as redumper dumps a disc: from LBA -45150 (the lead-in, zeros),\n"
	 "                   data sectors scrambled (ECMA-130 Annex B), audio as it is; no sheet\n"
	 "  --lead-in[=N]    raw96/packed96/pq16: start N sectors before LBA 0 (default 22650, 95:00:00),\n"
	 "                   with the TOC in Q and the CD-TEXT in R-W\n"
	 "  --lead-out[=N]   raw96/packed96/pq16: add N lead-out sectors (default 6750)\n"
	 "  --regenerate-subcode  clonecd/raw96/packed96/pq16 of a CloneCD image: generate P-W anew\n"
	 "                   instead of keeping its .sub's Q and R-W as recorded (a warning counts the\n"
	 "                   recorded Q frames that differ from what rawcd generates)\n"
	 "  --force          replace existing output files (never an input)\n"
	 "  --quiet          no progress and no summary line\n"
	 "  --capacity C     latest lead-out start allowed (default 79:59:74)\n"
	 "  --json           print one JSON object on stdout: the files written, sectors, bytes, seconds,\n"
	 "                   format, warnings and errors (README.md, JSON output)\n"
	 "  --progress=json  progress and diagnostics as one JSON object a line on stderr\n"},
	{"check",
	 "Usage: rawcd check IN [--json]\n\n"
	 "Validate a CUE sheet on its own (syntax, track and index order, times, ISRC, CATALOG), then,\n"
	 "when all its files exist, with them (lengths, audio format, layout, capacity). A cdrdao TOC file,\n"
	 "a CloneCD .ccd or a raw image is read with its files, as every command reads it.\n\n"
	 "  --json   print the result and every diagnostic as one JSON object\n"
	 "           (warnings and errors as objects; README.md, JSON output)\n"},
	{"toc",
	 "Usage: rawcd toc IN [--format text|json|hex|binary] [--toc-format 0|1|2|5] [--msf]\n"
	 "                        [--capacity SECTORS|MM:SS:FF]\n"
	 "       rawcd toc DEVICE [--format ...] [--toc-format 0|1|2|5] [--msf]\n"
	 "       rawcd toc --from-bytes FILE [--toc-format 0|1|2|5] [--msf] [--format ...]\n\n"
	 "Print the table of contents a drive would report for the disc the sheet describes. With a\n"
	 "DEVICE (a block device such as /dev/sr0, or /dev/sgN) read it from the disc in that drive (READ\n"
	 "TOC formats 2, 0 and 1, and READ SUB-CHANNEL for the MCN and ISRCs; 5 for CD-TEXT) and print it\n"
	 "the same way.\n\n"
	 "  --format F       text (a table, default), json, hex or binary (the READ TOC response bytes)\n"
	 "  --toc-format N   READ TOC/PMA/ATIP format for hex/binary: 0 TOC (default), 1 session info,\n"
	 "                   2 full TOC, 5 CD-TEXT (the packs; text and json show them decoded)\n"
	 "  --msf            addresses as MSF in formats 0 and 1 (the CDB's MSF bit)\n"
	 "  --capacity C     latest lead-out start allowed (default 79:59:74, 80-minute media)\n"
	 "  --from-bytes F   decode a READ TOC response saved in F ('-' for stdin) instead of a sheet;\n"
	 "                   without --toc-format its format (0, 1, 2 or 5) is told from the bytes\n"},
	{"inspect",
	 "Usage: rawcd inspect IMAGE.cue|IMAGE.toc|IMAGE.ccd|IMAGE.bin [--json] [--no-hash] [--quiet]\n"
	 "                     [--sector-size 2352|2368|2448] [--first-lba N] [--progress=json]\n\n"
	 "Check every sector of an image (sync, header address, mode against the sheet, EDC, ECC, the two\n"
	 "subheader copies; Form 2 without EDC is counted apart) and its subcode where there is some (Q CRC,\n"
	 "Q position against the layout, P; MCN and ISRC found), and hash each track's 2352-byte sectors\n"
	 "(XXH3-128, CRC-32, MD5, SHA-1). IMAGE is a CUE sheet or a cdrdao TOC file with its files, a CloneCD\n"
	 ".ccd with its .img and .sub, or a raw file of sectors (any other name).\n\n"
	 "  --json            print the report as one JSON object\n"
	 "  --no-hash         skip the hashes (the checks then use both cores)\n"
	 "  --quiet           no progress and no table: only the verdict line\n"
	 "  --sector-size N   raw images: 2352 (main channel), 2368 (+ 16 bytes P and Q, pq16) or\n"
	 "                    2448 (+ 96 bytes P-W, raw96 or packed96); default 2352\n"
	 "  --first-lba N     raw images: LBA of the first sector (default 0; -22650 for an image that\n"
	 "                    starts with IMAPI's lead-in, -150 with track 1's pregap; -45150 for a\n"
	 "                    .scram); scrambled data sectors are found by content and checked descrambled\n"
	 "  --progress=json   progress and diagnostics as one JSON object a line on stderr\n\n"
	 "Exit status: 0 no findings, 1 findings, 2 bad usage or input, 3 I/O failure.\n"},
	{"burn",
	 "Usage: rawcd burn IN --device DEV [--simulate] [--speed X] [--write-mode raw96r|raw16|sao]\n"
	 "                     [--multi] [--no-bufe] [--verify] [--eject] [--quiet] [--json] [--progress=json]\n\n"
	 "IN is a CUE sheet, a cdrdao TOC file, a CloneCD .ccd (its .sub's Q and R-W written as recorded\n"
	 "in raw96r; raw16 and SAO warn which frames they cannot keep) or a raw96/pq16 image (its own\n"
	 "records sent, lead-in and lead-out included, from the ATIP lead-in start; without a lead-in it\n"
	 "is generated from the image's Q). A disc of several sessions is burned session by session, each\n"
	 "with its lead-in and lead-out, the disc left appendable between them. On an appendable disc\n"
	 "(left open by --multi) IN is appended as the next session at the drive's next lead-in.\n\n"
	 "Burn the disc the sheet describes on a blank CD-R or CD-RW in raw DAO: every block from the\n"
	 "ATIP lead-in start to the end of a 6750-sector lead-out, with the subcode rawcd generates (the TOC\n"
	 "in the lead-in, CD-TEXT, MCN, ISRC, indexes), the same bytes `rawcd convert --format raw96` writes,\n"
	 "data sectors scrambled as the disc records them. A drive that takes no raw write mode gets the\n"
	 "disc in SAO: a cue sheet (tracks, indexes, MCN, ISRC), then the 2352-byte sectors `rawcd convert\n"
	 "--format bin` writes, from LBA -150; the drive writes the lead-in, the lead-out and the subcode\n"
	 "(the CD-TEXT goes as R-W over the lead-in when the drive can; CD+G graphics cannot).\n\n"
	 "  -d, --device DEV     the recorder (/dev/sr0 or /dev/sgN), opened exclusively\n"
	 "  -s, --simulate       Test Write: everything but the laser (the disc stays blank)\n"
	 "  --speed X            write speed as a multiple of 1x (e.g. 8 or 8x) or max (default)\n"
	 "  --write-mode M       raw96r (2448-byte blocks, raw P-W), raw16 (2368, P and Q only: no\n"
	 "                       CD-TEXT) or sao (cue sheet, 2352-byte blocks); default: the first the\n"
	 "                       drive accepts of raw96r, raw16, sao (a note says which and why)\n"
	 "  --multi              leave the last session open for another (raw modes; B0 in its lead-in)\n"
	 "  --no-bufe            leave buffer underrun protection off\n"
	 "  --verify             read the TOC, MCN, ISRCs and CD-TEXT back and compare them with the sheet\n"
	 "  --eject              eject the disc at the end\n"
	 "  --regenerate-subcode raw modes, a CloneCD image: write generated P-W, not its .sub's\n"
	 "  -q, --quiet          no progress and no summary line\n"
	 "  --json               print one JSON object on stdout: sectors and bytes written, write mode,\n"
	 "                       lead-in, simulation, the verify's result, warnings and errors\n"
	 "  --progress=json      progress (with IMAPI2's current_action, elapsed_time, remaining_time,\n"
	 "                       last_written_lba and the drive's buffer_fill) and diagnostics as JSON\n"
	 "                       lines on stderr\n"
	 "DEV may be emulated:cd-r or emulated:cd-rw: rawcd's emulated recorder (a blank disc; nothing\n"
	 "is recorded anywhere), to try a burn without a drive.\n\n"
	 "SIGINT or SIGTERM stops the writes and flushes the drive; a real burn stopped midway leaves an\n"
	 "unusable disc.\n"
	 "Exit status: 0 burned, 1 burned but --verify found differences, 2 bad usage or input (a raw\n"
	 "image whose lead-in is shorter than the medium's, a cut .sub), 3 device or I/O failure (not a drive, busy, read-only, no blank disc,\n"
	 "no write mode accepted, the cue sheet refused, a write failed), 130 stopped.\n"},
	{"drive",
	 "Usage: rawcd drive DEV [--json]\n\n"
	 "Show what a drive is (INQUIRY), which profiles and CD features it reports, its speeds, the disc in\n"
	 "it (status, ATIP lead-in and last lead-out) and which write modes (raw, SAO) it really accepts (each\n"
	 "tried with MODE SELECT of page 05h when the device opens read-write).\n\n"
	 "  --json   print it as one JSON object\n"},
	{"blank",
	 "Usage: rawcd blank DEV --minimal|--all [--json] [--progress=json]\n\n"
	 "Blank the CD-RW in the drive.\n\n"
	 "  --minimal   PMA, TOC and the first pregap: a minute or so, and the disc reads as blank\n"
	 "  --all       the whole disc: tens of minutes\n"
	 "  --json      print one JSON object on stdout (what was blanked, warnings and errors)\n"
	 "  --progress=json  the start and the end as JSON lines on stderr, with every diagnostic\n"
	 "DEV may be emulated:cd-rw (or emulated:cd-r, which is refused): rawcd's emulated recorder.\n"},
};

void cli_help(const char *command)
{
	for (size_t i = 0; i < sizeof(help) / sizeof(help[0]); i++)
		if (strcmp(help[i].command, command) == 0)
			fputs(help[i].text, stdout);
}
