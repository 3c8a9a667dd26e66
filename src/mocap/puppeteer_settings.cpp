// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/puppeteer_settings.h"

#include "core/json_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace ths::mocap {

namespace {

struct Gain {
    const char *key;
    double PuppeteerSettings::*member;
};
const Gain kGains[] = {{"eyebrow", &PuppeteerSettings::gainEyebrow}, {"eye", &PuppeteerSettings::gainEye},
                       {"iris", &PuppeteerSettings::gainIris},       {"mouth", &PuppeteerSettings::gainMouth},
                       {"head", &PuppeteerSettings::gainHead},       {"body", &PuppeteerSettings::gainBody}};
constexpr double kMaxGain = 3.0;

bool numberIn(const QJsonValue &v, double lo, double hi, double *out)
{
    if (!v.isDouble() || !(v.toDouble() >= lo && v.toDouble() <= hi))
        return false;
    *out = v.toDouble();
    return true;
}

} // namespace

QJsonObject PuppeteerSettings::toJson() const
{
    QJsonObject gain;
    for (const Gain &g : kGains)
        gain.insert(QLatin1String(g.key), this->*g.member);
    QJsonValue neutralJson;
    if (neutral) {
        QJsonObject blend;
        for (int i = 0; i < kBlendshapeCount; ++i)
            if (neutral->blendshapes[size_t(i)] != 0)
                blend.insert(QLatin1String(blendshapeNames()[size_t(i)]), neutral->blendshapes[size_t(i)]);
        neutralJson = QJsonObject{{QStringLiteral("blendshapes"), blend},
                                  {QStringLiteral("head"), QJsonArray{neutral->head[0], neutral->head[1], neutral->head[2]}}};
    }
    return QJsonObject{
        {QStringLiteral("converter"), converter.toJson()},
        {QStringLiteral("neutral"), neutralJson},
        {QStringLiteral("gain"), gain},
        {QStringLiteral("smoothing"), QJsonObject{{QStringLiteral("enabled"), smoothing},
                                                  {QStringLiteral("min_cutoff"), minCutoff},
                                                  {QStringLiteral("beta"), beta}}},
        {QStringLiteral("breathing"), converterBreathing ? QStringLiteral("converter") : QStringLiteral("animator")},
    };
}

