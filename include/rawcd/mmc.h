/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file mmc.h
 * @brief The MMC commands a raw DAO or SAO burn needs, with no I/O: CDB builders, response parsers, the
 *        Write Parameters page for MODE SELECT(10), the cue sheet of SAO writing, and sense data decoded
 *        into a sentence.
 *
 * Everything here is pure: no allocation, no global state, no system call. A transport (SG_IO, an
 * emulated drive) sends what the builders produce and hands the bytes it got back to the parsers.
 *
 * Sources. MMC-6 = T10/1836-D revision 2g; its clause numbers are given where they could be checked
 * (§6.2 BLANK, §6.5 GET CONFIGURATION, §6.8 INQUIRY, §6.11 MODE SELECT(10), §6.12 MODE SENSE(10),
 * §6.17 READ BUFFER CAPACITY, §6.21 READ DISC INFORMATION, §6.40 SEND CUE SHEET); for the other
 * commands the command and the table are named ("MMC-6, READ TRACK INFORMATION, Track Information
 * Block"). Features are MMC-6 clause 5 (002Dh CD Track at Once, 002Eh CD Mastering); the Write
 * Parameters page 05h is MMC-6 clause 7. The CD Capabilities and Mechanical Status page 2Ah and READ
 * SUB-CHANNEL are described by MMC-3 (T10/1363-D revision 10g), which later editions dropped; CD drives
 * still answer both.
 * Sense data: SPC-4 §4.5 (fixed and descriptor formats, sense keys, additional sense codes).
 *
 * Conventions. Multi-byte fields are big-endian. LBAs are signed: the lead-in is negative (DESIGN.md
 * §5). An MSF is a binary rawcd_msf (never BCD here); an absolute MSF maps to an LBA as msf.h says
 * (MSF - 150, or MSF - 450150 from 90:00:00). Speeds are kB/s of 1000 bytes (1x CD = 176.4 kB/s, sent as
 * 176 or 177). Allocation lengths are bytes.
 */
#ifndef RAWCD_MMC_H
#define RAWCD_MMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "msf.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rawcd_disc; /* disc.h: the laid-out disc a cue sheet is built from */

/* ------------------------------------------------------------------------------------------------ */
/* Operation codes and sizes                                                                          */
/* ------------------------------------------------------------------------------------------------ */

#define RAWCD_CDB_MAX 16 /**< bytes of every CDB buffer the builders fill (the longest SCSI CDB) */

/** The operation codes (CDB byte 0) of the commands built here. */
enum rawcd_mmc_opcode {
	RAWCD_MMC_OP_TEST_UNIT_READY = 0x00,
	RAWCD_MMC_OP_REQUEST_SENSE = 0x03,
	RAWCD_MMC_OP_START_STOP_UNIT = 0x1B,
	RAWCD_MMC_OP_INQUIRY = 0x12,
	RAWCD_MMC_OP_WRITE10 = 0x2A,
	RAWCD_MMC_OP_SYNCHRONIZE_CACHE = 0x35,
	RAWCD_MMC_OP_READ_SUBCHANNEL = 0x42,
	RAWCD_MMC_OP_READ_TOC = 0x43,
	RAWCD_MMC_OP_GET_CONFIGURATION = 0x46,
	RAWCD_MMC_OP_READ_DISC_INFORMATION = 0x51,
	RAWCD_MMC_OP_READ_TRACK_INFORMATION = 0x52,
	RAWCD_MMC_OP_MODE_SELECT10 = 0x55,
	RAWCD_MMC_OP_MODE_SENSE10 = 0x5A,
	RAWCD_MMC_OP_READ_BUFFER_CAPACITY = 0x5C,
	RAWCD_MMC_OP_SEND_CUE_SHEET = 0x5D,
	RAWCD_MMC_OP_BLANK = 0xA1,
	RAWCD_MMC_OP_SET_CD_SPEED = 0xBB
};

/* Allocation lengths that hold a whole response (bytes). */
#define RAWCD_MMC_INQUIRY_LEN 36          /**< standard INQUIRY data up to the revision (SPC-4) */
#define RAWCD_MMC_DISC_INFO_LEN 34        /**< Disc Information Block without OPC tables */
#define RAWCD_MMC_ATIP_LEN 28             /**< READ TOC format 4: header and ATIP descriptor with A1–A3 */
#define RAWCD_MMC_TRACK_INFO_LEN 48       /**< Track Information Block of MMC-5/6 */
#define RAWCD_MMC_BUFFER_CAPACITY_LEN 12  /**< READ BUFFER CAPACITY, Block = 0 */
#define RAWCD_MMC_SUBCHANNEL_LEN 24       /**< READ SUB-CHANNEL formats 1, 2 and 3 */
#define RAWCD_MMC_MODE_HEADER_LEN 8       /**< mode parameter header (10) */
#define RAWCD_MMC_PAGE_MAX 257            /**< a mode page: code, length byte, at most 255 bytes */
/** MODE SENSE(10) allocation for one page without block descriptor. */
#define RAWCD_MMC_MODE_SENSE_LEN (RAWCD_MMC_MODE_HEADER_LEN + RAWCD_MMC_PAGE_MAX)
#define RAWCD_MMC_WRITE_PARAMS_PAGE_LENGTH 0x32 /**< page 05h length byte on CD drives (52-byte page) */
#define RAWCD_SENSE_MAX 252               /**< the most sense data a drive can return (SPC-4) */

/* Profiles (MMC-6 clause 5, Profile List) and features used here. */
#define RAWCD_MMC_PROFILE_NONE 0x0000
#define RAWCD_MMC_PROFILE_CD_ROM 0x0008
#define RAWCD_MMC_PROFILE_CD_R 0x0009
#define RAWCD_MMC_PROFILE_CD_RW 0x000A
#define RAWCD_MMC_FEATURE_PROFILE_LIST 0x0000
#define RAWCD_MMC_FEATURE_CD_TAO 0x002D
#define RAWCD_MMC_FEATURE_CD_MASTERING 0x002E

/* Mode pages. */
#define RAWCD_MMC_PAGE_WRITE_PARAMETERS 0x05
#define RAWCD_MMC_PAGE_CAPABILITIES 0x2A

/* Write types (page 05h byte 2 bits 3–0) and the data block types raw writing uses (byte 4). */
#define RAWCD_MMC_WRITE_TAO 1
#define RAWCD_MMC_WRITE_SAO 2
#define RAWCD_MMC_WRITE_RAW 3
#define RAWCD_MMC_DBT_RAW 0         /**< 2352 main only */
#define RAWCD_MMC_DBT_RAW_PQ 1      /**< 2352 + 16 bytes P/Q: 2368 */
#define RAWCD_MMC_DBT_RAW_PW_PACK 2 /**< 2352 + 96, R-W packed (drive interleaves): 2448 */
#define RAWCD_MMC_DBT_RAW_PW 3      /**< 2352 + 96 raw P-W (host supplies all): 2448 */

/**
 * Bytes in one block of a data block type (MMC-6 clause 7, Write Parameters page, Data Block Type):
 * 0 → 2352, 1 → 2368, 2 and 3 → 2448, 8 → 2048, 9 → 2336, 10 → 2048, 11 → 2056, 12 → 2324,
 * 13 → 2332. WRITE(10) moves blocks × this many bytes.
 * @return the size, or 0 for a reserved or vendor type (4–7, 14, 15) or one over 15.
 */
size_t rawcd_mmc_block_size(unsigned data_block_type);

/** The name of a profile ("CD-R", "CD-RW", "CD-ROM", "DVD-ROM", …), or "unknown". Never NULL. */
const char *rawcd_mmc_profile_name(uint16_t profile);

/* ------------------------------------------------------------------------------------------------ */
/* CDB builders                                                                                       */
/*                                                                                                    */
/* Each writes its CDB at the start of @p cdb, sets the rest of the RAWCD_CDB_MAX bytes to 0, and     */
/* returns the CDB length (6, 10 or 12). Reserved fields and the CONTROL byte are 0. On RAWCD_E_ARG   */
/* (NULL @p cdb, a field out of range) @p cdb is left untouched.                                      */
/* ------------------------------------------------------------------------------------------------ */

/** TEST UNIT READY (SPC-4): `00 00 00 00 00 00`. @return 6; RAWCD_E_ARG. No data. */
int rawcd_mmc_cdb_test_unit_ready(uint8_t cdb[RAWCD_CDB_MAX]);

/**
 * REQUEST SENSE (SPC-4), fixed-format sense asked for (DESC = 0): `03 00 00 00 AL 00`.
 * @param allocation bytes of sense wanted, 1–252 (18 is the fixed format's usual size).
 * @return 6; RAWCD_E_ARG (0 or over 252).
 */
int rawcd_mmc_cdb_request_sense(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation);

/**
 * INQUIRY, standard data (MMC-6 §6.8, SPC-4): `12 00 00 AH AL 00` (EVPD 0, page 0; a 16-bit allocation
 * length in bytes 3–4, which older drives read from byte 4 alone, so keep it ≤ 255).
 * @param allocation bytes, 5–65535; RAWCD_MMC_INQUIRY_LEN gets vendor, product and revision.
 * @return 6; RAWCD_E_ARG (below 5).
 */
int rawcd_mmc_cdb_inquiry(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation);

/**
 * GET CONFIGURATION (MMC-6 §6.5): `46 RT FH FL 00 00 00 AH AL 00`.
 * @param rt 0 every feature from @p feature on, 1 only the current ones, 2 exactly @p feature.
 * @param feature the starting feature number (0000h profile list, 002Dh, 002Eh, …).
 * @param allocation bytes, 8–65535 (8 gets only the header with the current profile).
 * @return 10; RAWCD_E_ARG (rt over 2, allocation below 8 or over 65535).
 */
int rawcd_mmc_cdb_get_configuration(uint8_t cdb[RAWCD_CDB_MAX], unsigned rt, uint16_t feature,
				    unsigned allocation);

/**
 * MODE SENSE(10) (MMC-6 §6.12, SPC-4): `5A 00 PC|PAGE 00 00 00 00 AH AL 00` (DBD 0: MMC drives send no
 * block descriptor, and the parsers skip one if they do).
 * @param page 00h–3Fh (05h Write Parameters, 2Ah Capabilities).
 * @param page_control 0 current values, 1 changeable (a mask), 2 default, 3 saved.
 * @param allocation bytes, 8–65535; RAWCD_MMC_MODE_SENSE_LEN holds any one page.
 * @return 10; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_mode_sense10(uint8_t cdb[RAWCD_CDB_MAX], unsigned page, unsigned page_control,
			       unsigned allocation);

/**
 * MODE SELECT(10) (MMC-6 §6.11, SPC-4) with PF = 1 and SP = 0: `55 10 00 00 00 00 00 LH LL 00`.
 * The data sent is what rawcd_mmc_build_write_params() produced.
 * @param parameter_length bytes of that data (header and page), 8–65535.
 * @return 10; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_mode_select10(uint8_t cdb[RAWCD_CDB_MAX], unsigned parameter_length);

/**
 * READ DISC INFORMATION (MMC-6 §6.21), data type 000b (standard Disc Information Block):
 * `51 00 00 00 00 00 00 AH AL 00`.
 * @param allocation bytes, 1–65535; RAWCD_MMC_DISC_INFO_LEN.
 * @return 10; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_read_disc_information(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation);

/**
 * READ TOC/PMA/ATIP (MMC-6, READ TOC/PMA/ATIP; the clause toc.h cites): `43 T0 0F 00 00 00 TS AH AL 00`
 * with T = 02h when @p msf (the TIME bit, byte 1 bit 1) and the format in byte 2 bits 3–0. Byte 9 stays
 * 0: the old SFF-8020 format field there cannot say 4 or 5, and some drives that read it answer a
 * format-4 request with a format-0 TOC and GOOD status, which rawcd_mmc_parse_atip() catches.
 * @param format 0 formatted TOC, 1 session information, 2 full TOC, 3 PMA, 4 ATIP, 5 CD-TEXT.
 * @param msf addresses as MSF (formats 0, 1; format 2 is always MSF; set it for 4 as burners do).
 * @param track_session first track (format 0), session (format 2), else 0.
 * @param allocation bytes, 4–65535; RAWCD_MMC_ATIP_LEN for format 4.
 * @return 10; RAWCD_E_ARG (format over 5, allocation out of range).
 */
int rawcd_mmc_cdb_read_toc(uint8_t cdb[RAWCD_CDB_MAX], unsigned format, bool msf, unsigned track_session,
			   unsigned allocation);

/**
 * READ TRACK INFORMATION (MMC-6, READ TRACK INFORMATION): `52 AT N3 N2 N1 N0 00 AH AL 00`.
 * @param address_type 0 @p number is an LBA in the track, 1 a track number (FFh = the invisible,
 *        incomplete track), 2 a session number.
 * @param number as @p address_type says; big-endian in bytes 2–5.
 * @param allocation bytes, 4–65535; RAWCD_MMC_TRACK_INFO_LEN.
 * @return 10; RAWCD_E_ARG (address_type over 2).
 */
int rawcd_mmc_cdb_read_track_information(uint8_t cdb[RAWCD_CDB_MAX], unsigned address_type, uint32_t number,
					 unsigned allocation);

/**
 * SET CD SPEED (MMC-6, SET CD SPEED), rotation control 0 (CLV):
 * `BB 00 RH RL WH WL 00 00 00 00 00 00`.
 * @param read_kbs, write_kbs speeds in kB/s (1x = 176 or 177); 0xFFFF asks for the drive's fastest.
 * @return 12; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_set_cd_speed(uint8_t cdb[RAWCD_CDB_MAX], uint16_t read_kbs, uint16_t write_kbs);

/**
 * WRITE(10) (MMC-6, WRITE (10)): `2A 00 L3 L2 L1 L0 00 NH NL 00`. The LBA is written as 32-bit two's
 * complement, so the lead-in and pregap go out as is: -150 = FF FF FF 6A, -11625 = FF FF D2 97.
 * @param lba first block; any int32_t is encoded (the drive judges the range).
 * @param blocks transfer length in blocks of the page-05h data block type, 1–65535; the data phase
 *        is blocks × rawcd_mmc_block_size() bytes (keep it ≤ 64 KiB, DESIGN.md §5).
 * @return 10; RAWCD_E_ARG (0 blocks).
 */
int rawcd_mmc_cdb_write10(uint8_t cdb[RAWCD_CDB_MAX], int32_t lba, unsigned blocks);

/**
 * SYNCHRONIZE CACHE (MMC-6, SYNCHRONIZE CACHE): `35 02 00 00 00 00 00 00 00 00` with @p immed (byte 1
 * bit 1), else `35 00 …`. LBA 0 and 0 blocks: the whole cache. With Immed the drive answers at once
 * and TEST UNIT READY reports 2/04/08 until the flush is done.
 * @return 10; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_synchronize_cache(uint8_t cdb[RAWCD_CDB_MAX], bool immed);

/**
 * READ BUFFER CAPACITY (MMC-6 §6.17), Block = 0 (sizes in bytes): `5C 00 00 00 00 00 00 AH AL 00`.
 * @param allocation bytes, 12–65535; RAWCD_MMC_BUFFER_CAPACITY_LEN.
 * @return 10; RAWCD_E_ARG.
 */
int rawcd_mmc_cdb_read_buffer_capacity(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation);

/**
 * BLANK (MMC-6 §6.2), CD-RW only: `A1 I|TYPE N3 N2 N1 N0 00 00 00 00 00 00` with Immed in byte 1 bit 4.
 * @param type 0 whole disc, 1 minimal (PMA, TOC, first pregap), 2 track, 3 unreserve track,
 *        4 track tail, 5 unclose last session, 6 session.
 * @param number the start LBA or track number types 2–4 take; else 0.
 * @return 12; RAWCD_E_ARG (type over 6).
 */
int rawcd_mmc_cdb_blank(uint8_t cdb[RAWCD_CDB_MAX], unsigned type, bool immed, uint32_t number);

/**
 * READ SUB-CHANNEL (MMC-3, READ SUB-CHANNEL; dropped from later MMC editions, CD drives answer it):
 * `42 T0 40 FMT 00 00 TRK AH AL 00` with SubQ = 1 (byte 2 bit 6) and T = 02h when @p msf.
 * @param format 1 current position, 2 media catalogue number (MCN), 3 track ISRC.
 * @param track the track for format 3, else 0.
 * @param allocation bytes, 4–65535; RAWCD_MMC_SUBCHANNEL_LEN.
 * @return 10; RAWCD_E_ARG (format not 1–3).
 */
int rawcd_mmc_cdb_read_subchannel(uint8_t cdb[RAWCD_CDB_MAX], unsigned format, bool msf, unsigned track,
				  unsigned allocation);

/**
 * SEND CUE SHEET (MMC-6 §6.40): `5D 00 00 00 00 00 L2 L1 L0 00`, the cue sheet length in bytes as a
 * 24-bit number in bytes 6–8. The data sent is what rawcd_mmc_build_cue_sheet() produced; send it after
 * MODE SELECT of page 05h with write type SAO and before the first WRITE(10).
 * @param length bytes of cue sheet: a multiple of RAWCD_MMC_CUE_ENTRY_SIZE (8), 8–FFFFFFh.
 * @return 10; RAWCD_E_ARG (0, not a multiple of 8, over FFFFFFh).
 */
int rawcd_mmc_cdb_send_cue_sheet(uint8_t cdb[RAWCD_CDB_MAX], size_t length);

/* ------------------------------------------------------------------------------------------------ */
/* The cue sheet of session-at-once writing (MMC-6 §6.40, SEND CUE SHEET, and its cue sheet format)   */
/*                                                                                                    */
/* A cue sheet is a list of 8-byte entries: CTL/ADR (CONTROL in bits 7–4, ADR in bits 3–0), TNO,     */
/* INDEX, DATA FORM, SCMS, MIN, SEC, FRAME. ADR 1 entries say where a track and index start and in    */
/* which data form the host sends its blocks; MIN/SEC/FRAME is the absolute MSF, binary (not BCD),    */
/* LBA 0 = 00:02:00, so the pregap of track 1 (LBA -150) is 00:00:00. TNO and INDEX are binary too    */
/* (cdrdao and libburn send them so), the lead-out's TNO is AAh. ADR 2 entries carry the MCN and ADR 3 */
/* entries an ISRC as ASCII characters, which the drive encodes into Q itself.                        */
/* ------------------------------------------------------------------------------------------------ */

#define RAWCD_MMC_CUE_ENTRY_SIZE 8         /**< bytes of one cue sheet entry */
#define RAWCD_MMC_CUE_LEADOUT_TNO 0xAA     /**< TNO of the lead-out entry */

/*
 * Data forms (cue sheet byte 3). Bits 5–0 say what the host sends of the main channel, bits 7–6 what
 * of the sub-channel (00b none: the drive generates P and Q from the cue sheet; 01b R-W raw, 96 bytes a
 * block; 11b R-W packed). The values and sizes are MMC-6's "Data Form" table of the cue sheet format
 * (the same as MMC-3's table of SEND CUE SHEET); the "generated" forms make the drive write the blocks
 * itself, the host sends nothing for them (lead-in, lead-out).
 */
#define RAWCD_MMC_FORM_CDDA 0x00           /**< CD-DA: 2352 bytes of audio from the host */
#define RAWCD_MMC_FORM_CDDA_GENERATED 0x01 /**< CD-DA generated by the drive (silence): no data */
#define RAWCD_MMC_FORM_MODE1 0x10          /**< CD-ROM Mode 1: 2048 bytes of user data; sync, header, EDC
					        and ECC made by the drive */
#define RAWCD_MMC_FORM_MODE1_RAW 0x11      /**< CD-ROM Mode 1 raw: all 2352 bytes (sync, header, user
					        data, EDC, ECC) from the host */
