/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_toc_disc_ids() against identifiers other programs computed for real discs:
 *  - whipper's tests (whipper/test/test_image_table.py, test_image_toc.py): freedb ids checked against
 *    cd-discid and freedb.org, MusicBrainz ids from mb-submit-disc, AccurateRip URLs checked against
 *    EAC's; track starts from its tables or from the cdrdao .toc files in SHARED_TESTDATA/whipper-team_whipper
 *  - MusicBrainz's own example (https://musicbrainz.org/doc/Disc_ID_Calculation, quoted by whipper)
 *  - CUETools' AccurateRip reports (Test Images/Circuitry/1.accurip, No Man's Land/1.accurip) with the
 *    TOC from the EAC/XLD log beside them, and the sheet's REM DISCID
 *  - libcdio's cdda.bin (one audio track at LBA 0, lead-out 302): freedb and AccurateRip by hand.
 * The discs are built as laid-out models and go through rawcd_toc_from_disc(), as the CLI does.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/toc.h"

struct fx_track {
	unsigned session;
	enum rawcd_track_mode mode;
	unsigned flags;
	int32_t pregap_lba;
	int32_t start_lba;
};
struct fx_disc {
	struct rawcd_disc disc;
	struct rawcd_track tracks[RAWCD_MAX_TRACKS];
	struct rawcd_session sessions[RAWCD_MAX_TRACKS];
	struct rawcd_index indexes[RAWCD_MAX_TRACKS][2];
};
/* In test_toc_build.c. */
void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts);

static struct fx_disc fx;
static struct rawcd_toc toc;
static struct rawcd_disc_ids ids;

/* Audio tracks at @p starts in session 1 (lead-out @p leadout1), then, if @p data_start >= 0, a data track
 * in session 2 or (@p data_first) a data track 1 at LBA 0 before them. */
