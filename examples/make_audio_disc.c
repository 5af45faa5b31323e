/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Example: a three-track audio disc made from code with rawcd_creator (IMAPI2's IRawCDImageCreator),
 * written as a raw96 image with lead-in (from 95:00:00) and lead-out.
 *
 *   make_audio_disc OUT.img [--toc TOC.bin] [--pcm DIR] [--gaps]
 *
 * The tracks are sine tones generated in the read callbacks (no file is read): 440 Hz for 5 s, 660 Hz
 * for 6 s with an INDEX 02 at 2 s, 880 Hz for 7 s with digital copy permitted. The disc has an MCN,
 * each track an ISRC, and disc and tracks CD-TEXT titles and performers. --toc writes the expected TOC
 * (READ TOC format 2 bytes), --pcm writes each track's PCM as DIR/trackN.raw (16-bit little-endian
 * stereo, what the callback gave), --gaps sets DisableGaplessAudio (2 s of silence before tracks 2, 3).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rawcd/creator.h>
#include <rawcd/error.h>

#define RATE 44100

struct tone {
	double freq;
	uint64_t frame; /* the next sample frame */
	FILE *dump;     /* --pcm: a copy of what is given, or NULL */
};

static int tone_read(void *ctx, uint8_t *buf, size_t bytes)
{
	struct tone *t = ctx;
	for (size_t i = 0; i + 4 <= bytes; i += 4, t->frame++) {
		double x = sin(2.0 * M_PI * t->freq * (double)t->frame / RATE);
		int16_t l = (int16_t)lrint(12000.0 * x), r = (int16_t)lrint(-8000.0 * x);
		buf[i] = (uint8_t)(l & 0xFF);
		buf[i + 1] = (uint8_t)((uint16_t)l >> 8);
		buf[i + 2] = (uint8_t)(r & 0xFF);
		buf[i + 3] = (uint8_t)((uint16_t)r >> 8);
	}
	if (t->dump && fwrite(buf, 1, bytes, t->dump) != bytes)
		return RAWCD_E_IO;
	return RAWCD_OK;
}

static void print_diag(const rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		fprintf(stderr, "make_audio_disc: %s: %s\n", e->file ? e->file : "-", e->message);
	}
}

struct spec {
	double freq;
	unsigned seconds;
	const char *isrc, *title, *performer;
};

static const struct spec specs[3] = {
	{440.0, 5, "US-RC1-26-00001", "Tone A4", "Sine Ensemble"},
	{660.0, 6, "USRC12600002", "Tone E5", "Sine Ensemble"},
	{880.0, 7, "US-RC1-26-00003", "Tone A5", "Sine Soloist"},
};

static int build(rawcd_creator *c, struct tone *tones, bool gaps)
{
	int rc = rawcd_creator_set_result_type(c, RAWCD_IMAGE_RAW96);
	if (!rc) rc = rawcd_creator_set_mcn(c, "4006381333931");
	if (!rc) rc = rawcd_creator_set_disable_gapless_audio(c, gaps);
	if (!rc) rc = rawcd_creator_set_cdtext(c, 0, RAWCD_CDTEXT_TITLE, "rawcd creator example");
	if (!rc) rc = rawcd_creator_set_cdtext(c, 0, RAWCD_CDTEXT_PERFORMER, "Sine Ensemble");
	for (unsigned i = 0; i < 3 && !rc; i++) {
		unsigned pos = 0;
		rc = rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, tone_read, &tones[i], specs[i].seconds * 75, &pos);
		struct rawcd_track_info info;
		if (!rc) rc = rawcd_creator_track_info(c, pos, &info);
		if (!rc) {
			snprintf(info.isrc, sizeof(info.isrc), "%s", specs[i].isrc); /* hyphens or not */
			info.digital_audio_copy_setting = i == 2 ? RAWCD_COPY_PERMITTED : RAWCD_COPY_PROHIBITED;
			rc = rawcd_creator_set_track_info(c, pos, &info);
		}
		if (!rc && i == 1) rc = rawcd_creator_add_track_index(c, pos, 150);
		if (!rc) rc = rawcd_creator_set_cdtext(c, pos, RAWCD_CDTEXT_TITLE, specs[i].title);
		if (!rc) rc = rawcd_creator_set_cdtext(c, pos, RAWCD_CDTEXT_PERFORMER, specs[i].performer);
	}
	return rc;
}

