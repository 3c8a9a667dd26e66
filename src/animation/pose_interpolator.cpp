// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/pose_interpolator.h"

#include <cmath>

namespace ths {

double PoseInterpolator::stepFor(double step, double dt)
{
    if (dt <= 0.0)
        return 0.0;
    const double alpha = 1.0 - step;
    if (alpha <= 0.0 || alpha >= 1.0)
        return step;
    return 1.0 - std::pow(alpha, kReferenceFps * dt);
}

Pose PoseInterpolator::approach(const Pose &current, const Pose &target, double s)
{
    Pose result;
    for (int i = 0; i < Pose::kCount; ++i) {
        const float next = float(current[i] + s * (double(target[i]) - current[i]));
        result[i] = std::abs(next - target[i]) < kSnapDistance ? target[i] : next;
    }
    return result;
}

} // namespace ths
