// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/tracking_blend.h"

#include <algorithm>

namespace ths::mocap {

Pose TrackingBlend::apply(const Pose &animated, const std::optional<Pose> &face, const std::vector<bool> &provided,
                          bool tracking, double now)
{
    const double step = m_last ? std::max(0.0, now - *m_last) / kEaseSeconds : 0.0;
    m_last = now;
    m_weight = tracking ? std::min(1.0, m_weight + step) : std::max(0.0, m_weight - step);
    if (m_weight <= 0 || !face)
        return animated;
    Pose out = animated;
    for (int i = 0; i < Pose::kCount; ++i)
        if (provided[size_t(i)])
            out[i] = float(animated[i] + m_weight * ((*face)[i] - animated[i]));
    return out;
}

} // namespace ths::mocap
