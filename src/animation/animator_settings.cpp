// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/animator_settings.h"

#include "look/filter_catalog.h"

#include "core/json_file.h"
#include "core/log_text.h"

#include "animation/animation_log.h"
#include "pose/pose.h"

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>

namespace ths {

namespace {

struct NumberField {
    const char *key;
    double AnimatorSettings::*member;
    double minimum;
    double maximum;
    bool minimumExcluded; // (minimum, maximum] instead of [minimum, maximum]
    bool maximumExcluded; // [minimum, maximum) instead of [minimum, maximum]
};

using S = AnimatorSettings;
constexpr double kDur = S::kMaxDuration;
constexpr std::array<NumberField, 16> kNumberFields{{
    {"target_fps", &S::targetFps, S::kMinTargetFps, S::kMaxTargetFps, false, false},
    {"crop_left", &S::cropLeft, 0.0, 2.0, false, true},
    {"crop_right", &S::cropRight, 0.0, 2.0, false, true},
    {"crop_top", &S::cropTop, 0.0, 2.0, false, true},
    {"crop_bottom", &S::cropBottom, 0.0, 2.0, false, true},
    {"pose_interpolator_step", &S::poseInterpolatorStep, 0.001, 1.0, false, false},
    {"blink_interval_min", &S::blinkIntervalMin, 0.0, kDur, false, false},
    {"blink_interval_max", &S::blinkIntervalMax, 0.0, kDur, false, false},
    {"blink_probability", &S::blinkProbability, 0.0, 1.0, false, false},
    {"blink_confusion_duration", &S::blinkConfusionDuration, 0.0, kDur, false, false},
    {"talking_fps", &S::talkingFps, S::kMinTalkingFps, S::kMaxTalkingFps, false, false},
    {"sway_interval_min", &S::swayIntervalMin, 0.0, kDur, false, false},
    {"sway_interval_max", &S::swayIntervalMax, 0.0, kDur, false, false},
    {"sway_macro_strength", &S::swayMacroStrength, 0.0, 1.0, false, false},
    {"sway_micro_strength", &S::swayMicroStrength, 0.0, 1.0, false, false},
    {"breathing_cycle_duration", &S::breathingCycleDuration, 0.1, kDur, false, false},
}};

const QString kTalkingMorph = QStringLiteral("talking_morph");
const QString kSwayMorphs = QStringLiteral("sway_morphs");
const QString kPostprocessorChain = QStringLiteral("postprocessor_chain");

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QString rangeText(const NumberField &f)
{
    return QStringLiteral("%1%2, %3%4")
        .arg(f.minimumExcluded ? QLatin1Char('(') : QLatin1Char('['))
        .arg(f.minimum)
        .arg(f.maximum)
        .arg(f.maximumExcluded ? QLatin1Char(')') : QLatin1Char(']'));
}

bool inRange(const NumberField &f, double v)
{
    if (!std::isfinite(v))
        return false;
    if (f.minimumExcluded ? v <= f.minimum : v < f.minimum)
        return false;
    return f.maximumExcluded ? v < f.maximum : v <= f.maximum;
}

// A pose parameter name, or an error text for `field`.
std::optional<QString> morphName(const QJsonValue &value, const QString &field, QString *error)
{
    if (!value.isString()) {
        *error = QStringLiteral("%1: expected a pose parameter name (a string), got %2").arg(field, typeName(value));
        return std::nullopt;
    }
    const QString name = value.toString();
    if (Pose::indexOf(name) < 0) {
        *error = QStringLiteral("%1: \"%2\" is not a pose parameter").arg(field, name);
        return std::nullopt;
    }
    return name;
}


} // namespace

QStringList AnimatorSettings::keys()
{
    return {QStringLiteral("target_fps"),
            QStringLiteral("crop_left"),
            QStringLiteral("crop_right"),
            QStringLiteral("crop_top"),
            QStringLiteral("crop_bottom"),
            QStringLiteral("pose_interpolator_step"),
            QStringLiteral("blink_interval_min"),
            QStringLiteral("blink_interval_max"),
            QStringLiteral("blink_probability"),
            QStringLiteral("blink_confusion_duration"),
            QStringLiteral("talking_fps"),
            kTalkingMorph,
            kSwayMorphs,
            QStringLiteral("sway_interval_min"),
            QStringLiteral("sway_interval_max"),
            QStringLiteral("sway_macro_strength"),
            QStringLiteral("sway_micro_strength"),
            QStringLiteral("breathing_cycle_duration"),
            kPostprocessorChain};
}

std::optional<AnimatorSettings> AnimatorSettings::fromJson(const QJsonObject &json, QString *error,
                                                           QStringList *ignoredKeys)
{
    return fromJson(json, AnimatorSettings(), error, ignoredKeys);
}

std::optional<AnimatorSettings> AnimatorSettings::fromJson(const QJsonObject &json, const AnimatorSettings &base,
                                                           QString *error, QStringList *ignoredKeys)
{
    QString message;
    auto fail = [&]() -> std::optional<AnimatorSettings> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    AnimatorSettings s = base;
    const QStringList known = keys();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            // The original drops unknown keys with a warning; settings files written for forks carry extra keys.
            qCWarning(lcAnimation) << "ignoring unknown animator setting" << boundedForLog(it.key());
            if (ignoredKeys)
                ignoredKeys->append(it.key());
        }
    }

    for (const NumberField &f : kNumberFields) {
        const QString key = QLatin1String(f.key);
        if (!json.contains(key))
            continue;
        const QJsonValue value = json.value(key);
        if (!value.isDouble()) {
            message = QStringLiteral("%1: expected a number in %2, got %3").arg(key, rangeText(f), typeName(value));
            return fail();
        }
        const double v = value.toDouble();
        if (!inRange(f, v)) {
            message = QStringLiteral("%1: %2 is out of range; expected a number in %3").arg(key).arg(v).arg(rangeText(f));
            return fail();
        }
        s.*f.member = v;
    }

    if (json.contains(kTalkingMorph)) {
        const auto name = morphName(json.value(kTalkingMorph), kTalkingMorph, &message);
        if (!name)
            return fail();
        s.talkingMorph = *name;
    }

    if (json.contains(kSwayMorphs)) {
        const QJsonValue value = json.value(kSwayMorphs);
        if (!value.isArray()) {
            message = QStringLiteral("sway_morphs: expected a list of pose parameter names, got %1").arg(typeName(value));
            return fail();
        }
        QStringList morphs;
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = QStringLiteral("sway_morphs[%1]").arg(i);
            const auto name = morphName(list.at(i), field, &message);
            if (!name)
                return fail();
            if (morphs.contains(*name)) {
                message = QStringLiteral("%1: \"%2\" is listed twice").arg(field, *name);
                return fail();
            }
            morphs << *name;
        }
        s.swayMorphs = morphs;
    }

    if (json.contains(kPostprocessorChain)) {
        // Every filter, parameter, type and range, by the look's one parser.
        if (!look::parseChain(json.value(kPostprocessorChain), &message, kPostprocessorChain))
            return fail();
        s.postprocessorChain = json.value(kPostprocessorChain).toArray();
    }

    // Cross-field rules, checked on the merged result so that a partial request cannot invert a range. The error
    // names the bound the request set (the upper one when it set both).
    auto checkInterval = [&](const char *minKey, double minimum, const char *maxKey, double maximum) {
        if (maximum >= minimum)
            return true;
        if (json.contains(QLatin1String(maxKey)) || !json.contains(QLatin1String(minKey)))
            message = QStringLiteral("%1: %2 is less than %3 %4").arg(QLatin1String(maxKey)).arg(maximum)
                          .arg(QLatin1String(minKey)).arg(minimum);
        else
            message = QStringLiteral("%1: %2 is greater than %3 %4").arg(QLatin1String(minKey)).arg(minimum)
                          .arg(QLatin1String(maxKey)).arg(maximum);
        return false;
    };
    if (!checkInterval("blink_interval_min", s.blinkIntervalMin, "blink_interval_max", s.blinkIntervalMax))
        return fail();
    if (!checkInterval("sway_interval_min", s.swayIntervalMin, "sway_interval_max", s.swayIntervalMax))
        return fail();
    if (s.cropLeft + s.cropRight >= 2.0) {
        message = QStringLiteral("crop_left + crop_right: %1 + %2 leaves no width; the sum must be below 2")
                      .arg(s.cropLeft)
                      .arg(s.cropRight);
        return fail();
    }
    if (s.cropTop + s.cropBottom >= 2.0) {
        message = QStringLiteral("crop_top + crop_bottom: %1 + %2 leaves no height; the sum must be below 2")
                      .arg(s.cropTop)
                      .arg(s.cropBottom);
        return fail();
    }
    return s;
}

