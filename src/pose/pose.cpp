// SPDX-License-Identifier: GPL-3.0-or-later
#include "pose/pose.h"

#include "core/json_file.h"


#include <algorithm>
#include <cmath>

namespace ths {

namespace {
using G = PoseGroup;
constexpr std::array<PoseParameterInfo, Pose::kCount> kParameters{{
    {"eyebrow_troubled_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_troubled_right_index", G::Eyebrow, 0, 1},
    {"eyebrow_angry_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_angry_right_index", G::Eyebrow, 0, 1},
    {"eyebrow_lowered_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_lowered_right_index", G::Eyebrow, 0, 1},
    {"eyebrow_raised_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_raised_right_index", G::Eyebrow, 0, 1},
    {"eyebrow_happy_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_happy_right_index", G::Eyebrow, 0, 1},
    {"eyebrow_serious_left_index", G::Eyebrow, 0, 1},
    {"eyebrow_serious_right_index", G::Eyebrow, 0, 1},
    {"eye_wink_left_index", G::Eye, 0, 1},
    {"eye_wink_right_index", G::Eye, 0, 1},
    {"eye_happy_wink_left_index", G::Eye, 0, 1},
    {"eye_happy_wink_right_index", G::Eye, 0, 1},
    {"eye_surprised_left_index", G::Eye, 0, 1},
    {"eye_surprised_right_index", G::Eye, 0, 1},
    {"eye_relaxed_left_index", G::Eye, 0, 1},
    {"eye_relaxed_right_index", G::Eye, 0, 1},
    {"eye_unimpressed_left_index", G::Eye, 0, 1},
    {"eye_unimpressed_right_index", G::Eye, 0, 1},
    {"eye_raised_lower_eyelid_left_index", G::Eye, 0, 1},
    {"eye_raised_lower_eyelid_right_index", G::Eye, 0, 1},
    {"iris_small_left_index", G::IrisMorph, 0, 1},
    {"iris_small_right_index", G::IrisMorph, 0, 1},
    {"mouth_aaa_index", G::Mouth, 0, 1},
    {"mouth_iii_index", G::Mouth, 0, 1},
    {"mouth_uuu_index", G::Mouth, 0, 1},
    {"mouth_eee_index", G::Mouth, 0, 1},
    {"mouth_ooo_index", G::Mouth, 0, 1},
    {"mouth_delta", G::Mouth, 0, 1},
    {"mouth_lowered_corner_left_index", G::Mouth, 0, 1},
    {"mouth_lowered_corner_right_index", G::Mouth, 0, 1},
    {"mouth_raised_corner_left_index", G::Mouth, 0, 1},
    {"mouth_raised_corner_right_index", G::Mouth, 0, 1},
    {"mouth_smirk", G::Mouth, 0, 1},
    {"iris_rotation_x_index", G::IrisRotation, -1, 1},
    {"iris_rotation_y_index", G::IrisRotation, -1, 1},
    {"head_x_index", G::FaceRotation, -1, 1},
    {"head_y_index", G::FaceRotation, -1, 1},
    {"neck_z_index", G::FaceRotation, -1, 1},
    {"body_y_index", G::BodyRotation, -1, 1},
    {"body_z_index", G::BodyRotation, -1, 1},
    {"breathing_index", G::Breathing, 0, 1},
}};
} // namespace

const std::array<PoseParameterInfo, Pose::kCount> &Pose::parameters()
{
    return kParameters;
}

QStringList Pose::names()
{
    QStringList result;
    for (const auto &p : kParameters)
        result << QString::fromLatin1(p.name);
    return result;
}

int Pose::indexOf(const QString &name)
{
    for (int i = 0; i < kCount; ++i)
        if (name == QLatin1String(kParameters[i].name))
            return i;
    return -1;
}

float Pose::value(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? 0.0f : m_values[i];
}

bool Pose::setValue(const QString &name, float v)
{
    const int i = indexOf(name);
    if (i < 0)
        return false;
    m_values[i] = v;
    return true;
}

Pose Pose::clamped() const
{
    Pose p = *this;
    for (int i = 0; i < kCount; ++i)
        p.m_values[i] = std::clamp(p.m_values[i], kParameters[i].minimum, kParameters[i].maximum);
    return p;
}

std::optional<Pose> Pose::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<Pose> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonObject flat = json;
    // Template form: exactly one key that is not a parameter name, whose value is an object.
    if (json.size() == 1 && indexOf(json.begin().key()) < 0 && json.begin().value().isObject())
        flat = json.begin().value().toObject();

    Pose pose;
    for (auto it = flat.begin(); it != flat.end(); ++it) {
        const int i = indexOf(it.key());
        if (i < 0)
            return fail(QStringLiteral("unknown pose parameter \"%1\"").arg(it.key()));
        if (!it.value().isDouble())
            return fail(QStringLiteral("pose parameter \"%1\" must be a number").arg(it.key()));
        const double v = it.value().toDouble();
        const auto &info = kParameters[i];
        if (!std::isfinite(v) || v < info.minimum || v > info.maximum)
            return fail(QStringLiteral("pose parameter \"%1\" is %2; expected a number in [%3, %4]")
                            .arg(it.key())
                            .arg(v)
                            .arg(info.minimum)
                            .arg(info.maximum));
        pose.m_values[i] = float(v);
    }
    return pose;
}

std::optional<Pose> Pose::fromFile(const QString &path, QString *error)
{
    return parseJsonFile<QJsonObject>(path, error, QStringLiteral("not a JSON object"),
                                      [](const QJsonObject &json, QString *message) { return fromJson(json, message); });
}

QJsonObject Pose::toJson() const
{
    QJsonObject json;
    for (int i = 0; i < kCount; ++i)
        json.insert(QLatin1String(kParameters[i].name), double(m_values[i]));
    return json;
}

} // namespace ths
