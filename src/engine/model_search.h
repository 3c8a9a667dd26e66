// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which folder of a search path holds a model variant. The weights of one variant may be bundled with the program
// (separable_float in the package) while another sits in the user's own data folder, so each variant is looked up
// on its own.

#include "engine/poser.h"

#include <QString>
#include <QStringList>

namespace ths {

// The first folder of `searchPath` that holds all five weight files of `variant` (as <variant>/<network>.pt);
// when none does, the first folder (where the files should go: missing-file reports name it). Empty search path:
// an empty string.
QString findModelsDir(const QStringList &searchPath, ModelVariant variant);

} // namespace ths
