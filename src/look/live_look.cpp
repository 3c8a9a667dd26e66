// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/live_look.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

namespace ths {

LiveLook::LiveLook(double start, std::optional<quint32> seed)
    : m_start(start)
    , m_post(seed.value_or(QRandomGenerator::global()->generate()))
{
}

QImage LiveLook::apply(const QImage &frame, const QJsonArray &chain, double now)
{
    if (chain != m_chainJson) {
        QString error;
        auto parsed = look::parseChain(chain, &error);
        // Settings reach here only after the same parser accepted them; should one not, frames go out unfiltered.
        if (!parsed)
            qWarning("look: postprocessor_chain not applied: %s", qPrintable(error));
        m_post.setChain(parsed ? std::move(*parsed) : look::LookChain());
        m_chainJson = chain;
    }
    return m_post.apply(frame, now - m_start);
}

} // namespace ths