#define RAWCD_MMC_FORM_MODE1_GENERATED 0x14 /**< CD-ROM Mode 1 generated by the drive: no data */
#define RAWCD_MMC_FORM_XA 0x20             /**< CD-ROM XA / CD-i (Mode 2 Form 1 or 2): 2336 bytes, the
					        subheader and user data; sync, header, EDC/ECC by the drive */
#define RAWCD_MMC_FORM_XA_RAW 0x21         /**< CD-ROM XA / CD-i raw: all 2352 bytes from the host */
#define RAWCD_MMC_FORM_XA_GENERATED 0x24   /**< CD-ROM XA / CD-i generated by the drive: no data */
#define RAWCD_MMC_FORM_MODE2 0x30          /**< CD-ROM Mode 2 formless: 2336 bytes of user data */
#define RAWCD_MMC_FORM_MODE2_RAW 0x31      /**< CD-ROM Mode 2 formless raw: all 2352 bytes */
#define RAWCD_MMC_FORM_MODE2_GENERATED 0x34 /**< CD-ROM Mode 2 generated by the drive: no data */
#define RAWCD_MMC_FORM_SUB_RW_RAW 0x40     /**< sub-channel bits 01b: 96 bytes of raw R-W follow the main
					        data of each block (the CD-TEXT lead-in: 41h) */
