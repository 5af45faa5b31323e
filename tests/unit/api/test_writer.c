/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_writer (IMAPI2 IDiscFormat2RawCD) on the emulated recorder: the state rules, IMAPI's checks
 * before anything is written, what is sent, and the cancel. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api_fixture.h"
#include "rawcd/emulated.h"
#include "rawcd/error.h"
#include "rawcd/mmc.h"

static rawcd_diag *diag;
static rawcd_transport *t;
static rawcd_writer *w;
static rawcd_creator *c;
static rawcd_stream *img;
static struct feed feed;

static void open_recorder(const struct rawcd_emu_config *cfg)
{
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_transport_open_emulated(&t, cfg), RAWCD_OK);
	cr_assert_eq(rawcd_writer_new(&w, t, diag), RAWCD_OK);
}

static void setup(void)
{
	open_recorder(NULL);
	feed = (struct feed){0};
}

static void teardown(void)
{
	rawcd_stream_free(img);
	img = NULL;
	rawcd_creator_free(c);
	c = NULL;
	rawcd_writer_free(w);
	rawcd_transport_close(t);
	rawcd_diag_free(diag);
}

TestSuite(writer, .init = setup, .fini = teardown);

static void make_image(enum rawcd_image_format f, uint32_t sectors)
{
	cr_assert_eq(rawcd_creator_new(&c, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_result_type(c, f), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, feed_read, &feed, sectors, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_creator_create_result_image(c, &img), RAWCD_OK);
}

static uint64_t blocks_received(void)
{
	struct rawcd_emu_state st;
	cr_assert_eq(rawcd_emu_get_state(&st, t), RAWCD_OK);
	return st.blocks;
}

Test(writer, state_rules)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED"));
	cr_assert_eq(rawcd_writer_release_media(w), RAWCD_E_STATE);
	cr_assert_eq(rawcd_writer_start_of_next_session(w), 0);
	cr_assert_eq(rawcd_writer_last_possible_start_of_leadout(w), RAWCD_E_STATE);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_start_of_next_session(w), -11625, "97:27:00, the emulator's ATIP");
	cr_assert_eq(rawcd_writer_last_possible_start_of_leadout(w), 359849, "79:59:74");
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_E_STATE);
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_MEDIA_IS_PREPARED"));
	cr_assert_eq(rawcd_writer_set_requested_sector_type(w, RAWCD_WRITE_SAO), RAWCD_E_ARG);
	cr_assert_eq(blocks_received(), 0);
	cr_assert_eq(rawcd_writer_release_media(w), RAWCD_OK);
}

Test(writer, writes_the_image_from_the_atip_leadin)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_OK);
	struct rawcd_burn_result r;
	cr_assert_eq(rawcd_writer_last_result(w, &r), RAWCD_OK);
	cr_assert_eq(r.first_lba, -11625);
	cr_assert_eq(r.total, 11625 + 300 + 6750);
	cr_assert_eq(r.written, r.total);
	cr_assert_eq(r.block_size, 2448);
	cr_assert_eq(r.data_block_type, RAWCD_MMC_DBT_RAW_PW);
	struct rawcd_emu_state st;
	cr_assert_eq(rawcd_emu_get_state(&st, t), RAWCD_OK);
	cr_assert_eq(st.disc_status, 2, "complete");
	cr_assert_eq(st.first_lba, -11625);
	cr_assert_eq(st.bad_q_crc, 0);
	cr_assert_eq(st.leadout_frames, 6750);
	cr_assert_eq(st.pregap_blocks, 150);
	cr_assert_eq(feed.given, 300 * 2352);
	struct rawcd_toc toc;
	cr_assert_eq(rawcd_emu_leadin_toc(&toc, t), RAWCD_OK);
	cr_assert_eq(toc.leadout_lba, 300);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_STATE, "not blank any more");
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK"));
	cr_assert_eq(rawcd_writer_release_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_E_IO, "the disc is complete now");
}

Test(writer, pq16_image_with_raw16)
{
	make_image(RAWCD_IMAGE_PQ16, 300);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_ARG, "2368-byte records, raw96r wants 2448");
	cr_assert_eq(blocks_received(), 0);
	cr_assert_eq(rawcd_writer_set_requested_sector_type(w, RAWCD_WRITE_RAW16), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_OK);
	struct rawcd_emu_state st;
	cr_assert_eq(rawcd_emu_get_state(&st, t), RAWCD_OK);
	cr_assert_eq(st.data_block_type, RAWCD_MMC_DBT_RAW_PQ);
	cr_assert_eq(st.bytes, (uint64_t)(11625 + 300 + 6750) * 2368);
}

Test(writer, leadin_too_short_writes_nothing)
{
	teardown();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){94, 0, 0}; /* LBA -27150: before the image's 95:00:00 */
	open_recorder(&cfg);
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_LAYOUT);
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT"));
	cr_assert(diag_has(diag, "4500 lead-in records are missing"));
	cr_assert_eq(blocks_received(), 0);
	cr_assert_eq(feed.calls, 0);
}

