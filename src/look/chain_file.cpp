// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/chain_file.h"

#include "core/json_file.h"

#include <QJsonObject>

namespace ths::look {

std::optional<LookChain> readChainFile(const QString &path, QString *error)
{
    const auto document = readJsonFile(path, error);
    if (!document)
        return std::nullopt;
    QJsonValue chain;
    if (document->isArray()) {
        chain = document->array();
    } else if (document->object().contains(QStringLiteral("postprocessor_chain"))) {
        chain = document->object().value(QStringLiteral("postprocessor_chain"));
    } else {
        *error = QStringLiteral("%1: expected a postprocessor_chain list or an object that has one").arg(path);
        return std::nullopt;
    }
    QString message;
    auto parsed = parseChain(chain, &message);
    if (!parsed)
        *error = QStringLiteral("%1: %2").arg(path, message);
    return parsed;
}

} // namespace ths::look
