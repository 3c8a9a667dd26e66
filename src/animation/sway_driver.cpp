// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/sway_driver.h"

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

QList<int> indicesOf(const QStringList &names)
{
    QList<int> result;
    for (const QString &name : names)
        if (const int i = Pose::indexOf(name); i >= 0) // settings are validated; this only guards misuse
            result << i;
    return result;
}

float clampToRange(int i, double v)
{
    const auto &info = Pose::parameters()[i];
    return float(std::clamp(v, double(info.minimum), double(info.maximum)));
}

} // namespace

void SwayDriver::drawMacro(const Pose &target, double now, const AnimatorSettings &settings)
{
    const double m = settings.swayMacroStrength;
    for (const int k : std::as_const(m_morphs)) {
        const double v = target[k];
        const double r = m_random.uniform(std::min(0.0, -m - v), std::max(0.0, m - v));
        m_target[k] = clampToRange(k, v + r);
    }
    m_madeAt = now;
    m_microTime = now;
    m_interval = m_random.uniform(settings.swayIntervalMin, settings.swayIntervalMax);
}

void SwayDriver::apply(Pose &target, double now, bool emotionChanged, const AnimatorSettings &settings)
{
    const QList<int> morphs = indicesOf(settings.swayMorphs);
    if (morphs.isEmpty()) {
        m_madeAt.reset();
        m_morphs.clear();
        return;
    }
    if (!m_madeAt || emotionChanged || morphs != m_morphs || now - *m_madeAt >= m_interval || now < *m_madeAt) {
        m_morphs = morphs;
        drawMacro(target, now, settings);
    }

    const double elapsedTicks = (now - m_microTime) * kMicroRate;
    if (elapsedTicks >= 1.0) {
        const double ticks = std::floor(elapsedTicks);
        const int steps = int(std::min(ticks, double(kMaxMicroSteps)));
        const double mu = settings.swayMicroStrength;
        for (int step = 0; step < steps; ++step)
            for (const int k : std::as_const(m_morphs))
                m_target[k] = clampToRange(k, m_target[k] + m_random.uniform(-mu, mu));
        m_microTime = steps < ticks ? now : m_microTime + ticks / kMicroRate;
    }

    for (const int k : std::as_const(m_morphs))
        target[k] = m_target[k];
}

} // namespace ths
