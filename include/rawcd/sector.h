/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file sector.h
 * @brief The sector codec: sync, header, EDC, ECC and scrambling of 2352-byte CD-ROM sectors (ECMA-130).
 *
 * Layout of a 2352-byte data sector (ECMA-130 §14), byte offsets:
 *  - all modes: sync `00 FF×10 00` at 0..11 (§14.1); header at 12..15: minute, second, frame in BCD (the
 *    absolute time of the LBA, with the lead-in wrap of msf.h) and the mode byte (§14.2);
 *  - Mode 0: 2336 zero bytes at 16..2351;
 *  - Mode 1: user data 16..2063, EDC 2064..2067 (over 0..2063, §14.3), zero 2068..2075, P parity
 *    2076..2247, Q parity 2248..2351 (Annex A);
 *  - Mode 2 formless: 2336 user bytes at 16..2351;
 *  - Mode 2 Form 1: subheader 16..23, user data 24..2071, EDC 2072..2075 (over 16..2071), P and Q as in
 *    Mode 1 but computed with the 4 header bytes taken as zero;
 *  - Mode 2 Form 2: subheader 16..23, user data 24..2347, EDC 2348..2351 (over 16..2347).
 *
 * Mode 2 Forms come from the CD-ROM XA specification; ECMA-130 itself defines only formless Mode 2. The
 * Form is chosen by bit 5 (0x20) of the subheader's submode byte (byte 18 of the sector).
 *
 * Units: every `lba` is a logical block address (0 = MSF 00:02:00; negative in the pregap and the
 * lead-in; see msf.h); every `count` is a number of 2352-byte sectors; every size is in bytes.
 *
 * All functions are pure: they work on caller buffers, allocate nothing, do no I/O and keep no state,
 * so they may be called from any number of threads at once on different buffers. Fallible functions
 * return 0 (RAWCD_OK) or a negative RAWCD_E_* code (error.h) and write nothing on failure.
 */
#ifndef RAWCD_SECTOR_H
#define RAWCD_SECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RAWCD_SECTOR_SIZE
#define RAWCD_SECTOR_SIZE 2352 /**< bytes of main channel in a sector (ECMA-130 §14); also in disc.h */
#endif
#define RAWCD_SYNC_SIZE 12          /**< sync field `00 FF×10 00`, bytes 0..11 (§14.1) */
#define RAWCD_HEADER_SIZE 4         /**< header: 3 BCD MSF bytes and the mode byte, bytes 12..15 (§14.2) */
#define RAWCD_DATA_OFFSET 16        /**< first byte after sync and header */
#define RAWCD_SUBHEADER_SIZE 8      /**< Mode 2 XA subheader: file, channel, submode, coding info, twice */
#define RAWCD_MODE1_DATA_SIZE 2048  /**< Mode 1 user data, bytes 16..2063 */
#define RAWCD_MODE2_DATA_SIZE 2336  /**< Mode 2 (and Mode 0) bytes after the header, 16..2351 */
#define RAWCD_FORM1_DATA_SIZE 2048  /**< Mode 2 Form 1 user data, bytes 24..2071 */
#define RAWCD_FORM2_DATA_SIZE 2324  /**< Mode 2 Form 2 user data, bytes 24..2347 */
#define RAWCD_EDC_SIZE 4            /**< EDC field, little-endian */
#define RAWCD_MODE1_EDC_OFFSET 2064 /**< Mode 1 EDC, over bytes 0..2063 */
#define RAWCD_FORM1_EDC_OFFSET 2072 /**< Form 1 EDC, over bytes 16..2071 */
#define RAWCD_FORM2_EDC_OFFSET 2348 /**< Form 2 EDC, over bytes 16..2347 */
#define RAWCD_ECC_P_OFFSET 2076     /**< P parity (Annex A) */
#define RAWCD_ECC_P_SIZE 172
#define RAWCD_ECC_Q_OFFSET 2248     /**< Q parity (Annex A) */
#define RAWCD_ECC_Q_SIZE 104
#define RAWCD_SCRAMBLE_OFFSET 12    /**< the scrambler covers bytes 12..2351 (Annex B) */
#define RAWCD_SCRAMBLE_SIZE 2340
#define RAWCD_SUBMODE_FORM2 0x20    /**< submode bit: Form 2 (CD-ROM XA) */

