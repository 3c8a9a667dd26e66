// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The per-frame analysis core that both audio paths share (AudioLipSync on a whole buffer, StreamingLipSync on
// chunks): push PCM, collect MouthFrames as soon as their look-ahead has arrived. Pushing a buffer whole or in
// pieces of any size gives identical frames.
//
// Per 10 ms frame, at 10 kHz:
//  - loudness (RMS of the frame's own 10 ms, centred on its time, in dBFS) against a noise floor (the minimum
//    over the last 2 s) and a peak tracker (instant rise, 2 dB/s decay); below the gate the frame is silence and
//    the mouth target is 0, above it the target follows the amplitude relative to the peak, mildly compressed;
//  - for voiced, sonorant frames: LPC formants F1/F2 on a 25 ms window centred on the frame time, scaled by the
//    voice's running pitch (higher voices, higher formants) → vowel weights (VowelClassifier), smoothed over
//    ~30 ms and held through consonants;
//  - attack/release smoothing of the openness, and with 3 frames of look-ahead the mouth closes in time for a
//    coming silence instead of trailing into it.
// Algorithmic look-ahead: half a window (12.5 ms) + 3 frames (30 ms) + the resampler's kernel (≈1 ms) < 50 ms.

#include "lipsync/formant_estimator.h"
#include "lipsync/mouth_frame.h"
#include "lipsync/resampler.h"
#include "lipsync/vowel_classifier.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace ths {

class MouthAnalyzer
{
public:
    static constexpr int kAnalysisRate = 10000;
    static constexpr int kHop = kAnalysisRate / 100; // 10 ms
    static constexpr int kWindow = 250;              // 25 ms
    static constexpr int kLookAheadFrames = 3;

    explicit MouthAnalyzer(int inputRate);

    int inputRate() const { return m_resampler.inRate(); }
    // Seconds of input that must follow a frame's time before that frame is emitted.
    double lookAheadSeconds() const;
    int64_t inputSamples() const { return m_inputSamples; }
    int64_t framesEmitted() const { return m_nextEmitted; }

    void push(const float *samples, size_t count, std::vector<MouthFrame> &out);
    // End of input: emits the remaining frames so that they cover the input (ceil(duration / 10 ms) in all);
    // the audio is taken as silent after its end. Further pushes are ignored.
    void finish(std::vector<MouthFrame> &out);

private:
    struct Pending {
        float target = 0.0f;  // openness target from loudness; 0 below the silence gate
        bool vowelValid = false;
        VowelClassifier::Weights vowel{};
    };

    void analyseAvailable(int64_t frameLimit);
    Pending analyseFrame(int64_t index);
    void emitReady(std::vector<MouthFrame> &out, int64_t frameLimit);
    float sampleAt(int64_t i) const;

    Resampler m_resampler;
    FormantEstimator m_formants;
    std::vector<float> m_scratch;
    std::vector<float> m_signal;   // analysis-rate samples from index m_signalStart on
    int64_t m_signalStart = 0;
    int64_t m_signalCount = 0;     // analysis-rate samples received so far
    int64_t m_inputSamples = 0;
    bool m_finished = false;

    int64_t m_nextAnalysed = 0;
    int64_t m_nextEmitted = 0;
    std::deque<Pending> m_pending;  // frames m_nextEmitted … m_nextAnalysed - 1

    // Loudness trackers (dBFS).
    std::deque<std::pair<int64_t, float>> m_floorWindow; // monotonic queue for the running minimum
    float m_peakDb;
    // The voice's typical pitch (log Hz), for the formant scale of high and low voices.
    float m_speakerLogPitch = 0.0f;
    bool m_havePitch = false;
    // Output state.
    float m_open = 0.0f;
    VowelClassifier::Weights m_vowel{};
    bool m_haveVowel = false;
};

} // namespace ths
