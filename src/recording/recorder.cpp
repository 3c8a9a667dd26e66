// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/recorder.h"

#include "animation/animator.h"
#include "animation/manual_clock.h"
#include "engine/poser.h"
#include "lipsync/timeline_mouth_source.h"
#include "look/live_look.h"
#include "recording/recording_output.h"
#include "tha3/engine_error.h"

#include <cmath>

namespace ths {

int Recorder::frameCount(const RecordingRequest &request)
{
    return std::max(1, int(std::lround(request.duration * request.fps)));
}

bool Recorder::record(Poser &poser, const RecordingRequest &request, const Progress &progress, QString *error)
{
    auto clock = std::make_shared<ManualClock>(0.0);
    Animator animator(clock, request.seed);
    animator.setSettings(request.settings);
    animator.setEmotion(request.emotion);
    if (request.mouth)
        animator.setMouthSource(timelineMouthSource(std::make_shared<const MouthTimeline>(*request.mouth), 0.0));
    LiveLook look(0.0, request.seed);
    const QRect crop = request.settings.cropRect(request.character.size());
    auto output = RecordingOutput::open(request.output, crop.width(), crop.height(), request.fps, request.background,
                                        request.audio, error);
    if (!output)
        return false;
    const int frames = frameCount(request);
    try {
        for (int i = 0; i < frames; ++i) {
            const double t = double(i) / request.fps;
            clock->set(t);
            const AnimatedFrame animated = animator.advance();
            QImage frame = poser.render(request.character, animated.pose);
            if (crop != frame.rect())
                frame = frame.copy(crop);
            frame = look.apply(frame, request.settings.postprocessorChain, t);
            if (!output->addFrame(frame, error))
                return false;
            if (progress && !progress(i + 1, frames)) {
                *error = QStringLiteral("cancelled");
                return false;
            }
        }
    } catch (const EngineError &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return output->commit(error);
}

} // namespace ths
