// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

#include <optional>

namespace ths {

// Loads and validates a character image for the command-line tools: prints warnings to stderr; on errors prints
// the report and returns nullopt.
std::optional<QImage> loadCharacterImage(const QString &path);

} // namespace ths
