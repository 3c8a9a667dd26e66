// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/one_euro_filter.h"

#include <cmath>

namespace ths::mocap {

namespace {
double alpha(double cutoff, double dt)
{
    const double tau = 1.0 / (2.0 * 3.14159265358979323846 * cutoff);
    return 1.0 / (1.0 + tau / dt);
}
} // namespace

OneEuroFilter::OneEuroFilter(double minCutoff, double beta, double derivativeCutoff)
    : m_minCutoff(minCutoff)
    , m_beta(beta)
    , m_derivativeCutoff(derivativeCutoff)
{
}

double OneEuroFilter::filter(double x, double t)
{
    if (!m_started) {
        m_started = true;
        m_x = x;
        m_dx = 0;
        m_t = t;
        return x;
    }
    const double dt = t - m_t;
    if (!(dt > 0))
        return m_x;
    m_t = t;
    const double dx = (x - m_x) / dt;
    m_dx += alpha(m_derivativeCutoff, dt) * (dx - m_dx);
    const double cutoff = m_minCutoff + m_beta * std::abs(m_dx);
    m_x += alpha(cutoff, dt) * (x - m_x);
    return m_x;
}

void OneEuroFilter::reset()
{
    m_started = false;
}

} // namespace ths::mocap
