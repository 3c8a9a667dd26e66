// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// espeak-ng phoneme mnemonics → THA3 mouth shapes (visemes).
//
// Vowels map onto mixes of aaa/iii/uuu/eee/ooo; a diphthong ("aI", "oU", Mandarin "iou", "uo" …) becomes the
// sequence of its parts. Bilabials (p, b, m) and pauses shut the lips; f/v nearly; w and the post-alveolars
// round them; alveolars show a narrow "e"; velars and h take their shape from the neighbours (low dominance).
// The table covers the mnemonics espeak-ng uses for English, Mandarin and Japanese, and by their letters it
// also handles most other languages' phonemes.

#include "lipsync/mouth_frame.h"

#include <QString>

#include <array>
#include <vector>

namespace ths {

struct Viseme {
    std::array<float, MouthFrame::kVowelCount> shape{}; // target morph weights; their max is the openness
    float dominance = 0.2f; // how firmly the shape holds against its neighbours (0 … 1)
    bool closesLips = false; // bilabials and pauses: the mouth must actually shut
    bool isPause = false;
    bool isVowel = false;
};

class VisemeTable
{
public:
    // One viseme, or several for a diphthong (to be spread over its duration). Never empty.
    static std::vector<Viseme> lookup(const QString &phoneme);
    // espeak-ng's pauses are "_", "_:", "_!", "_|" …; "_j" (Japanese palatal glide) and the like are sounds.
    static bool isPause(const QString &phoneme);
};

} // namespace ths
