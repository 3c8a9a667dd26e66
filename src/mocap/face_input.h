// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a face tracker tells us, in one shape for every source: the 52 ARKit blendshapes (0…1), the head's rotation
// (radians, in iFacialMocap's axes: x nods down for positive values… see ifacialmocap_converter.h), optionally the VRM
// expression presets and a body rotation (VMC). Sources update it field by field; the converter reads it whole.

#include <QString>
#include <QStringView>

#include <array>

namespace ths::mocap {

// The ARKit blendshape names in the order iFacialMocap and the original puppeteer use.
constexpr int kBlendshapeCount = 52;
const std::array<const char *, kBlendshapeCount> &blendshapeNames();
// Index of an ARKit name ("eyeBlinkLeft"), or -1.
int blendshapeIndex(QStringView name);

// The VRM 0.x expression presets VMC senders use besides (or instead of) the ARKit names.
enum class VrmPreset { A, I, U, E, O, Blink, BlinkL, BlinkR, Joy, Angry, Sorrow, Fun, Count };
constexpr int kVrmPresetCount = int(VrmPreset::Count);
const std::array<const char *, kVrmPresetCount> &vrmPresetNames();
// Index of a preset name (case-insensitive, as senders differ: "Blink_L", "blink_l"), or -1.
int vrmPresetIndex(QStringView name);

struct FaceInput {
    std::array<double, kBlendshapeCount> blendshapes{}; // 0…1
    std::array<double, 3> head{};                       // radians: iFacialMocap's headBoneX, Y, Z
    std::array<double, kVrmPresetCount> presets{};      // 0…1 (VMC only)
    std::array<double, 2> body{};                       // radians: body yaw and roll (VMC Spine/Chest only)
    bool hasBlendshapes = false;
    bool hasHead = false;
    bool hasPresets = false;
    bool hasBody = false;

    double blendshape(const char *name) const;
    bool operator==(const FaceInput &) const = default;
};

} // namespace ths::mocap
