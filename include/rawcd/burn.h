/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file burn.h
 * @brief Recorders: inspecting a drive, burning a laid-out disc in raw DAO (IMAPI2 IDiscFormat2RawCD) or
 *        SAO with a cue sheet, blanking a CD-RW, and reading back a disc's TOC (with its MCN and ISRCs)
 *        and CD-TEXT.
 *
 * Everything goes through a ::rawcd_transport (transport.h): the Linux SG_IO one for a real drive, the
 * emulated recorder in tests. The commands are built and parsed by mmc.h; the sectors come from the
 * sector stream (stream.h), so what is burned is what `rawcd convert --format raw96` writes, with the
 * data sectors scrambled as a raw write requires; in SAO, what `rawcd convert --format bin` writes, the
 * drive adding lead-in, lead-out and subcode from the cue sheet (mmc.h, rawcd_mmc_build_cue_sheet()).
 *
 * The burn follows DESIGN.md §5 (the order of cdrdao, libburn and wodim; MMC-6 is the rule): TEST UNIT
 * READY, INQUIRY, GET CONFIGURATION (profile, features 002Dh/002Eh), MODE SENSE page 2Ah, READ DISC
 * INFORMATION, READ TOC format 4 (ATIP), MODE SELECT page 05h, SET CD SPEED, WRITE(10) of consecutive
 * blocks from the ATIP lead-in start through the pregap, the program area and 6750 lead-out sectors,
 * SYNCHRONIZE CACHE (Immed) and TEST UNIT READY until the drive is done. In SAO (research/burn.md §1.5)
 * SEND CUE SHEET follows SET CD SPEED and the WRITEs start at LBA -150 (at the lead-in start for the
 * CD-TEXT) and end before the lead-out.
 *
 * Diagnostics name the device (entry file = the transport's name). Every failure of a command carries
 * the command and the drive's sense sentence (rawcd_sense_from_codes()).
 */
#ifndef RAWCD_BURN_H
#define RAWCD_BURN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cdtext.h"
#include "diag.h"
#include "disc.h"
#include "mmc.h"
#include "toc.h"
#include "transport.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------------ */
/* Drive inspection                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

/** What MODE SELECT of page 05h said about one write type / data block type pair. */
enum rawcd_mode_support {
	RAWCD_MODE_UNTESTED = 0, /**< not tried (read-only open, a drive that cannot write CDs, an error) */
	RAWCD_MODE_ACCEPTED,     /**< MODE SELECT succeeded (and page 05h read back with the pair, when the
				      drive answers MODE SENSE for it) */
	RAWCD_MODE_REFUSED       /**< refused (5/24/00, 5/26/xx; or 5/20/00: no MODE SELECT at all), or
				      accepted but read back with another pair */
};

/** Everything rawcd_drive_probe() found. Plain data: copy it freely. */
struct rawcd_drive_info {
	struct rawcd_mmc_inquiry inquiry;   /**< vendor, product, revision, device type (5 = MMC) */
	bool medium_present;                /**< TEST UNIT READY did not say 2/3A (no medium) */
	bool read_only;                     /**< the transport was opened read-only: nothing was probed by
					         MODE SELECT */
	bool has_profiles;
	struct rawcd_mmc_profiles profiles; /**< current profile (0 = none) and the drive's list */
	bool can_write_cd;                  /**< the profile list holds CD-R (0009h) or CD-RW (000Ah) */
	bool has_cd_mastering;              /**< feature 002Eh found (write types SAO and raw) */
	struct rawcd_mmc_cd_mastering cd_mastering;
	bool has_cd_tao;                    /**< feature 002Dh found */
	struct rawcd_mmc_cd_tao cd_tao;
	bool ignores_rt;                    /**< GET CONFIGURATION with RT = 2 returned the whole list: the
					         features were looked up in it (QEMU's scsi-cd does this) */
	bool has_capabilities;              /**< MODE SENSE page 2Ah read */
	struct rawcd_mmc_capabilities capabilities;
	bool has_disc_info;                 /**< READ DISC INFORMATION read */
	struct rawcd_mmc_disc_info disc_info;
	bool has_atip;                      /**< READ TOC format 4 read and checked */
	struct rawcd_mmc_atip atip;
	bool buf;                           /**< buffer underrun protection reported (002Dh/002Eh BUF bit or
					         page 2Ah byte 4 bit 7) */
	enum rawcd_mode_support raw96r;     /**< write type RAW (3), data block type 3: 2448-byte blocks, raw P-W */
	enum rawcd_mode_support raw16;      /**< RAW, data block type 1: 2368-byte blocks, P and Q */
	enum rawcd_mode_support raw96p;     /**< RAW, data block type 2: 2448-byte blocks, R-W packed */
	enum rawcd_mode_support sao;        /**< write type SAO (2), data block type 0 */
};

/**
 * Inspect a drive: TEST UNIT READY (waiting while it becomes ready), INQUIRY, GET CONFIGURATION
 * (profile list; features 002Dh and 002Eh asked for one at a time with RT = 2: a descriptor other than
 * the one asked for is never taken for it, and a drive that sends its whole list is searched),
 * MODE SENSE page 2Ah, READ DISC INFORMATION and READ TOC format 4 (ATIP, checked so that a format-0
 * TOC sent instead is refused) when a medium is in, and, when the transport is read-write and the
 * drive can write CDs, the write modes: MODE SELECT of page 05h with RAW/3, RAW/1, RAW/2 and SAO/0 in
 * turn, as libburn and wodim probe them (each accepted one read back with MODE SENSE). The drive's
 * page 05h is left as the last pair tried. What could not be read is a warning in @p diag.
 * @param out written only on success.
 * @return RAWCD_OK; RAWCD_E_IO (a command could not be delivered or timed out; INQUIRY failed; the
 *         device is not an MMC drive (peripheral type other than 5)); RAWCD_E_ARG (NULL @p t or @p out).
 */
int rawcd_drive_probe(rawcd_transport *t, struct rawcd_drive_info *out, rawcd_diag *diag);

/**
 * The JSON object `rawcd drive DEV --json` prints: vendor, product, revision, device_type,
 * medium_present, read_only, current_profile {number, name}, profiles[] {number, name, current},
 * cd_mastering {current, buf, sao, raw, raw_ms, test_write, cd_rw, rw, max_cue_sheet_length} or null,
 * cd_tao {current, buf, rw_raw, rw_pack, test_write, cd_rw, rw_subcode, data_types} or null,
 * ignores_rt, capabilities {buf, test_write, cd_r_write, cd_rw_write, max_read_speed, max_write_speed,
 * current_write_speed (kB/s), buffer_size (kB), write_speeds[]} or null, disc {status ("blank",
 * "appendable", "complete", "other"), erasable, sessions, first_track, last_track, disc_type,
 * next_session_lba (an appendable disc's next lead-in, READ DISC INFORMATION bytes 17-19: IMAPI
 * StartOfNextSession; null otherwise)} or null,
 * atip {disc ("CD-R", "CD-RW"), leadin_start ("MM:SS:FF"), leadin_start_lba, last_leadout_start,
 * last_leadout_start_lba} or null, buf, write_modes {raw96r, raw16, raw96p, sao: "accepted", "refused"
 * or "untested"}.
 * @param out a malloc'd NUL-terminated string ending in a newline; free() it. Written only on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_drive_info_to_json(char **out, const struct rawcd_drive_info *info);

/** "accepted", "refused" or "untested" ("unknown" for another value). Never NULL. */
const char *rawcd_mode_support_name(enum rawcd_mode_support support);

/* ------------------------------------------------------------------------------------------------ */
/* Burning                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** How to write (page 05h write type and data block type; `rawcd burn --write-mode`). */
enum rawcd_write_mode {
	RAWCD_WRITE_AUTO = 0, /**< RAW/3 if the drive accepts it, else RAW/1, else SAO */
	RAWCD_WRITE_RAW96R,   /**< write type RAW, data block type 3: 2448-byte blocks, raw P-W (CD-TEXT and
			           CD+G written as the stream has them) */
	RAWCD_WRITE_RAW16,    /**< write type RAW, data block type 1: 2368-byte blocks, P and Q only (no
			           CD-TEXT, no CD+G graphics) */
	RAWCD_WRITE_SAO       /**< write type SAO with a cue sheet (MMC-6 §6.40): 2352-byte blocks of main
			           channel only (data sectors unscrambled), the drive writes P, Q, the lead-in
			           and the lead-out; the CD-TEXT as R-W blocks over the lead-in when the drive
			           reports R-W in feature 002Eh; no CD+G graphics */
};

/** "auto", "raw96r", "raw16", "sao" ("unknown" for another value). Never NULL. */
const char *rawcd_write_mode_name(enum rawcd_write_mode mode);

/** Where a burn is. */
enum rawcd_burn_phase {
	RAWCD_BURN_PREPARING = 0, /**< preflight and mode selection: nothing written yet */
	RAWCD_BURN_LEADIN,        /**< writing LBAs from the lead-in start to -151 (in SAO only the CD-TEXT's
				       R-W) */
	RAWCD_BURN_PROGRAM,       /**< writing the pregap (-150..-1) and the program area */
	RAWCD_BURN_LEADOUT,       /**< writing the 6750 lead-out sectors (raw only: in SAO the drive does) */
	RAWCD_BURN_FINISHING,     /**< SYNCHRONIZE CACHE and waiting for the drive */
	RAWCD_BURN_VERIFYING      /**< reading the TOC back */
};

/** What a progress callback is told. */
struct rawcd_burn_progress {
	enum rawcd_burn_phase phase;
	int32_t next_lba;   /**< the next LBA to be written */
	uint64_t done;      /**< sectors the drive has accepted */
	uint64_t total;     /**< sectors to write in all: lead-in + pregap + program + lead-out (SAO: the
			         CD-TEXT lead-in if any, pregap and program) */
	int buffer_fill;    /**< the drive's buffer fill in percent (READ BUFFER CAPACITY), -1 if unknown */
};

/** Called after each WRITE(10) and at each phase change; must not call back into the burn. */
typedef void (*rawcd_burn_progress_fn)(void *user, const struct rawcd_burn_progress *progress);

/** Options of rawcd_burn(). Initialise with RAWCD_BURN_OPTIONS_INIT. */
struct rawcd_burn_options {
	unsigned version;             /**< RAWCD_BURN_OPTIONS_VERSION */
	bool simulate;                /**< Test Write (page 05h byte 2 bit 4): the laser stays off */
	uint16_t write_speed;         /**< kB/s for SET CD SPEED (1x = 176); 0 = the drive's fastest (FFFFh) */
	enum rawcd_write_mode write_mode; /**< RAWCD_WRITE_AUTO, or one mode forced */
	bool no_bufe;                 /**< leave buffer underrun protection off even if the drive has it */
	bool verify;                  /**< after the burn, rawcd_burn_verify() (skipped for a simulation) */
	bool eject;                   /**< eject the disc at the end (START STOP UNIT, LoEj) */
	bool regenerate_subcode;      /**< raw modes: generate all P–W instead of writing what the image
	                                   recorded (a CloneCD .sub; rawcd_stream_options.regenerate_subcode) */
	bool multi;                   /**< raw modes: leave the last session open for another (page 05h
	                                   Multi-session 11b, MMC-6 §7.5.4: B0 points at the next session);
	                                   every session but the last is left open anyway */
};
#define RAWCD_BURN_OPTIONS_VERSION 1
#define RAWCD_BURN_OPTIONS_INIT { RAWCD_BURN_OPTIONS_VERSION, false, 0, RAWCD_WRITE_AUTO, false, false, false, false, false }

#define RAWCD_BURN_LEADOUT_SECTORS 6750 /**< lead-out written after the program area (90 s), raw only */
#define RAWCD_BURN_MAX_RETRIES 1500     /**< resends of one command that the drive answered "busy"
					     (2/04/xx, unit attention) before the burn gives up */

/** What a burn did; filled whether it succeeded or not. */
struct rawcd_burn_result {
	enum rawcd_write_mode mode;  /**< the mode written with (RAWCD_WRITE_AUTO if none was selected) */
	uint8_t write_type;          /**< page 05h write type sent (3 RAW, 2 SAO), 0 if none */
	uint8_t data_block_type;     /**< RAW: 1 or 3; SAO: 3 with the CD-TEXT lead-in (cdrdao's choice),
				          else 0 */
	size_t block_size;           /**< bytes a block: 2368 or 2448 (RAW), 2352 (SAO; the R-W blocks of
				          its lead-in are 96) */
	bool bufe;                   /**< BUFE was set */
	bool test_write;             /**< Test Write was set */
	int32_t first_lba;           /**< the first LBA written: the ATIP lead-in start (e.g. -11625 for
				          97:27:00); in SAO -150, or that lead-in start with the CD-TEXT */
	int32_t leadout_lba;         /**< StartOfLeadout of the disc */
	uint64_t total;              /**< sectors to write */
	uint64_t written;            /**< sectors the drive accepted */
	unsigned write_commands;     /**< WRITE(10) commands that succeeded */
	unsigned retries;            /**< commands resent because the drive was busy */
	unsigned recovered;          /**< commands that ended in a recovered error (sense key 1): success */
	bool started;                /**< a WRITE was sent: the disc is no longer blank (unless simulated) */
	bool disc_unusable;          /**< writing started on a real (not simulated) burn and did not finish */
	bool verified;               /**< rawcd_burn_verify() ran */
	unsigned verify_mismatches;  /**< what it found (0 = the disc matches the sheet); 1 when the verify
				          itself failed (the TOC or the CD-TEXT could not be read back) */
	unsigned verify_unchecked;   /**< RAWCD_VERIFY_* bits: what the verify could not check (0 = all
				          of it was checked); with RAWCD_VERIFY_TOC when it failed */
	size_t cue_sheet_length;     /**< SAO: bytes of the cue sheet sent (8 an entry); 0 otherwise */
	bool cdtext_written;         /**< the sheet's CD-TEXT went to the drive (raw96r, or SAO with the
				          CD-TEXT lead-in); false when it has none */
};

/* What rawcd_burn_verify() could not check: bits of rawcd_verify_report.unchecked and
 * rawcd_burn_result.verify_unchecked. */
#define RAWCD_VERIFY_TOC 0x1u    /**< the TOC: set only in rawcd_burn_result, when rawcd_burn_verify()
				      failed (an error in the diagnostics; the bits below are then set too,
				      RAWCD_VERIFY_CDTEXT only if the sheet has CD-TEXT) */
#define RAWCD_VERIFY_MCN 0x2u    /**< the MCN: READ SUB-CHANNEL format 2 failed or returned data that is
				      not format 2 (a sheet without CATALOG is still checked: the disc must
				      have none). Also rawcd_drive_read_mcn_isrc()'s "not read" bit */
#define RAWCD_VERIFY_ISRC 0x4u   /**< the ISRCs: READ SUB-CHANNEL format 3 failed for a track (the tracks
				      after it were not asked for either; those before it were checked).
				      Also rawcd_drive_read_mcn_isrc()'s "not read" bit */
