// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/character_image.h"

#include "image/image_import.h"

#include <cstdio>

namespace ths {

std::optional<QImage> loadCharacterImage(const QString &path)
{
    const ImportedImage imported = importImageFile(path);
    for (const ImageIssue &issue : imported.report.issues())
        if (issue.severity != ImageIssueSeverity::Info) // notes such as "hidden colour cleared" are for check-image
            std::fprintf(stderr, "%s: %s [%s]: %s\n", qPrintable(path), qPrintable(severityName(issue.severity)),
                     qPrintable(issue.code), qPrintable(issue.message));
    if (!imported.report.ok())
        return std::nullopt;
    return imported.image;
}

} // namespace ths
