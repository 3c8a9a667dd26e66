// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Formants → how much each of the five THA3 mouth vowels (a, i, u, e, o) fits.
//
// Each vowel is a prototype (F1, F2) on the Bark scale, where equal distances sound about equally different for
// low and high voices. F1 (jaw opening) gets a tighter spread than F2 (tongue front/back) because its range is
// narrower. The prototypes sit between Japanese and general adult values, so the five-vowel system that the THA3
// morphs are named after maps one to one, and other languages' vowels fall onto the nearest mouth shape.

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
    static Weights classify(const Formants &formants);
    // The prototype formants of a vowel (for tests and documentation).
    static Formants prototype(Vowel vowel);
};

} // namespace ths
