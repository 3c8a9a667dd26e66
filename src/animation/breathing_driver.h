// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Breathing: breathing_index = sin²(π·φ), φ the phase within the breathing cycle, so each breath goes 0 → 1 → 0,
// slow at the ends and fast in the middle. The cycle starts at the first frame. Emotion templates never drive
// breathing.

#include "pose/pose.h"

#include <optional>

namespace ths {

class BreathingDriver
{
public:
    // Sets breathing_index in `pose` for time `now`.
    void apply(Pose &pose, double now, double cycleDuration);
    // The breathing value at `now` (starts the cycle when called first).
    [[nodiscard]] double valueAt(double now, double cycleDuration);

private:
    std::optional<double> m_epoch;
};

} // namespace ths
