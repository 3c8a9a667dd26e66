// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A clock that only moves when told to: tests step it frame by frame.

#include "animation/clock.h"

namespace ths {

class ManualClock : public Clock
{
public:
    explicit ManualClock(double start = 0.0)
        : m_now(start)
    {
    }

    [[nodiscard]] double now() const override { return m_now; }
    void set(double seconds) { m_now = seconds; }
    void advance(double seconds) { m_now += seconds; }

private:
    double m_now;
};

} // namespace ths