#define RAWCD_VERIFY_CDTEXT 0x8u /**< the CD-TEXT: the sheet has CD-TEXT and the drive refused READ TOC
				      format 5 (e.g. 5/24/00, 5/20/00) */

/**
 * Burn a laid-out, single-session disc in raw DAO (IDiscFormat2RawCD: WriteMedia of an image with its
 * lead-in) or in SAO with a cue sheet. Steps:
 * - preflight: an MMC drive (INQUIRY type 5) opened read-write, current profile CD-R or CD-RW, a blank
 *   disc (READ DISC INFORMATION), a valid ATIP (READ TOC format 4; a drive that answers with a format-0
 *   TOC is caught), the disc's StartOfLeadout not after the ATIP's last possible lead-out start;
 * - write mode: page 05h built on the drive's own page with write type RAW and data block type 3,
 *   else 1, else write type SAO (opts->write_mode forces one): SAO with data block type 3 and the
 *   CD-TEXT lead-in when the sheet has CD-TEXT and feature 002Eh reports R-W, else (or when the drive
 *   refuses that) data block type 0; SAO only when feature 002Eh reports SAO and a maximum cue sheet
 *   length the sheet fits. BUFE when the drive reports BUF (unless opts->no_bufe), Test Write when
 *   simulating, multi-session 0, session format = the disc type; each MODE SELECT the drive refuses
 *   (5/24, 5/26) moves to the next pair, and when none is left the burn fails having written nothing. A
 *   note says which mode was chosen and why (a warning when raw16 was the fallback; a warning too when
 *   the mode cannot write the sheet's CD-TEXT or CD+G graphics);
 * - SET CD SPEED (opts->write_speed, else the fastest; a drive that refuses it is warned about);
 * - SAO: SEND CUE SHEET with rawcd_mmc_build_cue_sheet()'s sheet; a drive that refuses it (5/26/00, ...)
 *   fails the burn having written nothing, with the sense as a sentence;
 * - WRITE(10) of consecutive blocks from the ATIP lead-in start (LBA = MSF - 450150: 97:27:00 gives
 *   -11625, 11,475 lead-in sectors before -150) to the end of 6750 lead-out sectors, each command at
 *   most the transport's max_transfer bytes; main channel from the sector stream with data sectors
 *   scrambled (ECMA-130 Annex B: libburn scrambles what it writes raw, wodim's clone mode scrambles
 *   raw data sectors), subcode laid out per the block type (rawcd_subcode_raw96() or _pq16()), the
 *   lead-in CD-TEXT from rawcd_cdtext_for_disc(). In SAO: WRITE(10) of consecutive 2352-byte blocks of
 *   the stream's main channel, unscrambled (the drive scrambles), from LBA -150 (track 1's pregap as the
 *   stream generates it) to the last sector before the lead-out, no command crossing a change of data
 *   form of the cue sheet; with the CD-TEXT lead-in first 96-byte blocks of the lead-in's R-W (P and Q
 *   bits zero: the drive makes them) from the ATIP lead-in start to -151;
 * - a command the drive answers "busy" (2/04/08 long write in progress, 2/04/07, 2/04/04, 2/04/01,
 *   6/x unit attention) is resent after a few milliseconds, at most RAWCD_BURN_MAX_RETRIES times; a
 *   recovered error (1/x/x) is success; anything else (e.g. 5/21/02, 3/0C/09, a timeout, a transport
 *   error) ends the burn with the command and the sense sentence;
 * - SYNCHRONIZE CACHE with Immed, then TEST UNIT READY until the drive is done (also after a failure or
 *   a cancel once writing started, as libburn does);
 * - opts->verify: rawcd_burn_verify(); opts->eject: START STOP UNIT.
 * Appending (IMAPI StartOfNextSession, cdrecord -multi): when READ DISC INFORMATION says the disc is
 * appendable (status 01b, next lead-in in bytes 17-19), READ TOC format 2 gives its sessions and @p disc
 * is burned as the sessions after them: its track numbers moved after the disc's last track, the first
 * new lead-in at the drive's next lead-in, its program area where the last session's B0 says (else 4500
 * sectors on), INDEX 01 150 sectors later (Orange Book part II, as rawcd_disc_layout() places a later
 * session). Only the new sessions are written (from that lead-in, result->first_lba, for result->total
 * blocks); result->leadout_lba is the new last lead-out, checked against the ATIP's last possible one
 * (RAWCD_E_LAYOUT, nothing written). An image with recorded subcode is not appended (RAWCD_E_UNSUPPORTED).
 * @param cancel polled before every WRITE; non-zero stops the writes, flushes the cache and returns
 *        RAWCD_E_CANCELED, and the diagnostics say that the disc is unusable (a raw DAO or SAO write
 *        cannot be resumed) unless it was a simulation or nothing was written yet. NULL for none.
 * @param progress NULL for none; @p progress_user is passed to it.
 * @param result NULL or filled in full whatever the outcome.
 * @return RAWCD_OK only when every command succeeded (a mismatch found by the verify is in
 *         result->verify_mismatches, what it could not check in result->verify_unchecked, not in the
 *         return value); RAWCD_E_IO (the device: not an MMC drive, read-only, no disc, not CD-R/RW, not
 *         blank, no ATIP, no accepted write mode, a refused cue sheet, a failed command); RAWCD_E_LAYOUT
 *         (the disc does not fit the medium); RAWCD_E_UNSUPPORTED (multisession in SAO; appending an image with
 *         recorded subcode; a lead-in start before 90:00:00); RAWCD_E_INPUT (an input file, a bad
 *         CDTEXTFILE); RAWCD_E_CANCELED; RAWCD_E_NOMEM; RAWCD_E_ARG (NULL @p t or @p disc, a disc not
 *         laid out, a wrong options version).
 */
