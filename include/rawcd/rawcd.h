/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file rawcd.h
 * @brief Umbrella header of librawcd: raw CD images from CUE sheets (sectors, subcode, expected TOC).
 */
#ifndef RAWCD_RAWCD_H
#define RAWCD_RAWCD_H

#include "error.h"
#include "diag.h"
#include "msf.h"
#include "disc.h"
#include "cue.h"
#include "toc.h"
#include "sector.h"
#include "stream.h"
#include "image.h"
#include "cdtext.h"
#include "subcode.h"
#include "ccd.h"
#include "tocfile.h"
#include "rawimage.h"
#include "input.h"
#include "inspect.h"
#include "mmc.h"
#include "transport.h"
#include "emulated.h"
#include "burn.h"
#include "creator.h"
#include "writer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library's version, "MAJOR.MINOR.PATCH". */
const char *rawcd_version(void);

#ifdef __cplusplus
}
#endif
#endif
