// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plays a MouthTimeline as the animator's mouth (animation/mouth_shape.h): the source answers with the timeline's
// shape while `now` lies inside it and hands the mouth back (std::nullopt) before and after, so the animator
// returns to its own talking or resting mouth when the clip ends. Cheap (a binary search and a lerp per call),
// as the animator requires; the timeline is shared read-only, so the source may outlive its creator.

#include "animation/mouth_shape.h"
#include "lipsync/mouth_timeline.h"

#include <memory>

namespace ths {

// `startTime` is the animator-clock time at which the audio starts playing; a positive `avOffset` delays the
// mouth against the audio (for output latency), a negative one leads it.
inline MouthSource timelineMouthSource(std::shared_ptr<const MouthTimeline> timeline, double startTime,
                                       double avOffset = 0.0)
{
    return [timeline = std::move(timeline), startTime, avOffset](double now) -> std::optional<MouthShape> {
        const double t = now - startTime - avOffset;
        if (!timeline || timeline->isEmpty() || t < 0.0 || t > timeline->duration())
            return std::nullopt;
        const MouthFrame f = timeline->sample(t);
        MouthShape shape;
        shape.aaa = f[Vowel::A];
        shape.iii = f[Vowel::I];
        shape.uuu = f[Vowel::U];
        shape.eee = f[Vowel::E];
        shape.ooo = f[Vowel::O];
        return shape;
    };
}

} // namespace ths
