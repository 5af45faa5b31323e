/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A TOC file burned on the emulated recorder (raw96r): the lead-in carries every CD-TEXT block the TOC
 * file gave, as its packs are, and the lead-in TOC is the disc's. */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/burn.h"
#include "rawcd/cdtext.h"
#include "rawcd/emulated.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"
#include "rawcd/tocfile.h"
#include "rawcd/transport.h"

Test(toc_burn, three_cdtext_blocks_reach_the_lead_in, .timeout = 120)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_tocfile_load(&d, SHARED_TESTDATA "/cdrdao_cdrdao/testtocs/3encodings.toc", NULL, diag);
	cr_assert_eq(rc, RAWCD_OK);
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = NULL;
	cr_assert_eq(rawcd_transport_open_emulated(&t, &cfg), RAWCD_OK);
	struct rawcd_burn_options opts = RAWCD_BURN_OPTIONS_INIT;
	opts.write_mode = RAWCD_WRITE_RAW96R;
	struct rawcd_burn_result r;
	rc = rawcd_burn(t, d, &opts, NULL, NULL, NULL, &r, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	struct rawcd_cdtext_packs got = {0};
	cr_assert_eq(rawcd_emu_leadin_cdtext(&got, t), RAWCD_OK);
	cr_assert_eq(got.count, d->cdtext_pack_count);
	cr_assert_eq(memcmp(got.pack, d->cdtext_pack, got.count * RAWCD_CDTEXT_PACK_SIZE), 0);
	unsigned blocks = 0;
	for (size_t i = 0; i < got.count; i++)
		if (got.pack[i][0] == RAWCD_PACK_SIZE_INFO && got.pack[i][1] == 0)
			blocks++;
	cr_assert_eq(blocks, 3);
	struct rawcd_toc toc;
	cr_assert_eq(rawcd_emu_leadin_toc(&toc, t), RAWCD_OK);
	rawcd_cdtext_packs_finish(&got);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
