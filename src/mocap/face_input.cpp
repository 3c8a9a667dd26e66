// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/face_input.h"

#include <QHash>

namespace ths::mocap {

const std::array<const char *, kBlendshapeCount> &blendshapeNames()
{
    static const std::array<const char *, kBlendshapeCount> names = {
        "eyeLookInLeft", "eyeLookOutLeft", "eyeLookDownLeft", "eyeLookUpLeft", "eyeBlinkLeft", "eyeSquintLeft",
        "eyeWideLeft", "eyeLookInRight", "eyeLookOutRight", "eyeLookDownRight", "eyeLookUpRight", "eyeBlinkRight",
        "eyeSquintRight", "eyeWideRight", "browDownLeft", "browOuterUpLeft", "browDownRight", "browOuterUpRight",
        "browInnerUp", "noseSneerLeft", "noseSneerRight", "cheekSquintLeft", "cheekSquintRight", "cheekPuff",
        "mouthLeft", "mouthDimpleLeft", "mouthFrownLeft", "mouthLowerDownLeft", "mouthPressLeft", "mouthSmileLeft",
        "mouthStretchLeft", "mouthUpperUpLeft", "mouthRight", "mouthDimpleRight", "mouthFrownRight",
        "mouthLowerDownRight", "mouthPressRight", "mouthSmileRight", "mouthStretchRight", "mouthUpperUpRight",
        "mouthClose", "mouthFunnel", "mouthPucker", "mouthRollLower", "mouthRollUpper", "mouthShrugLower",
        "mouthShrugUpper", "jawLeft", "jawRight", "jawForward", "jawOpen", "tongueOut"};
    return names;
}

int blendshapeIndex(QStringView name)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < kBlendshapeCount; ++i)
            h.insert(QString::fromLatin1(blendshapeNames()[size_t(i)]), i);
        return h;
    }();
    return index.value(name.toString(), -1);
}

const std::array<const char *, kVrmPresetCount> &vrmPresetNames()
{
    static const std::array<const char *, kVrmPresetCount> names = {"A", "I", "U", "E", "O", "Blink", "Blink_L",
                                                                     "Blink_R", "Joy", "Angry", "Sorrow", "Fun"};
    return names;
}

int vrmPresetIndex(QStringView name)
{
    for (int i = 0; i < kVrmPresetCount; ++i)
        if (name.compare(QLatin1String(vrmPresetNames()[size_t(i)]), Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

double FaceInput::blendshape(const char *name) const
{
    const int i = blendshapeIndex(QString::fromLatin1(name));
    Q_ASSERT(i >= 0);
    return blendshapes[size_t(i)];
}

} // namespace ths::mocap
