// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/mouth_timeline.h"

#include "core/json_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

const QString kTime = QStringLiteral("t");
const QString kOpenness = QStringLiteral("openness");

// Four decimals are far below what a rendered mouth can show and keep the file (and its diffs) short.
double rounded(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

MouthFrame closedAt(double t)
{
    MouthFrame f;
    f.t = t;
    return f;
}

} // namespace

MouthFrame MouthTimeline::sample(double t) const
{
    if (m_frames.empty() || !(t >= m_frames.front().t) || t > duration())
        return closedAt(t);
    // First frame with time > t; the one before it is at or before t.
    const auto next = std::upper_bound(m_frames.begin(), m_frames.end(), t,
                                       [](double v, const MouthFrame &f) { return v < f.t; });
    const MouthFrame &a = *(next - 1);
    // Past the last frame the mouth fades to closed over one frame period instead of snapping.
    const MouthFrame b = next == m_frames.end() ? closedAt(a.t + kFrameSeconds) : *next;
    const double span = b.t - a.t;
    const float w = span > 0.0 ? float((t - a.t) / span) : 0.0f;
    MouthFrame out;
    out.t = t;
    for (int i = 0; i < MouthFrame::kVowelCount; ++i)
        out.vowels[size_t(i)] = a.vowels[size_t(i)] + w * (b.vowels[size_t(i)] - a.vowels[size_t(i)]);
    out.openness = a.openness + w * (b.openness - a.openness);
    return out;
}

QJsonArray MouthTimeline::toJson() const
{
    QJsonArray array;
    for (const MouthFrame &f : m_frames) {
        QJsonObject o;
        o.insert(kTime, rounded(f.t));
        for (int i = 0; i < MouthFrame::kVowelCount; ++i)
            o.insert(QLatin1String(MouthFrame::kParameterNames[size_t(i)]), rounded(f.vowels[size_t(i)]));
        o.insert(kOpenness, rounded(f.openness));
        array.append(o);
    }
    return array;
}

std::optional<MouthTimeline> MouthTimeline::fromJson(const QJsonArray &array, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    std::vector<MouthFrame> frames;
    frames.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isObject())
            return fail(QStringLiteral("frame %1: expected an object").arg(i));
        const QJsonObject o = array[i].toObject();
        MouthFrame f;
        const QJsonValue t = o.value(kTime);
        if (!t.isDouble())
            return fail(QStringLiteral("frame %1: \"t\" must be a number of seconds").arg(i));
        f.t = t.toDouble();
        if (!std::isfinite(f.t) || (!frames.empty() && f.t < frames.back().t))
            return fail(QStringLiteral("frame %1: \"t\" = %2 is before the previous frame's time").arg(i).arg(f.t));
        for (int v = 0; v < MouthFrame::kVowelCount; ++v) {
            const QString name = QLatin1String(MouthFrame::kParameterNames[size_t(v)]);
            const QJsonValue value = o.value(name);
            if (!value.isDouble() || value.toDouble() < 0.0 || value.toDouble() > 1.0)
                return fail(QStringLiteral("frame %1: \"%2\" must be a number in [0, 1]").arg(i).arg(name));
            f.vowels[size_t(v)] = float(value.toDouble());
        }
        if (o.contains(kOpenness)) {
            const QJsonValue value = o.value(kOpenness);
            if (!value.isDouble() || value.toDouble() < 0.0 || value.toDouble() > 1.0)
                return fail(QStringLiteral("frame %1: \"openness\" must be a number in [0, 1]").arg(i));
            f.openness = float(value.toDouble());
        } else {
            f.openness = f.maxVowel();
        }
        frames.push_back(f);
    }
    return MouthTimeline(std::move(frames));
}

QByteArray MouthTimeline::toJsonBytes() const
{
    // Written by hand rather than through QJsonDocument, which sorts keys: "t" first reads better.
    auto number = [](double v) { return QByteArray::number(rounded(v), 'g', 10); };
    QByteArray out = "[\n";
    out.reserve(qsizetype(m_frames.size()) * 150 + 4);
    for (size_t i = 0; i < m_frames.size(); ++i) {
        const MouthFrame &f = m_frames[i];
        out += "{\"t\":" + number(f.t);
        for (int v = 0; v < MouthFrame::kVowelCount; ++v)
            out += ",\"" + QByteArray(MouthFrame::kParameterNames[size_t(v)]) + "\":" + number(f.vowels[size_t(v)]);
        out += ",\"openness\":" + number(f.openness) + (i + 1 < m_frames.size() ? "},\n" : "}\n");
    }
    out += "]\n";
    return out;
}

bool MouthTimeline::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJsonBytes()) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<MouthTimeline> MouthTimeline::load(const QString &path, QString *error)
{
    return parseJsonFile<QJsonArray>(path, error, QStringLiteral("expected a JSON array of frames"),
                                     [](const QJsonArray &frames, QString *message) { return fromJson(frames, message); });
}

} // namespace ths
