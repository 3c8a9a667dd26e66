// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/formant_estimator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ths {

namespace {
constexpr int kMaxIterations = 60;
constexpr double kTolerance = 1e-10;
constexpr float kMinF1 = 180.0f, kMaxF1 = 1300.0f;
constexpr float kMaxF2 = 3500.0f;
constexpr float kMinFormantGap = 150.0f;   // F2 must lie this far above F1
constexpr float kMaxBandwidth = 500.0f;    // wider resonances are spectral tilt or noise, not formants
} // namespace

FormantEstimator::FormantEstimator(int sampleRate, int order)
    : m_sampleRate(sampleRate)
    , m_order(order)
    , m_roots(size_t(order))
{
}

std::vector<double> FormantEstimator::lpc(const float *frame, int length) const
{
    std::vector<double> r(size_t(m_order) + 1, 0.0);
    for (int lag = 0; lag <= m_order; ++lag) {
        double acc = 0.0;
        for (int n = lag; n < length; ++n)
            acc += double(frame[n]) * frame[n - lag];
        r[size_t(lag)] = acc;
    }
    if (r[0] <= 1e-12)
        return {};
    r[0] *= 1.0 + 1e-6; // a touch of white noise keeps the recursion stable on pure tones
    std::vector<double> a(size_t(m_order) + 1, 0.0), prev;
    a[0] = 1.0;
    double err = r[0];
    for (int i = 1; i <= m_order; ++i) {
        double acc = r[size_t(i)];
        for (int j = 1; j < i; ++j)
            acc += a[size_t(j)] * r[size_t(i - j)];
        const double k = -acc / err;
        prev = a;
        for (int j = 1; j < i; ++j)
            a[size_t(j)] = prev[size_t(j)] + k * prev[size_t(i - j)];
        a[size_t(i)] = k;
        err *= 1.0 - k * k;
        if (err <= 0.0)
            return {};
    }
    return a;
}

bool FormantEstimator::findRoots(const std::vector<double> &poly)
{
    // poly[0] z^n + poly[1] z^(n-1) + … + poly[n], with poly[0] = 1.
    const int n = m_order;
    auto seed = [&] {
        for (int k = 0; k < n; ++k)
            m_roots[size_t(k)] = std::polar(0.9, 2.0 * std::numbers::pi * (k + 0.25) / n);
    };
    if (!m_haveRoots)
        seed();
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool converged = false;
        for (int it = 0; it < kMaxIterations && !converged; ++it) {
            double largestStep = 0.0;
            for (int k = 0; k < n; ++k) {
                const std::complex<double> z = m_roots[size_t(k)];
                std::complex<double> p = poly[0], dp = 0.0;
                for (int i = 1; i <= n; ++i) {
                    dp = dp * z + p;
                    p = p * z + poly[size_t(i)];
                }
                if (std::abs(dp) < 1e-300)
                    continue;
                const std::complex<double> ratio = p / dp;
                std::complex<double> repulsion = 0.0;
                for (int j = 0; j < n; ++j) {
                    if (j == k)
                        continue;
                    std::complex<double> d = z - m_roots[size_t(j)];
                    if (std::abs(d) < 1e-12)
                        d = 1e-12; // coincident estimates: push them apart instead of dividing by zero
                    repulsion += 1.0 / d;
                }
                const std::complex<double> step = ratio / (1.0 - ratio * repulsion);
                m_roots[size_t(k)] = z - step;
                largestStep = std::max(largestStep, std::abs(step));
            }
            converged = largestStep < kTolerance;
        }
        bool finite = true;
        for (const auto &z : m_roots)
            finite = finite && std::isfinite(z.real()) && std::isfinite(z.imag());
        if (converged && finite)
            return true;
        seed(); // the warm start led astray: retry from the circle
    }
    return false;
}

Formants FormantEstimator::estimate(const float *frame, int length)
{
    const std::vector<double> a = lpc(frame, length);
    if (a.empty())
        return {};
    m_haveRoots = findRoots(a);
    if (!m_haveRoots)
        return {};
    struct Resonance {
        float frequency, bandwidth;
    };
    std::vector<Resonance> resonances;
    for (const auto &z : m_roots) {
        if (z.imag() <= 0.0)
            continue; // conjugate pairs: one of each is enough
        const double radius = std::abs(z);
        if (radius <= 0.0 || radius >= 1.0)
            continue;
        resonances.push_back({float(std::arg(z) * m_sampleRate / (2.0 * std::numbers::pi)),
                              float(-std::log(radius) * m_sampleRate / std::numbers::pi)});
    }
    std::sort(resonances.begin(), resonances.end(),
              [](const Resonance &x, const Resonance &y) { return x.frequency < y.frequency; });
    Formants out;
    for (const Resonance &r : resonances) {
        if (r.bandwidth > kMaxBandwidth)
            continue;
        if (out.f1 == 0.0f) {
            if (r.frequency >= kMinF1 && r.frequency <= kMaxF1)
                out.f1 = r.frequency;
        } else if (r.frequency >= out.f1 + kMinFormantGap && r.frequency <= kMaxF2) {
            out.f2 = r.frequency;
            break;
        }
    }
    out.valid = out.f1 > 0.0f && out.f2 > 0.0f;
    return out;
}

} // namespace ths
