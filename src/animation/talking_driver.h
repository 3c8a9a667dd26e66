// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The mouth, applied after interpolation so it overrides the emotion's mouth.
//
// Random talking (while talking is on, as the original): talking_fps times per second a new opening is picked for
// talking_morph, x_new = clamp((1 − x) + U(−2, 2), 0, 1) with x its current value, so the mouth mostly snaps
// between closed and fully open; between picks the value is held. The other mouth-open morphs (aaa, iii, uuu,
// eee, ooo, delta) are held at 0. Picks follow a fixed schedule of 1/talking_fps (the original restarted the wait
// at each pick, which at 25 FPS made 12 picks/s into ≈8).
//
// External shape (lip-sync): when a MouthShape is given for a frame, it sets the six mouth-open morphs instead.
//
// When neither drives the mouth any more (talking stopped, or the shape ended), the mouth-open morphs and
// talking_morph snap to the target pose's values on that frame instead of easing, so the mouth shuts at once.

#include "animation/animator_settings.h"
#include "animation/mouth_shape.h"
#include "core/random_source.h"
#include "pose/pose.h"

#include <array>
#include <optional>

namespace ths {

class TalkingDriver
{
public:
    // Indices of aaa, iii, uuu, eee, ooo, delta.
    static const std::array<int, 6> &mouthOpenMorphs();

    explicit TalkingDriver(RandomSource &random)
        : m_random(random)
    {
    }

    void apply(Pose &pose, const Pose &target, double now, bool talking, const AnimatorSettings &settings,
               const std::optional<MouthShape> &shape);
    // How many random openings have been picked so far.
    [[nodiscard]] qint64 pickCount() const { return m_picks; }

private:
    RandomSource &m_random;
    std::optional<double> m_nextPick;
    float m_value = 0.0f;
    int m_morph = -1;
    bool m_driven = false;
    qint64 m_picks = 0;
};

} // namespace ths
