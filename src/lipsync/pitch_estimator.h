// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fundamental frequency of a short frame by normalised autocorrelation: the shortest lag whose correlation is
// within 10 % of the best one (taking the best lag alone often lands an octave low). Used only to tell a high
// voice from a low one, so that formants can be compared with the vowel prototypes on a common scale.

namespace ths {

struct Pitch {
    float hz = 0.0f;      // 0 when the frame has no clear period
    float clarity = 0.0f; // the normalised correlation at that period (0 … 1)
};

class PitchEstimator
{
public:
    static constexpr float kMinHz = 70.0f, kMaxHz = 450.0f;
    // Frames of up to 1024 samples (longer ones give no pitch).
    static Pitch estimate(const float *frame, int length, int sampleRate);
};

} // namespace ths