#define RAWCD_MMC_FORM_SUB_RW_PACKED 0xC0  /**< sub-channel bits 11b: 96 bytes of packed R-W */

/**
 * Bytes the host sends for one block in a data form: the main data of bits 5–0 (2352 for 00h, 11h,
 * 21h, 31h; 2048 for 10h; 2336 for 20h and 30h; 0 for the generated forms 01h, 14h, 24h, 34h) plus 96
 * when bits 7–6 are 01b or 11b. E.g. 11h → 2352, 41h → 96.
 * @return the size (0: the drive generates the blocks, the host sends none); RAWCD_E_ARG (a reserved
 *         main form such as 02h or 12h, or sub-channel bits 10b).
 */
int rawcd_mmc_data_form_size(unsigned data_form);

/**
 * Bytes of the cue sheet rawcd_mmc_build_cue_sheet() makes for @p disc: 8 per entry, entries as that
 * function lists them.
 * @return the length, or 0 when @p disc is NULL, not laid out, without tracks or has more than one
 *         session.
 */
size_t rawcd_mmc_cue_sheet_length(const struct rawcd_disc *disc);

/**
 * Build the cue sheet of a laid-out single-session disc for SAO writing with 2352-byte main-channel
 * blocks, so that the host sends exactly what `rawcd convert --format bin` writes (the sector stream
 * without scrambling: the drive scrambles data sectors itself in SAO) and the drive generates P and Q
 * from the cue sheet. Entries in order (MMC-6 §6.40 and research/burn.md §1.5):
 * - the MCN when the disc has one (CATALOG): two entries of ADR 2, CONTROL 0: bytes 1–7 the first 7
 *   digits as ASCII, then bytes 1–6 the last 6 and byte 7 zero;
 * - the lead-in: CONTROL of the first track, ADR 1, TNO 0, INDEX 0, the generated data form of the
 *   first track's kind (01h audio, 14h Mode 1, 24h Mode 2 / CD-i), or 41h (CD-DA generated by the drive
 *   with raw R-W from the host) when @p cdtext_leadin, MSF 00:00:00;
 * - per track: two ADR 3 entries with its ISRC when it has one (CONTROL of the track, TNO, bytes 2–7
 *   the first 6 characters as ASCII, then the last 6); INDEX 00 where the track has a pregap
 *   (pregap_lba before start_lba; the first track always, at 00:00:00 = LBA -150); INDEX 01 at
 *   start_lba; INDEX 02 and up at their LBAs. Each with the track's CONTROL (rawcd_track_control(), the
 *   nibble the TOC has), ADR 1, TNO and INDEX binary, the track's data form, SCMS 80h (alternate the
 *   copy bit) when the track has FLAGS SCMS, else 00h, and the absolute MSF of the LBA (LBA + 150);
 * - the lead-out: CONTROL of the last track, ADR 1, TNO AAh, INDEX 01, the generated data form of the
 *   last track's kind, the MSF of StartOfLeadout.
 * Data forms chosen (all 2352-byte, host-made sectors): AUDIO and CDG tracks 00h (CD+G graphics are not
 * sent: main channel only); MODE1/2048 and MODE1/2352 11h (Mode 1 raw: the host's sync, header, EDC and
 * ECC, as the stream encodes them); MODE2/2336, MODE2/2352, CDI/2336 and CDI/2352 21h (CD-ROM XA / CD-i
 * raw: the row of MMC's table for Form 1/2 sectors, which is what the stream makes of Mode 2 with a
 * subheader, and the disc type 20h/10h the sheet gives these discs; cdrdao likewise takes raw Mode 2 for
 * XA). 31h is never chosen.
 * @param buf receives the entries; @p capacity bytes available (rawcd_mmc_cue_sheet_length()).
 * @param out_len bytes written; set only on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, @p capacity too small, a disc not laid out or without tracks);
 *         RAWCD_E_UNSUPPORTED (more than one session: a cue sheet describes one session).
 */
