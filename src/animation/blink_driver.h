// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Blinking. Each frame a blink starts with probability 1 − (1 − blink_probability)^(25·dt) (the setting is per
// 1/25 s; dt is the frame time), unless the refractory time since the previous blink, drawn uniformly from
// [blink_interval_min, blink_interval_max], has not passed yet. There is no refractory time before the first
// blink, and none while the confusion rule is active (the caller decides: `confusion` selected less than
// blink_confusion_duration ago). A blink closes both eyes (eye_wink_left/right = 1) for the frame it starts in;
// the pose interpolator then reopens them toward the emotion's value over the next frames.

#include "animation/animator_settings.h"
#include "core/random_source.h"
#include "pose/pose.h"

#include <optional>

namespace ths {

class BlinkDriver
{
public:
    explicit BlinkDriver(RandomSource &random)
        : m_random(random)
    {
    }

    // Decides whether a blink starts at `now` and, if so, closes the eyes in `pose`. Returns whether it did.
    bool apply(Pose &pose, double now, double dt, const AnimatorSettings &settings, bool ignoreRefractory);
    // When the last blink started; empty before the first.
    [[nodiscard]] std::optional<double> lastBlink() const { return m_lastBlink; }
    // The refractory time drawn at the last blink.
    [[nodiscard]] double interval() const { return m_interval; }

private:
    RandomSource &m_random;
    std::optional<double> m_lastBlink;
    double m_interval = 0.0;
};

} // namespace ths
