// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/audio_lip_sync.h"

#include "lipsync/mouth_analyzer.h"

namespace ths {

std::optional<MouthTimeline> AudioLipSync::analyze(const PcmBuffer &pcm, QString *error)
{
    if (pcm.sampleRate <= 0) {
        if (error)
            *error = QStringLiteral("the audio has no sample rate");
        return std::nullopt;
    }
    if (pcm.samples.empty()) {
        if (error)
            *error = QStringLiteral("the audio has no samples");
        return std::nullopt;
    }
    MouthAnalyzer analyzer(pcm.sampleRate);
    std::vector<MouthFrame> frames;
    frames.reserve(size_t(pcm.duration() * 100.0) + 2);
    analyzer.push(pcm.samples.data(), pcm.samples.size(), frames);
    analyzer.finish(frames);
    return MouthTimeline(std::move(frames));
}

} // namespace ths