int rawcd_mmc_build_cue_sheet(uint8_t *buf, size_t capacity, size_t *out_len, const struct rawcd_disc *disc,
			      bool cdtext_leadin);

/* ------------------------------------------------------------------------------------------------ */
/* Response parsers                                                                                   */
/*                                                                                                    */
/* Each takes the bytes the drive returned (@p len = what the transfer really delivered, i.e. the     */
/* allocation length less the residual), checks the length fields and what the format allows, and     */
/* writes @p out only on success. Errors: RAWCD_E_ARG (NULL @p out or @p buf); RAWCD_E_FORMAT (short, */
/* a length field that does not fit, a descriptor, page or format other than the one asked for, a     */
/* value out of range).                                                                               */
/* ------------------------------------------------------------------------------------------------ */

/** Standard INQUIRY data (SPC-4, MMC-6 §6.8). */
struct rawcd_mmc_inquiry {
	uint8_t qualifier;       /**< byte 0 bits 7–5: 0 = a device is connected */
	uint8_t device_type;     /**< byte 0 bits 4–0: 5 = CD/DVD drive (MMC) */
	bool removable;          /**< byte 1 bit 7 */
	uint8_t version;         /**< byte 2 */
	uint8_t response_format; /**< byte 3 bits 3–0 (2) */
	char vendor[9];          /**< bytes 8–15, trailing spaces dropped, NUL-terminated */
	char product[17];        /**< bytes 16–31, likewise */
	char revision[5];        /**< bytes 32–35, likewise */
};

