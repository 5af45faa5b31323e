/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sense data (SPC-4 §4.5): the fixed (70h/71h) and descriptor (72h/73h) formats decoded into key, ASC
 * and ASCQ, then a class (what to do) and a sentence from a table of the codes a burn meets. The
 * classes follow DESIGN.md §5 and research/burn.md §1.6, which record what cdrdao, libburn and wodim do
 * with each code; the sentences name the SPC-4 Annex D code in brackets so a person can look it up.
 */
#include "rawcd/mmc.h"

#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "mmc_bytes.h"

#define FIXED_MIN_LEN 14        /* through the ASCQ, byte 13 */
#define FIXED_MIN_ADDITIONAL 6  /* byte 7: bytes 8-13 present */
#define FIXED_SKS_LEN 18        /* through the sense-key specific bytes 15-17 */
#define DESCRIPTOR_MIN_LEN 8
#define DESC_INFORMATION 0x00
#define DESC_SENSE_KEY_SPECIFIC 0x02
#define ANY 0x100 /* an ASCQ wildcard in the table */

static size_t min_size_t(size_t a, size_t b)
{
	return a < b ? a : b;
}

enum sense_key {
	KEY_NO_SENSE = 0x0,
	KEY_RECOVERED = 0x1,
	KEY_NOT_READY = 0x2,
	KEY_MEDIUM_ERROR = 0x3,
	KEY_HARDWARE_ERROR = 0x4,
	KEY_ILLEGAL_REQUEST = 0x5,
	KEY_UNIT_ATTENTION = 0x6,
	KEY_DATA_PROTECT = 0x7
};

struct sense_entry {
	uint8_t key, asc;
	uint16_t ascq; /* 0-255, or ANY */
	enum rawcd_sense_class sense_class;
	const char *sentence;
};

/* Exact entries before the ANY entry of the same key and ASC: the first match wins. */
static const struct sense_entry table[] = {
	{KEY_NO_SENSE, 0x00, 0x00, RAWCD_SENSE_SUCCESS, "The drive reported no error (no additional sense)."},
	{KEY_NO_SENSE, 0x00, 0x16, RAWCD_SENSE_RETRY,
	 "The drive is still carrying out an earlier operation; ask again shortly (operation in progress)."},
	{KEY_RECOVERED, 0x5D, 0x00, RAWCD_SENSE_SUCCESS,
	 "The drive completed the command but expects to fail soon (failure prediction threshold "
	 "exceeded)."},
	{KEY_NOT_READY, 0x04, 0x01, RAWCD_SENSE_RETRY,
	 "The drive is becoming ready, spinning up or loading the disc; try again shortly (logical unit is "
	 "in process of becoming ready)."},
	{KEY_NOT_READY, 0x04, 0x04, RAWCD_SENSE_RETRY,
	 "The drive is formatting or blanking the disc; try again shortly (format in progress)."},
	{KEY_NOT_READY, 0x04, 0x07, RAWCD_SENSE_RETRY,
	 "The drive is busy with an earlier operation; send the same command again shortly (operation in "
	 "progress)."},
	{KEY_NOT_READY, 0x04, 0x08, RAWCD_SENSE_RETRY,
	 "The drive is still writing data from its buffer; send the same command again in a few "
	 "milliseconds (long write in progress)."},
	{KEY_NOT_READY, 0x3A, 0x01, RAWCD_SENSE_NO_MEDIUM, "There is no disc in the drive (medium not present, "
	 "tray closed)."},
	{KEY_NOT_READY, 0x3A, 0x02, RAWCD_SENSE_NO_MEDIUM, "There is no disc in the drive, and its tray is open "
	 "(medium not present, tray open)."},
	{KEY_NOT_READY, 0x3A, ANY, RAWCD_SENSE_NO_MEDIUM, "There is no disc in the drive (medium not present)."},
	{KEY_MEDIUM_ERROR, 0x0C, 0x09, RAWCD_SENSE_FATAL,
	 "The drive's buffer ran empty while it was writing, so the disc is probably unusable (write error, "
	 "loss of streaming)."},
	{KEY_MEDIUM_ERROR, 0x0C, ANY, RAWCD_SENSE_FATAL, "The drive could not write to the disc (write error)."},
	{KEY_MEDIUM_ERROR, 0x73, 0x02, RAWCD_SENSE_FATAL,
	 "The disc's power calibration area is full, so it cannot be written again (power calibration area "
	 "is full)."},
	{KEY_MEDIUM_ERROR, 0x73, 0x03, RAWCD_SENSE_FATAL,
	 "The drive could not calibrate its laser for this disc; try another disc or a lower speed (power "
	 "calibration area error)."},
	{KEY_MEDIUM_ERROR, 0x73, ANY, RAWCD_SENSE_FATAL,
	 "The drive failed to control the disc's recording (CD control error or power calibration error)."},
	{KEY_MEDIUM_ERROR, 0x57, 0x00, RAWCD_SENSE_FATAL,
	 "The drive cannot read the table of contents of this disc (unable to recover table-of-contents)."},
	{KEY_ILLEGAL_REQUEST, 0x1A, 0x00, RAWCD_SENSE_REFUSED,
	 "The drive refused the length of the parameters sent with the command (parameter list length "
	 "error)."},
	{KEY_ILLEGAL_REQUEST, 0x20, 0x00, RAWCD_SENSE_NOT_SUPPORTED,
	 "The drive does not support this command (invalid command operation code)."},
	{KEY_ILLEGAL_REQUEST, 0x21, 0x00, RAWCD_SENSE_FATAL,
	 "The command addressed a block outside the disc (logical block address out of range)."},
	{KEY_ILLEGAL_REQUEST, 0x21, 0x02, RAWCD_SENSE_FATAL,
	 "The drive refused to write at this address, which is not the next one it expected (invalid "
	 "address for write)."},
	{KEY_ILLEGAL_REQUEST, 0x24, 0x00, RAWCD_SENSE_REFUSED,
	 "The drive refused a field of the command (invalid field in CDB)."},
	{KEY_ILLEGAL_REQUEST, 0x26, 0x00, RAWCD_SENSE_REFUSED,
	 "The drive refused a value in the parameters sent with the command, such as a mode page setting "
	 "(invalid field in parameter list)."},
	{KEY_ILLEGAL_REQUEST, 0x26, ANY, RAWCD_SENSE_REFUSED,
	 "The drive refused the parameters sent with the command (parameter not supported or invalid)."},
	{KEY_ILLEGAL_REQUEST, 0x39, 0x00, RAWCD_SENSE_REFUSED,
	 "The drive cannot save its settings (saving parameters not supported): send the mode page without "
	 "the save bit."},
	{KEY_ILLEGAL_REQUEST, 0x2C, 0x00, RAWCD_SENSE_FATAL,
	 "The drive received commands in an order it does not allow (command sequence error)."},
	{KEY_ILLEGAL_REQUEST, 0x30, ANY, RAWCD_SENSE_FATAL,
	 "The disc in the drive cannot be used for this (incompatible medium installed)."},
	{KEY_ILLEGAL_REQUEST, 0x64, 0x00, RAWCD_SENSE_FATAL,
	 "The drive refused the write mode for this track (illegal mode for this track)."},
	{KEY_UNIT_ATTENTION, 0x28, 0x00, RAWCD_SENSE_RETRY,
	 "The disc may have been changed; check it and send the command again (not ready to ready change, "
	 "medium may have changed)."},
	{KEY_UNIT_ATTENTION, 0x29, ANY, RAWCD_SENSE_RETRY,
	 "The drive was reset or powered on; send the command again (power on, reset, or bus device reset "
	 "occurred)."},
	{KEY_HARDWARE_ERROR, 0x44, 0x00, RAWCD_SENSE_FATAL,
	 "The drive reports an internal failure; power it off and on, or try another drive (internal target "
	 "failure)."},
	{KEY_DATA_PROTECT, 0x27, ANY, RAWCD_SENSE_FATAL,
	 "The drive or the disc is write-protected, so nothing can be written (write protected)."},
};

