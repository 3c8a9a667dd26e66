// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one URL → path conversion for files the user picks or drops (QML hands over URLs).

#include <QString>
#include <QUrl>

namespace ths {

// The local path of a file URL (or of a plain path passed as a URL); "" for any other URL.
QString localFilePath(const QUrl &url);

} // namespace ths