/**
 * Parse standard INQUIRY data. Bytes outside 20h–7Eh in the strings become '?'.
 * @return RAWCD_OK; RAWCD_E_FORMAT (fewer than 36 bytes, additional length (byte 4) below 31);
 *         RAWCD_E_ARG.
 */
int rawcd_mmc_parse_inquiry(struct rawcd_mmc_inquiry *out, const uint8_t *buf, size_t len);

#define RAWCD_MMC_MAX_PROFILES 64

/** One entry of the Profile List feature. */
struct rawcd_mmc_profile {
	uint16_t number;  /**< RAWCD_MMC_PROFILE_… */
	bool current;     /**< CurrentP: the medium in the drive is of this profile */
};

/** GET CONFIGURATION feature 0000h, Profile List (MMC-6 §6.5 and clause 5). */
struct rawcd_mmc_profiles {
	uint16_t current_profile; /**< feature header bytes 6–7 (0 = no medium) */
	size_t count;
	struct rawcd_mmc_profile list[RAWCD_MMC_MAX_PROFILES]; /**< in the drive's order */
};

/** Feature 002Eh, CD Mastering (SAO and raw), payload byte 4 and bytes 5–7. */
struct rawcd_mmc_cd_mastering {
	uint16_t current_profile;      /**< feature header bytes 6–7 */
	bool current;                  /**< descriptor byte 2 bit 0: usable with the medium in the drive */
	bool buf;                      /**< bit 6: buffer underrun protection */
	bool sao;                      /**< bit 5: session at once */
	bool raw_ms;                   /**< bit 4: raw multi-session */
	bool raw;                      /**< bit 3: raw writing */
	bool test_write;               /**< bit 2 */
	bool cd_rw;                    /**< bit 1: writes CD-RW */
	bool rw;                       /**< bit 0: R-W subcode in SAO/raw */
	uint32_t max_cue_sheet_length; /**< bytes 5–7, bytes */
};

/** Feature 002Dh, CD Track at Once, payload byte 4 and bytes 6–7. */
struct rawcd_mmc_cd_tao {
	uint16_t current_profile; /**< feature header bytes 6–7 */
	bool current;             /**< descriptor byte 2 bit 0 */
	bool buf;                 /**< bit 6 */
	bool rw_raw;              /**< bit 4: R-W raw subcode (data block type 3) */
	bool rw_pack;             /**< bit 3: R-W packed subcode (data block type 2) */
	bool test_write;          /**< bit 2 */
	bool cd_rw;               /**< bit 1 */
	bool rw_subcode;          /**< bit 0 */
	uint16_t data_types;      /**< bytes 6–7: bit n set = data block type n supported */
};

/**
 * Parse a GET CONFIGURATION response whose first descriptor must be the Profile List (0000h), as a
 * request with starting feature 0 returns it. Each profile descriptor is 4 bytes.
 * @return RAWCD_OK; RAWCD_E_UNSUPPORTED (the header says no descriptor follows); RAWCD_E_FORMAT
 *         (shorter than the 8-byte header, data length below 4, a descriptor cut short, the first
 *         descriptor another feature, an additional length not a multiple of 4, over
 *         RAWCD_MMC_MAX_PROFILES profiles); RAWCD_E_ARG.
 */
int rawcd_mmc_parse_profiles(struct rawcd_mmc_profiles *out, const uint8_t *buf, size_t len);

/**
 * Parse a GET CONFIGURATION response to RT = 2, starting feature 002Eh. The first descriptor must be
 * 002Eh: some drives ignore RT and the starting feature and send their whole list (QEMU's scsi-cd
 * starts with the profile list), and taking that for the feature asked for is the mistake this
 * check exists to catch.
 * @return RAWCD_OK; RAWCD_E_UNSUPPORTED (no descriptor: the drive has no such feature);
 *         RAWCD_E_FORMAT (short, data length below 4, the first descriptor another feature or cut
 *         short, additional length below 4); RAWCD_E_ARG.
 */
int rawcd_mmc_parse_cd_mastering(struct rawcd_mmc_cd_mastering *out, const uint8_t *buf, size_t len);

/** As rawcd_mmc_parse_cd_mastering(), for feature 002Dh (CD Track at Once). */
int rawcd_mmc_parse_cd_tao(struct rawcd_mmc_cd_tao *out, const uint8_t *buf, size_t len);

#define RAWCD_MMC_MAX_WRITE_SPEEDS 32