static int write_image(rawcd_stream *img, FILE *out)
{
	size_t size = rawcd_stream_record_size(img), n = 0;
	uint8_t *buf = malloc(64 * size);
	int rc = buf ? RAWCD_OK : RAWCD_E_NOMEM;
	while (rc == RAWCD_OK && (rc = rawcd_stream_read_records(img, buf, 64, &n, NULL)) == RAWCD_OK && n)
		if (fwrite(buf, size, n, out) != n)
			rc = RAWCD_E_IO;
	free(buf);
	return rc;
}

static int write_toc(rawcd_creator *c, const char *path)
{
	uint8_t toc[RAWCD_CREATOR_TOC_MAX];
	size_t len = 0;
	int rc = rawcd_creator_expected_toc(c, toc, sizeof(toc), &len);
	FILE *f = rc ? NULL : fopen(path, "wb");
	if (!rc && (!f || fwrite(toc, 1, len, f) != len))
		rc = RAWCD_E_IO;
	if (f && fclose(f))
		rc = RAWCD_E_IO;
	return rc;
}

int main(int argc, char **argv)
{
	const char *out_path = NULL, *toc_path = NULL, *pcm_dir = NULL;
	bool gaps = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--toc") && i + 1 < argc)
			toc_path = argv[++i];
		else if (!strcmp(argv[i], "--pcm") && i + 1 < argc)
			pcm_dir = argv[++i];
		else if (!strcmp(argv[i], "--gaps"))
			gaps = true;
		else if (!out_path && argv[i][0] != '-')
			out_path = argv[i];
		else
			out_path = NULL, i = argc;
	}
	if (!out_path) {
		fprintf(stderr, "usage: make_audio_disc OUT.img [--toc TOC.bin] [--pcm DIR] [--gaps]\n");
		return 2;
	}
	struct tone tones[3] = {{specs[0].freq, 0, NULL}, {specs[1].freq, 0, NULL}, {specs[2].freq, 0, NULL}};
	for (int i = 0; pcm_dir && i < 3; i++) {
		char p[4096];
		snprintf(p, sizeof(p), "%s/track%d.raw", pcm_dir, i + 1);
		if (!(tones[i].dump = fopen(p, "wb"))) {
			perror(p);
			return 3;
		}
	}
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_creator *c = NULL;
	rawcd_stream *img = NULL;
	FILE *out = NULL;
	int rc = rawcd_creator_new(&c, diag);
	if (!rc) rc = build(c, tones, gaps);
	if (!rc && toc_path) rc = write_toc(c, toc_path);
	if (!rc) rc = rawcd_creator_create_result_image(c, &img);
	if (!rc && !(out = fopen(out_path, "wb")))
		rc = RAWCD_E_IO;
	if (!rc) rc = write_image(img, out);
	if (out && fclose(out) && !rc)
		rc = RAWCD_E_IO;
	if (!rc)
		printf("%s: %llu records of %zu bytes, lead-out at LBA %d\n", out_path,
		       (unsigned long long)rawcd_stream_total(img), rawcd_stream_record_size(img),
		       rawcd_creator_start_of_leadout(c));
	rawcd_stream_free(img);
	rawcd_creator_free(c);
	for (int i = 0; i < 3; i++)
		if (tones[i].dump)
			fclose(tones[i].dump);
	if (rc) {
		print_diag(diag);
		fprintf(stderr, "make_audio_disc: %s\n", rawcd_strerror(rc));
	}
	rawcd_diag_free(diag);
	return rc ? rawcd_error_exit_status(rc) : 0;
}
