// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Offline audio → mouth: a whole PCM buffer in, a MouthTimeline with one frame per 10 ms out
// (ceil(duration / 10 ms) frames, the first at t = 0).

#include "lipsync/mouth_timeline.h"
#include "lipsync/pcm_buffer.h"

#include <QString>

#include <optional>

namespace ths {

class AudioLipSync
{
public:
    // Errors: no sample rate, or no samples.
    static std::optional<MouthTimeline> analyze(const PcmBuffer &pcm, QString *error);
};

} // namespace ths