/** What a data sector holds after its header. The values are not the header's mode byte. */
enum rawcd_sector_mode {
	RAWCD_SECTOR_MODE0,       /**< mode byte 0: 2336 zero bytes */
	RAWCD_SECTOR_MODE1,       /**< mode byte 1: 2048 user bytes, EDC, 8 zero bytes, P, Q */
	RAWCD_SECTOR_MODE2,       /**< mode byte 2, formless: 2336 user bytes, no EDC or ECC */
	RAWCD_SECTOR_MODE2_FORM1, /**< mode byte 2: subheader, 2048 user bytes, EDC, P, Q */
	RAWCD_SECTOR_MODE2_FORM2, /**< mode byte 2: subheader, 2324 user bytes, EDC */
	RAWCD_SECTOR_MODE2_AUTO,  /**< for encoding only: Form 1, Form 2 or formless per sector, chosen by
	                               rawcd_sector_mode2_form() from the subheader at input bytes 0..7 */
	RAWCD_SECTOR_MODE_INVALID /**< for checking only: a mode byte other than 0, 1 or 2 */
};

/* ---- EDC (ECMA-130 §14.3) ---- */

/**
 * Continue an EDC over more bytes. The EDC is a CRC-32 with polynomial
 * (x^16+x^15+x^2+1)(x^16+x^2+x+1) = 0x8001801B, bits least significant first (reflected table
 * constant 0xD8018001), preset 0, no final inversion; ECMA-130 stores it little-endian. The EDC of
 * ASCII "123456789" is 0x6EC2EDC4.
 *
 * Chaining: rawcd_edc_update(rawcd_edc_update(0, a, n), b, m) equals the EDC of a followed by b.
 *
 * @param edc the EDC of the bytes before @p data (0 to start).
 * @param data @p size bytes; may be NULL only when @p size is 0.
 * @param size bytes.
 * @return the EDC of everything so far. Uses a carry-less-multiply kernel when the CPU has one.
 */
uint32_t rawcd_edc_update(uint32_t edc, const void *data, size_t size);

/** The EDC of @p size bytes at @p data: rawcd_edc_update(0, data, size). */
uint32_t rawcd_edc_compute(const void *data, size_t size);

/* ---- ECC (ECMA-130 Annex A, Reed-Solomon product code) ---- */

/**
 * Write the P parity (bytes 2076..2247, 172 bytes) and then the Q parity (2248..2351, 104 bytes) of a
 * sector from its bytes 12..2075, which must already hold the final header, data, EDC and zero bytes.
 * GF(2^8) with x^8+x^4+x^3+x^2+1, alpha = 2; P codes 86 byte columns of 24 rows, Q 52 byte diagonals
 * of 43 words; Q covers P, so P is written first.
 *
 * @param sector one 2352-byte sector, updated in place (only bytes 2076..2351 change).
 * @param mode RAWCD_SECTOR_MODE1, or RAWCD_SECTOR_MODE2_FORM1 to compute with the 4 header bytes taken as
 *        zero (they are zeroed during the call and put back, so the buffer must not be read meanwhile).
 * @return RAWCD_OK; RAWCD_E_ARG if @p sector is NULL or @p mode is another mode.
 */
int rawcd_ecc_encode(uint8_t *sector, enum rawcd_sector_mode mode);

/**
 * Check the P and Q parity of a sector by recomputing it with the encoder (on a copy) and comparing.
 * @param sector one 2352-byte sector; not modified.
 * @param mode as for rawcd_ecc_encode().
 * @return RAWCD_OK when all 276 parity bytes match; RAWCD_E_FORMAT when any differs; RAWCD_E_ARG if
 *         @p sector is NULL or @p mode is neither RAWCD_SECTOR_MODE1 nor RAWCD_SECTOR_MODE2_FORM1.
 */
int rawcd_ecc_check(const uint8_t *sector, enum rawcd_sector_mode mode);

/* ---- Sectors (ECMA-130 §14) ---- */

