// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/talking_driver.h"

#include <algorithm>

namespace ths {

const std::array<int, 6> &TalkingDriver::mouthOpenMorphs()
{
    static const std::array<int, 6> indices{
        Pose::indexOf(QStringLiteral("mouth_aaa_index")), Pose::indexOf(QStringLiteral("mouth_iii_index")),
        Pose::indexOf(QStringLiteral("mouth_uuu_index")), Pose::indexOf(QStringLiteral("mouth_eee_index")),
        Pose::indexOf(QStringLiteral("mouth_ooo_index")), Pose::indexOf(QStringLiteral("mouth_delta")),
    };
    return indices;
}

void TalkingDriver::apply(Pose &pose, const Pose &target, double now, bool talking, const AnimatorSettings &settings,
                          const std::optional<MouthShape> &shape)
{
    const auto &mouth = mouthOpenMorphs();
    if (shape) {
        const std::array<float, 6> weights{shape->aaa, shape->iii, shape->uuu, shape->eee, shape->ooo, shape->delta};
        for (size_t i = 0; i < mouth.size(); ++i)
            pose[mouth[i]] = std::clamp(weights[i], 0.0f, 1.0f);
        m_nextPick.reset(); // random talking starts afresh when the shape ends
        m_driven = true;
        return;
    }

    const int morph = Pose::indexOf(settings.talkingMorph);
    if (talking && morph >= 0) {
        if (morph != m_morph && m_morph >= 0)
            pose[m_morph] = target[m_morph]; // the morph changed mid-talk: release the old one
        m_morph = morph;
        // The tolerance keeps a frame that lands on the schedule (up to rounding) from missing its pick.
        constexpr double kTolerance = 1e-9;
        if (!m_nextPick || now >= *m_nextPick - kTolerance || now < *m_nextPick - 1.0 / settings.talkingFps) {
            const double current = pose[morph];
            m_value = float(std::clamp(1.0 - current + m_random.uniform(-2.0, 2.0), 0.0, 1.0));
            ++m_picks;
            const double period = 1.0 / settings.talkingFps;
            // Keep the schedule unless the frames fell more than a period behind (e.g. after a pause).
            m_nextPick = (m_nextPick && now - *m_nextPick < period) ? *m_nextPick + period : now + period;
        }
        for (const int i : mouth)
            pose[i] = 0.0f;
        pose[morph] = m_value;
        m_driven = true;
        return;
    }

    if (m_driven) {
        for (const int i : mouth)
            pose[i] = target[i];
        if (m_morph >= 0)
            pose[m_morph] = target[m_morph];
        m_driven = false;
    }
    m_nextPick.reset();
    m_morph = -1;
}

} // namespace ths
