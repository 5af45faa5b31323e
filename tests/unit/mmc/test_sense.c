/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sense decoding (SPC-4 §4.5): every code DESIGN.md §5 and research/burn.md §1.6 name, in fixed and
 * descriptor format, with its class and sentence; real sense bytes from a drive; information and
 * progress fields; and the sense data that must be refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/mmc.h"

struct known {
	uint8_t key, asc, ascq;
	enum rawcd_sense_class sense_class;
	const char *words; /* a phrase the sentence must hold */
};

static const struct known codes[] = {
	/* retry: send the same command again (DESIGN.md §5) */
	{0x2, 0x04, 0x08, RAWCD_SENSE_RETRY, "long write in progress"},
	{0x2, 0x04, 0x07, RAWCD_SENSE_RETRY, "operation in progress"},
	{0x2, 0x04, 0x04, RAWCD_SENSE_RETRY, "format in progress"},
	{0x2, 0x04, 0x01, RAWCD_SENSE_RETRY, "becoming ready"},
	{0x6, 0x28, 0x00, RAWCD_SENSE_RETRY, "medium may have changed"},
	{0x6, 0x29, 0x00, RAWCD_SENSE_RETRY, "reset"},
	{0x6, 0x29, 0x01, RAWCD_SENSE_RETRY, "power on"},
	{0x6, 0x29, 0x04, RAWCD_SENSE_RETRY, "reset"},
	{0x0, 0x00, 0x16, RAWCD_SENSE_RETRY, "operation in progress"},
	/* recovered: success */
	{0x1, 0x5D, 0x00, RAWCD_SENSE_SUCCESS, "failure prediction threshold exceeded"},
	{0x1, 0x17, 0x01, RAWCD_SENSE_SUCCESS, "corrected an error"},
	{0x1, 0x18, 0x00, RAWCD_SENSE_SUCCESS, "RECOVERED ERROR"},
	{0x0, 0x00, 0x00, RAWCD_SENSE_SUCCESS, "no error"},
	/* no medium */
	{0x2, 0x3A, 0x00, RAWCD_SENSE_NO_MEDIUM, "no disc"},
	{0x2, 0x3A, 0x01, RAWCD_SENSE_NO_MEDIUM, "tray closed"},
	{0x2, 0x3A, 0x02, RAWCD_SENSE_NO_MEDIUM, "tray open"},
	/* not supported */
	{0x5, 0x20, 0x00, RAWCD_SENSE_NOT_SUPPORTED, "invalid command operation code"},
	/* mode page refused: try the next variant */
	{0x5, 0x24, 0x00, RAWCD_SENSE_REFUSED, "invalid field in CDB"},
	{0x5, 0x26, 0x00, RAWCD_SENSE_REFUSED, "invalid field in parameter list"},
	{0x5, 0x26, 0x01, RAWCD_SENSE_REFUSED, "parameter not supported"},
	{0x5, 0x26, 0x02, RAWCD_SENSE_REFUSED, "invalid"},
	/* fatal */
	{0x5, 0x21, 0x00, RAWCD_SENSE_FATAL, "logical block address out of range"},
	{0x5, 0x21, 0x02, RAWCD_SENSE_FATAL, "invalid address for write"},
	{0x3, 0x0C, 0x09, RAWCD_SENSE_FATAL, "loss of streaming"},
	{0x3, 0x0C, 0x00, RAWCD_SENSE_FATAL, "write error"},
	{0x5, 0x2C, 0x00, RAWCD_SENSE_FATAL, "command sequence error"},
	{0x5, 0x64, 0x00, RAWCD_SENSE_FATAL, "illegal mode for this track"},
	{0x3, 0x73, 0x00, RAWCD_SENSE_FATAL, "power calibration"},
	{0x3, 0x73, 0x02, RAWCD_SENSE_FATAL, "power calibration area is full"},
	{0x3, 0x73, 0x03, RAWCD_SENSE_FATAL, "power calibration area error"},
	{0x3, 0x73, 0x05, RAWCD_SENSE_FATAL, "power calibration"},
	{0x7, 0x27, 0x00, RAWCD_SENSE_FATAL, "write protected"},
	{0x5, 0x30, 0x02, RAWCD_SENSE_FATAL, "incompatible medium"},
	/* what the emulated recorder also answers */
	{0x5, 0x1A, 0x00, RAWCD_SENSE_REFUSED, "parameter list length error"},
	{0x5, 0x39, 0x00, RAWCD_SENSE_REFUSED, "saving parameters not supported"},
	{0x3, 0x57, 0x00, RAWCD_SENSE_FATAL, "unable to recover table-of-contents"},
	{0x4, 0x44, 0x00, RAWCD_SENSE_FATAL, "internal target failure"},
};

