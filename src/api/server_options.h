// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server's settings and their command-line options (for the `serve` subcommand, which the application wires:
// it adds these options to its own parser next to the engine's).
//
//   --host ADDR          interface to bind (default 127.0.0.1)
//   --port N             TCP port (default 5100; 0 picks a free one)
//   --listen             bind all interfaces (0.0.0.0 and ::), with a printed warning
//   --api-key KEY        require "Authorization: Bearer KEY" (all routes but result_feed and CORS preflight)
//   --secure             like --api-key with a freshly generated key, which is printed
//   --max-upload-mb N    request body limit in MiB (default 20) → 413 above it
//   --max-speech-chars N longest text POST speak accepts (default 5000) → 413 above it
//   --max-audio-seconds N longest audio POST lipsync accepts (default 600) → 413 above it
//   --enable-modules L   comma-separated, of classify,talkinghead (default both; the order is kept)
//   --cors-origin URL    also allow web pages from this origin (repeatable; loopback origins are always allowed);
//                        '*' allows every origin, with a printed warning
//   --allow-host NAME    also accept this name in the Host header (repeatable; for tunnels and proxies)
//   --private-stream     with a key: result_feed requires it too (as ?key=KEY, since an <img> sends no headers)
//   --talkinghead-label  list "talkinghead" after the 28 emotions in /api/classify/labels, as Extras did: the
//                        talkinghead client built into SillyTavern <= 1.12.12 needs it to find talkinghead.png;
//                        newer SillyTavern shows it as a bogus sprite slot, so it is off by default

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace ths {

struct ServerOptions {
    static constexpr quint16 kDefaultPort = 5100;
    static constexpr qint64 kDefaultMaxUploadBytes = 20 * 1024 * 1024;
    static constexpr int kDefaultMaxSpeechChars = 5000;
    static constexpr double kDefaultMaxAudioSeconds = 600.0;

    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = kDefaultPort;
    QString apiKey;                 // empty: no authentication (Extras' default)
    qint64 maxUploadBytes = kDefaultMaxUploadBytes;
    int maxSpeechChars = kDefaultMaxSpeechChars;       // characters (UTF-16 code units) of POST speak's text
    double maxAudioSeconds = kDefaultMaxAudioSeconds;  // POST lipsync's decoded audio
    QStringList modules = {QStringLiteral("classify"), QStringLiteral("talkinghead")};
    QStringList corsOrigins;        // besides loopback origins (see OriginPolicy)
    bool corsAnyOrigin = false;     // --cors-origin '*'
    QStringList allowedHosts;       // Host header names besides this server's own
    bool privateStream = false;     // with apiKey: result_feed (and /view) need the key too
    bool talkingheadLabel = false;  // /api/classify/labels ends with "talkinghead" (SillyTavern <= 1.12.12)
    // Transport limits (no command-line options; tests shorten them): a request head must be complete this long
    // after its first byte, a body must make progress this often (408 otherwise), an idle keep-alive connection
    // is closed after idleTimeoutMs; connections over a cap get 503.
    int headerTimeoutMs = 15000;
    int bodyTimeoutMs = 15000;
    int idleTimeoutMs = 60000;
    int maxConnections = 256;
    int maxConnectionsPerAddress = 64;

    // The modules this server can serve, in the order /api/modules lists them.
    static QStringList knownModules();
    // 32 random hex digits (128 bits) from the system's secure generator.
    static QString generateApiKey();

    // Adds the options above to `parser`.
    static void addOptions(QCommandLineParser &parser);
    // Reads them back after parser.process()/parse(). nullopt with the reason in *error on a bad value (names the
    // option); *notices gets what must be printed at start (the --listen warning, a generated key).
    static std::optional<ServerOptions> fromParser(const QCommandLineParser &parser, QString *error,
                                                   QStringList *notices = nullptr);
};

} // namespace ths