Test(writer, not_enough_space_writes_nothing)
{
	teardown();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadout = (struct rawcd_msf){0, 5, 0}; /* LBA 225 */
	open_recorder(&cfg);
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_LAYOUT);
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE"));
	cr_assert_eq(blocks_received(), 0);
}

Test(writer, short_leadin_argument_refused)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media2(w, img, 4650), RAWCD_E_UNSUPPORTED);
	cr_assert(diag_has(diag, "E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED"));
	cr_assert_eq(rawcd_writer_write_media2(w, img, 20000), RAWCD_E_ARG, "the image starts at -22650");
	cr_assert_eq(blocks_received(), 0);
}

static void cancel_at_start(void *ctx, const struct rawcd_writer_progress *p)
{
	(void)p;
	rawcd_writer_cancel_write(ctx);
}

Test(writer, cancel_before_the_first_write_leaves_the_disc_blank)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	rawcd_writer_set_progress(w, cancel_at_start, w);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_E_CANCELED);
	cr_assert(diag_has(diag, "still blank"));
	cr_assert_eq(blocks_received(), 0);
	struct rawcd_emu_state st;
	cr_assert_eq(rawcd_emu_get_state(&st, t), RAWCD_OK);
	cr_assert_eq(st.disc_status, 0);
}

Test(writer, cancel_while_idle_has_no_effect)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	rawcd_writer_cancel_write(w);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_OK);
}

Test(writer, pure_cav_speed)
{
	make_image(RAWCD_IMAGE_RAW96, 300);
	cr_assert_eq(rawcd_writer_set_write_speed(w, 70000, false), RAWCD_E_ARG);
	cr_assert_eq(rawcd_writer_set_write_speed(w, 1760, true), RAWCD_OK);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_OK);
	struct rawcd_emu_state st;
	cr_assert_eq(rawcd_emu_get_state(&st, t), RAWCD_OK);
	cr_assert_eq(st.write_speed, 1760);
}

static uint8_t *slurp(const char *p, size_t *size)
{
	FILE *f = fopen(p, "rb");
	cr_assert_not_null(f, "%s", p);
	fseek(f, 0, SEEK_END);
	*size = (size_t)ftell(f);
	rewind(f);
	uint8_t *buf = malloc(*size ? *size : 1);
	cr_assert_eq(fread(buf, 1, *size, f), *size);
	fclose(f);
	return buf;
}

/* A data track then an audio track: the disc the writer's image and the burn read alike. */
static void data_and_audio(rawcd_creator **out, struct feed *d, struct feed *a)
{
	cr_assert_eq(rawcd_creator_new(out, diag), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(*out, RAWCD_MODE_MODE1_2048, feed_read, d, 300, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_creator_add_track(*out, RAWCD_MODE_AUDIO, feed_read, a, 300, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_creator_set_cdtext(*out, 0, RAWCD_CDTEXT_TITLE, "same blocks"), RAWCD_OK);
}

Test(writer, sends_what_rawcd_burn_raw96r_sends)
{
	teardown();
	char burned[] = "/tmp/rawcd-api-burn-XXXXXX", written[] = "/tmp/rawcd-api-write-XXXXXX";
	int fd1 = mkstemp(burned), fd2 = mkstemp(written);
	cr_assert(fd1 >= 0 && fd2 >= 0);
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = burned;
	open_recorder(&cfg);
	struct feed d1 = {.seed = 3}, a1 = {.seed = 4}, d2 = {.seed = 3}, a2 = {.seed = 4};
	rawcd_creator *for_burn;
	data_and_audio(&for_burn, &d1, &a1);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_RAW96R;
	struct rawcd_burn_result r;
	cr_assert_eq(rawcd_burn(t, rawcd_creator_disc(for_burn), &o, NULL, NULL, NULL, &r, diag), RAWCD_OK);
	rawcd_creator_free(for_burn);
	rawcd_writer_free(w);
	rawcd_transport_close(t);
	cfg.sink_path = written;
	cr_assert_eq(rawcd_transport_open_emulated(&t, &cfg), RAWCD_OK);
	cr_assert_eq(rawcd_writer_new(&w, t, diag), RAWCD_OK);
	data_and_audio(&c, &d2, &a2);
	cr_assert_eq(rawcd_creator_create_result_image(c, &img), RAWCD_OK);
	cr_assert_eq(rawcd_writer_prepare_media(w), RAWCD_OK);
	cr_assert_eq(rawcd_writer_write_media(w, img), RAWCD_OK);
	size_t n1, n2;
	uint8_t *b1 = slurp(burned, &n1), *b2 = slurp(written, &n2);
	cr_assert_eq(n1, (size_t)(11625 + 300 + 150 + 300 + 6750) * 2448);
	cr_assert_eq(n2, n1);
	cr_assert_eq(memcmp(b1, b2, n1), 0, "the same blocks, data sectors scrambled alike");
	const uint8_t *lba0 = b2 + (size_t)11625 * 2448;
	cr_assert_neq(lba0[12], 0x00, "the data sector's header is scrambled (00h 02h 00h 01h unscrambled)");
	free(b1);
	free(b2);
	close(fd1);
	close(fd2);
	unlink(burned);
	unlink(written);
}