#define NCODES (sizeof codes / sizeof codes[0])

static void assert_known(const struct rawcd_sense *s, const struct known *k, const char *how)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "sense %X/%02X/%02X: ", k->key, k->asc, k->ascq);
	cr_assert_eq(s->key, k->key, "%s %s key", how, prefix);
	cr_assert_eq(s->asc, k->asc, "%s %s asc", how, prefix);
	cr_assert_eq(s->ascq, k->ascq, "%s %s ascq", how, prefix);
	cr_assert_eq(s->sense_class, k->sense_class, "%s %s class %s", how, prefix,
		     rawcd_sense_class_name(s->sense_class));
	cr_assert_eq(strncmp(s->message, prefix, strlen(prefix)), 0, "%s message \"%s\"", how, s->message);
	cr_assert_not_null(strstr(s->message, k->words), "%s \"%s\" lacks \"%s\"", how, s->message, k->words);
	size_t n = strlen(s->message);
	cr_assert(n < RAWCD_SENSE_MESSAGE_MAX - 1 && s->message[n - 1] == '.', "%s cut: \"%s\"", how, s->message);
}

Test(mmc_sense, every_listed_code_from_codes)
{
	for (size_t i = 0; i < NCODES; i++) {
		struct rawcd_sense s;
		cr_assert_eq(rawcd_sense_from_codes(&s, codes[i].key, codes[i].asc, codes[i].ascq), RAWCD_OK);
		assert_known(&s, &codes[i], "codes");
		cr_assert_eq(s.response_code, 0x70);
		cr_assert(!s.info_valid && !s.progress_valid && !s.deferred && !s.descriptor_format);
	}
}

Test(mmc_sense, every_listed_code_in_fixed_format)
{
	for (size_t i = 0; i < NCODES; i++) {
		/* 70h, key in byte 2 (with FILEMARK/EOM/ILI bits set above it), additional length 10,
		 * ASC byte 12, ASCQ byte 13. */
		uint8_t b[18] = {0x70, 0x00, (uint8_t)(0xE0 | codes[i].key), 0, 0, 0, 0, 0x0A, 0, 0, 0, 0,
				 codes[i].asc, codes[i].ascq};
		struct rawcd_sense s;
		cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
		assert_known(&s, &codes[i], "fixed");
		cr_assert_not(s.descriptor_format);
	}
}

Test(mmc_sense, every_listed_code_in_descriptor_format)
{
	for (size_t i = 0; i < NCODES; i++) {
		/* 72h, key byte 1, ASC byte 2, ASCQ byte 3, no descriptors. */
		uint8_t b[8] = {0x72, codes[i].key, codes[i].asc, codes[i].ascq, 0, 0, 0, 0};
		struct rawcd_sense s;
		cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
		assert_known(&s, &codes[i], "descriptor");
		cr_assert(s.descriptor_format);
		cr_assert_eq(s.response_code, 0x72);
	}
}

