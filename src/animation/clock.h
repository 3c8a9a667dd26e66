// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Time source for the animator. Every driver is wall-clock based (as in the original), so the time comes from an
// injected clock: SteadyClock in production, ManualClock in tests, which makes frame-by-frame tests deterministic.

namespace ths {

class Clock
{
public:
    virtual ~Clock() = default;
    // Seconds since an arbitrary, fixed epoch; never decreases for a real clock.
    [[nodiscard]] virtual double now() const = 0;
};

} // namespace ths
