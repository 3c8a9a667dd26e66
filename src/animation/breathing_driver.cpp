// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/breathing_driver.h"

#include <cmath>
#include <numbers>

namespace ths {

namespace {
const int kBreathing = Pose::indexOf(QStringLiteral("breathing_index"));
} // namespace

double BreathingDriver::valueAt(double now, double cycleDuration)
{
    if (!m_epoch || now < *m_epoch)
        m_epoch = now;
    // Whole cycles are moved into the epoch (the original restarted it at "now", which jittered the phase) to
    // keep the phase exact over long runs.
    const double elapsed = now - *m_epoch;
    if (elapsed >= cycleDuration)
        *m_epoch += std::floor(elapsed / cycleDuration) * cycleDuration;
    const double phase = (now - *m_epoch) / cycleDuration;
    const double s = std::sin(std::numbers::pi * phase);
    return s * s;
}

void BreathingDriver::apply(Pose &pose, double now, double cycleDuration)
{
    pose[kBreathing] = float(valueAt(now, cycleDuration));
}

} // namespace ths
