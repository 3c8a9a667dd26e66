// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// External mouth control (lip-sync). A MouthSource is asked once per frame with the animator's clock time; while
// it returns a shape, that shape replaces the random talking mouth (and the emotion's mouth-open morphs) for that
// frame. Returning std::nullopt hands the mouth back: random flapping if talking, otherwise the mouth snaps to
// the emotion's values on the next frame, as after stop_talking.
//
// The source is called on the thread that computes frames, with the animator's lock held: it must be cheap and
// must not call back into the Animator.

#include <functional>
#include <optional>

namespace ths {

struct MouthShape {
    // Weights in [0, 1] of the THA3 mouth-open morphs (values outside are clamped).
    float aaa = 0.0f;
    float iii = 0.0f;
    float uuu = 0.0f;
    float eee = 0.0f;
    float ooo = 0.0f;
    float delta = 0.0f; // the "ə" shape; lip-sync may leave it at 0
};

using MouthSource = std::function<std::optional<MouthShape>(double now)>;

} // namespace ths