static void build(const int32_t *starts, size_t n, int32_t leadout1, int32_t data_start, int32_t leadout2,
		  bool data_first)
{
	struct fx_track t[RAWCD_MAX_TRACKS];
	size_t k = 0;
	if (data_first)
		t[k++] = (struct fx_track){ 1, RAWCD_MODE_MODE2_2352, 0, 0, 0 };
	for (size_t i = 0; i < n; i++, k++)
		t[k] = (struct fx_track){ 1, RAWCD_MODE_AUDIO, 0, k > 0 ? starts[i] : 0, starts[i] };
	if (data_start >= 0 && !data_first)
		t[k++] = (struct fx_track){ 2, RAWCD_MODE_MODE1_2352, 0, data_start - 150, data_start };
	fx_disc_build(&fx, 1, t, k, (const int32_t[]){ leadout1, leadout2 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	cr_assert_eq(rawcd_toc_disc_ids(&ids, &toc), RAWCD_OK);
}

Test(disc_ids, libcdio_cdda)
{
	/* freedb: digit sum of 2 s = 2; length 452/75 - 150/75 = 4 s; one track: 02 0004 01.
	 * AccurateRip: id1 = 0 + 302, id2 = max(0,1)*1 + 302*2 = 605. */
	build((const int32_t[]){ 0 }, 1, 302, -1, 0, false);
	cr_assert_str_eq(ids.freedb, "02000401");
	cr_assert_str_eq(ids.accuraterip, "001-0000012e-0000025d-02000401");
	cr_assert_eq(strlen(ids.musicbrainz), 28);
	cr_assert_eq(ids.musicbrainz[27], '-', "MusicBrainz ids end in '-' (base64 padding)");
}

Test(disc_ids, musicbrainz_documentation_example)
{
	/* Ettella Diamant, six tracks: MusicBrainz's worked example. */
	build((const int32_t[]){ 0, 15213, 32164, 46442, 63264, 80339 }, 6, 95312, -1, 0, false);
	cr_assert_str_eq(ids.musicbrainz, "49HHV7Eb8UKF3aQiNmu1GR8vKTY-");
}

Test(disc_ids, whipper_ladyhawke_cd_extra)
{
	/* Ladyhawke: 12 audio tracks, then a data track in a second session at 207106 = 195706 + 11400;
	 * the disc's lead-out is 210385. freedb counts the data track and the real lead-out; MusicBrainz
	 * stops at the audio (lead-out 195706, "1+12+195856+150+..."); AccurateRip takes the audio tracks with
	 * the real lead-out (EAC's URL, dBAR-012-0013bd5a-00b8d489-c60af50d). */
	const int32_t starts[] = { 0, 15537, 31691, 50866, 66466, 81202, 99409,
				   115920, 133093, 149847, 161560, 177682 };
	build(starts, 12, 195706, 207106, 210385, false);
	cr_assert_eq(toc.track_count, 13);
	cr_assert_str_eq(ids.freedb, "c60af50d");
	cr_assert_str_eq(ids.musicbrainz, "KnpGsLhvH.lPrNc1PBL21lb9Bg4-");
	cr_assert_str_eq(ids.accuraterip, "012-0013bd5a-00b8d489-c60af50d");
}

Test(disc_ids, whipper_capital_two_sessions)
{
	/* capital.1.toc + capital.2.toc: a 24170-sector hidden track one audio, 11 audio tracks, lead-out
	 * 197700; the second session's Mode 1 track at 209100 runs 27:30:00 (123750 sectors). cd-discid:
	 * b910140c 12 24320 ... 209250 4440; MusicBrainz: 1+11+197850+24320+... */
	const int32_t starts[] = { 24170, 44705, 63940, 77735, 87945, 103870,
				   118095, 129105, 141615, 164337, 181630 };
	build(starts, 11, 197700, 209100, 209100 + 123750, false);
	cr_assert_eq(toc.tracks[0].start_lba, 24170);
	cr_assert_str_eq(ids.freedb, "b910140c");
	cr_assert_str_eq(ids.musicbrainz, "MAj3xXf6QMy7G.BIFOyHyq4MySE-");
}

Test(disc_ids, whipper_bloc_hidden_track)
{
	/* bloc.toc: 03:22:70 (15220 sectors) of hidden track one audio before track 1's INDEX 01; the
	 * starts and the lead-out (243216) follow from the FILE/START lines. cd-discid: ad0be00d; EAC's
	 * AccurateRip URL: dBAR-013-001af2de-0105994e-ad0be00d. */
	const int32_t starts[] = { 15220, 34869, 51382, 69040, 84142, 96676, 112377,
				   132298, 148445, 167922, 185389, 203181, 221953 };
	build(starts, 13, 243216, -1, 0, false);
	cr_assert_str_eq(ids.freedb, "ad0be00d");
	cr_assert_str_eq(ids.accuraterip, "013-001af2de-0105994e-ad0be00d");
}

Test(disc_ids, whipper_cure)
{
	/* cure.toc: 13 tracks, lead-out 238034; dBAR-013-0019d4c3-00fe8924-b90c650d. */
	const int32_t starts[] = { 0, 28324, 46110, 66767, 78047, 88735, 109991,
				   130209, 147045, 162154, 180653, 198027, 218771 };
	build(starts, 13, 238034, -1, 0, false);
	cr_assert_str_eq(ids.freedb, "b90c650d");
	cr_assert_str_eq(ids.accuraterip, "013-0019d4c3-00fe8924-b90c650d");
}

Test(disc_ids, cuetools_circuitry_data_track_first)
{
	/* A PlayStation-style disc: data track 1 at 0, audio tracks 2-5 (XLD log: 37001, 70001, 99814,
	 * 126819; lead-out 160976). CUETools: "Disc ID: 00078c13-001b4ab9-40086205": the audio tracks are
	 * numbered 1..4 for id2, the freedb id counts all five. */
	build((const int32_t[]){ 37001, 70001, 99814, 126819 }, 4, 160976, -1, 0, true);
	cr_assert_eq(toc.track_count, 5);
	cr_assert_eq(toc.tracks[0].control, 4);
	cr_assert_str_eq(ids.freedb, "40086205");
	cr_assert_str_eq(ids.accuraterip, "004-00078c13-001b4ab9-40086205");
	cr_assert_eq(strlen(ids.musicbrainz), 28, "a leading data track keeps the MusicBrainz id");
}

Test(disc_ids, cuetools_no_mans_land_cd_extra)
{
	/* Waldo's People, No-Man's-Land: 12 audio tracks (EAC log), lead-out 231150, data track 13 at
	 * 242550 to 305248. CUETools: "Disc ID: 0015c42c-00d1e13f-ba0fe50d"; the sheet: REM DISCID BA0FE50D. */
	const int32_t starts[] = { 0, 17858, 34330, 49689, 65467, 81752,
				   96273, 118508, 135598, 152074, 168093, 201585 };
	build(starts, 12, 231150, 242550, 305249, false);
	cr_assert_str_eq(ids.freedb, "ba0fe50d");
	cr_assert_str_eq(ids.accuraterip, "012-0015c42c-00d1e13f-ba0fe50d");
}

Test(disc_ids, data_only_disc)
{
	/* libcdio isofs-m1: no audio, so no MusicBrainz or AccurateRip id; freedb still counts the track. */
	const struct fx_track t[] = { { 1, RAWCD_MODE_MODE1_2352, 0, 0, 0 } };
	fx_disc_build(&fx, 1, t, 1, (const int32_t[]){ 302 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	cr_assert_eq(rawcd_toc_disc_ids(&ids, &toc), RAWCD_OK);
	cr_assert_str_eq(ids.freedb, "02000401");
	cr_assert_str_eq(ids.musicbrainz, "");
	cr_assert_str_eq(ids.accuraterip, "");
}

Test(disc_ids, from_decoded_format0)
{
	/* A format-0 answer carries what the ids need (starts, CONTROL, lead-out): Ladyhawke again. */
	const int32_t starts[] = { 0, 15537, 31691, 50866, 66466, 81202, 99409,
				   115920, 133093, 149847, 161560, 177682 };
	build(starts, 12, 195706, 207106, 210385, false);
	static uint8_t buf[4 + 8 * 14];
	size_t len;
	static struct rawcd_toc decoded;
	cr_assert_eq(rawcd_toc_encode(&toc, 0, false, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(rawcd_toc_decode(&decoded, 0, false, buf, len), RAWCD_OK);
	memset(&ids, 0, sizeof(ids));
	cr_assert_eq(rawcd_toc_disc_ids(&ids, &decoded), RAWCD_OK);
	cr_assert_str_eq(ids.freedb, "c60af50d");
	cr_assert_str_eq(ids.musicbrainz, "KnpGsLhvH.lPrNc1PBL21lb9Bg4-");
	cr_assert_str_eq(ids.accuraterip, "012-0013bd5a-00b8d489-c60af50d");
}

Test(disc_ids, errors)
{
	memset(&toc, 0, sizeof(toc));
	memset(&ids, 0x41, sizeof(ids));
	cr_assert_eq(rawcd_toc_disc_ids(&ids, &toc), RAWCD_E_ARG, "no tracks");
	cr_assert_eq(ids.freedb[0], 0x41, "out untouched on failure");
	cr_assert_eq(rawcd_toc_disc_ids(NULL, &toc), RAWCD_E_ARG);
	cr_assert_eq(rawcd_toc_disc_ids(&ids, NULL), RAWCD_E_ARG);

	/* A format-1 TOC has no lead-out: libdiscid refuses it. */
	toc.track_count = 1;
	toc.tracks[0] = (struct rawcd_toc_track){ .number = 1, .session = 1, .adr = 1, .start_lba = 0 };
	toc.leadout_lba = 0;
	cr_assert_eq(rawcd_toc_disc_ids(&ids, &toc), RAWCD_E_ARG);
}
