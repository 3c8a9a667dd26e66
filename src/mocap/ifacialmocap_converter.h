// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Face tracking → the 45 THA3 pose parameters, as the original THA3 puppeteer's converter does it (its
// "ifacialmocap_poser_converter_25"), with the same settings and defaults; tests/mocap/test_converter checks every
// parameter against the original's output (tests/mocap/data/make_converter_fixtures.py).
//
// In short (docs/mocap.md has the full table): a smile degree from mouthSmile + mouthShrugUpper between two thresholds
// shifts eyebrows and winks to their happy forms; brows up/down, eyes wide/blink, cheek squint and eye look map with
// ranges; the head's angles clamp to ±15° (x, z) and ±10° (y) and the body follows the head's y and z; the jaw opens
// the mouth, and an open mouth is split into the vowels aaa/iii/uuu/ooo by fitting it to four vowel points.
//
// One difference, on purpose: the original fits the vowels with a general-purpose optimiser from zero that
// sometimes stops early (about 3% of open mouths, see the fixtures); we find the fit's true optimum, exactly. Where
// the original converged, both agree within 1e-6.
//
// Additions beyond the original's converter (docs/mocap.md): the VRM presets and body rotation that VMC senders give.

#include "pose/pose.h"
#include "mocap/face_input.h"

#include <QJsonObject>

#include <array>
#include <optional>

namespace ths::mocap {

enum class EyebrowDownMode { Troubled, Angry, Lowered, Serious };
enum class WinkMode { Normal, Relaxed };

struct ConverterSettings {
    double lowerSmileThreshold = 0.4;
    double upperSmileThreshold = 0.6;
    EyebrowDownMode eyebrowDownMode = EyebrowDownMode::Angry;
    WinkMode winkMode = WinkMode::Normal;
    double eyeSurprisedMax = 0.5;
    double eyeWinkMax = 0.8;
    double eyebrowDownMax = 0.4;
    double cheekSquintMin = 0.1;
    double cheekSquintMax = 0.7;
    double eyeRotationFactor = 1.0 / 0.75;
    double jawOpenMin = 0.1;
    double jawOpenMax = 0.4;
    double mouthFrownMax = 0.6;
    double mouthFunnelMin = 0.25;
    double mouthFunnelMax = 0.5;
    double irisSmallLeft = 0.0;
    double irisSmallRight = 0.0;
    // The original's breathing cycle (its panel's slider, 0…60 per minute, 20 by default). Used only where the
    // puppeteer is asked to breathe itself (PuppeteerSettings::converterBreathing); 0 stops it.
    double breathingPerMinute = 20.0;

    QJsonObject toJson() const;
    // Keys as in toJson(); missing keys keep their defaults. Errors name the key and what was expected.
    static std::optional<ConverterSettings> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const ConverterSettings &) const = default;
};

// The converter's breathing value `seconds` into its cycle.
double breathingAt(const ConverterSettings &settings, double seconds);

// The vowel fit of an open mouth: the weights (aaa, iii, uuu, ooo) in [0, 1] that minimise
// |Σ w_k P_k − point| + 0.01 Σ w_k over the four vowel points P_k, for `point` = (mouth open, lower lip down,
// funnel, pucker).
std::array<double, 4> fitMouthVowels(const std::array<double, 4> &point);
double mouthFitLoss(const std::array<double, 4> &point, const std::array<double, 4> &weights);

// The pose for `face` (parameters the face does not drive are 0; breathing 0 unless `breathingSeconds` is given).
Pose convertFace(const FaceInput &face, const ConverterSettings &settings,
                 std::optional<double> breathingSeconds = std::nullopt);

} // namespace ths::mocap
