// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/local_file_path.h"

namespace ths {

QString localFilePath(const QUrl &url)
{
    if (url.isLocalFile())
        return url.toLocalFile();
    if (url.scheme().isEmpty())
        return url.toString(QUrl::PreferLocalFile); // a plain path handed over as a URL
    return {};
}

} // namespace ths
