// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way the project reads a JSON file: errors name the file and say what is wrong —
// "<path>: cannot open: <reason>" or "<path>: invalid JSON at offset <n>: <reason>".

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <type_traits>

namespace ths {

std::optional<QJsonDocument> readJsonFile(const QString &path, QString *error);

// What a JSON value is, for error messages: "a number", "an array", "null", …
QString jsonTypeName(const QJsonValue &value);

// A file whose top level is a `Root` (QJsonObject or QJsonArray), parsed by `parse(root, &message)` (a fromJson that
// returns an optional and says why in `message`). Every error names the file: "<path>: <shapeError>" when the top
// level is something else, "<path>: <message>".
template <typename Root, typename Parse>
auto parseJsonFile(const QString &path, QString *error, const QString &shapeError, Parse &&parse)
    -> decltype(parse(Root(), static_cast<QString *>(nullptr)))
{
    static_assert(std::is_same_v<Root, QJsonObject> || std::is_same_v<Root, QJsonArray>);
    constexpr bool object = std::is_same_v<Root, QJsonObject>;
    const std::optional<QJsonDocument> doc = readJsonFile(path, error);
    if (!doc)
        return std::nullopt;
    if (object ? !doc->isObject() : !doc->isArray()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, shapeError);
        return std::nullopt;
    }
    QString message;
    auto parsed = [&] {
        if constexpr (object)
            return parse(doc->object(), &message);
        else
            return parse(doc->array(), &message);
    }();
    if (!parsed && error)
        *error = QStringLiteral("%1: %2").arg(path, message);
    return parsed;
}

} // namespace ths