/**
 * Write the sync field (bytes 0..11) and the header (12..15) of a sector: minute, second and frame of
 * the LBA's absolute time in BCD (MSF = LBA + 150, or LBA + 450150 below LBA -150: the lead-in wrap of
 * msf.h), then @p mode_byte.
 * @param out the first 16 bytes of a sector.
 * @param lba RAWCD_LBA_MIN (-45150) .. RAWCD_LBA_MAX (404849).
 * @param mode_byte 0, 1 or 2 in a valid sector; any value is written as given.
 * @return RAWCD_OK; RAWCD_E_ARG if @p out is NULL or @p lba is out of range.
 */
int rawcd_sector_header(uint8_t *out, int32_t lba, uint8_t mode_byte);

/**
 * The Form of a Mode 2 sector from its 8-byte subheader (file, channel, submode, coding information,
 * then the same 4 bytes again). Rule: when both copies are equal, Form 2 if the submode has bit 5
 * (0x20) set, else Form 1; when they differ the data is not CD-ROM XA and is taken as formless.
 * An all-zero subheader therefore means Form 1, whose EDC and parity over zero bytes are zero, so
 * zero-filled formless input encodes to the same bytes either way.
 * @param subheader 8 bytes (sector bytes 16..23, or the first 8 bytes of MODE2/2336 data).
 * @return RAWCD_SECTOR_MODE2_FORM1, RAWCD_SECTOR_MODE2_FORM2 or RAWCD_SECTOR_MODE2.
 */
enum rawcd_sector_mode rawcd_sector_mode2_form(const uint8_t *subheader);

/**
 * Bytes of input per sector that rawcd_sector_encode() reads for a mode: 0 (Mode 0), 2048 (Mode 1),
 * 2336 (Mode 2 formless and AUTO: bytes 16..2351 of the sector, as in MODE2/2336 files), 2056 (Form 1:
 * subheader and user data), 2332 (Form 2: subheader and user data); 0 for RAWCD_SECTOR_MODE_INVALID.
 */
size_t rawcd_sector_input_size(enum rawcd_sector_mode mode);

/**
 * Complete sectors whose data is already in place: for each of @p count consecutive 2352-byte sectors,
 * write sync and header (LBA @p lba + i) and then, by @p mode:
 *  - MODE0: zero bytes 16..2351;
 *  - MODE1: user data 16..2063 kept; EDC over 0..2063 at 2064; zero 2068..2075; P and Q;
 *  - MODE2: bytes 16..2351 kept;
 *  - MODE2_FORM1: subheader 16..23 and user data 24..2071 kept; EDC over 16..2071 at 2072; P and Q
 *    computed with the header taken as zero;
 *  - MODE2_FORM2: subheader and user data 16..2347 kept; EDC over 16..2347 at 2348 (always computed,
 *    although the CD-ROM XA specification allows 0 for "no EDC");
 *  - MODE2_AUTO: one of the three above per sector, by rawcd_sector_mode2_form() of bytes 16..23.
 * Whatever the other bytes held is overwritten: 0..15 always, 16..2351 (Mode 0), 2064..2351 (Mode 1),
 * 2072..2351 (Form 1), 2348..2351 (Form 2).
 * @param sectors @p count * 2352 bytes, updated in place.
 * @param mode any mode but RAWCD_SECTOR_MODE_INVALID.
 * @param lba LBA of the first sector; @p lba .. @p lba + @p count - 1 must lie in RAWCD_LBA_MIN ..
 *        RAWCD_LBA_MAX.
 * @param count sectors; 0 does nothing.
 * @return RAWCD_OK; RAWCD_E_ARG for a NULL @p sectors with @p count > 0, a bad @p mode or an LBA range.
 */
int rawcd_sector_fill(uint8_t *sectors, enum rawcd_sector_mode mode, int32_t lba, size_t count);

/**
 * Encode sectors from their payload: copy rawcd_sector_input_size(@p mode) bytes per sector from @p in
 * to byte 16 of each output sector (nothing for Mode 0), then as rawcd_sector_fill().
 * @param out @p count * 2352 bytes, written; must not overlap @p in.
 * @param in @p count * rawcd_sector_input_size(@p mode) bytes, consecutive; NULL stands for all-zero
 *        input (a generated pregap). For Mode 2 AUTO the Form is chosen per sector from its first 8 bytes.
 * @param mode, lba, count as for rawcd_sector_fill().
 * @return as rawcd_sector_fill(); RAWCD_E_ARG also for a NULL @p out with @p count > 0.
 */