Test(mmc_sense, real_drive_sense_bytes)
{
	/* cdrtools readcd against a real drive, as printed on herongyang.com ("readcd -fulltoc -
	 * Reading TOC with cdrtools", "... Multi-Session Data CD Sample", "... DVD Sample"). The
	 * additional length says 10h but only 18 bytes were kept: read as far as they go. */
	const uint8_t no_disc[18] = {0x70, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
				     0x00, 0xBB, 0x00, 0x3A, 0x00, 0x00, 0x00, 0x00, 0x00};
	const uint8_t crc_error[18] = {0x70, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
				       0x00, 0x4A, 0x80, 0x08, 0x03, 0x00, 0x00, 0x00, 0x00};
	const uint8_t dvd_toc[18] = {0x70, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x10, 0x43,
				     0x00, 0x00, 0x08, 0x30, 0x02, 0x00, 0x00, 0x00, 0x00};
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_decode(&s, no_disc, sizeof no_disc), RAWCD_OK);
	cr_assert_eq(s.key, 2);
	cr_assert_eq(s.asc, 0x3A);
	cr_assert_eq(s.ascq, 0x00);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_NO_MEDIUM);
	cr_assert_str_eq(s.message, "sense 2/3A/00: There is no disc in the drive (medium not present).");
	cr_assert_not(s.info_valid);

	cr_assert_eq(rawcd_sense_decode(&s, crc_error, sizeof crc_error), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_str_eq(s.message, "sense 4/08/03: The drive reported a hardware failure (HARDWARE ERROR); "
				    "rawcd does not know this code.");

	cr_assert_eq(rawcd_sense_decode(&s, dvd_toc, sizeof dvd_toc), RAWCD_OK);
	cr_assert_eq(s.key, 5);
	cr_assert_eq(s.asc, 0x30);
	cr_assert_eq(s.ascq, 0x02);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_not_null(strstr(s.message, "incompatible medium"));
}

Test(mmc_sense, unknown_codes)
{
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_from_codes(&s, 0x5, 0x99, 0x00), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_str_eq(s.message, "sense 5/99/00: The drive rejected the command as invalid (ILLEGAL REQUEST); "
				    "rawcd does not know this code.");
	/* A unit attention the table does not name is still a retry; key 0B a fatal abort; 1 success. */
	cr_assert_eq(rawcd_sense_from_codes(&s, 0x6, 0x3F, 0x01), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_RETRY);
	cr_assert_not_null(strstr(s.message, "6/3F/01"));
	cr_assert_eq(rawcd_sense_from_codes(&s, 0xB, 0x4B, 0x03), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_not_null(strstr(s.message, "ABORTED COMMAND"));
	/* Not ready for an unlisted reason is not a retry; neither is 5/24/01. */
	cr_assert_eq(rawcd_sense_from_codes(&s, 0x2, 0x04, 0x00), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_eq(rawcd_sense_from_codes(&s, 0x5, 0x24, 0x01), RAWCD_OK);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_eq(rawcd_sense_from_codes(&s, 0xF, 0xFF, 0xFF), RAWCD_OK);
	cr_assert_not_null(strstr(s.message, "sense F/FF/FF: "));
	cr_assert_eq(rawcd_sense_from_codes(&s, 16, 0, 0), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sense_from_codes(NULL, 5, 0x24, 0), RAWCD_E_ARG);
}

Test(mmc_sense, fixed_information_and_deferred)
{
	/* A WRITE refused at LBA -11625: VALID set, information FFFFD297h, deferred (71h). */
	const uint8_t b[18] = {0xF1, 0x00, 0x05, 0xFF, 0xFF, 0xD2, 0x97, 0x0A, 0x00,
			       0x00, 0x00, 0x00, 0x21, 0x02, 0x00, 0x00, 0x00, 0x00};
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
	cr_assert_eq(s.response_code, 0x71);
	cr_assert(s.deferred);
	cr_assert(s.info_valid);
	cr_assert_eq(s.information, 0xFFFFD297u);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_not(s.progress_valid);
}

Test(mmc_sense, fixed_progress)
{
	/* 2/04/04 during BLANK with SKSV and progress 4000h (a quarter), as libburn reads it. */
	uint8_t b[18] = {0x70, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00,
			 0x00, 0x00, 0x00, 0x04, 0x04, 0x00, 0x80, 0x40, 0x00};
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
	cr_assert(s.progress_valid);
	cr_assert_eq(s.progress, 0x4000);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_RETRY);
	/* Not for another key (the bytes then mean a field pointer); not without SKSV; not past the
	 * additional length. */
	b[2] = 0x05;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
	cr_assert_not(s.progress_valid);
	b[2] = 0x02;
	b[15] = 0x00;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
	cr_assert_not(s.progress_valid);
	b[15] = 0x80;
	b[7] = 0x06;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof b), RAWCD_OK);
	cr_assert_not(s.progress_valid);
	cr_assert_eq(rawcd_sense_decode(&s, b, 17), RAWCD_OK);
	cr_assert_not(s.progress_valid);
}

