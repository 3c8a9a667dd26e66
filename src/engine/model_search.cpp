// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/model_search.h"

namespace ths {

QString findModelsDir(const QStringList &searchPath, ModelVariant variant)
{
    for (const QString &dir : searchPath)
        if (Poser::missingWeightFiles(dir, variant).isEmpty())
            return dir;
    return searchPath.value(0);
}

} // namespace ths
