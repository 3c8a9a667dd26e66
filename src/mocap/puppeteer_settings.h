// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The puppeteer's settings, saved as JSON (docs/mocap.md shows a file): the converter's (as the original exposes
// them), a neutral-pose calibration, a gain per parameter group, and smoothing.
//
//   { "converter": {…ConverterSettings…},
//     "neutral": {"blendshapes": {"eyeBlinkLeft": 0.1, …}, "head": [x, y, z]},   // or null: no calibration
//     "gain": {"eyebrow": 1, "eye": 1, "iris": 1, "mouth": 1, "head": 1, "body": 1},
//     "smoothing": {"enabled": false, "min_cutoff": 1.0, "beta": 0.0},
//     "breathing": "animator" }                                                     // or "converter"

#include "mocap/face_input.h"
#include "mocap/ifacialmocap_converter.h"

#include <QJsonObject>

#include <optional>

namespace ths::mocap {

struct PuppeteerSettings {
    ConverterSettings converter;
    // The face's rest: these blendshape values count as 0 (the range above them is stretched to 0…1) and these head
    // angles as straight ahead. None: the tracker's own zero.
    std::optional<FaceInput> neutral;
    // Multipliers per group of the pose, applied after conversion (values clamped to their ranges).
    double gainEyebrow = 1, gainEye = 1, gainIris = 1, gainMouth = 1, gainHead = 1, gainBody = 1;
    // One Euro smoothing of the tracker's values (off: the original had none).
    bool smoothing = false;
    double minCutoff = 1.0;
    double beta = 0.0;
    // Who breathes: the idle animation (default) or the converter's own cycle (the original's).
    bool converterBreathing = false;

    QJsonObject toJson() const;
    // Missing keys keep their defaults; errors name the key ("gain.mouth: expected a number from 0 to 3").
    static std::optional<PuppeteerSettings> fromJson(const QJsonObject &json, QString *error);
    static std::optional<PuppeteerSettings> fromFile(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;
    bool operator==(const PuppeteerSettings &) const = default;
};

// The face as the converter should see it after calibration.
FaceInput calibrated(const FaceInput &face, const std::optional<FaceInput> &neutral);
// The pose for a tracked face with all settings applied (calibration, conversion, gains). Breathing is the
// converter's only where asked (`breathingSeconds`).
Pose puppetPose(const FaceInput &face, const PuppeteerSettings &settings, std::optional<double> breathingSeconds = std::nullopt);

} // namespace ths::mocap
