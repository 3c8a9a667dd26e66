// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/server_options.h"

#include "api/origin_policy.h"

#include <QCommandLineParser>
#include <QRandomGenerator>

namespace ths {

QStringList ServerOptions::knownModules()
{
    return {QStringLiteral("classify"), QStringLiteral("talkinghead")};
}

QString ServerOptions::generateApiKey()
{
    QString key;
    for (int i = 0; i < 4; ++i)
        key += QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QChar('0'));
    return key;
}

void ServerOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("host"), QStringLiteral("Interface to listen on (default 127.0.0.1)."), QStringLiteral("address")},
        {QStringLiteral("port"), QStringLiteral("TCP port (default 5100, 0 = any free port)."), QStringLiteral("port")},
        {QStringLiteral("listen"), QStringLiteral("Listen on all interfaces (reachable from other machines).")},
        {QStringLiteral("api-key"), QStringLiteral("Require 'Authorization: Bearer <key>' on every request."), QStringLiteral("key")},
        {QStringLiteral("secure"), QStringLiteral("Like --api-key with a generated key, printed at start.")},
        {QStringLiteral("max-upload-mb"), QStringLiteral("Largest request body in MiB (default 20)."), QStringLiteral("mib")},
        {QStringLiteral("max-speech-chars"), QStringLiteral("Longest text POST speak accepts (default 5000)."), QStringLiteral("n")},
        {QStringLiteral("max-audio-seconds"), QStringLiteral("Longest audio POST lipsync accepts (default 600)."), QStringLiteral("s")},
        {QStringLiteral("cors-origin"),
         QStringLiteral("Also allow web pages from this origin, e.g. http://192.168.1.5:8000 (repeatable; loopback "
                        "origins are always allowed; '*' allows any page)."),
         QStringLiteral("url")},
        {QStringLiteral("allow-host"), QStringLiteral("Also accept this name in the Host header (repeatable; for tunnels "
                                                      "and reverse proxies)."), QStringLiteral("name")},
        {QStringLiteral("private-stream"), QStringLiteral("With an API key: result_feed requires it too, as ?key=KEY.")},
        {QStringLiteral("talkinghead-label"),
         QStringLiteral("List 'talkinghead' in /api/classify/labels, for the talkinghead client built into "
                        "SillyTavern 1.12.12 and older.")},
        // --enable-modules is Extras' spelling; --modules the short one.
        {QStringList{QStringLiteral("modules"), QStringLiteral("enable-modules")},
         QStringLiteral("Comma-separated modules (default classify,talkinghead)."), QStringLiteral("list")},
    });
}