std::optional<PuppeteerSettings> PuppeteerSettings::fromJson(const QJsonObject &json, QString *error)
{
    PuppeteerSettings s;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("converter")) {
            const auto c = ConverterSettings::fromJson(v.toObject(), error);
            if (!v.isObject() || !c) {
                if (!v.isObject())
                    *error = QStringLiteral("converter: expected an object");
                return std::nullopt;
            }
            s.converter = *c;
        } else if (key == QLatin1String("neutral")) {
            if (v.isNull())
                continue;
            const QJsonObject n = v.toObject();
            FaceInput face;
            const QJsonObject blend = n.value(QStringLiteral("blendshapes")).toObject();
            for (auto b = blend.begin(); b != blend.end(); ++b) {
                const int index = blendshapeIndex(b.key());
                double value;
                if (index < 0 || !numberIn(b.value(), 0, 1, &value)) {
                    *error = QStringLiteral("neutral.blendshapes.%1: expected an ARKit blendshape name with a number from 0 to 1").arg(b.key());
                    return std::nullopt;
                }
                face.blendshapes[size_t(index)] = value;
            }
            const QJsonArray head = n.value(QStringLiteral("head")).toArray();
            if (head.size() != 3) {
                *error = QStringLiteral("neutral.head: expected three angles in radians");
                return std::nullopt;
            }
            for (int i = 0; i < 3; ++i)
                if (!numberIn(head[i], -7, 7, &face.head[size_t(i)])) {
                    *error = QStringLiteral("neutral.head[%1]: expected an angle in radians").arg(i);
                    return std::nullopt;
                }
            s.neutral = face;
        } else if (key == QLatin1String("gain")) {
            const QJsonObject gain = v.toObject();
            for (auto g = gain.begin(); g != gain.end(); ++g) {
                const auto field = std::find_if(std::begin(kGains), std::end(kGains), [&](const Gain &x) { return g.key() == QLatin1String(x.key); });
                if (field == std::end(kGains) || !numberIn(g.value(), 0, kMaxGain, &(s.*(field->member)))) {
                    *error = QStringLiteral("gain.%1: expected eyebrow, eye, iris, mouth, head or body with a number from 0 to %2").arg(g.key()).arg(kMaxGain);
                    return std::nullopt;
                }
            }
        } else if (key == QLatin1String("smoothing")) {
            const QJsonObject sm = v.toObject();
            for (auto f = sm.begin(); f != sm.end(); ++f) {
                bool ok = true;
                if (f.key() == QLatin1String("enabled")) {
                    ok = f.value().isBool();
                    s.smoothing = f.value().toBool();
                } else if (f.key() == QLatin1String("min_cutoff")) {
                    ok = numberIn(f.value(), 0.001, 100, &s.minCutoff);
                } else if (f.key() == QLatin1String("beta")) {
                    ok = numberIn(f.value(), 0, 100, &s.beta);
                } else {
                    ok = false;
                }
                if (!ok) {
                    *error = QStringLiteral("smoothing.%1: expected enabled (true/false), min_cutoff (Hz, 0.001…100) or beta (0…100)").arg(f.key());
                    return std::nullopt;
                }
            }
        } else if (key == QLatin1String("breathing")) {
            if (v.toString() != QLatin1String("animator") && v.toString() != QLatin1String("converter")) {
                *error = QStringLiteral("breathing: expected \"animator\" or \"converter\"");
                return std::nullopt;
            }
            s.converterBreathing = v.toString() == QLatin1String("converter");
        } else {
            *error = QStringLiteral("%1: unknown setting").arg(key);
            return std::nullopt;
        }
    }
    return s;
}

std::optional<PuppeteerSettings> PuppeteerSettings::fromFile(const QString &path, QString *error)
{
    const auto doc = readJsonFile(path, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        *error = QStringLiteral("%1: expected a JSON object").arg(path);
        return std::nullopt;
    }
    auto s = fromJson(doc->object(), error);
    if (!s)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return s;
}

bool PuppeteerSettings::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(toJson()).toJson()) < 0 || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

FaceInput calibrated(const FaceInput &face, const std::optional<FaceInput> &neutral)
{
    if (!neutral)
        return face;
    FaceInput out = face;
    for (int i = 0; i < kBlendshapeCount; ++i) {
        const double n = neutral->blendshapes[size_t(i)];
        if (n > 0 && n < 1)
            out.blendshapes[size_t(i)] = std::clamp((face.blendshapes[size_t(i)] - n) / (1.0 - n), 0.0, 1.0);
    }
    for (int i = 0; i < 3; ++i)
        out.head[size_t(i)] = face.head[size_t(i)] - neutral->head[size_t(i)];
    return out;
}

Pose puppetPose(const FaceInput &face, const PuppeteerSettings &s, std::optional<double> breathingSeconds)
{
    Pose pose = convertFace(calibrated(face, s.neutral), s.converter, breathingSeconds);
    for (int i = 0; i < Pose::kCount; ++i) {
        double gain = 1;
        switch (Pose::parameters()[size_t(i)].group) {
        case PoseGroup::Eyebrow: gain = s.gainEyebrow; break;
        case PoseGroup::Eye: gain = s.gainEye; break;
        case PoseGroup::IrisMorph:
        case PoseGroup::IrisRotation: gain = s.gainIris; break;
        case PoseGroup::Mouth: gain = s.gainMouth; break;
        case PoseGroup::FaceRotation: gain = s.gainHead; break;
        case PoseGroup::BodyRotation: gain = s.gainBody; break;
        case PoseGroup::Breathing: break;
        }
        pose[i] = float(pose[i] * gain);
    }
    return pose.clamped();
}

} // namespace ths::mocap
