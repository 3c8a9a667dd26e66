// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/atlas_cell.h"

#include "animation/talking_driver.h"

#include <algorithm>
#include <cmath>

namespace ths {

namespace {
const int kWinkLeft = Pose::indexOf(QStringLiteral("eye_wink_left_index"));
const int kWinkRight = Pose::indexOf(QStringLiteral("eye_wink_right_index"));
const int kBreathing = Pose::indexOf(QStringLiteral("breathing_index"));

bool isFreeParameter(int i)
{
    const auto &mouth = TalkingDriver::mouthOpenMorphs();
    return i == kWinkLeft || i == kWinkRight || i == kBreathing || std::find(mouth.begin(), mouth.end(), i) != mouth.end();
}
} // namespace

int AtlasCell::index() const
{
    const int shape = mouth < 0 ? 0 : 1 + mouth * kLevels + (level - 1);
    return (eyesShut ? kShapes : 0) + shape;
}

AtlasCell AtlasCell::fromIndex(int index)
{
    AtlasCell cell;
    cell.eyesShut = index >= kShapes;
    const int shape = index % kShapes;
    if (shape > 0) {
        cell.mouth = (shape - 1) / kLevels;
        cell.level = (shape - 1) % kLevels + 1;
    }
    return cell;
}

std::optional<AtlasCell> quantiseToCell(const Pose &animated, const Pose &rest)
{
    for (int i = 0; i < Pose::kCount; ++i)
        if (!isFreeParameter(i) && std::abs(animated[i] - rest[i]) > AtlasCell::kRestTolerance)
            return std::nullopt;

    AtlasCell cell;
    // The dominant mouth-open morph (a driven mouth replaces the emotion's own mouth-open values).
    const auto &mouth = TalkingDriver::mouthOpenMorphs();
    float strongest = 0.0f;
    for (int m = 0; m < AtlasCell::kMouths; ++m) {
        const float opening = animated[mouth[m]];
        if (opening > strongest) {
            strongest = opening;
            cell.mouth = m;
        }
    }
    cell.level = int(std::lround(std::clamp(strongest, 0.0f, 1.0f) * AtlasCell::kLevels));
    if (cell.level == 0)
        cell.mouth = -1;
    // Shut when the blink has covered more than half the way from the rest pose's eyes to closed.
    const float wink = (animated[kWinkLeft] + animated[kWinkRight]) / 2;
    const float restWink = (rest[kWinkLeft] + rest[kWinkRight]) / 2;
    cell.eyesShut = restWink < 1.0f && wink - restWink > (1.0f - restWink) / 2;
    return cell;
}

Pose cellPose(const Pose &rest, AtlasCell cell)
{
    Pose pose = rest;
    const auto &mouth = TalkingDriver::mouthOpenMorphs();
    for (const int i : mouth)
        pose[i] = 0.0f; // as the talking driver leaves them, apart from the one that speaks
    if (cell.mouth >= 0)
        pose[mouth[cell.mouth]] = float(cell.level) / AtlasCell::kLevels;
    if (cell.eyesShut) {
        pose[kWinkLeft] = 1.0f;
        pose[kWinkRight] = 1.0f;
    }
    pose[kBreathing] = 0.0f;
    return pose;
}

float cellError(const Pose &animated, const Pose &shown)
{
    float worst = 0.0f;
    for (int i = 0; i < Pose::kCount; ++i)
        worst = std::max(worst, std::abs(animated[i] - shown[i]));
    return worst;
}

} // namespace ths

namespace ths {

float mouthError(const Pose &animated, const Pose &shown)
{
    float worst = 0.0f;
    for (const int i : TalkingDriver::mouthOpenMorphs())
        worst = std::max(worst, std::abs(animated[i] - shown[i]));
    return worst;
}

} // namespace ths
