/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recorder a command opens: a real drive through SG_IO, or rawcd's emulated recorder
 * (include/rawcd/emulated.h) when DEV is "emulated:cd-r" or "emulated:cd-rw", so that burn and blank
 * can be tried, and tested through the real CLI, without a drive. */
#include <string.h>

#include "cli/cli.h"
#include "rawcd/emulated.h"
#include "rawcd/mmc.h"
#include "rawcd/transport.h"

int cli_open_recorder(rawcd_transport **out, const char *dev, rawcd_diag *diag)
{
	static const struct {
		const char *name;
		uint16_t profile;
	} emulated[] = {{"emulated:cd-r", RAWCD_MMC_PROFILE_CD_R}, {"emulated:cd-rw", RAWCD_MMC_PROFILE_CD_RW}};
	for (size_t i = 0; i < sizeof(emulated) / sizeof(emulated[0]); i++)
		if (strcmp(dev, emulated[i].name) == 0) {
			struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
			cfg.profile = emulated[i].profile;
			cfg.name = dev;
			cfg.diag = diag;
			return rawcd_transport_open_emulated(out, &cfg);
		}
	return rawcd_transport_open_sg(out, dev, false, diag);
}
