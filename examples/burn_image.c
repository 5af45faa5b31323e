/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Example: make a raw image with rawcd_creator and write it with rawcd_writer (IMAPI2's
 * IDiscFormat2RawCD) to the emulated CD-R recorder of emulated.h, with a progress callback (the Update
 * event), optionally canceling from it.
 *
 *   burn_image SINK [--cancel-at PERCENT] [--image IMAGE]
 *
 * SINK receives every block the recorder accepted. --cancel-at calls rawcd_writer_cancel_write() from
 * the callback once PERCENT of the blocks are written. --image also writes the image the creator made
 * (a second, identical creator) to IMAGE, so that SINK can be compared with its records from the
 * medium's lead-in start on. Exit status: 0 written, 130 canceled, else rawcd_error_exit_status().
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rawcd/creator.h>
#include <rawcd/emulated.h>
#include <rawcd/error.h>
#include <rawcd/writer.h>

#define TRACK_SECTORS 750 /* 10 s */

struct tone {
	double freq;
	uint64_t frame;
};

static int tone_read(void *ctx, uint8_t *buf, size_t bytes)
{
	struct tone *t = ctx;
	for (size_t i = 0; i + 4 <= bytes; i += 4, t->frame++) {
		int16_t v = (int16_t)lrint(10000.0 * sin(2.0 * M_PI * t->freq * (double)t->frame / 44100.0));
		buf[i] = buf[i + 2] = (uint8_t)(v & 0xFF);
		buf[i + 1] = buf[i + 3] = (uint8_t)((uint16_t)v >> 8);
	}
	return RAWCD_OK;
}

/* Two tones, 10 s each, raw96 image from 95:00:00. */
static int make_image(rawcd_creator **c, rawcd_stream **img, struct tone tones[2], rawcd_diag *diag)
{
	int rc = rawcd_creator_new(c, diag);
	for (int i = 0; i < 2 && !rc; i++)
		rc = rawcd_creator_add_track(*c, RAWCD_MODE_AUDIO, tone_read, &tones[i], TRACK_SECTORS, NULL);
	if (!rc)
		rc = rawcd_creator_set_cdtext(*c, 0, RAWCD_CDTEXT_TITLE, "rawcd writer example");
	if (!rc)
		rc = rawcd_creator_create_result_image(*c, img);
	return rc;
}

static int save_image(const char *path, rawcd_diag *diag)
{
	struct tone tones[2] = {{500.0, 0}, {750.0, 0}};
	rawcd_creator *c = NULL;
	rawcd_stream *img = NULL;
	int rc = make_image(&c, &img, tones, diag);
	FILE *f = rc ? NULL : fopen(path, "wb");
	if (!rc && !f)
		rc = RAWCD_E_IO;
	uint8_t *buf = malloc(64 * 2448);
	size_t n = 0;
	while (!rc && (rc = rawcd_stream_read_records(img, buf, 64, &n, NULL)) == RAWCD_OK && n)
		if (fwrite(buf, rawcd_stream_record_size(img), n, f) != n)
			rc = RAWCD_E_IO;
	if (f && fclose(f) && !rc)
		rc = RAWCD_E_IO;
	free(buf);
	rawcd_stream_free(img);
	rawcd_creator_free(c);
	return rc;
}

struct watch {
	rawcd_writer *w;
	int cancel_at;   /* percent, or -1 */
	int last_tenth;  /* the last tenth of the write printed */
};

static void on_update(void *ctx, const struct rawcd_writer_progress *p)
{
	static const char *const actions[] = {"unknown", "preparing", "writing", "finishing"};
	struct watch *wt = ctx;
	int pct = p->sector_count ? (int)(p->written * 100 / p->sector_count) : 0;
	if (p->current_action != RAWCD_WRITER_WRITING || pct / 10 != wt->last_tenth) {
		printf("progress: %s %3d%% last written LBA %d of %d..%d, %.2f s elapsed, %.2f s left\n",
		       actions[p->current_action], pct, p->last_written_lba, p->start_lba,
		       p->start_lba + (int32_t)p->sector_count - 1, p->elapsed_time, p->remaining_time);
		wt->last_tenth = pct / 10;
	}
	if (wt->cancel_at >= 0 && pct >= wt->cancel_at && p->current_action == RAWCD_WRITER_WRITING) {
		rawcd_writer_cancel_write(wt->w);
		wt->cancel_at = -1;
		printf("cancel asked at %d%%\n", pct);
	}
}