/** MODE SENSE(10) page 2Ah, CD Capabilities and Mechanical Status (MMC-3, that page's table). */
struct rawcd_mmc_capabilities {
	bool cd_r_read, cd_rw_read;       /**< byte 2 bits 0, 1 */
	bool cd_r_write, cd_rw_write;     /**< byte 3 bits 0, 1 */
	bool test_write;                  /**< byte 3 bit 2 */
	bool buf;                         /**< byte 4 bit 7: buffer underrun protection (BURN-Proof) */
	bool multisession;                /**< byte 4 bit 6 */
	bool rw_supported;                /**< byte 5 bit 2: reads R-W */
	bool rw_deinterleaved;            /**< byte 5 bit 3 */
	bool cdda_accurate;               /**< byte 5 bit 1 */
	bool isrc, upc;                   /**< byte 5 bits 5, 6 */
	uint16_t max_read_speed;          /**< bytes 8–9, kB/s */
	uint16_t buffer_size;             /**< bytes 12–13, kB (1024 bytes) */
	uint16_t current_read_speed;      /**< bytes 14–15, kB/s */
	uint16_t max_write_speed;         /**< bytes 18–19, kB/s; 0 if the page stops before them */
	uint16_t current_write_speed;     /**< bytes 28–29 if present and not 0, else 20–21; kB/s */
	size_t write_speed_count;         /**< write speed descriptors read (bytes 30–31 and 32 on) */
	uint16_t write_speeds[RAWCD_MMC_MAX_WRITE_SPEEDS]; /**< kB/s, in the drive's order */
};

/**
 * Parse a MODE SENSE(10) response holding page 2Ah. The header's block descriptor length is skipped;
 * the page must be 2Ah (PS bit ignored), at least 18 bytes long (page length ≥ 10h), and fit both the
 * response and the mode data length. Fields past the page's end read as 0; descriptors beyond
 * RAWCD_MMC_MAX_WRITE_SPEEDS or the page are not read.
 * @return RAWCD_OK; RAWCD_E_FORMAT; RAWCD_E_ARG.
 */
int rawcd_mmc_parse_capabilities(struct rawcd_mmc_capabilities *out, const uint8_t *buf, size_t len);

/** MODE SENSE(10) page 05h, Write Parameters (MMC-6 clause 7): the fields, and the page to edit. */
struct rawcd_mmc_write_params {
	uint8_t write_type;            /**< byte 2 bits 3–0: 0 packet, 1 TAO, 2 SAO, 3 raw */
	bool test_write;               /**< byte 2 bit 4 */
	bool ls_v;                     /**< byte 2 bit 5: link size valid */
	bool bufe;                     /**< byte 2 bit 6: buffer underrun protection on */
	uint8_t multisession;          /**< byte 3 bits 7–6: 0 no B0, 1 B0 FF:FF:FF, 3 next session allowed */
	bool fp;                       /**< byte 3 bit 5: fixed packet */
	bool copy;                     /**< byte 3 bit 4: SCMS copy bit */
	uint8_t track_mode;            /**< byte 3 bits 3–0 (Q CONTROL) */
	uint8_t data_block_type;       /**< byte 4 bits 3–0 */
	uint8_t link_size;             /**< byte 5 */
	uint8_t host_application_code; /**< byte 7 bits 5–0 */
	uint8_t session_format;        /**< byte 8: 00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA */
	uint32_t packet_size;          /**< bytes 10–13, blocks */
	uint16_t audio_pause_length;   /**< bytes 14–15, blocks */
	size_t page_len;               /**< bytes in page[]: 2 + the page length byte */
	uint8_t page[RAWCD_MMC_PAGE_MAX]; /**< the page as the drive sent it (byte 0 = PS | 05h) */
};

/**
 * Parse a MODE SENSE(10) response holding page 05h: as rawcd_mmc_parse_capabilities(), the page must
 * be 05h, at least 16 bytes (page length ≥ 0Eh, through the audio pause length), inside the response
 * and the mode data length.
 * @return RAWCD_OK; RAWCD_E_FORMAT; RAWCD_E_ARG.
 */
int rawcd_mmc_parse_write_params(struct rawcd_mmc_write_params *out, const uint8_t *buf, size_t len);

/** What to put into page 05h before MODE SELECT(10) (DESIGN.md §5). */
struct rawcd_mmc_write_setup {
	uint8_t write_type;      /**< RAWCD_MMC_WRITE_TAO, _SAO or _RAW */
	uint8_t data_block_type; /**< 0–3 or 8–13; raw writing takes 1, 2 or 3 only */
	bool test_write;         /**< simulate: the laser stays off */
	bool bufe;               /**< buffer underrun protection (when the drive reports BUF) */
	uint8_t multisession;    /**< 0 (no next session, no B0), 1 or 3 */
	uint8_t track_mode;      /**< 0–15; 0 for raw and SAO */
	uint8_t session_format;  /**< 00h, 10h or 20h: the disc type of lead-in A0's PSEC */
};

/**
 * Build the MODE SELECT(10) parameter list for page 05h: an 8-byte mode parameter header of zeros
 * (mode data length 0 as SPC requires for MODE SELECT, no block descriptor), then the page with
 * byte 0 = 05h (PS cleared), byte 2 = BUFE << 6 | LS_V << 5 | Test Write << 4 | write type, byte 3 =
 * multi-session << 6 | FP << 5 | Copy << 4 | track mode, byte 4 = data block type, byte 8 = session
 * format. From @p base (the drive's own page, as cdrdao and wodim do) the other bytes, LS_V, FP and
 * Copy are kept and its page length used; with @p base NULL the page is built from zeros (as libburn
 * does) with page length 32h (52 bytes) and an audio pause length of 150 blocks (bytes 14–15).
 * Send it with rawcd_mmc_cdb_mode_select10(cdb, *out_len).
 * @param buf receives the list; @p capacity bytes available (8 + 52 = 60 suffice without @p base).
 * @param out_len bytes written; set only on success.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p buf, @p out_len or @p setup; write type not 1–3; data block
 *         type 4–7 or over 13; raw writing with a type other than 1–3; multi-session 2 or over 3; track
 *         mode over 15; session format not 00h/10h/20h; @p base not page 05h or shorter than 9 bytes;
 *         @p capacity too small).
 */
int rawcd_mmc_build_write_params(uint8_t *buf, size_t capacity, size_t *out_len,
				 const struct rawcd_mmc_write_setup *setup,
				 const struct rawcd_mmc_write_params *base);

