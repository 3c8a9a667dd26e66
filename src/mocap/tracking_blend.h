// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a tracked face lies over the animation: the channels the source provides replace the animator's by a weight
// that eases to 1 while tracking and back to 0 once tracking is lost (both within kEaseSeconds). Used by the live
// puppeteer and by render-take, so a rendered take looks as it did live.

#include "pose/pose.h"

#include <optional>
#include <vector>

namespace ths::mocap {

class TrackingBlend
{
public:
    static constexpr double kTrackingTimeout = 1.0; // seconds without a face: tracking lost
    static constexpr double kEaseSeconds = 0.3;     // from the animation to the face and back

    // Whether a face that last arrived at `lastFace` still tracks at `now`.
    static bool tracking(std::optional<double> lastFace, double now)
    {
        return lastFace && now - *lastFace < kTrackingTimeout;
    }

    // The animation with `face` over the `provided` channels at `now` (seconds; the weight moves by the time since
    // the previous call, none on the first).
    Pose apply(const Pose &animated, const std::optional<Pose> &face, const std::vector<bool> &provided, bool tracking, double now);
    // Whether apply() changes anything (the face shows, or is still easing out).
    bool showing() const { return m_weight > 0; }

private:
    double m_weight = 0;
    std::optional<double> m_last;
};

} // namespace ths::mocap
