// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 45 THA3 pose parameters as a small value type, named as in SillyTavern-Extras emotion templates
// ("eyebrow_troubled_left_index" … "breathing_index"; "mouth_delta" and "mouth_smirk" have no suffix).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ths {

enum class PoseGroup { Eyebrow, Eye, IrisMorph, Mouth, IrisRotation, FaceRotation, BodyRotation, Breathing };

struct PoseParameterInfo {
    const char *name;      // template name, e.g. "eye_wink_left_index"
    PoseGroup group;
    float minimum;
    float maximum;
};

class Pose
{
public:
    static constexpr int kCount = 45;
    // Slices the networks consume (docs/engine.md, Pipeline).
    static constexpr int kEyebrowBegin = 0, kEyebrowCount = 12;
    static constexpr int kFaceBegin = 12, kFaceCount = 27;
    static constexpr int kRotationBegin = 39, kRotationCount = 6;

    Pose() { m_values.fill(0.0f); }

    static const std::array<PoseParameterInfo, kCount> &parameters();
    static QStringList names();
    // Index of a template name, or -1.
    static int indexOf(const QString &name);

    float operator[](int i) const { return m_values[i]; }
    float &operator[](int i) { return m_values[i]; }
    float value(const QString &name) const;
    // Sets a value by name; false for an unknown name.
    bool setValue(const QString &name, float v);
    const std::array<float, kCount> &values() const { return m_values; }

    // A copy with every value clamped into its parameter's range.
    Pose clamped() const;

    // Parses `{param: value}` or the template form `{"name": {param: value}}`. Unknown names, non-numbers and
    // out-of-range values are errors naming the field; missing parameters are 0.
    static std::optional<Pose> fromJson(const QJsonObject &json, QString *error);
    // Reads a pose JSON file; errors name the file.
    static std::optional<Pose> fromFile(const QString &path, QString *error);
    // Flat `{param: value}` object in model order.
    QJsonObject toJson() const;

    bool operator==(const Pose &other) const { return m_values == other.m_values; }

private:
    std::array<float, kCount> m_values;
};

} // namespace ths
