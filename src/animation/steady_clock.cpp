// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/steady_clock.h"

namespace ths {

SteadyClock::SteadyClock()
{
    m_timer.start();
}

double SteadyClock::now() const
{
    return double(m_timer.nsecsElapsed()) * 1e-9;
}

} // namespace ths