int rawcd_burn(rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *opts,
	       rawcd_burn_progress_fn progress, void *progress_user, const volatile sig_atomic_t *cancel,
	       struct rawcd_burn_result *result, rawcd_diag *diag);

/** What rawcd_burn_verify() found. Plain data. */
struct rawcd_verify_report {
	unsigned mismatches; /**< differences between the disc and the sheet (0: what was checked matches) */
	unsigned unchecked;  /**< RAWCD_VERIFY_MCN, _ISRC, _CDTEXT bits: what the drive could not report and
			          so was not compared (0: everything was) */
};

/**
 * Compare the disc in the drive with a laid-out disc model: the TOC read back (rawcd_drive_read_toc())
 * against rawcd_toc_from_disc() (first and last track, lead-out, each track's number, CONTROL and start;
 * each full-TOC item A0, A1, A2 and 01–99 by ADR, CONTROL and PMIN/PSEC/PFRAME); the MCN and each
 * track's ISRC read by rawcd_drive_read_mcn_isrc() (READ SUB-CHANNEL formats 2 and 3; the ISRC of a
 * track missing on the disc is not compared: the track is a difference already); and the CD-TEXT (READ
 * TOC format 5) against rawcd_cdtext_for_disc(). Each difference is a warning in @p diag starting
 * "verify:". What the drive
 * cannot report (READ SUB-CHANNEL failing or giving another format, format 5 refused while the sheet
 * has CD-TEXT) is a warning, not counted as a difference but named in @c unchecked.
 * @param out what was found, written on success.
 * @return RAWCD_OK (also when there are mismatches or unchecked parts); RAWCD_E_IO (the TOC could not
 *         be read; READ TOC format 5 failed other than by refusing, or returned no CD-TEXT packs);
 *         RAWCD_E_ARG (NULL @p t, @p disc or @p out, a disc not laid out); RAWCD_E_NOMEM;
 *         RAWCD_E_INPUT (a bad CDTEXTFILE).
 */
