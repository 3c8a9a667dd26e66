// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/mocap_source.h"

#include "mocap/ifacialmocap_packet.h"
#include "mocap/vmc_packet.h"

namespace ths::mocap {

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::IFacialMocap: return QStringLiteral("ifacialmocap");
    case SourceKind::Vmc: return QStringLiteral("vmc");
    case SourceKind::Replay: break;
    }
    return QStringLiteral("replay");
}

std::optional<SourceKind> sourceKindFromName(const QString &name)
{
    for (const SourceKind k : {SourceKind::IFacialMocap, SourceKind::Vmc, SourceKind::Replay})
        if (sourceKindName(k) == name)
            return k;
    return std::nullopt;
}

namespace {
std::optional<quint16> portFrom(const QString &text, QString *error)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        *error = QStringLiteral("\"%1\" is not a port (1…65535)").arg(text);
        return std::nullopt;
    }
    return quint16(port);
}
} // namespace

std::optional<MocapSource> MocapSource::parse(const QString &spec, QString *error)
{
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    const QString rest = spec.section(QLatin1Char(':'), 1);
    MocapSource s;
    if (kind == QLatin1String("ifacialmocap")) {
        s.kind = SourceKind::IFacialMocap;
        s.listenPort = kIfacialmocapPort;
        s.phonePort = kIfacialmocapPort;
        s.phoneHost = rest.section(QLatin1Char(':'), 0, 0);
        if (s.phoneHost.isEmpty()) {
            *error = QStringLiteral("ifacialmocap needs the phone's address: ifacialmocap:<address>[:port]");
            return std::nullopt;
        }
        if (rest.contains(QLatin1Char(':'))) {
            const auto port = portFrom(rest.section(QLatin1Char(':'), 1), error);
            if (!port)
                return std::nullopt;
            s.phonePort = *port;
        }
        return s;
    }
    if (kind == QLatin1String("vmc")) {
        s.kind = SourceKind::Vmc;
        s.listenPort = kVmcPort;
        if (!rest.isEmpty()) {
            const auto port = portFrom(rest, error);
            if (!port)
                return std::nullopt;
            s.listenPort = *port;
        }
        return s;
    }
    if (kind == QLatin1String("replay")) {
        s.kind = SourceKind::Replay;
        s.takeFile = rest;
        if (rest.isEmpty()) {
            *error = QStringLiteral("replay needs a take file: replay:FILE");
            return std::nullopt;
        }
        return s;
    }
    *error = QStringLiteral("\"%1\": expected ifacialmocap:<phone address>[:port], vmc[:port] or replay:FILE").arg(spec);
    return std::nullopt;
}

QString MocapSource::toString() const
{
    switch (kind) {
    case SourceKind::IFacialMocap: return QStringLiteral("ifacialmocap:%1:%2").arg(phoneHost).arg(phonePort);
    case SourceKind::Vmc: return QStringLiteral("vmc:%1").arg(listenPort);
    case SourceKind::Replay: break;
    }
    return QStringLiteral("replay:%1").arg(takeFile);
}

} // namespace ths::mocap
