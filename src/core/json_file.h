// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way the project reads a JSON file: errors name the file and say what is wrong —
// "<path>: cannot open: <reason>" or "<path>: invalid JSON at offset <n>: <reason>".

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ths {

std::optional<QJsonDocument> readJsonFile(const QString &path, QString *error);

// A file holding one JSON object, parsed by `parse(object, &message)` (a fromJson that returns an optional and says
// why in `message`). Every error names the file: "<path>: not a JSON object", "<path>: <message>".
template <typename Parse>
auto parseJsonObjectFile(const QString &path, QString *error, Parse &&parse)
    -> decltype(parse(QJsonObject(), static_cast<QString *>(nullptr)))
{
    const std::optional<QJsonDocument> doc = readJsonFile(path, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object").arg(path);
        return std::nullopt;
    }
    QString message;
    auto parsed = parse(doc->object(), &message);
    if (!parsed && error)
        *error = QStringLiteral("%1: %2").arg(path, message);
    return parsed;
}

} // namespace ths