int rawcd_burn_verify(rawcd_transport *t, const struct rawcd_disc *disc, struct rawcd_verify_report *out,
		      rawcd_diag *diag);

/* ------------------------------------------------------------------------------------------------ */
/* Blanking, reading back                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** BLANK types (MMC-6 §6.2, Blanking Type field). */
enum rawcd_blank_type {
	RAWCD_BLANK_ALL = 0,    /**< the whole disc (minutes) */
	RAWCD_BLANK_MINIMAL = 1 /**< PMA, TOC and the first pregap (fast; the disc reads as blank) */
};

/**
 * Blank a CD-RW: preflight (read-write open, medium present, current profile CD-RW), Test Write cleared
 * in page 05h if it was set (as cdrdao does, so the blank is not simulated), BLANK with Immed, then
 * TEST UNIT READY until the drive is done (up to two hours).
 * @return RAWCD_OK; RAWCD_E_IO (read-only, no disc, not a CD-RW, BLANK refused or failed, timeout);
 *         RAWCD_E_ARG (NULL @p t, a type other than the two).
 */
int rawcd_blank(rawcd_transport *t, enum rawcd_blank_type type, rawcd_diag *diag);

/**
 * Read the TOC of the disc in the drive: READ TOC format 2 (the full TOC, with sessions and A0/A1/A2),
 * format 0 (tracks and lead-out as LBAs) and format 1 (sessions), each decoded with rawcd_toc_decode(),
 * and checked against one another (a disagreement is a warning). The result is format 2's when the
 * drive gives one, so rawcd_toc_to_json(…, NULL) prints it exactly as the expected TOC of a sheet
 * once rawcd_drive_read_mcn_isrc() has added the MCN and ISRCs (READ TOC has neither: left ""); else
 * format 0's.
 * @param out written only on success (struct rawcd_toc is large: put it on the heap).
 * @return RAWCD_OK; RAWCD_E_IO (no disc, a blank disc, the drive refused or garbled both formats 0
 *         and 2); RAWCD_E_ARG.
 */
