// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Formants → how much each of the five THA3 mouth vowels (a, i, u, e, o) fits.
//
// Each vowel has one or two prototypes (F1, F2) on the Bark scale, where equal distances sound about equally
// different. F1 (jaw opening) gets a tighter spread than F2 (tongue front/back) because its range is narrower.
// The prototypes are adult male values between Japanese and general ones, so the five-vowel system that the THA3
// morphs are named after maps one to one and other languages' vowels fall onto the nearest mouth shape. Higher
// voices have proportionally higher formants; the caller passes a scale (speakerScale() of the voice's pitch)
// that the formants are divided by first.

#include "lipsync/formant_estimator.h"
#include "lipsync/mouth_frame.h"

#include <array>

namespace ths {

class VowelClassifier
{
public:
    using Weights = std::array<float, MouthFrame::kVowelCount>;

    static float bark(float hz);
    // Likelihood-based weights that sum to 1. `formants` must be valid.
    static Weights classify(const Formants &formants, float scale = 1.0f);
    // How much higher than an adult male's a voice's formants lie, from its typical pitch (1.0 … 1.35).
    static float speakerScale(float pitchHz);
    // The prototype formants of a vowel (for tests and documentation).
    static Formants prototype(Vowel vowel);
};

} // namespace ths