int rawcd_sector_encode(uint8_t *out, const uint8_t *in, enum rawcd_sector_mode mode, int32_t lba,
                        size_t count);

/**
 * Mode 1 sectors from 2048-byte user data (a MODE1/2048 track):
 * rawcd_sector_encode(out, user, RAWCD_SECTOR_MODE1, lba, count).
 */
int rawcd_sector_encode_mode1(uint8_t *out, const uint8_t *user, int32_t lba, size_t count);

/** Outcome of one field check: not applicable to this mode, valid, or invalid. */
enum rawcd_check {
	RAWCD_CHECK_NONE,
	RAWCD_CHECK_OK,
	RAWCD_CHECK_BAD
};

/** What rawcd_sector_check() found in one sector. */
struct rawcd_sector_check {
	bool sync_ok;              /**< bytes 0..11 are `00 FF×10 00` */
	bool header_ok;            /**< bytes 12..14 are the BCD MSF of the expected LBA */
	int32_t header_lba;        /**< the LBA bytes 12..14 encode, or INT32_MIN if they are not BCD MSF */
	uint8_t mode_byte;         /**< byte 15 */
	enum rawcd_sector_mode mode; /**< MODE0, MODE1, MODE2 (formless), MODE2_FORM1, MODE2_FORM2, INVALID */
	bool subheader_equal;      /**< Mode 2: both subheader copies (16..19, 20..23) are equal */
	bool zero_ok;              /**< Mode 0: bytes 16..2351 are zero; Mode 1: bytes 2068..2075 are zero;
	                                true for other modes */
	bool edc_zero;             /**< Form 2: the EDC field is 0 ("no EDC"; counts as RAWCD_CHECK_OK) */
	enum rawcd_check edc;      /**< Mode 1, Form 1, Form 2: the stored EDC against the recomputed one */
	enum rawcd_check ecc;      /**< Mode 1, Form 1: P and Q against rawcd_ecc_check() */
};

/**
 * Check an (unscrambled) sector with the encoders' own code: sync, header address, mode, and per mode
 * the EDC, P/Q parity and fields that must be zero. A Mode 2 sector is classified with
 * rawcd_sector_mode2_form(), so a sector whose subheader copies differ counts as formless (nothing to
 * check beyond the header). Audio sectors are not recognisable as such: check only data sectors.
 * @param out written on success.
 * @param sector 2352 bytes.
 * @param expected_lba the LBA the sector should carry (RAWCD_LBA_MIN .. RAWCD_LBA_MAX).
 * @return RAWCD_OK (the findings are in @p out, valid or not); RAWCD_E_ARG for NULL pointers or an
 *         expected LBA out of range.
 */
int rawcd_sector_check(struct rawcd_sector_check *out, const uint8_t *sector, int32_t expected_lba);

/* ---- Scrambler (ECMA-130 Annex B) ---- */

/**
 * Scramble or descramble (the same XOR) bytes 12..2351 of each sector with the ECMA-130 Annex B
 * sequence: LFSR x^15 + x + 1 preset to 0x0001, output bits least significant first. Drives apply it
 * on the disc; `.bin` images hold unscrambled sectors, `.scram` dumps scrambled ones. Applying it twice
 * restores the input.
 * @param sectors @p count * 2352 bytes, updated in place.
 * @param count sectors; 0 does nothing.
 * @return RAWCD_OK; RAWCD_E_ARG for a NULL @p sectors with @p count > 0.
 */
int rawcd_scramble_sectors(uint8_t *sectors, size_t count);

/**
 * The scrambling sequence itself: RAWCD_SCRAMBLE_SIZE (2340) bytes, XORed over sector bytes 12..2351.
 * It begins 0x01 0x80 0x00 0x60 0x00 0x28. @return a pointer to static constant storage.
 */
const uint8_t *rawcd_scramble_table(void);

#ifdef __cplusplus
}
#endif
#endif
