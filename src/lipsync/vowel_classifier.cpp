// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/vowel_classifier.h"

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

// Hz, in Vowel order a, i, u, e, o.
constexpr std::array<std::array<float, 2>, MouthFrame::kVowelCount> kPrototypes{{
    {800.0f, 1250.0f},
    {300.0f, 2250.0f},
    {340.0f, 1100.0f}, // between back rounded [u] (~800 Hz), Japanese [ɯ] (~1300) and fronted English [ʉ] (~1500)
    {480.0f, 1900.0f},
    {520.0f, 850.0f},
}};
constexpr float kSpreadF1 = 0.8f; // Bark
constexpr float kSpreadF2 = 1.5f; // Bark

} // namespace

float VowelClassifier::bark(float hz)
{
    // Traunmüller's approximation.
    return 26.81f * hz / (1960.0f + hz) - 0.53f;
}

Formants VowelClassifier::prototype(Vowel vowel)
{
    const auto &p = kPrototypes[size_t(vowel)];
    return {true, p[0], p[1]};
}

VowelClassifier::Weights VowelClassifier::classify(const Formants &formants)
{
    const float b1 = bark(formants.f1), b2 = bark(formants.f2);
    std::array<float, MouthFrame::kVowelCount> distance{};
    for (int v = 0; v < MouthFrame::kVowelCount; ++v) {
        const float d1 = (b1 - bark(kPrototypes[size_t(v)][0])) / kSpreadF1;
        const float d2 = (b2 - bark(kPrototypes[size_t(v)][1])) / kSpreadF2;
        distance[size_t(v)] = d1 * d1 + d2 * d2;
    }
    // Relative to the nearest prototype, so a frame far from all of them still yields that one, not all zeros.
    const float nearest = *std::min_element(distance.begin(), distance.end());
    Weights w{};
    float total = 0.0f;
    for (int v = 0; v < MouthFrame::kVowelCount; ++v) {
        w[size_t(v)] = std::exp(-0.5f * (distance[size_t(v)] - nearest));
        total += w[size_t(v)];
    }
    for (float &x : w)
        x /= total;
    return w;
}

} // namespace ths
