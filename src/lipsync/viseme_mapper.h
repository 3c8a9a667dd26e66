// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Phoneme timing → mouth timeline, with coarticulation.
//
// Each phoneme becomes a segment on the audio's sample clock (from its event to the next one) carrying a viseme
// from VisemeTable. Per 10 ms frame the shape is a dominance-weighted blend of the segments around it: every
// segment pulls with its dominance, fading exponentially with the distance to it (vowels reach ~40 ms, consonants
// ~25 ms), so a weak consonant such as k or h takes the shape of its vowels and vowels glide into each other.
// Lip closures (p, b, m and pauses) are applied on top as a gate that is fully shut inside them and opens within
// ~40 ms around them: closures win over any blend, the way real lips must meet for a /p/.

#include "lipsync/mouth_timeline.h"
#include "lipsync/speech_synthesizer.h"

#include <vector>

namespace ths {

class VisemeMapper
{
public:
    // One frame every 10 ms from t = 0, ceil(totalSamples / (sampleRate / 100)) frames, so the timeline covers
    // the audio. Time before the first event is silence. Returns an empty timeline for bad arguments.
    static MouthTimeline map(const std::vector<PhonemeEvent> &phonemes, qint64 totalSamples, int sampleRate);
};

} // namespace ths
