// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The production clock: monotonic seconds since construction (immune to wall-clock adjustments).

#include "animation/clock.h"

#include <QElapsedTimer>

namespace ths {

class SteadyClock : public Clock
{
public:
    SteadyClock();
    [[nodiscard]] double now() const override;

private:
    QElapsedTimer m_timer;
};

} // namespace ths
