// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way the project reads a JSON file: errors name the file and say what is wrong —
// "<path>: cannot open: <reason>" or "<path>: invalid JSON at offset <n>: <reason>".

#include <QJsonDocument>
#include <QString>

#include <optional>

namespace ths {

std::optional<QJsonDocument> readJsonFile(const QString &path, QString *error);

} // namespace ths
