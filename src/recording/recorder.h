// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records the animated character offline: frame i is the animation at i/fps seconds on a manual clock (not real
// time), rendered by the poser, cropped and given the look of the animator settings, then written by
// RecordingOutput. With speech the mouth follows its timeline from 0 s and the audio is muxed in. Any length
// plays smoothly whatever the machine's speed; the cost is only the waiting.

#include "animation/animator_settings.h"
#include "lipsync/mouth_timeline.h"
#include "lipsync/pcm_buffer.h"

#include <QColor>
#include <QImage>
#include <QString>

#include <functional>
#include <optional>

namespace ths {

class Poser;

struct RecordingRequest {
    QImage character;                   // a validated 512×512 RGBA character
    AnimatorSettings settings;          // crop and postprocessor_chain apply; the animation follows the rest
    QString emotion = QStringLiteral("neutral");
    PcmBuffer audio;                    // empty: silent
    std::optional<MouthTimeline> mouth; // the mouth while the audio plays
    double duration = 0;                // seconds
    int fps = 25;
    QString output;                     // .webm, .mp4 or a directory
    QColor background = Qt::black;      // MP4 only
    quint32 seed = 1;                   // the animation's and the look's randomness
};

class Recorder
{
public:
    // Called after each frame with (frames done, frames in all); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;
    // The error "cancelled" when `progress` cancelled; either way nothing is left under the output's name.
    static bool record(Poser &poser, const RecordingRequest &request, const Progress &progress, QString *error);
    // The number of frames a request records.
    static int frameCount(const RecordingRequest &request);
};

} // namespace ths
