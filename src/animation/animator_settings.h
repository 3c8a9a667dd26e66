// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The animator settings of SillyTavern-Extras' talkinghead (`animator.json`, a character's `_animator.json`, the
// body of POST /api/talkinghead/load_animator_settings). Every key, its meaning and its default follow the
// original; unlike the original, every value is range-checked, because values such as target_fps 0, talking_fps 0
// or an unknown morph name killed its animation thread, and a tiny target_fps (3.3e-7) meant a 35-day frame.
//
// Key                       default   accepted         meaning
// target_fps                25        [1, 120]         Output frame rate (frames sent per second); also caps
//                                                      rendering. Animation speed is wall-clock based, so this
//                                                      only changes smoothness.
// crop_left/right/top/bottom 0.0      [0, 2)           Crop of the 512×512 poser output, in units where the
//                                                      image width (height) is 2.0: 0.5 cuts a quarter. The
//                                                      left+right and top+bottom sums must stay below 2.
// pose_interpolator_step    0.1       [0.001, 1]       Fraction of the remaining distance to the target pose
//                                                      covered per 1/25 s (corrected for the real frame rate).
// blink_interval_min        2.0       [0, 3600] s      After a blink, no new blink for a random time drawn
// blink_interval_max        5.0       [min, 3600] s    uniformly from [min, max].
// blink_probability         0.03      [0, 1]           Chance of starting a blink per 1/25 s once that
//                                                      refractory time has passed (corrected for frame rate).
// blink_confusion_duration  10.0      [0, 3600] s      After switching to `confusion`, the refractory time is
//                                                      ignored this long (nervous rapid blinking).
// talking_fps               12        [0.5, 120]       While talking, a new random mouth opening is picked this
//                                                      many times per second.
// talking_morph             "mouth_aaa_index"          The pose parameter that opens the mouth while talking.
// sway_morphs               head_x_index, head_y_index, neck_z_index, body_y_index, body_z_index
//                                                      Pose parameters that sway idly; [] disables sway.
//                                                      Each must be a pose parameter, listed once.
// sway_interval_min         5.0       [0, 3600] s      A new random sway target is chosen after a random time
// sway_interval_max         10.0      [min, 3600] s    drawn uniformly from [min, max] (and on emotion change).
// sway_macro_strength       0.6       [0, 1]           Largest deviation of the sway target from centre.
// sway_micro_strength       0.02      [0, 1]           Largest random jitter added to the sway target per 1/25 s.
// breathing_cycle_duration  4.0       [0.1, 3600] s    Duration of one full breath.
// postprocessor_chain       []        list             Ordered filter chain, each element [name, {param: value}]
//                                                      (the params object may be omitted); every filter name,
//                                                      parameter, type and range is checked (look/filter_catalog.h).
//
// Numbers may be JSON integers or floats; a boolean or string where a number is expected is an error.

#include <QJsonArray>
#include <QJsonObject>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace ths {

struct AnimatorSettings {
    double targetFps = 25.0;
    double cropLeft = 0.0;
    double cropRight = 0.0;
    double cropTop = 0.0;
    double cropBottom = 0.0;
    double poseInterpolatorStep = 0.1;
    double blinkIntervalMin = 2.0;
    double blinkIntervalMax = 5.0;
    double blinkProbability = 0.03;
    double blinkConfusionDuration = 10.0;
    double talkingFps = 12.0;
    QString talkingMorph = QStringLiteral("mouth_aaa_index");
    QStringList swayMorphs = {QStringLiteral("head_x_index"), QStringLiteral("head_y_index"),
                              QStringLiteral("neck_z_index"), QStringLiteral("body_y_index"),
                              QStringLiteral("body_z_index")};
    double swayIntervalMin = 5.0;
    double swayIntervalMax = 10.0;
    double swayMacroStrength = 0.6;
    double swayMicroStrength = 0.02;
    double breathingCycleDuration = 4.0;
    QJsonArray postprocessorChain;

    // The bounds of the checks above.
    static constexpr double kMinTargetFps = 1.0;
    static constexpr double kMaxTargetFps = 120.0;
    static constexpr double kMinTalkingFps = 0.5;
    static constexpr double kMaxTalkingFps = 120.0;
    static constexpr double kMaxDuration = 3600.0;

    // The accepted keys, in the order of the table above.
    static QStringList keys();

    // Settings from a (possibly partial) JSON object: listed keys replace the values of `base`, the others keep
    // them, so `{}` gives `base` (e.g. the server's animator.json over the built-in defaults). Every value is
    // checked before anything is returned; on the first invalid one the result is empty and `error` names the
    // field and what was expected. Unknown keys are ignored, as by the original, and listed in `ignoredKeys`.
    static std::optional<AnimatorSettings> fromJson(const QJsonObject &json, const AnimatorSettings &base,
                                                    QString *error, QStringList *ignoredKeys = nullptr);
    // The same over the built-in defaults.
    static std::optional<AnimatorSettings> fromJson(const QJsonObject &json, QString *error,
                                                    QStringList *ignoredKeys = nullptr);
    // Reads a settings file (the server's animator.json) over the built-in defaults; errors name the file.
    static std::optional<AnimatorSettings> fromFile(const QString &path, QString *error,
                                                    QStringList *ignoredKeys = nullptr);
    // Every key with its value.
    [[nodiscard]] QJsonObject toJson() const;

    // The pixel rectangle the crop settings keep of an image of `size` (left = int(crop_left/2·W), right edge =
    // int((1 − crop_right/2)·W), likewise vertically), at least 1×1.
    [[nodiscard]] QRect cropRect(QSize size) const;

    bool operator==(const AnimatorSettings &other) const = default;
};

} // namespace ths
