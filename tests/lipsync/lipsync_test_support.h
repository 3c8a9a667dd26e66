// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the lip-sync tests: speech made by espeak-ng, written to a real WAV file and decoded back through
// AudioFile (so the real decode path runs), and the measures the tests assert on.

#include "lipsync/mouth_timeline.h"
#include "lipsync/pcm_buffer.h"
#include "lipsync/speech_synthesizer.h"

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace ths::test {

struct Sentence {
    const char *voice;
    const char *text;
};
// One sentence pair per required language, with commas and full stops so there are pauses.
const std::vector<Sentence> &sentences();

// Synthesises `text`, writes it as WAV into `dir`, decodes it with AudioFile. Fails the test (QVERIFY-style)
// through the returned error string.
struct DecodedSpeech {
    SpeechResult speech;   // as espeak-ng produced it
    PcmBuffer decoded;     // the same audio after WAV → QAudioDecoder
    QString wavPath;
};
std::optional<DecodedSpeech> speakThroughFile(const QString &text, const QString &voice, const QString &dir,
                                              QString *error);

// RMS of the audio in a 10 ms window centred on each frame time t = 0, 10, 20 … ms (frameCount frames).
std::vector<double> rmsEnvelope(const PcmBuffer &pcm, int frameCount);
// max of the five vowels per frame.
std::vector<double> openness(const MouthTimeline &timeline);
double pearson(const std::vector<double> &a, const std::vector<double> &b);
// [first, last] frame ranges where the envelope stays below `threshold` for more than `minFrames` frames.
std::vector<std::pair<int, int>> silentRuns(const std::vector<double> &envelope, double threshold, int minFrames);

} // namespace ths::test
