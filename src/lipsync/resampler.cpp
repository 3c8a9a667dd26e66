// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/resampler.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ths {

namespace {
constexpr int kPhases = 256;          // table resolution per input sample; linear interpolation in between
constexpr int kZeroCrossings = 10;    // kernel half-width in zero crossings of the (scaled) sinc
constexpr double kCutoff = 0.92;      // of the lower Nyquist: leaves a transition band so nothing aliases
} // namespace

Resampler::Resampler(int inRate, int outRate)
    : m_inRate(std::max(inRate, 1))
    , m_outRate(std::max(outRate, 1))
{
    if (m_inRate == m_outRate)
        return;
    m_gain = kCutoff * std::min(1.0, double(m_outRate) / m_inRate);
    m_halfWidth = int(std::ceil(kZeroCrossings / m_gain));
    m_table.resize(size_t(m_halfWidth) * kPhases + 2);
    for (size_t i = 0; i < m_table.size(); ++i) {
        const double d = double(i) / kPhases;
        if (d >= m_halfWidth) {
            m_table[i] = 0.0f;
            continue;
        }
        const double x = std::numbers::pi * m_gain * d;
        const double sinc = d == 0.0 ? 1.0 : std::sin(x) / x;
        const double u = d / m_halfWidth; // Blackman window over [-halfWidth, halfWidth]
        const double window = 0.42 + 0.5 * std::cos(std::numbers::pi * u) + 0.08 * std::cos(2 * std::numbers::pi * u);
        m_table[i] = float(m_gain * sinc * window);
    }
}

double Resampler::lookAheadSeconds() const
{
    return double(m_halfWidth) / m_inRate;
}

float Resampler::tap(double distance) const
{
    const double pos = std::abs(distance) * kPhases;
    const size_t i = size_t(pos);
    if (i + 1 >= m_table.size())
        return 0.0f;
    const float frac = float(pos - double(i));
    return m_table[i] + frac * (m_table[i + 1] - m_table[i]);
}

void Resampler::produce(std::vector<float> &out, int64_t availableInput)
{
    for (;;) {
        // Output n sits at input position n·in/out = base + frac.
        const int64_t num = m_outCount * m_inRate;
        const int64_t base = num / m_outRate;
        const double frac = double(num % m_outRate) / m_outRate;
        if (base + m_halfWidth >= availableInput)
            break;
        double acc = 0.0;
        const int64_t first = base - m_halfWidth + 1, last = base + m_halfWidth;
        for (int64_t j = std::max(first, m_historyStart); j <= last && j < m_inCount; ++j)
            acc += double(m_history[size_t(j - m_historyStart)]) * tap(double(base - j) + frac);
        out.push_back(float(acc));
        ++m_outCount;
    }
    // Drop what no later output can reach.
    const int64_t nextBase = m_outCount * m_inRate / m_outRate;
    const int64_t keepFrom = nextBase - m_halfWidth + 1;
    if (keepFrom - m_historyStart > 4096) {
        m_history.erase(m_history.begin(), m_history.begin() + (keepFrom - m_historyStart));
        m_historyStart = keepFrom;
    }
}

void Resampler::push(const float *in, size_t count, std::vector<float> &out)
{
    if (m_inRate == m_outRate) {
        out.insert(out.end(), in, in + count);
        m_inCount += int64_t(count);
        return;
    }
    m_history.insert(m_history.end(), in, in + count);
    m_inCount += int64_t(count);
    produce(out, m_inCount);
}

void Resampler::finish(std::vector<float> &out)
{
    if (m_inRate == m_outRate)
        return;
    const int64_t total = (m_inCount * m_outRate + m_inRate - 1) / m_inRate;
    // Samples past the end count as silence: pretend they have arrived, then stop at the covering length.
    while (m_outCount < total) {
        const int64_t before = m_outCount;
        produce(out, m_inCount + 2 * int64_t(m_halfWidth) + 1);
        if (m_outCount == before)
            break;
        if (m_outCount > total) {
            out.resize(out.size() - size_t(m_outCount - total));
            m_outCount = total;
        }
    }
}

std::vector<float> Resampler::convert(const std::vector<float> &in, int inRate, int outRate)
{
    if (inRate == outRate)
        return in;
    Resampler r(inRate, outRate);
    std::vector<float> out;
    out.reserve(size_t(double(in.size()) * outRate / inRate) + 16);
    r.push(in.data(), in.size(), out);
    r.finish(out);
    return out;
}

} // namespace ths