/* The sentence and class of a sense key, for codes the table does not know. */
static const struct {
	const char *name;
	const char *sentence;
} keys[16] = {
	{"NO SENSE", "The drive reported no error"},
	{"RECOVERED ERROR", "The drive corrected an error by itself and completed the command"},
	{"NOT READY", "The drive is not ready"},
	{"MEDIUM ERROR", "The drive could not read or write the disc"},
	{"HARDWARE ERROR", "The drive reported a hardware failure"},
	{"ILLEGAL REQUEST", "The drive rejected the command as invalid"},
	{"UNIT ATTENTION", "The drive was reset or its disc changed; send the command again"},
	{"DATA PROTECT", "The drive refused to write: the disc or drive is protected"},
	{"BLANK CHECK", "The drive met blank or unexpected data on the disc"},
	{"VENDOR SPECIFIC", "The drive reported an error of its maker's own kind"},
	{"COPY ABORTED", "The drive aborted a copy operation"},
	{"ABORTED COMMAND", "The drive aborted the command"},
	{"OBSOLETE (0Ch)", "The drive reported an obsolete sense key"},
	{"VOLUME OVERFLOW", "The drive reached the end of the medium"},
	{"MISCOMPARE", "The data on the disc does not match what was sent"},
	{"COMPLETED", "The drive reported a completed command"},
};

static enum rawcd_sense_class key_class(uint8_t key)
{
	switch (key) {
	case KEY_NO_SENSE:
	case KEY_RECOVERED:
		return RAWCD_SENSE_SUCCESS;
	case KEY_UNIT_ATTENTION: /* the command was not run: all three burners send it again */
		return RAWCD_SENSE_RETRY;
	default:
		return RAWCD_SENSE_FATAL;
	}
}

static const struct sense_entry *lookup(uint8_t key, uint8_t asc, uint8_t ascq)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct sense_entry *e = &table[i];
		if (e->key == key && e->asc == asc && (e->ascq == ANY || e->ascq == ascq))
			return e;
	}
	return NULL;
}

