// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/take_file.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ths::mocap {

namespace {
constexpr int kFormatVersion = 1;
constexpr qint64 kFlushMs = 500;
} // namespace

std::optional<Take> Take::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    Take take;
    int line = 0;
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(what);
        return std::nullopt;
    };
    double last = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (!doc.isObject()) {
            // A crash may cut the last line short: what came before is the take.
            if (file.atEnd() && line > 1)
                break;
            return fail(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));
        }
        const QJsonObject o = doc.object();
        if (line == 1) {
            if (o.value(QStringLiteral("take")).toString() != QLatin1String("talkinghead-studio"))
                return fail(QStringLiteral("not a take (expected \"take\": \"talkinghead-studio\")"));
            if (o.value(QStringLiteral("version")).toInt() != kFormatVersion)
                return fail(QStringLiteral("version %1 is not supported (expected %2)").arg(o.value(QStringLiteral("version")).toInt()).arg(kFormatVersion));
            const auto kind = sourceKindFromName(o.value(QStringLiteral("source")).toString());
            if (!kind || *kind == SourceKind::Replay)
                return fail(QStringLiteral("source: expected \"ifacialmocap\" or \"vmc\""));
            take.source = *kind;
            QString settingsError;
            const auto settings = PuppeteerSettings::fromJson(o.value(QStringLiteral("settings")).toObject(), &settingsError);
            if (!settings)
                return fail(QStringLiteral("settings.%1").arg(settingsError));
            take.settings = *settings;
            continue;
        }
        const QJsonValue t = o.value(QStringLiteral("t"));
        const QJsonValue packet = o.value(QStringLiteral("packet"));
        if (!t.isDouble() || !std::isfinite(t.toDouble()) || t.toDouble() < last)
            return fail(QStringLiteral("t: expected seconds, not before the previous packet's"));
        const auto data = QByteArray::fromBase64Encoding(packet.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!packet.isString() || !data)
            return fail(QStringLiteral("packet: expected base64"));
        last = t.toDouble();
        take.packets.push_back({last, *data});
    }
    if (line == 0)
        return fail(QStringLiteral("empty file"));
    return take;
}

bool TakeWriter::open(const QString &path, SourceKind source, const PuppeteerSettings &settings, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, m_file.errorString());
        return false;
    }
    const QJsonObject header{{QStringLiteral("take"), QStringLiteral("talkinghead-studio")},
                             {QStringLiteral("version"), kFormatVersion},
                             {QStringLiteral("source"), sourceKindName(source)},
                             {QStringLiteral("settings"), settings.toJson()},
                             {QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    m_failed = m_file.write(QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n') < 0 || !m_file.flush();
    m_sinceFlush.start();
    return true;
}

void TakeWriter::write(double t, const QByteArray &packet)
{
    if (!m_file.isOpen())
        return;
    QByteArray line = "{\"t\":" + QByteArray::number(t, 'g', 17) + ",\"packet\":\"" + packet.toBase64() + "\"}\n";
    m_failed |= m_file.write(line) < 0;
    flushIfDue();
}

void TakeWriter::flushIfDue()
{
    if (m_file.isOpen() && m_sinceFlush.elapsed() >= kFlushMs) {
        m_failed |= !m_file.flush();
        m_sinceFlush.restart();
    }
}

bool TakeWriter::close(QString *error)
{
    if (!m_file.isOpen())
        return true;
    m_failed |= !m_file.flush();
    const QString reason = m_file.errorString();
    m_file.close();
    if (m_failed && error)
        *error = QStringLiteral("%1: could not write the whole take: %2").arg(m_file.fileName(), reason);
    return !m_failed;
}

} // namespace ths::mocap