/** READ DISC INFORMATION, standard Disc Information Block (MMC-6 §6.21). */
struct rawcd_mmc_disc_info {
	uint8_t disc_status;          /**< byte 2 bits 1–0: 0 blank, 1 incomplete (appendable), 2 complete,
					   3 other */
	uint8_t last_session_state;   /**< byte 2 bits 3–2: 0 empty, 1 incomplete, 2 reserved/damaged,
					   3 complete */
	bool erasable;                /**< byte 2 bit 4: CD-RW */
	unsigned first_track;         /**< byte 3 */
	unsigned sessions;            /**< bytes 9 (MSB) and 4 */
	unsigned first_track_last_session; /**< bytes 10 and 5 */
	unsigned last_track_last_session;  /**< bytes 11 and 6 */
	bool did_v, dbc_v, uru;       /**< byte 7 bits 7, 6, 5 */
	uint8_t disc_type;            /**< byte 8: 00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA, FFh undefined */
	uint32_t disc_id;             /**< bytes 12–15 (meaningful when did_v) */
	bool leadin_valid;            /**< bytes 17–19 are an MSF (m ≤ 99, s < 60, f < 75); FFs are not */
	struct rawcd_msf leadin_start; /**< last session's lead-in start (CD: MSF in bytes 17–19) */
	int32_t leadin_start_lba;     /**< its LBA (negative from 90:00:00 on) */
	bool leadout_valid;           /**< bytes 21–23 are an MSF */
	struct rawcd_msf last_leadout_start; /**< last possible lead-out start (bytes 21–23) */
	int32_t last_leadout_start_lba;
};

/**
 * Parse a Disc Information Block.
 * @return RAWCD_OK; RAWCD_E_FORMAT (fewer than 34 bytes, disc information length below 32 (0020h),
 *         data type (byte 2 bits 7–5) not 000b); RAWCD_E_ARG.
 */
int rawcd_mmc_parse_disc_info(struct rawcd_mmc_disc_info *out, const uint8_t *buf, size_t len);

/** READ TOC/PMA/ATIP format 4, the ATIP descriptor (MMC-6, READ TOC/PMA/ATIP, ATIP response). */
struct rawcd_mmc_atip {
	uint8_t writing_power;     /**< byte 4 bits 6–4: indicative target writing power */
	uint8_t reference_speed;   /**< byte 4 bits 2–0 */
	bool uru;                  /**< byte 5 bit 6: unrestricted use */
	bool disc_is_rw;           /**< byte 6 bit 6: 1 CD-RW, 0 CD-R */
	uint8_t disc_subtype;      /**< byte 6 bits 5–3 */
	bool a1_valid, a2_valid, a3_valid; /**< byte 6 bits 2, 1, 0 */
	struct rawcd_msf leadin_start;     /**< bytes 8–10: where writing starts; minute 80–99 */
	int32_t leadin_start_lba;          /**< MSF frames - 450150: 97:27:00 → -11625 */
	struct rawcd_msf last_leadout_start; /**< bytes 12–14: last possible lead-out start */
	int32_t last_leadout_start_lba;    /**< as msf.h maps an absolute MSF */
	uint8_t a1[3], a2[3], a3[3];       /**< bytes 16–18, 20–22, 24–26 as read; 0 if not sent */
};

/**
 * Parse a READ TOC format-4 (ATIP) response. The ATIP data length (bytes 0–1) must be at least 0016h
 * and the response at least 24 bytes; the lead-in start must be an MSF with minute 80–99 (as cdrdao
 * requires), seconds < 60, frames < 75, and the lead-out an MSF with minute ≤ 99. These checks reject
 * a format-0 TOC that a drive sent instead with GOOD status: a one-track TOC is too short (0012h),
 * and in a longer one bytes 8–10 hold the first track's address, minute 0. The minutes 80–89, which
 * MMC's LBA table does not map, count back from LBA 0 like 90–99.
 * @return RAWCD_OK; RAWCD_E_FORMAT; RAWCD_E_ARG.
 */
int rawcd_mmc_parse_atip(struct rawcd_mmc_atip *out, const uint8_t *buf, size_t len);

/** READ TRACK INFORMATION, Track Information Block (MMC-6, READ TRACK INFORMATION). */
struct rawcd_mmc_track_info {
	unsigned track;            /**< bytes 32 (MSB, when sent) and 2 */
	unsigned session;          /**< bytes 33 (MSB, when sent) and 3 */
	bool damage, copy;         /**< byte 5 bits 5, 4 */
	uint8_t track_mode;        /**< byte 5 bits 3–0 */
	bool reserved_track;       /**< byte 6 bit 7 (RT) */
	bool blank;                /**< byte 6 bit 6 */
	bool packet, fixed_packet; /**< byte 6 bits 5, 4 */
	uint8_t data_mode;         /**< byte 6 bits 3–0 */
	bool lra_valid, nwa_valid; /**< byte 7 bits 1, 0 */
	int32_t start;             /**< bytes 8–11: track start LBA */
	int32_t next_writable;     /**< bytes 12–15: NWA (in raw mode some drives give the lead-in start) */
	uint32_t free_blocks;      /**< bytes 16–19 */
	uint32_t fixed_packet_size; /**< bytes 20–23, blocks */
	uint32_t track_size;       /**< bytes 24–27, blocks */
	int32_t last_recorded;     /**< bytes 28–31 when sent, else 0 */
};

/**
 * Parse a Track Information Block.
 * @return RAWCD_OK; RAWCD_E_FORMAT (fewer than 28 bytes or a data length below 001Ah); RAWCD_E_ARG.
 */
int rawcd_mmc_parse_track_info(struct rawcd_mmc_track_info *out, const uint8_t *buf, size_t len);

/** READ BUFFER CAPACITY with Block = 0 (MMC-6 §6.17). */
struct rawcd_mmc_buffer_capacity {
	uint32_t length;       /**< bytes 4–7: the drive's write buffer, bytes */
	uint32_t blank;        /**< bytes 8–11: free bytes in it */
	unsigned fill_percent; /**< (length - blank) × 100 / length, rounded down; 0 if length is 0 */
};

/**
 * Parse READ BUFFER CAPACITY data.
 * @return RAWCD_OK; RAWCD_E_FORMAT (fewer than 12 bytes, data length below 000Ah, more blank than
 *         length); RAWCD_E_ARG.
 */
int rawcd_mmc_parse_buffer_capacity(struct rawcd_mmc_buffer_capacity *out, const uint8_t *buf, size_t len);

