// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The look of a live character: follows the animator settings' postprocessor_chain (already validated when the
// settings were accepted) and applies it to every frame on the caller's clock. For one render thread.

#include "look/postprocessor.h"

#include <QJsonArray>

#include <optional>

namespace ths {

class LiveLook
{
public:
    // `start`: the clock's time when the look starts (its normalised frame 0). `seed`: none = a random one.
    explicit LiveLook(double start, std::optional<quint32> seed = std::nullopt);

    // `frame` with `chain` applied at clock time `now`; the frame itself when the chain is empty. A new chain takes
    // effect at once; named filters keep their state.
    QImage apply(const QImage &frame, const QJsonArray &chain, double now);

    const look::Postprocessor &postprocessor() const { return m_post; }

private:
    double m_start;
    QJsonArray m_chainJson;
    look::Postprocessor m_post;
};

} // namespace ths
