// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/vowel_classifier.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ths {

namespace {

// Adult male values in Hz. "u" has two: back rounded [u] (F2 ~800 Hz; Japanese u in careful speech, most
// languages) and the fronted [ʉ]/[ɯ] of English "goose" and casual Japanese (F2 ~1450 Hz). The back one differs from
// "o" only by F1, which is exactly the jaw opening that tells them apart on the face.
struct Prototype {
    Vowel vowel;
    float f1, f2;
};
constexpr std::array<Prototype, 6> kPrototypes{{
    {Vowel::A, 800.0f, 1250.0f},
    {Vowel::I, 300.0f, 2250.0f},
    {Vowel::U, 330.0f, 800.0f},
    {Vowel::U, 350.0f, 1450.0f},
    {Vowel::E, 480.0f, 1900.0f},
    {Vowel::O, 520.0f, 850.0f},
}};
constexpr float kSpreadF1 = 0.8f; // Bark
constexpr float kSpreadF2 = 1.5f; // Bark
// Women's formants run ~15-20 % above men's while their pitch is ~1.8× higher; children's higher still.
constexpr float kReferencePitchHz = 115.0f;
constexpr float kPitchToScale = 0.27f;   // 200 Hz → ×1.16, 300 Hz → ×1.30
constexpr float kMaxScale = 1.35f;

} // namespace

float VowelClassifier::bark(float hz)
{
    // Traunmüller's approximation.
    return 26.81f * hz / (1960.0f + hz) - 0.53f;
}

Formants VowelClassifier::prototype(Vowel vowel)
{
    for (const Prototype &p : kPrototypes)
        if (p.vowel == vowel)
            return {true, p.f1, p.f2};
    return {};
}

float VowelClassifier::speakerScale(float pitchHz)
{
    if (pitchHz <= 0.0f)
        return 1.0f;
    return std::clamp(std::pow(pitchHz / kReferencePitchHz, kPitchToScale), 1.0f, kMaxScale);
}

VowelClassifier::Weights VowelClassifier::classify(const Formants &formants, float scale)
{
    const float b1 = bark(formants.f1 / scale), b2 = bark(formants.f2 / scale);
    // Per vowel, the distance to its nearest prototype.
    std::array<float, MouthFrame::kVowelCount> distance;
    distance.fill(std::numeric_limits<float>::max());
    for (const Prototype &p : kPrototypes) {
        const float d1 = (b1 - bark(p.f1)) / kSpreadF1;
        const float d2 = (b2 - bark(p.f2)) / kSpreadF2;
        float &d = distance[size_t(p.vowel)];
        d = std::min(d, d1 * d1 + d2 * d2);
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