int rawcd_sense_from_codes(struct rawcd_sense *out, uint8_t key, uint8_t asc, uint8_t ascq)
{
	if (!out || key > 0x0F)
		return RAWCD_E_ARG;
	struct rawcd_sense s = {.response_code = 0x70, .key = key, .asc = asc, .ascq = ascq};
	const struct sense_entry *e = lookup(key, asc, ascq);
	if (e) {
		s.sense_class = e->sense_class;
		snprintf(s.message, sizeof s.message, "sense %X/%02X/%02X: %s", key, asc, ascq, e->sentence);
	} else {
		s.sense_class = key_class(key);
		snprintf(s.message, sizeof s.message, "sense %X/%02X/%02X: %s (%s); rawcd does not know this code.",
			 key, asc, ascq, keys[key].sentence, keys[key].name);
	}
	*out = s;
	return RAWCD_OK;
}

/* Fixed format: key byte 2, information bytes 3-6, additional length byte 7, ASC/ASCQ bytes 12-13,
 * sense-key specific bytes 15-17 (SKSV = byte 15 bit 7). */
static int decode_fixed(struct rawcd_sense *s, const uint8_t *buf, size_t len)
{
	if (len < FIXED_MIN_LEN || buf[7] < FIXED_MIN_ADDITIONAL)
		return RAWCD_E_FORMAT;
	size_t avail = min_size_t(len, (size_t)buf[7] + 8);
	int err = rawcd_sense_from_codes(s, buf[2] & 0x0F, buf[12], buf[13]);
	if (err)
		return err;
	s->info_valid = (buf[0] & 0x80) != 0;
	s->information = rcd_be32(buf + 3);
	if (avail >= FIXED_SKS_LEN && (buf[15] & 0x80) && (s->key == KEY_NO_SENSE || s->key == KEY_NOT_READY)) {
		s->progress_valid = true;
		s->progress = (uint16_t)rcd_be16(buf + 16);
	}
	return RAWCD_OK;
}

/* Descriptor format: key byte 1, ASC byte 2, ASCQ byte 3, additional length byte 7, then descriptors
 * of type (1 byte), additional length (1 byte) and that many bytes. */
static int decode_descriptors(struct rawcd_sense *s, const uint8_t *buf, size_t len)
{
	if (len < DESCRIPTOR_MIN_LEN)
		return RAWCD_E_FORMAT;
	size_t avail = min_size_t(len, (size_t)buf[7] + 8);
	int err = rawcd_sense_from_codes(s, buf[1] & 0x0F, buf[2], buf[3]);
	if (err)
		return err;
	for (size_t at = DESCRIPTOR_MIN_LEN; at + 2 <= avail;) {
		const uint8_t *d = buf + at;
		size_t n = (size_t)d[1] + 2;
		if (at + n > avail)
			return len >= (size_t)buf[7] + 8 ? RAWCD_E_FORMAT : RAWCD_OK; /* cut by the buffer: stop */
		if (d[0] == DESC_INFORMATION && n >= 12) { /* VALID byte 2 bit 7, information bytes 4-11 */
			s->info_valid = (d[2] & 0x80) != 0;
			s->information = (uint64_t)rcd_be32(d + 4) << 32 | rcd_be32(d + 8);
		} else if (d[0] == DESC_SENSE_KEY_SPECIFIC && n >= 8 && (d[4] & 0x80) &&
			   (s->key == KEY_NO_SENSE || s->key == KEY_NOT_READY)) {
			s->progress_valid = true;
			s->progress = (uint16_t)rcd_be16(d + 5);
		}
		at += n;
	}
	return RAWCD_OK;
}

int rawcd_sense_decode(struct rawcd_sense *out, const uint8_t *buf, size_t len)
{
	if (!out || !buf)
		return RAWCD_E_ARG;
	if (len < 1)
		return RAWCD_E_FORMAT;
	uint8_t code = buf[0] & 0x7F;
	struct rawcd_sense s;
	int err;
	if (code == 0x70 || code == 0x71)
		err = decode_fixed(&s, buf, len);
	else if (code == 0x72 || code == 0x73)
		err = decode_descriptors(&s, buf, len);
	else
		return RAWCD_E_FORMAT;
	if (err)
		return err;
	s.response_code = code;
	s.descriptor_format = code >= 0x72;
	s.deferred = code == 0x71 || code == 0x73;
	*out = s;
	return RAWCD_OK;
}

const char *rawcd_sense_class_name(enum rawcd_sense_class sense_class)
{
	switch (sense_class) {
	case RAWCD_SENSE_SUCCESS:
		return "success";
	case RAWCD_SENSE_RETRY:
		return "retry";
	case RAWCD_SENSE_NO_MEDIUM:
		return "no medium";
	case RAWCD_SENSE_NOT_SUPPORTED:
		return "not supported";
	case RAWCD_SENSE_REFUSED:
		return "refused";
	case RAWCD_SENSE_FATAL:
		return "fatal";
	}
	return "unknown";
}

const char *rawcd_sense_key_name(unsigned key)
{
	return key < 16 ? keys[key].name : "?";
}
