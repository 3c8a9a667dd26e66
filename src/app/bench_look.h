// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `bench --postprocess CHAIN.json`: the look's cost, each filter's milliseconds per frame on a rendered frame.

#include "look/filter_catalog.h"

#include <QImage>

namespace ths {

// Runs `chain` over `frames` frames (25 per second of the look's clock) on `frame` and prints one line per
// filter (mean and range of ms per frame), the sRGB decode/encode and the total.
void benchLook(const look::LookChain &chain, const QImage &frame, int frames);

} // namespace ths
