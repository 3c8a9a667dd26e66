// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Emotion transitions: every frame each morph moves a fraction of its remaining distance to the target pose
// (an exponential approach). The fraction is calibrated per 1/25 s and corrected for the real frame time, so
// the pose at a given wall time does not depend on the frame rate: with β = pose_interpolator_step and α = 1 − β,
// a frame lasting dt seconds covers s = 1 − α^(25·dt) of the distance. With β = 0.1 the motion is 50 % done after
// ≈0.26 s, 90 % after ≈0.87 s, 99 % after ≈1.75 s.

#include "pose/pose.h"

namespace ths {

class PoseInterpolator
{
public:
    // The rate the step is calibrated at.
    static constexpr double kReferenceFps = 25.0;
    // Below this distance a morph snaps to its target, so the approach ends. (The original snapped at 1e-8 in
    // doubles; a float pose can stall one rounding step short of that, about 6e-8 near 1.)
    static constexpr float kSnapDistance = 1e-6f;

    // The fraction of the remaining distance covered in `dt` seconds: 0 for dt ≤ 0, β when β ≥ 1.
    [[nodiscard]] static double stepFor(double step, double dt);
    // current + s·(target − current) for every morph, snapping the last tiny distance.
    [[nodiscard]] static Pose approach(const Pose &current, const Pose &target, double s);
};

} // namespace ths