std::optional<AnimatorSettings> AnimatorSettings::fromFile(const QString &path, QString *error,
                                                           QStringList *ignoredKeys)
{
    return parseJsonFile<QJsonObject>(path, error, QStringLiteral("not a JSON object"), [ignoredKeys](const QJsonObject &json, QString *message) {
        return fromJson(json, message, ignoredKeys);
    });
}

QJsonObject AnimatorSettings::toJson() const
{
    QJsonObject json;
    for (const NumberField &f : kNumberFields)
        json.insert(QLatin1String(f.key), this->*f.member);
    json.insert(kTalkingMorph, talkingMorph);
    json.insert(kSwayMorphs, QJsonArray::fromStringList(swayMorphs));
    json.insert(kPostprocessorChain, postprocessorChain);
    return json;
}

QRect AnimatorSettings::cropRect(QSize size) const
{
    const int w = size.width();
    const int h = size.height();
    // int() truncation, as the original computes the edges.
    int left = int(cropLeft / 2.0 * w);
    int right = int((1.0 - cropRight / 2.0) * w);
    int top = int(cropTop / 2.0 * h);
    int bottom = int((1.0 - cropBottom / 2.0) * h);
    left = std::clamp(left, 0, std::max(0, w - 1));
    top = std::clamp(top, 0, std::max(0, h - 1));
    right = std::clamp(right, left + 1, std::max(left + 1, w));
    bottom = std::clamp(bottom, top + 1, std::max(top + 1, h));
    return QRect(QPoint(left, top), QSize(right - left, bottom - top));
}

} // namespace ths
