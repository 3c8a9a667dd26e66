// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/pitch_estimator.h"

#include <algorithm>
#include <cmath>

namespace ths {

namespace {
constexpr float kMinClarity = 0.5f;   // below this the frame is noise, a fricative or a mix
constexpr float kNearBest = 0.9f;     // a shorter lag this close to the best one is the true period
constexpr int kMaxLength = 1024;
} // namespace

Pitch PitchEstimator::estimate(const float *frame, int length, int sampleRate)
{
    if (length <= 0 || length > kMaxLength)
        return {};
    const int minLag = int(std::floor(sampleRate / kMaxHz));
    const int maxLag = std::min(int(std::ceil(sampleRate / kMinHz)), length - length / 4);
    if (minLag < 1 || maxLag <= minLag + 2)
        return {};
    double mean = 0.0;
    for (int i = 0; i < length; ++i)
        mean += frame[i];
    mean /= length;
    float x[kMaxLength];
    double energy[kMaxLength + 1]; // prefix sums of x², for the normalisation
    energy[0] = 0.0;
    for (int i = 0; i < length; ++i) {
        x[i] = float(frame[i] - mean);
        energy[i + 1] = energy[i] + double(x[i]) * x[i];
    }
    float r[kMaxLength + 2] = {};
    float best = 0.0f;
    for (int lag = minLag; lag <= maxLag + 1 && lag < length; ++lag) {
        const int n = length - lag;
        // Eight independent sums, so the compiler can vectorise without reassociating floats itself.
        float sums[8] = {};
        int i = 0;
        for (; i + 8 <= n; i += 8)
            for (int k = 0; k < 8; ++k)
                sums[k] += x[i + k] * x[i + lag + k];
        float cross = 0.0f;
        for (; i < n; ++i)
            cross += x[i] * x[i + lag];
        for (float v : sums)
            cross += v;
        const double norm = std::sqrt(energy[n] * (energy[length] - energy[lag]));
        r[lag] = norm > 1e-12 ? float(cross / norm) : 0.0f;
        if (lag <= maxLag)
            best = std::max(best, r[lag]);
    }
    if (best < kMinClarity)
        return {};
    for (int lag = minLag + 1; lag <= maxLag; ++lag) {
        const float v = r[lag];
        if (v >= kNearBest * best && v >= r[lag - 1] && v >= r[lag + 1])
            return {float(sampleRate) / float(lag), v};
    }
    return {};
}

} // namespace ths
