// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The grid of poses a speech atlas holds, and how an animated pose is snapped onto it.
//
// A cell is the character's rest pose (the emotion, head still, breathing 0) with one mouth shape and the eyes open
// or shut: the mouth is closed or one of the six mouth-open morphs (aaa, iii, uuu, eee, ooo, delta) at one of
// kLevels openings (1/kLevels … 1), the other five at 0 — a speaking mouth replaces the emotion's own. An animated pose maps onto a cell only when everything but the mouth, the
// blink and breathing is at rest (within kRestTolerance); otherwise it must be rendered as it is.

#include "pose/pose.h"

#include <optional>

namespace ths {

struct AtlasCell {
    static constexpr int kMouths = 6;   // TalkingDriver::mouthOpenMorphs()
    static constexpr int kLevels = 4;
    static constexpr int kShapes = 1 + kMouths * kLevels; // closed + each morph at each level
    static constexpr int kCount = 2 * kShapes;            // eyes open, eyes shut
    static constexpr float kRestTolerance = 0.05f;

    int mouth = -1;      // index into the mouth-open morphs; -1 = closed
    int level = 0;       // 1 … kLevels when open
    bool eyesShut = false;

    // 0 … kCount − 1: eyes-open cells first, each half ordered closed, then morph by morph, level by level.
    [[nodiscard]] int index() const;
    static AtlasCell fromIndex(int index);
    bool operator==(const AtlasCell &) const = default;
};

// The cell nearest to `animated`, or none when `animated` is not at rest apart from mouth, blink and breathing.
std::optional<AtlasCell> quantiseToCell(const Pose &animated, const Pose &rest);
// The pose a cell shows.
Pose cellPose(const Pose &rest, AtlasCell cell);
// How far the shown pose is from the asked one: the largest absolute difference over the 45 parameters, and over
// the six mouth-open morphs alone.
float cellError(const Pose &animated, const Pose &shown);
float mouthError(const Pose &animated, const Pose &shown);

} // namespace ths