/** READ SUB-CHANNEL data (MMC-3, READ SUB-CHANNEL), formats 1, 2 and 3. */
struct rawcd_mmc_subchannel {
	uint8_t format;        /**< byte 4: 1, 2 or 3 (the one asked for) */
	uint8_t audio_status;  /**< header byte 1 */
	uint8_t adr, control;  /**< byte 5 (formats 1 and 3) */
	unsigned track;        /**< byte 6 (formats 1 and 3) */
	unsigned index;        /**< byte 7 (format 1) */
	int32_t absolute_lba;  /**< bytes 8–11 (format 1): LBA, or the LBA of the MSF there */
	int32_t relative;      /**< bytes 12–15 (format 1): sectors from the track's index 1; with MSF the
				    frames of the relative time, never negative */
	bool valid;            /**< byte 8 bit 7, MCVAL / TCVAL (formats 2 and 3) */
	char mcn[14];          /**< format 2, bytes 9–21: 13 digits, "" when not valid */
	char isrc[13];         /**< format 3, bytes 9–20: 12 characters 0–9 A–Z, "" when not valid */
};

/**
 * Parse READ SUB-CHANNEL data of the format asked for.
 * @param format the CDB's format, 1–3; byte 4 of the data must repeat it.
 * @param msf the CDB's MSF bit (format 1 addresses).
 * @return RAWCD_OK; RAWCD_E_FORMAT (short; sub-channel data length (bytes 2–3) below 12 for format 1
 *         or 20 for formats 2–3; byte 4 another format; an MSF out of range; a valid MCN not 13 digits
 *         or a valid ISRC not 12 of 0–9 A–Z); RAWCD_E_ARG (NULL, format not 1–3).
 */
int rawcd_mmc_parse_subchannel(struct rawcd_mmc_subchannel *out, unsigned format, bool msf,
			       const uint8_t *buf, size_t len);

/* ------------------------------------------------------------------------------------------------ */
/* Sense data (SPC-4 §4.5)                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** What a caller should do about a sense code (DESIGN.md §5, research/burn.md §1.6). */
enum rawcd_sense_class {
	RAWCD_SENSE_SUCCESS = 0,   /**< key 0 (no sense) or 1 (recovered error): the command did its work */
	RAWCD_SENSE_RETRY,         /**< 2/04/01, 2/04/04, 2/04/07, 2/04/08, 0/00/16 and unit attention (6/x,
				        e.g. 6/28, 6/29): send the same command again after a few ms */
	RAWCD_SENSE_NO_MEDIUM,     /**< 2/3A/xx: no disc */
	RAWCD_SENSE_NOT_SUPPORTED, /**< 5/20/00: the drive does not know the command */
	RAWCD_SENSE_REFUSED,       /**< 5/24/00, 5/26/xx: a field or the mode page was refused; try the next
				        variant */
	RAWCD_SENSE_FATAL          /**< everything else (5/21/00, 5/21/02, 3/0C/09, 5/2C/00, 5/64/00, 3/73/xx,
				        7/27/00, hardware errors, …) */
};

#define RAWCD_SENSE_MESSAGE_MAX 192

/** Decoded sense data. Plain data: copy it freely. */
struct rawcd_sense {
	uint8_t response_code;      /**< 70h/71h fixed, 72h/73h descriptor format */
	bool descriptor_format;
	bool deferred;              /**< 71h/73h: about an earlier command */
	uint8_t key;                /**< sense key 0–15 */
	uint8_t asc, ascq;          /**< additional sense code and qualifier */
	bool info_valid;            /**< the information field is valid (fixed byte 0 bit 7, descriptor 00h) */
	uint64_t information;       /**< e.g. the failing LBA of a WRITE */
	bool progress_valid;        /**< a progress indication is present (SKSV with key 0 or 2) */
	uint16_t progress;          /**< done, in 65536ths (BLANK, FORMAT, a long flush) */
	enum rawcd_sense_class sense_class;
	char message[RAWCD_SENSE_MESSAGE_MAX]; /**< "sense K/AA/QQ: " (hex) and a sentence */
};

/**
 * Decode sense data: fixed format (70h/71h: key byte 2 bits 3–0, ASC byte 12, ASCQ byte 13, which
 * needs 14 bytes and an additional sense length (byte 7) ≥ 6; information bytes 3–6 when byte 0 bit 7
 * is set; progress bytes 16–17 when byte 15 bit 7 is set and the key is 0 or 2) or descriptor format
 * (72h/73h: key byte 1, ASC byte 2, ASCQ byte 3; descriptors from byte 8 within the additional sense
 * length: 00h information, 02h sense-key specific progress). Sense data cut short by the sense buffer
 * (additional length pointing past @p len) is read as far as it goes. The class and message come from
 * rawcd_sense_from_codes().
 * @param out written only on success.
 * @return RAWCD_OK; RAWCD_E_FORMAT (response code not 70h–73h, fewer than 14 bytes (fixed) or 8
 *         (descriptor), fixed additional length below 6, a descriptor running past the data);
 *         RAWCD_E_ARG (NULL).
 */
int rawcd_sense_decode(struct rawcd_sense *out, const uint8_t *buf, size_t len);

/**
 * Describe a key/ASC/ASCQ triple: the class and a sentence from rawcd's table of the codes burning
 * meets (DESIGN.md §5), e.g. 2/04/08 → RAWCD_SENSE_RETRY, "sense 2/04/08: The drive is still writing
 * data from its buffer; send the same command again in a few milliseconds (long write in progress)."
 * A code not in the table gets the sentence and SPC-4 name of its sense key and "rawcd does not know
 * this code", after the numbers, and the class of its key (0, 1: success; 6: retry; else fatal).
 * Fills every field of @p out as a 70h fixed-format sense without information or progress.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL @p out, key over 15).
 */
int rawcd_sense_from_codes(struct rawcd_sense *out, uint8_t key, uint8_t asc, uint8_t ascq);

/** The name of a class: "success", "retry", "no medium", "not supported", "refused", "fatal";
 *  "unknown" for another value. Never NULL. */
const char *rawcd_sense_class_name(enum rawcd_sense_class sense_class);

/** The SPC-4 name of a sense key ("NO SENSE", "RECOVERED ERROR", "NOT READY", "MEDIUM ERROR",
 *  "HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT", "BLANK CHECK", …); "?" for a
 *  value over 15. Never NULL. */
const char *rawcd_sense_key_name(unsigned key);

#ifdef __cplusplus
}
#endif
#endif
