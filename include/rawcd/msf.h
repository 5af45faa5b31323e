/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file msf.h
 * @brief Addresses: LBA, MSF and BCD (ECMA-130 §14.2 and §22.3.3, MMC-6 §6.26.3 table 465).
 *
 * 75 sectors (frames) a second. The absolute time MSF 00:02:00 is LBA 0; MSF = LBA + 150 for LBA >= -150.
 * MSF from 90:00:00 up stands for negative LBAs in the lead-in: LBA = MSF - 450150, so 95:00:00 is
 * LBA -22650 (MMC-6 §4.2.3.4, "LBA to MSF translation"). These functions are pure.
 */
#ifndef RAWCD_MSF_H
#define RAWCD_MSF_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_FRAMES_PER_SECOND 75   /**< sectors a second */
#define RAWCD_MSF_LBA_OFFSET 150     /**< MSF 00:02:00 is LBA 0 */
#define RAWCD_MSF_LEADIN_WRAP 450150 /**< MSF frames from 90:00:00 up: LBA = frames - this */
#define RAWCD_LBA_MIN (-45150)       /**< 90:00:00 as LBA: the lowest LBA an MSF can stand for */
#define RAWCD_LBA_MAX 404849         /**< 89:59:74 as LBA: the highest LBA an MSF can stand for */

/** A binary (not BCD) minute/second/frame triple. s < 60 and f < 75 in a valid value. */
struct rawcd_msf {
	uint8_t m, s, f;
};

/** Frames (sectors) counted by an MSF, with no offset: (m*60 + s)*75 + f. */
uint32_t rawcd_msf_frames(struct rawcd_msf msf);

/** The MSF of a count of frames (a duration or a CUE offset). @p frames must be < 100 minutes. */
struct rawcd_msf rawcd_frames_msf(uint32_t frames);

/**
 * LBA of an absolute-time MSF, with the lead-in wrap: MSF < 90:00:00 gives frames - 150, MSF >= 90:00:00
 * gives frames - 450150 (negative). Source: MMC-6 §4.2.3.4 table 14.
 */
int32_t rawcd_msf_to_lba(struct rawcd_msf msf);

/**
 * Absolute-time MSF of an LBA: LBA + 150 for LBA >= -150, LBA + 450150 below.
 * @param lba between RAWCD_LBA_MIN and RAWCD_LBA_MAX; other values are clamped to them.
 */
struct rawcd_msf rawcd_lba_to_msf(int32_t lba);

/** Binary 0–99 to packed BCD (0x00–0x99). Values over 99 give 0xFF. Source: ECMA-130 §22.3.3. */
uint8_t rawcd_bcd_encode(uint8_t value);

/** Packed BCD to binary. @return 0–99, or -1 if either nibble is over 9. */
int rawcd_bcd_decode(uint8_t bcd);

/**
 * Parse the CUE time "mm:ss:ff" into frames: minutes 1–3 digits, seconds and frames 1–2 digits (real
 * sheets write "0:0:0"), ss < 60, ff < 75.
 * @param text NUL-terminated; the whole string must be the time.
 * @param out frames, written only on success.
 * @return true on success, false if the text is not such a time or a field is out of range.
 */
bool rawcd_msf_parse(const char *text, uint32_t *out);

/** Write frames as "mm:ss:ff" (at least two minute digits) into @p buf (>= 10 bytes). @return buf. */
char *rawcd_msf_format(uint32_t frames, char buf[10]);

#ifdef __cplusplus
}
#endif
#endif
