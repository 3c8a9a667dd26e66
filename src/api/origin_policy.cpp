// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/origin_policy.h"

#include "api/server_options.h"

#include <QHostInfo>
#include <QUrl>

namespace ths {

namespace {

bool isLocalhostName(const QString &host)
{
    return host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"));
}

bool isLoopback(const QString &host)
{
    if (isLocalhostName(host))
        return true;
    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    const QHostAddress address(literal);
    return !address.isNull() && address.isLoopback();
}

// The host part of a Host header value ("name:port", "[v6]:port"), lower case, without the port.
QString hostOf(const QByteArray &value)
{
    const QString host = QString::fromLatin1(value).trimmed().toLower();
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype end = host.indexOf(QLatin1Char(']'));
        return end < 0 ? QString() : host.left(end + 1);
    }
    const qsizetype colon = host.indexOf(QLatin1Char(':'));
    return colon < 0 ? host : host.left(colon);
}

// This machine's own name (Debian maps it to 127.0.1.1), with .local (mDNS) or its domain: never a name a hostile
// page controls.
bool isThisMachine(const QString &host)
{
    const QString name = QHostInfo::localHostName().toLower();
    const QString domain = QHostInfo::localDomainName().toLower();
    return !name.isEmpty()
           && (host == name || host == name + QLatin1String(".local")
               || (!domain.isEmpty() && host == name + QLatin1Char('.') + domain));
}

QHostAddress addressOf(const QString &host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        return QHostAddress(host.mid(1, host.size() - 2));
    return QHostAddress(host);
}

} // namespace

OriginPolicy::OriginPolicy(const ServerOptions &options)
    : m_bound(options.host)
    , m_anyOrigin(options.corsAnyOrigin)
{
    for (const QString &origin : options.corsOrigins) {
        QString normalised;
        if (normaliseOrigin(origin, &normalised))
            m_origins.append(normalised);
    }
    for (const QString &host : options.allowedHosts)
        m_hosts.append(host.trimmed().toLower());
}

bool OriginPolicy::normaliseOrigin(const QString &origin, QString *normalised)
{
    const QUrl url(origin.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty()
        || !(url.path().isEmpty() || url.path() == QLatin1String("/")) || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return false;
    // As browsers write an Origin: scheme://host[:port], the port only when it is not the scheme's default.
    const int port = url.port();
    const bool defaultPort = port < 0 || (scheme == QLatin1String("http") && port == 80)
                             || (scheme == QLatin1String("https") && port == 443);
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    *normalised = scheme + QLatin1String("://") + (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host)
                  + (defaultPort ? QString() : QLatin1Char(':') + QString::number(port));
    return true;
}

bool OriginPolicy::originAllowed(const QByteArray &origin) const
{
    if (m_anyOrigin)
        return true;
    QString normalised;
    if (!normaliseOrigin(QString::fromLatin1(origin), &normalised))
        return false; // "null" (sandboxed frames, files) and anything malformed
    const QString host = QUrl(normalised).host().toLower();
    return isLoopback(host) || isThisMachine(host) || m_origins.contains(normalised);
}

bool OriginPolicy::hostAllowed(const QByteArray &value) const
{
    if (value.isEmpty())
        return true;
    const QString host = hostOf(value);
    if (host.isEmpty())
        return false;
    if (isLocalhostName(host) || isThisMachine(host) || m_hosts.contains(host))
        return true;
    const QHostAddress address = addressOf(host);
    const bool anyInterface = m_bound == QHostAddress::Any || m_bound == QHostAddress::AnyIPv4
                              || m_bound == QHostAddress::AnyIPv6;
    return !address.isNull()
           && (anyInterface || address.isLoopback() || address.isEqual(m_bound, QHostAddress::TolerantConversion));
}

} // namespace ths