int rawcd_drive_read_toc(rawcd_transport *t, struct rawcd_toc *out, rawcd_diag *diag);

/**
 * Read the disc's MCN and the tracks' ISRCs into a TOC read by rawcd_drive_read_toc(), so that
 * rawcd_toc_to_json(…, NULL) prints them as the expected TOC of a sheet does. Sends READ SUB-CHANNEL
 * (opcode 42h; MMC-3, T10/1363-D rev. 10g, READ SUB-CHANNEL: no longer in MMC-6, CD drives still answer
 * it) with SubQ = 1, LBA addressing and an allocation of RAWCD_MMC_SUBCHANNEL_LEN (24) bytes
 * (rawcd_mmc_cdb_read_subchannel()): format 2 (Media Catalogue Number) once, then format 3 (track ISRC)
 * for each track of @p toc in order, CDB byte 6 its number; each answer is checked by
 * rawcd_mmc_parse_subchannel(), and MCVAL / TCVAL 0 means the disc has none ("").
 * A drive that cannot report them is not an error: when the command fails (refused, e.g. 5/20/00 or
 * 5/24/00; timed out; not delivered) or returns data that is not the format asked for, a warning says
 * so in @p diag and what was not read is left "": the MCN, or the ISRC of that track and of every later
 * track (after the first failure no more ISRCs are asked for: a drive that refuses one refuses all).
 * @param toc in: the tracks (toc->tracks[].number, track_count); out: toc->mcn and every
 *        toc->tracks[i].isrc, each a NUL-terminated string or "" (none, or not reported). Nothing else
 *        is changed.
 * @param unread NULL, or set to the RAWCD_VERIFY_MCN and RAWCD_VERIFY_ISRC bits of what the drive could
 *        not report (0: both were read).
 * @return RAWCD_OK (also when the drive could not report them); RAWCD_E_ARG (NULL @p t or @p toc).
 */
int rawcd_drive_read_mcn_isrc(rawcd_transport *t, struct rawcd_toc *toc, unsigned *unread, rawcd_diag *diag);

/**
 * Read the CD-TEXT packs of the disc in the drive (READ TOC format 5), CRCs checked.
 * @param out filled on success (count 0 when the disc has none or the drive refuses format 5, the
 *        latter with a warning); free with rawcd_cdtext_packs_finish().
 * @return RAWCD_OK; RAWCD_E_IO (the command could not be delivered, timed out, or the response is
 *         not a format-5 response); RAWCD_E_ARG; RAWCD_E_NOMEM.
 */
int rawcd_drive_read_cdtext(rawcd_transport *t, struct rawcd_cdtext_packs *out, rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
