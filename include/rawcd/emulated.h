/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file emulated.h
 * @brief A TEST FAKE: an emulated CD-R/CD-RW recorder behind the transport interface (transport.h), so
 *        that the burn code runs in unit tests without a drive, with faults scripted as real drives
 *        produce them.
 *
 * It is not a drive and records nothing on any medium: what it receives is checked, counted, logged and
 * handed to a file or a callback you give. Behaviour follows DESIGN.md §5 and research/burn.md; where a
 * real drive's answer is not known, the fake picks a documented one and is stricter than most drives
 * (e.g. MODE SELECT wants the mode data length zeroed and PS cleared).
 *
 * The MMC subset, as a CD-R state machine (blank → recording → complete):
 * - TEST UNIT READY: 2/3A/00 without a medium; 2/04/01 for the first not_ready_polls; 2/04/08 (with
 *   progress) for flush_polls after SYNCHRONIZE CACHE with Immed, 2/04/07 for blank_polls after BLANK
 *   with Immed; else GOOD.
 * - REQUEST SENSE: the NOT READY sense of an operation in progress; with stale_request_sense the sense of
 *   the last CHECK CONDITION (as an ATAPI drive measured under QEMU does); else NO SENSE.
 * - INQUIRY: peripheral type 5, removable, the vendor, product and revision of the config.
 * - GET CONFIGURATION: current profile 0009h (CD-R) or 000Ah (CD-RW); features 0000h (profile list),
 *   0001h (core), 0003h (removable medium), 002Dh (CD TAO: byte 4 = 5Fh less cd_tao_clear, data types
 *   3F0Fh) and 002Eh (CD mastering: byte 4 = 6Fh less cd_mastering_clear, bytes 5–7 the maximum cue
 *   sheet length max_cue_sheet_length, default 000F00h = 480 entries); 002Dh and 002Eh are current
 *   while the disc is blank. RT 0, 1, 2 and the starting feature are honoured, or all ignored
 *   (ignore_rt: the whole list, as QEMU's scsi-cd does).
 * - MODE SENSE(10) pages 05h, 2Ah and 3Fh (both); page control 0, 1 (changeable mask) and 2 (saved
 *   values: 5/39/00); other pages 5/24/00. MODE SELECT(10) of page 05h (PF = 1, mode data length 0, PS 0,
 *   no more than 32h bytes of page): write type, data block type, Test Write, BUFE, multi-session and
 *   session format must be ones the features allow (RAW needs 002Eh Raw and data block type 1, 2 (002Dh
 *   R-W pack) or 3 (002Dh R-W raw); SAO needs 002Eh SAO; TAO/SAO take types 0–3 and 8–13; Test Write
 *   needs the TW bit, BUFE the BUF bit) and not refused by refused_write_types / refused_raw_block_types;
 *   else 5/26/00 (invalid field in parameter list). During a recording: 5/2C/00.
 * - READ DISC INFORMATION: blank (status 0, lead-in start and last possible lead-out from the ATIP),
 *   incomplete (1) while a real recording runs or after one failed, complete (2) after a burn.
 * - READ TOC/PMA/ATIP: format 4 (ATIP: lead-in start, last possible lead-out start, CD-RW bit; data
 *   length 1Ah) always; formats 0, 1, 2 and 5 once a burn completed, built from what was received: after
 *   a raw recording the lead-in's Q TOC items (ADR 1, TNO 0; A0, A1, A2 and the track POINTs, first value
 *   seen of each) are decoded from the subcode of the received blocks, after an SAO recording the drive
 *   makes them from the cue sheet (each track's INDEX 01 entry with its CONTROL; A0 with the first
 *   track's CONTROL and page 05h's session format as the disc type, A1 and A2 (the lead-out entry's MSF)
 *   with the last track's CONTROL); either way they are made into a full TOC (MIN/SEC/FRAME 0, as drives
 *   report them), and the CD-TEXT packs are decoded from the lead-in's R–W (4 packs a sector, CRC
 *   checked, collected until the cycle repeats; in SAO the 96-byte R–W blocks the host sent). Blank disc:
 *   5/24/00; Q items that make no TOC: 3/57/00. With toc_format_in_byte9 the format is read from CDB byte
 *   9 bits 7–6 instead, so a format-4 request gets a format-0 TOC with GOOD status (as QEMU's ATAPI
 *   emulation does; a blank disc then answers with a one-track TOC: data track 1 at LBA 0, lead-out at
 *   LBA 1000).
 * - READ TRACK INFORMATION: track 1 or FFh of a blank disc (blank, NWA valid: the ATIP lead-in start
 *   when page 05h says RAW, else 0); the tracks of a complete disc; else 5/24/00.
 * - READ SUB-CHANNEL (MMC-3; not in MMC-6): formats 2 (MCN) and 3 (the ISRC of the track in CDB byte 6) once a
 *   burn completed, from what was received (after SAO: the cue sheet's ADR 2 and ADR 3 entries, with the
 *   CONTROL of the ISRC entry and AFRAME 0): while raw WRITE(10) blocks arrive, the good Q frames from
 *   the pregap on (lead-out included) are decoded: ADR 1 gives the current track (its TNO; none in the
 *   lead-out), ADR 2 the MCN (13 BCD digits), ADR 3 an ISRC (5 six-bit characters, 7 BCD digits) of the
 *   current track; the first value seen of each is kept, a frame that is not valid BCD or characters is
 *   ignored. The 24-byte answer (header audio status 15h, sub-channel data length 20) has MCVal / TCVal
 *   set and the code and AFRAME filled when one was seen, else MCVal / TCVal 0; format 3's byte 5 is ADR
 *   3 with the CONTROL of the ISRC frame (the TOC's when none was seen). SubQ 0: the 4-byte header only
 *   (data length 0). The MSF bit is accepted (formats 2 and 3 carry no address). A disc that is not
 *   complete (blank, as after a Test Write, or incomplete), format 3 of a track not in the burned disc's
 *   TOC (or with no TOC), format 1 (no playback position) and any other format: 5/24/00.
 * - START STOP UNIT: with LoEj, Start 0 takes the disc out (no_medium from then on: 2/3A/00), Start 1
 *   puts it back; during a recording 5/2C/00.
 * - SET CD SPEED: GOOD, speeds kept. READ BUFFER CAPACITY (Block 0): buffer_size and its free bytes.
 * - PREVENT ALLOW MEDIUM REMOVAL (MMC-6 §6.13): Prevent bit 0 kept; while set, START STOP UNIT's eject
 *   gets 5/53/02 (medium removal prevented). GET EVENT STATUS NOTIFICATION (§6.6): polled only (else
 *   5/24/00); the media class (request bit 4): event MediaRemoval or NewMedia once after START STOP UNIT
 *   took the disc out or put it back, else NoChg, and the media status (Media Present, or Door Open when
 *   out); other classes: NEA. READ CAPACITY (§6.18): the burned disc's lead-out LBA less one, 0 while no
 *   disc is complete; blocks of 2048 bytes. MECHANISM STATUS (§6.10): the 8-byte header, no changer slots
 *   (Door Open when out, state writing while a recording runs). These are what cdrdao 1.2.4, wodim
 *   1.1.11 and the kernel's sr driver send besides a burn's commands (tests/kernel/).
 * - SEND CUE SHEET (MMC-6 §6.40): only on a blank disc outside a recording with page 05h write type SAO
 *   (else 5/2C/00); the length in CDB bytes 6–8 must be 1 to the feature 002Eh maximum and equal the data
 *   sent (else 5/1A/00); the sheet is checked as a strict drive would, else 5/26/00: entries of 8 bytes;
 *   optionally two ADR 2 entries first (13 ASCII digits, then a zero byte); the lead-in entry (ADR 1,
 *   TNO 0, INDEX 0, SCMS 0, MSF 00:00:00, data form 01h, 14h, 24h, 34h, or 41h: the host sends the
 *   lead-in's R–W); tracks in order: the first track's first entry INDEX 00 at 00:00:00 (LBA -150), a
 *   track's further entries the next index, the next track (TNO + 1, at most 99) with INDEX 00 or 01 once
 *   the previous one had INDEX 01; a track's two ADR 3 entries (5 characters 0–9 A–Z and 7 digits) right
 *   before its first ADR 1 entry; every MSF valid and increasing; track data forms 00h, 10h, 11h, 20h,
 *   21h, 30h or 31h (no sub-channel bits), SCMS 00h or 80h; the lead-out entry last (TNO AAh, INDEX 01, a
 *   generated form, after the last index). An accepted sheet is held until a recording ends
 *   (SYNCHRONIZE CACHE after WRITEs) or BLANK; a new one replaces it.
 * - WRITE(10) in write type SAO: needs a cue sheet (else 5/2C/00); blocks strictly consecutive from LBA
 *   -150, or from the ATIP lead-in start when the lead-in entry's form is 41h (else 5/21/02, the block is
 *   not taken), none at or past the lead-out entry (5/21/00); each block as many bytes as the data form of
 *   the cue sheet region it falls in (rawcd_mmc_data_form_size(): 2352 for 00h, 11h, 21h, 31h; 96 for the
 *   lead-in's 41h), the data exactly blocks × that (else 5/24/00), one command within one data form
 *   (else 5/24/00); the same blank-disc, failed-recording and buffer rules as raw writes. Counted as
 *   lead-in blocks (their R–W collected as CD-TEXT packs), pregap blocks (-150..-1) and program blocks,
 *   and in sao_blocks; handed to the sink like raw blocks.
 * - WRITE(10) in write type RAW: needs page 05h write type RAW (else 5/64/00), data block type 1, 2 or 3
 *   (2368 or 2448 bytes a block; the data must be blocks × that, else 5/24/00), a blank disc (else
 *   5/21/02), blocks strictly consecutive from the ATIP lead-in start (LBA = MSF - 450150: 97:27:00 is
 *   -11625; else 5/21/02, the block is not taken), none past the last possible lead-out start + 6750
 *   (5/21/00), and room in the buffer (else 2/04/08). Every block's Q CRC is checked; lead-in sectors
 *   (LBA < -150), lead-in TOC frames, pregap, program and lead-out (Q TNO AAh) frames are counted;
 *   accepted data is appended to sink_path and passed to sink. With Test Write set by the first WRITE of
 *   a recording, all of this happens but the disc stays blank.
 * - SYNCHRONIZE CACHE: ends a recording (the disc becomes complete unless it was a Test Write; a failed
 *   real recording, an SAO one that stopped before the lead-out entry or a raw one that sent no
 *   lead-out frame, leaves it incomplete) and drops
 *   the cue sheet; with Immed, TEST UNIT READY then reports 2/04/08 flush_polls times. BLANK (types 0 and
 *   1, CD-RW only; else 5/24/00): the disc is blank again.
 * - While an Immed operation runs, WRITE(10), MODE SELECT(10), SYNCHRONIZE CACHE and BLANK get the
 *   same NOT READY answer as TEST UNIT READY (without counting as a poll).
 * - Any other operation code: 5/20/00 (REZERO UNIT 01h and READ BUFFER 3Ch among them, which cdrdao and
 *   wodim send and go on without).
 *
 * The buffer: every command first drains drain_per_command bytes of it; a WRITE adds its bytes and is
 * answered 2/04/08 (long write in progress, not carried out) when they do not fit. SYNCHRONIZE CACHE
 * empties it.
 *
 * Like the kernel, the fake refuses before the "drive" sees it: a data length over transfer_limit with
 * os_error EINVAL, and when read_only the write-class commands (MODE SELECT, SET CD SPEED, WRITE,
 * SYNCHRONIZE CACHE, BLANK, SEND CUE SHEET, SEND OPC INFORMATION) with os_error EPERM; execute then
 * returns RAWCD_E_IO. Results are judged by the same rules as SG_IO's: a CHECK CONDITION comes with
 * fixed-format sense, status 02h and driver_status 08h; a timeout with status 0 and host_status 03h.
 *
 * Not thread-safe; one transport per test. Multisession (ADR 5 items) is not decoded.
 */
#ifndef RAWCD_EMULATED_H
#define RAWCD_EMULATED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cdtext.h"
#include "diag.h"
#include "msf.h"
#include "toc.h"
#include "transport.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a scripted fault answers the commands it hits. */
enum rawcd_emu_fault_kind {
	RAWCD_EMU_FAULT_SENSE = 0, /**< CHECK CONDITION with key/asc/ascq; the command is not carried out. On
				        WRITE(10), key 3 (medium error, e.g. 3/0C/09 loss of streaming) or 4
				        (hardware error) also ends the recording: later WRITEs get 5/2C/00 */
	RAWCD_EMU_FAULT_RECOVERED, /**< the command is carried out, then CHECK CONDITION with key/asc/ascq
				        (give key 1, recovered error, which must count as success) */
	RAWCD_EMU_FAULT_TIMEOUT,   /**< not carried out; the result says timed_out (host_status 03h) */
	RAWCD_EMU_FAULT_OS_ERROR   /**< not delivered: execute returns RAWCD_E_IO with os_error */
};

/**
 * One scripted fault. The fake counts the CDBs of each operation code it is given (1, 2, 3, ...; the
 * ones a fault or the kernel-like checks answered count too). The fault hits occurrence n when
 * n >= first and either (every == 0 and n - first < count, count 0 meaning every n from first on) or
 * (every > 0 and (n - first) % every < max(count, 1)).
 * Example: 2/04/08 on the 5th, 6th and 7th WRITE(10), then success: {RAWCD_MMC_OP_WRITE10, 5, 3, 0,
 * RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x08, 0}. When several faults hit one command, the first listed wins.
 */
struct rawcd_emu_fault {
	uint8_t opcode;                   /**< CDB byte 0 of the commands to hit */
	unsigned first;                   /**< 1-based occurrence where it starts (0 counts as 1) */
	unsigned count;                   /**< occurrences hit in a row */
	unsigned every;                   /**< period in occurrences; 0 for no repetition */
	enum rawcd_emu_fault_kind kind;
	uint8_t key, asc, ascq;           /**< the sense (SENSE, RECOVERED) */
	int os_error;                     /**< the errno (OS_ERROR), e.g. EIO */
};

/**
 * Receives the data of every accepted WRITE(10), in order: @p blocks blocks of @p block_size bytes from
 * LBA @p lba on, as sent: 2368 or 2448 in write type RAW (main channel then subcode), 2352 in SAO (main
 * channel of a 2352-byte data form) or 96 (the R–W of an SAO lead-in). Return 0 to go on; any other value
 * makes that WRITE fail with 4/44/00 (internal target failure) and ends the recording.
 */
typedef int (*rawcd_emu_sink_fn)(void *user, int32_t lba, const uint8_t *data, size_t blocks, size_t block_size);

/**
 * The recorder to emulate. Start from RAWCD_EMU_CONFIG_INIT: every field left 0 (false, NULL) means the
 * default named with it.
 */
struct rawcd_emu_config {
	unsigned version;                 /**< RAWCD_EMU_CONFIG_VERSION */
	uint16_t profile;                 /**< RAWCD_MMC_PROFILE_CD_R (0: that) or RAWCD_MMC_PROFILE_CD_RW */
	bool no_medium;                   /**< no disc in the drive: 2/3A/00 for medium commands */
	struct rawcd_msf atip_leadin;     /**< ATIP lead-in start (00:00:00: 97:27:00, LBA -11625); where
					       writing must begin */
	struct rawcd_msf atip_leadout;    /**< last possible lead-out start (00:00:00: 79:59:74) */
	uint8_t cd_mastering_clear;       /**< bits cleared from feature 002Eh byte 4 (6Fh: BUF, SAO, raw,
					       Test Write, CD-RW, R-W) */
	uint8_t cd_tao_clear;             /**< bits cleared from feature 002Dh byte 4 (5Fh: BUF, R-W raw, R-W
					       pack, Test Write, CD-RW, R-W subcode) */
	uint16_t refused_raw_block_types; /**< bit n: MODE SELECT refuses write type RAW with data block type n
					       (5/26/00), whatever the features say: a drive that claims more
					       than it does */
	uint8_t refused_write_types;      /**< bit n: MODE SELECT refuses write type n (5/26/00) */
	size_t max_transfer;              /**< bytes that max_transfer reports (0: RAWCD_MAX_TRANSFER_DEFAULT) */
	size_t transfer_limit;            /**< bytes a command may move before EINVAL (0: max_transfer); set it
					       lower to emulate a queue that lies about its limit */
	uint32_t buffer_size;             /**< bytes of write buffer (0: 2 MiB) */
	uint32_t drain_per_command;       /**< bytes the buffer drains at every command (0: 64 KiB) */
	unsigned not_ready_polls;         /**< TEST UNIT READYs answered 2/04/01 (becoming ready) first */
	unsigned flush_polls;             /**< TEST UNIT READYs answered 2/04/08 after SYNCHRONIZE CACHE Immed */
	unsigned blank_polls;             /**< TEST UNIT READYs answered 2/04/07 after BLANK Immed */
	bool read_only;                   /**< opened O_RDONLY: t->read_only, write-class commands get EPERM */
	int open_error;                   /**< non-zero: the open fails with this errno (e.g. EBUSY) */
	bool ignore_rt;                   /**< GET CONFIGURATION ignores RT and the starting feature */
	bool toc_format_in_byte9;         /**< READ TOC takes its format from CDB byte 9 bits 7–6 */
	bool stale_request_sense;         /**< REQUEST SENSE returns the last CHECK CONDITION's sense */
	const char *vendor;               /**< INQUIRY (NULL: "RAWCD"), at most 8 characters used */
	const char *product;              /**< (NULL: "EMULATED CD-R"), at most 16 */
	const char *revision;             /**< (NULL: "1.0"), at most 4 */
	const char *name;                 /**< t->name (NULL: "emulated") */
	const char *sink_path;            /**< file created (truncated) at open; receives the data of every
					       accepted WRITE(10) appended, test writes included (NULL: none) */
	rawcd_emu_sink_fn sink;           /**< called for every accepted WRITE(10) (NULL: none) */
	void *sink_user;                  /**< passed to @c sink */
	const struct rawcd_emu_fault *faults; /**< copied at open */
	size_t fault_count;
	rawcd_diag *diag;                 /**< receives the reason when the open fails (NULL: none) */
	uint32_t max_cue_sheet_length;    /**< bytes of cue sheet the drive takes, feature 002Eh bytes 5–7
					       (0: 000F00h, 3840 bytes = 480 entries) */
};
#define RAWCD_EMU_CONFIG_VERSION 1
#define RAWCD_EMU_CONFIG_INIT { .version = RAWCD_EMU_CONFIG_VERSION }

/**
 * Open an emulated recorder.
 * @param out the transport, written only on success; close with rawcd_transport_close().
 * @param cfg NULL for every default.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out, a wrong version, a profile other than CD-R/CD-RW, an ATIP
 *         lead-in start that is not an MSF of minute 80–99, a last lead-out start that is not an MSF
 *         below it, a fault list without faults or a fault of an unknown kind); RAWCD_E_IO (open_error
 *         set, or sink_path cannot be created; a diagnostic in cfg->diag as rawcd_transport_open_sg()
 *         words it); RAWCD_E_NOMEM.
 */
int rawcd_transport_open_emulated(rawcd_transport **out, const struct rawcd_emu_config *cfg);

/** true if @p t was opened by rawcd_transport_open_emulated(). */
bool rawcd_transport_is_emulated(const rawcd_transport *t);

/** One CDB the fake received, with its key fields and what it answered. */
struct rawcd_emu_command {
	uint8_t cdb[RAWCD_CDB_MAX];       /**< as sent, zero after cdb_len */
	size_t cdb_len;
	uint8_t opcode;                   /**< cdb[0] */
	unsigned occurrence;              /**< 1-based count of this opcode (what faults match) */
	enum rawcd_xfer dir;
	size_t len;                       /**< data bytes offered */
	unsigned timeout_ms;              /**< as passed (0 already replaced by the default) */
	int32_t lba;                      /**< WRITE(10): first LBA; else 0 */
	unsigned blocks;                  /**< WRITE(10): transfer length in blocks */
	unsigned format;                  /**< READ TOC: format from byte 2 (bits 3–0); READ SUB-CHANNEL:
					       byte 3 */
	unsigned page;                    /**< MODE SENSE(10): page asked for; MODE SELECT(10): page sent */
	unsigned rt;                      /**< GET CONFIGURATION: RT */
	unsigned feature;                 /**< GET CONFIGURATION: starting feature */
	bool immed;                       /**< SYNCHRONIZE CACHE, BLANK: Immed bit */
	uint8_t write_type;               /**< MODE SELECT(10) of page 05h: the write type sent */
	uint8_t data_block_type;          /**< ... the data block type sent */
	bool test_write;                  /**< ... the Test Write bit sent */
	int rc;                           /**< what execute returned */
	bool ok, timed_out, check_condition; /**< as in rawcd_cmd_result */
	uint8_t key, asc, ascq;           /**< the sense, when check_condition */
	int os_error;                     /**< when rc is RAWCD_E_IO */
	bool fault;                       /**< a scripted fault answered it */
};

/** Commands received so far (0 for NULL or a transport that is not emulated). */
size_t rawcd_emu_command_count(const rawcd_transport *t);

/** Command @p i in the order received; NULL past the end or for a transport that is not emulated. The
 *  pointer is valid until the next command or rawcd_emu_clear_log(). */
const struct rawcd_emu_command *rawcd_emu_command_get(const rawcd_transport *t, size_t i);

/** Forget the command log (counters of rawcd_emu_state stay). Accepts NULL. */
void rawcd_emu_clear_log(rawcd_transport *t);

/** The fake's state and what it counted. The recording fields, first_lba through cdtext_packs and sao_blocks,
 *  describe the current or last recording: they start again at the first WRITE(10) of a new one (a
 *  real burn after a Test Write, say). The command counters from writes on count since the open. */
struct rawcd_emu_state {
	uint8_t disc_status;        /**< 0 blank, 1 incomplete (recording, or a real one that failed),
				         2 complete */
	uint8_t write_type;         /**< page 05h now: write type */
	uint8_t data_block_type;    /**< data block type */
	bool test_write, bufe;      /**< Test Write, BUFE */
	uint8_t multisession;       /**< byte 3 bits 7–6 */
	uint8_t session_format;     /**< byte 8 */
	uint16_t read_speed, write_speed; /**< kB/s of the last SET CD SPEED (0 before one) */
	bool recording;             /**< WRITEs accepted and no SYNCHRONIZE CACHE yet */
	bool recording_test;        /**< the recording is a Test Write */
	bool recording_failed;      /**< a fault of key 3/4 or the sink ended it */
	int32_t first_lba;          /**< first LBA of the recording */
	int32_t next_lba;           /**< the LBA the next WRITE must start at */
	uint64_t blocks;            /**< blocks accepted */
	uint64_t bytes;             /**< bytes accepted */
	uint64_t bad_q_crc;         /**< blocks whose Q CRC is wrong */
	uint64_t leadin_blocks;     /**< blocks at LBA < -150 */
	uint64_t leadin_toc_frames; /**< of those, with a good Q of ADR 1, TNO 0 */
	uint64_t leadin_p_frames;   /**< of those, with P set (should be 0) */
	uint64_t leadin_bad_repeats;/**< runs of one TOC item not 3 frames long (the lead-in's last run apart) */
	uint64_t leadin_conflicts;  /**< TOC items seen with a value other than the first one of that POINT */
	uint64_t pregap_blocks;     /**< blocks at LBA -150..-1 */
	uint64_t pregap_p_frames;   /**< of those, with P set (should be all) */
	uint64_t program_blocks;    /**< blocks at LBA >= 0 that are not lead-out frames */
	uint64_t leadout_frames;    /**< blocks with a good Q of ADR 1, TNO AAh */
	size_t cdtext_packs;        /**< CD-TEXT packs collected from the lead-in's R–W */
	unsigned writes;            /**< WRITE(10) commands received */
	unsigned writes_refused;    /**< of those, answered with CHECK CONDITION (faults included) */
	unsigned busy_answers;      /**< 2/04/08 answers to WRITE (buffer full or scripted) */
	unsigned mode_selects, mode_selects_refused;
	unsigned syncs, blanks;
	unsigned faults_fired;      /**< commands a scripted fault answered */
	uint32_t buffer_size, buffer_fill; /**< bytes */
	bool sink_failed;           /**< the sink or the sink file failed */
	uint64_t sao_blocks;        /**< blocks accepted by WRITE(10) in write type SAO (lead-in R–W blocks
				         included) */
	unsigned cue_sheets;        /**< SEND CUE SHEET commands received */
	unsigned cue_sheets_refused;/**< of those, answered with CHECK CONDITION */
	bool cue_sheet;             /**< a cue sheet is held (accepted; no recording ended since) */
	size_t cue_sheet_length;    /**< bytes of the cue sheet accepted last (0 before one) */
	unsigned sessions;          /**< sessions closed on the disc (raw recordings that ended with their
	                                 lead-out; the disc stays appendable, disc_status 1 with sessions > 0,
	                                 while page 05h's Multi-session field was 11b at the end) */
};

/** Fill @p out. @return RAWCD_OK; RAWCD_E_ARG (NULL, not an emulated transport). */
int rawcd_emu_get_state(struct rawcd_emu_state *out, const rawcd_transport *t);

/**
 * The TOC decoded from the lead-in Q frames received so far (also after a Test Write), as READ TOC
 * format 2 would give it after the burn: A0, A1, A2, then the tracks, session 1, MIN/SEC/FRAME 0.
 * @param out written only on success.
 * @return RAWCD_OK; RAWCD_E_FORMAT (no lead-in received, or its items make no TOC: A0/A1/A2 missing,
 *         tracks not matching); RAWCD_E_ARG.
 */
int rawcd_emu_leadin_toc(struct rawcd_toc *out, const rawcd_transport *t);

/**
 * The CD-TEXT packs collected from the lead-in's R–W so far (count 0 if none).
 * @param out a copy, filled on success; free with rawcd_cdtext_packs_finish().
 * @return RAWCD_OK; RAWCD_E_ARG; RAWCD_E_NOMEM.
 */
int rawcd_emu_leadin_cdtext(struct rawcd_cdtext_packs *out, const rawcd_transport *t);

#ifdef __cplusplus
}
#endif
#endif