Test(mmc_sense, descriptor_information_and_progress)
{
	/* 3/0C/09 with an information descriptor (VALID, 12345) and 2/04/07 with a progress one. */
	const uint8_t info[20] = {0x72, 0x03, 0x0C, 0x09, 0x00, 0x00, 0x00, 0x0C, 0x00, 0x0A,
				  0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x39};
	const uint8_t prog[16] = {0x73, 0x02, 0x04, 0x07, 0x00, 0x00, 0x00, 0x08,
				  0x02, 0x06, 0x00, 0x00, 0x80, 0x80, 0x00, 0x00};
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_decode(&s, info, sizeof info), RAWCD_OK);
	cr_assert(s.info_valid);
	cr_assert_eq(s.information, 12345);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_not_null(strstr(s.message, "loss of streaming"));
	cr_assert_eq(rawcd_sense_decode(&s, prog, sizeof prog), RAWCD_OK);
	cr_assert(s.deferred && s.descriptor_format);
	cr_assert(s.progress_valid);
	cr_assert_eq(s.progress, 0x8000);
	cr_assert_eq(s.sense_class, RAWCD_SENSE_RETRY);
	/* Cut by a small sense buffer: what fits is decoded. */
	cr_assert_eq(rawcd_sense_decode(&s, info, 12), RAWCD_OK);
	cr_assert_eq(s.asc, 0x0C);
	cr_assert_not(s.info_valid);
}

Test(mmc_sense, malformed)
{
	struct rawcd_sense s = {.key = 9};
	const uint8_t fixed[18] = {0x70, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00,
				   0x00, 0x00, 0x00, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00};
	uint8_t b[20];
	/* Fixed format: 13 bytes do not reach the ASCQ; an additional length below 6 does not either. */
	cr_assert_eq(rawcd_sense_decode(&s, fixed, 13), RAWCD_E_FORMAT);
	memcpy(b, fixed, sizeof fixed);
	b[7] = 5;
	cr_assert_eq(rawcd_sense_decode(&s, b, sizeof fixed), RAWCD_E_FORMAT);
	/* Response codes outside 70h-73h (0 is what an empty sense buffer holds). */
	const uint8_t bad_codes[] = {0x00, 0x74, 0x7F, 0x6F, 0x01};
	for (size_t i = 0; i < sizeof bad_codes; i++) {
		memcpy(b, fixed, sizeof fixed);
		b[0] = bad_codes[i];
		cr_assert_eq(rawcd_sense_decode(&s, b, sizeof fixed), RAWCD_E_FORMAT, "code %02X", bad_codes[i]);
	}
	cr_assert_eq(rawcd_sense_decode(&s, fixed, 0), RAWCD_E_FORMAT);
	/* Descriptor format: under 8 bytes; a descriptor running past complete sense data. */
	const uint8_t desc[20] = {0x72, 0x03, 0x0C, 0x09, 0x00, 0x00, 0x00, 0x0C, 0x00, 0x10,
				  0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x39};
	cr_assert_eq(rawcd_sense_decode(&s, desc, 7), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_sense_decode(&s, desc, sizeof desc), RAWCD_E_FORMAT);
	cr_assert_eq(s.key, 9, "written on failure");
	cr_assert_eq(rawcd_sense_decode(NULL, fixed, sizeof fixed), RAWCD_E_ARG);
	cr_assert_eq(rawcd_sense_decode(&s, NULL, 18), RAWCD_E_ARG);
}

Test(mmc_sense, names)
{
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_SUCCESS), "success");
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_RETRY), "retry");
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_NO_MEDIUM), "no medium");
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_NOT_SUPPORTED), "not supported");
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_REFUSED), "refused");
	cr_assert_str_eq(rawcd_sense_class_name(RAWCD_SENSE_FATAL), "fatal");
	cr_assert_str_eq(rawcd_sense_class_name((enum rawcd_sense_class)42), "unknown");
	cr_assert_str_eq(rawcd_sense_key_name(0x2), "NOT READY");
	cr_assert_str_eq(rawcd_sense_key_name(0x5), "ILLEGAL REQUEST");
	cr_assert_str_eq(rawcd_sense_key_name(0x6), "UNIT ATTENTION");
	cr_assert_str_eq(rawcd_sense_key_name(0xB), "ABORTED COMMAND");
	cr_assert_str_eq(rawcd_sense_key_name(16), "?");
}
