// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/blink_driver.h"

#include "animation/pose_interpolator.h"

#include <cmath>

namespace ths {

namespace {
const int kWinkLeft = Pose::indexOf(QStringLiteral("eye_wink_left_index"));
const int kWinkRight = Pose::indexOf(QStringLiteral("eye_wink_right_index"));
} // namespace

bool BlinkDriver::apply(Pose &pose, double now, double dt, const AnimatorSettings &settings, bool ignoreRefractory)
{
    // Drawn every frame, also during the refractory time, so the random sequence does not depend on it.
    const double chance =
        1.0 - std::pow(1.0 - settings.blinkProbability, PoseInterpolator::kReferenceFps * std::max(0.0, dt));
    const bool wanted = m_random.uniform() < chance;
    if (!wanted)
        return false;
    if (m_lastBlink && !ignoreRefractory && now - *m_lastBlink < m_interval)
        return false;

    pose[kWinkLeft] = 1.0f;
    pose[kWinkRight] = 1.0f;
    m_lastBlink = now;
    m_interval = m_random.uniform(settings.blinkIntervalMin, settings.blinkIntervalMax);
    return true;
}

} // namespace ths
