// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Idle sway ("Live2D-like" random motion) of the sway_morphs, applied to the target pose before interpolation, so
// the pose drifts smoothly toward a moving target.
//
// Macro sway: a new sway target is drawn when the emotion changed, when the sway morphs changed, and when a random
// interval from [sway_interval_min, sway_interval_max] has passed. For a morph whose emotion value is v, with
// m = sway_macro_strength, the target is v + r with r uniform in [min(0, −m − v), max(0, m − v)]: within [−m, m]
// when |v| ≤ m, otherwise only back toward the centre (down to −m, or up to m).
// Micro sway: every 1/25 s of wall time, U(−μ, μ) (μ = sway_micro_strength) is added to each morph's sway target,
// which is kept in range: between macro draws the target does a small bounded random walk (as the original).
// Unlike the original, which added at most one step per frame, one step is taken per elapsed 1/25 s, so the walk
// does not depend on the frame rate.

#include "animation/animator_settings.h"
#include "core/random_source.h"
#include "pose/pose.h"

#include <QList>

#include <optional>

namespace ths {

class SwayDriver
{
public:
    // Micro steps per second of wall time.
    static constexpr double kMicroRate = 25.0;
    // After a long pause the walk resumes with at most this many steps, not thousands.
    static constexpr int kMaxMicroSteps = 25;

    explicit SwayDriver(RandomSource &random)
        : m_random(random)
    {
    }

    // Replaces the sway morphs' values in `target` (the emotion's pose) by their swayed values.
    void apply(Pose &target, double now, bool emotionChanged, const AnimatorSettings &settings);
    // Forgets the current sway target; the next apply() draws a new one.
    void reset() { m_madeAt.reset(); }

private:
    void drawMacro(const Pose &target, double now, const AnimatorSettings &settings);

    RandomSource &m_random;
    std::optional<double> m_madeAt;
    double m_interval = 0.0;
    double m_microTime = 0.0;
    QList<int> m_morphs;
    Pose m_target; // only the entries of m_morphs are used
};

} // namespace ths