static int burn(const char *sink, int cancel_at, rawcd_diag *diag)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = sink;
	cfg.diag = diag;
	rawcd_transport *t = NULL;
	rawcd_writer *w = NULL;
	rawcd_creator *c = NULL;
	rawcd_stream *img = NULL;
	struct tone tones[2] = {{500.0, 0}, {750.0, 0}};
	struct watch wt = {NULL, cancel_at, -1};
	int rc = rawcd_transport_open_emulated(&t, &cfg);
	if (!rc) rc = rawcd_writer_new(&w, t, diag);
	if (!rc) rc = rawcd_writer_set_requested_sector_type(w, RAWCD_WRITE_RAW96R);
	if (!rc) rc = make_image(&c, &img, tones, diag);
	wt.w = w;
	rawcd_writer_set_progress(w, on_update, &wt);
	if (!rc) rc = rawcd_writer_prepare_media(w);
	if (!rc && rawcd_creator_start_of_leadout(c) > rawcd_writer_last_possible_start_of_leadout(w))
		rc = RAWCD_E_LAYOUT;
	if (!rc) {
		printf("medium: next session at LBA %d, last possible lead-out LBA %d; image lead-out LBA %d\n",
		       rawcd_writer_start_of_next_session(w), rawcd_writer_last_possible_start_of_leadout(w),
		       rawcd_creator_start_of_leadout(c));
		rc = rawcd_writer_write_media(w, img);
		struct rawcd_burn_result r;
		rawcd_writer_last_result(w, &r);
		printf("%s: %llu of %llu blocks of %zu bytes from LBA %d in %u WRITE(10)s%s\n",
		       rc ? rawcd_strerror(rc) : "written", (unsigned long long)r.written, (unsigned long long)r.total,
		       r.block_size, r.first_lba, r.write_commands, r.disc_unusable ? "; the disc is unusable" : "");
		rawcd_writer_release_media(w);
	}
	struct rawcd_emu_state st;
	if (t && rawcd_emu_get_state(&st, t) == RAWCD_OK)
		printf("recorder: disc %s, %llu blocks received\n", st.disc_status == 2 ? "complete"
		       : st.disc_status == 1 ? "incomplete" : "blank", (unsigned long long)st.blocks);
	rawcd_stream_free(img);
	rawcd_creator_free(c);
	rawcd_writer_free(w);
	rawcd_transport_close(t);
	return rc;
}

int main(int argc, char **argv)
{
	const char *sink = NULL, *image = NULL;
	int cancel_at = -1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cancel-at") && i + 1 < argc)
			cancel_at = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--image") && i + 1 < argc)
			image = argv[++i];
		else if (!sink && argv[i][0] != '-')
			sink = argv[i];
		else
			sink = NULL, i = argc;
	}
	if (!sink) {
		fprintf(stderr, "usage: burn_image SINK [--cancel-at PERCENT] [--image IMAGE]\n");
		return 2;
	}
	rawcd_diag *diag = rawcd_diag_new();
	int rc = image ? save_image(image, diag) : RAWCD_OK;
	if (!rc)
		rc = burn(sink, cancel_at, diag);
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		static const char *const sev[] = {"note", "warning", "error"};
		fprintf(stderr, "burn_image: %s: %s: %s\n", sev[e->severity], e->file ? e->file : "-", e->message);
	}
	rawcd_diag_free(diag);
	return rc ? rawcd_error_exit_status(rc) : 0;
}
