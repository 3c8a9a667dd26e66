// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Live audio → mouth: push PCM chunks as they arrive (any size), take the frames that became final. A frame at
// time t comes out once audio up to t + lookAheadSeconds() (< 50 ms) has been pushed; the frames are the same as
// AudioLipSync's for the same audio.
//
// Not thread-safe: push from one thread (or lock around it).

#include "lipsync/mouth_analyzer.h"
#include "lipsync/mouth_frame.h"

#include <QtGlobal>

#include <memory>
#include <vector>

namespace ths {

class StreamingLipSync
{
public:
    explicit StreamingLipSync(int sampleRate);

    int sampleRate() const { return m_analyzer->inputRate(); }
    double lookAheadSeconds() const { return m_analyzer->lookAheadSeconds(); }
    // Seconds of audio pushed so far.
    double pushedSeconds() const { return double(m_analyzer->inputSamples()) / sampleRate(); }

    std::vector<MouthFrame> push(const float *samples, size_t count);
    std::vector<MouthFrame> push(const std::vector<float> &samples) { return push(samples.data(), samples.size()); }
    // 16-bit PCM, as audio devices and network streams usually deliver it.
    std::vector<MouthFrame> pushInt16(const qint16 *samples, size_t count);
    // End of the stream: the remaining frames.
    std::vector<MouthFrame> finish();
    // Start over (a new utterance or stream) at the same rate.
    void reset();

private:
    std::unique_ptr<MouthAnalyzer> m_analyzer;
    std::vector<float> m_convert;
};

} // namespace ths
