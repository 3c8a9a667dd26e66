// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/character_image.h"

#include <cstdio>

namespace ths {

std::optional<QImage> loadCharacterImage(const QString &path)
{
    QImage image(path);
    if (image.isNull()) {
        std::fprintf(stderr, "error: %s: cannot read the image\n", qPrintable(path));
        return std::nullopt;
    }
    if (image.width() != 512 || image.height() != 512 || !image.hasAlphaChannel()) {
        std::fprintf(stderr, "error: %s: expected a 512×512 image with an alpha channel\n", qPrintable(path));
        return std::nullopt;
    }
    return image;
}

} // namespace ths