std::optional<ServerOptions> ServerOptions::fromParser(const QCommandLineParser &parser, QString *error,
                                                       QStringList *notices)
{
    ServerOptions o;
    auto fail = [error](const QString &reason) -> std::optional<ServerOptions> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (parser.isSet(QStringLiteral("listen")) && parser.isSet(QStringLiteral("host")))
        return fail(QStringLiteral("--listen and --host exclude each other (--listen means every interface)"));
    if (parser.isSet(QStringLiteral("host"))) {
        const QString value = parser.value(QStringLiteral("host"));
        o.host = value == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(value);
        if (o.host.isNull())
            return fail(QStringLiteral("--host: \"%1\" is not an IP address (or localhost)").arg(value));
    }
    if (parser.isSet(QStringLiteral("listen"))) {
        o.host = QHostAddress::Any;
        if (notices)
            notices->append(QStringLiteral("WARNING: --listen: the API is reachable from every network this machine is "
                                           "on; anyone who can reach the port can control it%1.")
                                .arg(parser.isSet(QStringLiteral("api-key")) || parser.isSet(QStringLiteral("secure"))
                                         ? QString() : QStringLiteral(" (consider --secure)")));
    }
    if (parser.isSet(QStringLiteral("host")) && notices
        && (o.host == QHostAddress::Any || o.host == QHostAddress::AnyIPv4 || o.host == QHostAddress::AnyIPv6))
        notices->append(QStringLiteral("WARNING: --host %1: the API is reachable from every network this machine is on; "
                                       "anyone who can reach the port can control it%2.")
                            .arg(parser.value(QStringLiteral("host")),
                                 parser.isSet(QStringLiteral("api-key")) || parser.isSet(QStringLiteral("secure"))
                                     ? QString() : QStringLiteral(" (consider --secure)")));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(QStringLiteral("--port: \"%1\" is not a port number (0–65535)").arg(parser.value(QStringLiteral("port"))));
        o.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("api-key")) && parser.isSet(QStringLiteral("secure")))
        return fail(QStringLiteral("--api-key and --secure exclude each other"));
    if (parser.isSet(QStringLiteral("api-key"))) {
        o.apiKey = parser.value(QStringLiteral("api-key")).trimmed();
        if (o.apiKey.isEmpty() || o.apiKey.contains(QLatin1Char(' ')))
            return fail(QStringLiteral("--api-key: the key must be non-empty and contain no spaces"));
    } else if (parser.isSet(QStringLiteral("secure"))) {
        o.apiKey = generateApiKey();
        if (notices)
            notices->append(QStringLiteral("API key: %1 (clients send \"Authorization: Bearer %1\"; in SillyTavern: "
                                           "Extensions → API key)").arg(o.apiKey));
    }
    if (parser.isSet(QStringLiteral("max-upload-mb"))) {
        bool ok = false;
        const double mib = parser.value(QStringLiteral("max-upload-mb")).toDouble(&ok);
        if (!ok || !(mib > 0) || mib > 4096)
            return fail(QStringLiteral("--max-upload-mb: \"%1\" is not a size in MiB between 0 and 4096")
                            .arg(parser.value(QStringLiteral("max-upload-mb"))));
        o.maxUploadBytes = qint64(mib * 1024 * 1024);
    }
    if (parser.isSet(QStringLiteral("max-speech-chars"))) {
        bool ok = false;
        const int chars = parser.value(QStringLiteral("max-speech-chars")).toInt(&ok);
        if (!ok || chars < 1 || chars > 10'000'000)
            return fail(QStringLiteral("--max-speech-chars: \"%1\" is not a number of characters between 1 and 10000000")
                            .arg(parser.value(QStringLiteral("max-speech-chars"))));
        o.maxSpeechChars = chars;
    }
    if (parser.isSet(QStringLiteral("max-audio-seconds"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("max-audio-seconds")).toDouble(&ok);
        if (!ok || !(seconds >= 1) || seconds > 86400)
            return fail(QStringLiteral("--max-audio-seconds: \"%1\" is not a duration in seconds between 1 and 86400")
                            .arg(parser.value(QStringLiteral("max-audio-seconds"))));
        o.maxAudioSeconds = seconds;
    }
    for (const QString &origin : parser.values(QStringLiteral("cors-origin"))) {
        if (origin.trimmed() == QLatin1String("*")) {
            o.corsAnyOrigin = true;
            if (notices)
                notices->append(QStringLiteral("WARNING: --cors-origin '*': every web page opened on a machine that can "
                                               "reach this server can drive it%1.")
                                    .arg(parser.isSet(QStringLiteral("api-key")) || parser.isSet(QStringLiteral("secure"))
                                             ? QString() : QStringLiteral(" (consider --secure)")));
            continue;
        }
        QString normalised;
        if (!OriginPolicy::normaliseOrigin(origin, &normalised))
            return fail(QStringLiteral("--cors-origin: \"%1\" is not an origin such as http://192.168.1.5:8000 "
                                       "(scheme, host and port only) or '*'").arg(origin));
        o.corsOrigins.append(normalised);
    }
    for (const QString &host : parser.values(QStringLiteral("allow-host"))) {
        const QString name = host.trimmed().toLower();
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(' ')))
            return fail(QStringLiteral("--allow-host: \"%1\" is not a host name").arg(host));
        o.allowedHosts.append(name);
    }
    o.privateStream = parser.isSet(QStringLiteral("private-stream"));
    if (o.privateStream && o.apiKey.isEmpty())
        return fail(QStringLiteral("--private-stream needs --api-key or --secure"));
    o.talkingheadLabel = parser.isSet(QStringLiteral("talkinghead-label"));
    if (parser.isSet(QStringLiteral("enable-modules"))) {
        o.modules.clear();
        // Extras strips quotes and splits on commas; spaces around names are tolerated here too.
        const QString list = parser.value(QStringLiteral("enable-modules")).remove(QLatin1Char('"')).remove(QLatin1Char('\''));
        for (QString name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            name = name.trimmed();
            if (!knownModules().contains(name))
                return fail(QStringLiteral("--enable-modules: unknown module \"%1\" (known: %2)")
                                .arg(name, knownModules().join(QStringLiteral(", "))));
            if (!o.modules.contains(name))
                o.modules.append(name);
        }
    }
    return o;
}

} // namespace ths
