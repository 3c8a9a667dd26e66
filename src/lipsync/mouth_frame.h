// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One lip-sync sample: the five THA3 mouth-open morphs at time t.
//
// The vowel weights already include loudness: the dominant vowel carries the openness, the others a share of it,
// so `openness == max of the five` for frames the analysers make. It is kept as its own field because a consumer
// that only wants "how open" (a simple jaw) should not have to know that rule.

#include <algorithm>
#include <array>

namespace ths {

enum class Vowel { A = 0, I, U, E, O };

struct MouthFrame {
    static constexpr int kVowelCount = 5;
    // Pose parameter names in Vowel order (see engine/pose.h).
    static constexpr std::array<const char *, kVowelCount> kParameterNames{
        "mouth_aaa_index", "mouth_iii_index", "mouth_uuu_index", "mouth_eee_index", "mouth_ooo_index"};

    double t = 0.0;                             // seconds from the start of the audio
    std::array<float, kVowelCount> vowels{};    // aaa, iii, uuu, eee, ooo in [0, 1]
    float openness = 0.0f;                      // in [0, 1]

    float &operator[](Vowel v) { return vowels[int(v)]; }
    float operator[](Vowel v) const { return vowels[int(v)]; }
    float maxVowel() const { return *std::max_element(vowels.begin(), vowels.end()); }
    // The vowel with the largest weight (A when the mouth is closed).
    Vowel dominantVowel() const { return Vowel(std::max_element(vowels.begin(), vowels.end()) - vowels.begin()); }
};

} // namespace ths
