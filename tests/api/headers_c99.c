/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Each public header on its own, then all together, as a C99 program would include them. */
#include "rawcd/error.h"
#include "rawcd/diag.h"
#include "rawcd/msf.h"
#include "rawcd/disc.h"
#include "rawcd/cue.h"
#include "rawcd/toc.h"
#include "rawcd/sector.h"
#include "rawcd/stream.h"
#include "rawcd/image.h"
#include "rawcd/cdtext.h"
#include "rawcd/subcode.h"
#include "rawcd/mmc.h"
#include "rawcd/transport.h"
#include "rawcd/emulated.h"
#include "rawcd/burn.h"
#include "rawcd/creator.h"
#include "rawcd/writer.h"
#include "rawcd/rawcd.h"

#include <stdio.h>

int main(void)
{
	struct rawcd_layout_options layout = RAWCD_LAYOUT_OPTIONS_INIT;
	struct rawcd_image_options image = RAWCD_IMAGE_OPTIONS_INIT;
	struct rawcd_stream_options stream = RAWCD_STREAM_OPTIONS_INIT;
	struct rawcd_burn_options burn = RAWCD_BURN_OPTIONS_INIT;
	/* Nothing to run: compiling is the test. Print so the values are used. */
	printf("%u %u %u %u\n", layout.version, image.version, stream.version, burn.version);
	return 0;
}
