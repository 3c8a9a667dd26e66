// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real separable_float weights and the example character, as scripts/test installs them: tests that need them
// skip (and say why) where they are absent.

#include "engine/poser.h"

#include <QFile>
#include <QTest>

namespace ths::test {

inline bool realWeightsInstalled()
{
    return Poser::missingWeightFiles(QStringLiteral(THS_MODELS_DIR), ModelVariant::SeparableFloat).isEmpty()
        && QFile::exists(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
}

} // namespace ths::test

// In a test function: skips it unless the real weights and the example character are installed.
#define THS_REQUIRE_REAL_WEIGHTS()                                                                                    \
    do {                                                                                                              \
        if (!ths::test::realWeightsInstalled())                                                                       \
            QSKIP("real weights or example character not installed (scripts/test installs them)");                   \
    } while (false)
