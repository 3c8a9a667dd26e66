// SPDX-License-Identifier: GPL-3.0-or-later
// Soak benchmark of `talkinghead-studio serve` with the real networks (issue 10, "Tests and figures"). For N minutes
// the server runs the example character under
//   - 8 result_feed viewers on raw sockets: 6 read everything, 2 are slow (16 KB every 2 s, so the server has to
//     drop frames for them); the parts (boundary --frame) each receives are counted;
//   - a request driver: every 0.5 s one of status, set_emotion (cycling emotions), start_talking, stop_talking,
//     speak (a short text) and classify; every 60 s an unload followed by a load;
// and prints one line a minute: the server's RSS, threads and open descriptors, each viewer's parts/s and the
// requests answered ok/failed in that minute. At the end: the RSS growth from minute 2 to the end (issue 10 wants
// < 5 % over >= 20 minutes), the requests by endpoint and status code, then SIGTERM and how long the server took
// to exit, and its exit code.
// Not a ctest test. Usage: build/tests/app/bench_soak [--minutes N]   (default 20; fractions such as 0.5 work)

#include "support/serve_process.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr int kFastViewers = 6;
constexpr int kSlowViewers = 2;
constexpr qint64 kSlowReadBytes = 16 * 1024; // what a slow viewer reads ...
constexpr int kSlowReadIntervalMs = 2000;    // ... this often
constexpr int kRequestIntervalMs = 500;
constexpr int kReloadIntervalMs = 60000;
constexpr int kSampleIntervalMs = 60000;
constexpr int kRequestTimeoutMs = 60000; // a request without an answer by then counts as failed (a stall)
const QByteArray kPartHeader = QByteArrayLiteral("--frame\r\n");

// The server process's figures from /proc.
struct ProcSample {
    double rssMb = 0;
    int threads = 0;
    int fds = 0;
};

ProcSample sampleProcess(qint64 pid)
{
    ProcSample s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (line.startsWith("VmRSS:"))
                s.rssMb = fields.value(1).toDouble() / 1024.0; // kB
            else if (line.startsWith("Threads:"))
                s.threads = fields.value(1).toInt();
        }
    s.fds = int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
    return s;
}

// A result_feed viewer on a raw socket (QNetworkAccessManager opens at most 6 connections per host, and the driver
// needs them). A viewer the server closes is reconnected after a second, and counted.
struct Viewer {
    bool slow = false;
    QTcpSocket socket;
    QTimer slowReader;
    qint64 parts = 0;
    qint64 partsAtSample = 0;
    qint64 bytes = 0;
    int reconnects = 0;
    QByteArray tail;

    void consume(const QByteArray &chunk)
    {
        bytes += chunk.size();
        const QByteArray data = tail + chunk;
        parts += data.count(kPartHeader);
        tail = data.right(kPartHeader.size() - 1); // a header split across reads is counted once
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double minutes = 20;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--minutes" && i + 1 < argc) {
            minutes = QByteArray(argv[++i]).toDouble();
        } else {
            std::fprintf(stderr, "usage: %s [--minutes N]   (default 20)\n", argv[0]);
            return 2;
        }
    }
    if (minutes <= 0) {
        std::fprintf(stderr, "--minutes must be > 0\n");
        return 2;
    }
    const qint64 durationMs = qint64(minutes * 60000);

    // The server, with a cold speech atlas of its own.
    QTemporaryDir atlasDir;
    QProcess server;
    const QUrl base = ths::test::startServe(server, QStringLiteral(THS_CLI_PATH), atlasDir.path());
    if (!base.isValid()) {
        std::fprintf(stderr, "the server did not start: %s\n", server.readAllStandardError().constData());
        return 1;
    }
    const qint64 pid = server.processId();
    std::printf("server pid=%lld at %s, soak of %.2f min\n", pid, qPrintable(base.toString()), minutes);
    std::fflush(stdout);

    // The server's output: kept (the last lines are printed at the end) so that its pipes never fill.
    qint64 serverLines = 0;
    QStringList serverTail;
    auto keepServerOutput = [&](const QByteArray &text) {
        for (const QByteArray &line : text.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            ++serverLines;
            serverTail.append(QString::fromUtf8(line));
            if (serverTail.size() > 20)
                serverTail.removeFirst();
        }
    };
    server.readAllStandardOutput(); // the "Listening on" line
    QObject::connect(&server, &QProcess::readyReadStandardOutput, [&] { keepServerOutput(server.readAllStandardOutput()); });
    QObject::connect(&server, &QProcess::readyReadStandardError, [&] { keepServerOutput(server.readAllStandardError()); });

    QNetworkAccessManager nam;
    auto request = [&](const char *path) {
        QNetworkRequest r(base.resolved(QUrl(QLatin1String(path))));
        r.setTransferTimeout(kRequestTimeoutMs);
        return r;
    };
    QFile imageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
    if (!imageFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(imageFile.fileName()));
        return 1;
    }
    const QByteArray image = imageFile.readAll();
    auto postLoad = [&] {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"lambda_00.png\""));
        part.setBody(image);
        multi->append(part);
        QNetworkReply *reply = nam.post(request("/api/talkinghead/load"), multi);
        multi->setParent(reply);
        return reply;
    };
    auto postJson = [&](const char *path, const QJsonObject &body) {
        QNetworkRequest r = request(path);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };

    // The first load, and the first frame, before anything is measured.
    {
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = postLoad();
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (code != 200) {
            std::fprintf(stderr, "the first load failed: HTTP %d %s\n", code, qPrintable(reply->errorString()));
            return 1;
        }
        double rendered = 0;
        while (rendered < 1 && t.elapsed() < 60000) {
            QNetworkReply *s = nam.get(request("/api/talkinghead/status"));
            QEventLoop l;
            QObject::connect(s, &QNetworkReply::finished, &l, &QEventLoop::quit);
            l.exec();
            rendered = QJsonDocument::fromJson(s->readAll()).object().value(QStringLiteral("backend")).toObject()
                           .value(QStringLiteral("frames_rendered")).toDouble();
            s->deleteLater();
            QEventLoop pause;
            QTimer::singleShot(50, &pause, &QEventLoop::quit);
            pause.exec();
        }
        std::printf("loaded; first frame after %lld ms\n", t.elapsed());
        std::fflush(stdout);
    }

    // Viewers.
    bool stopping = false;
    const QByteArray feedRequest = QStringLiteral("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: %1:%2\r\n\r\n")
                                       .arg(base.host()).arg(base.port()).toLatin1();
    std::vector<std::unique_ptr<Viewer>> viewers;
    for (int i = 0; i < kFastViewers + kSlowViewers; ++i) {
        auto v = std::make_unique<Viewer>();
        Viewer *raw = v.get();
        raw->slow = i >= kFastViewers;
        QObject::connect(&raw->socket, &QTcpSocket::connected, [raw, &feedRequest] {
            raw->tail.clear();
            raw->socket.write(feedRequest);
        });
        QObject::connect(&raw->socket, &QTcpSocket::disconnected, [raw, &stopping, &base] {
            if (stopping)
                return;
            ++raw->reconnects;
            QTimer::singleShot(1000, &raw->socket, [raw, &base] { raw->socket.connectToHost(base.host(), quint16(base.port())); });
        });
        if (raw->slow) {
            // Qt stops taking bytes off the socket once its buffer holds this much: the kernel's buffers fill and the
            // server sees a reader that does not keep up.
            raw->socket.setReadBufferSize(kSlowReadBytes);
            raw->slowReader.setInterval(kSlowReadIntervalMs);
            QObject::connect(&raw->slowReader, &QTimer::timeout, [raw] { raw->consume(raw->socket.read(kSlowReadBytes)); });
            raw->slowReader.start();
        } else {
            QObject::connect(&raw->socket, &QTcpSocket::readyRead, [raw] { raw->consume(raw->socket.readAll()); });
        }
        raw->socket.connectToHost(base.host(), quint16(base.port()));
        viewers.push_back(std::move(v));
    }

    // Request driver: answers by endpoint and status code (0: no HTTP answer: a network error or a timeout).
    std::map<QString, std::map<int, qint64>> answers;
    qint64 okTotal = 0, failedTotal = 0, okMinute = 0, failedMinute = 0, maxLatencyMinute = 0;
    int inFlight = 0;
    auto track = [&](QNetworkReply *reply, const QString &endpoint, std::function<void()> then = {}) {
        ++inFlight;
        auto *clock = new QElapsedTimer;
        clock->start();
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, endpoint, clock, then] {
            --inFlight;
            maxLatencyMinute = std::max(maxLatencyMinute, clock->elapsed());
            delete clock;
            const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++answers[endpoint][code];
            if (code >= 200 && code < 300) {
                ++okTotal;
                ++okMinute;
            } else {
                ++failedTotal;
                ++failedMinute;
            }
            reply->readAll();
            reply->deleteLater();
            if (then && !stopping)
                then();
        });
    };
    const QStringList emotions = {QStringLiteral("joy"), QStringLiteral("anger"), QStringLiteral("surprise"),
                                  QStringLiteral("sadness"), QStringLiteral("neutral")};
    const QStringList texts = {QStringLiteral("Hello there, how are you today?"),
                               QStringLiteral("I am so angry that the train was late again."),
                               QStringLiteral("What a lovely surprise to see you!"),
                               QStringLiteral("That is sad news, I am sorry to hear it.")};
    int step = 0, emotionIndex = 0, textIndex = 0;
    QTimer driver;
    driver.setInterval(kRequestIntervalMs);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        switch (step++ % 6) {
        case 0:
            track(nam.get(request("/api/talkinghead/status")), QStringLiteral("status"));
            break;
        case 1:
            track(postJson("/api/talkinghead/set_emotion", {{QStringLiteral("emotion_name"), emotions[emotionIndex++ % emotions.size()]}}),
                  QStringLiteral("set_emotion"));
            break;
        case 2:
            track(nam.get(request("/api/talkinghead/start_talking")), QStringLiteral("start_talking"));
            break;
        case 3:
            track(nam.get(request("/api/talkinghead/stop_talking")), QStringLiteral("stop_talking"));
            break;
        case 4:
            track(postJson("/api/talkinghead/speak", {{QStringLiteral("text"), texts[textIndex++ % texts.size()]}}),
                  QStringLiteral("speak"));
            break;
        case 5:
            track(postJson("/api/classify", {{QStringLiteral("text"), texts[textIndex % texts.size()]}}), QStringLiteral("classify"));
            break;
        }
    });
    QTimer reloader;
    reloader.setInterval(kReloadIntervalMs);
    QObject::connect(&reloader, &QTimer::timeout, [&] {
        track(nam.get(request("/api/talkinghead/unload")), QStringLiteral("unload"),
              [&] { track(postLoad(), QStringLiteral("load")); });
    });

    // Once a minute (and for a last partial minute of at least 5 s): the server's figures and the viewers' rates.
    struct Line {
        int minute;
        ProcSample proc;
    };
    std::vector<Line> samples;
    QElapsedTimer soakClock, sampleClock;
    auto sample = [&] {
        const double seconds = sampleClock.restart() / 1000.0;
        const ProcSample p = sampleProcess(pid);
        const int minute = int(samples.size()) + 1;
        samples.push_back({minute, p});
        QString fast, slow;
        int reconnects = 0;
        for (auto &v : viewers) {
            (v->slow ? slow : fast) += QStringLiteral(" %1").arg(double(v->parts - v->partsAtSample) / seconds, 0, 'f', v->slow ? 2 : 1);
            v->partsAtSample = v->parts;
            reconnects += v->reconnects;
        }
        std::printf("minute=%d secs=%.0f rss_mb=%.1f threads=%d fds=%d fast_parts_per_s=[%s] slow_parts_per_s=[%s] "
                    "requests_ok=%lld requests_failed=%lld in_flight=%d max_latency_ms=%lld viewer_reconnects=%d\n",
                    minute, seconds, p.rssMb, p.threads, p.fds, qPrintable(fast.trimmed()), qPrintable(slow.trimmed()),
                    okMinute, failedMinute, inFlight, maxLatencyMinute, reconnects);
        std::fflush(stdout);
        okMinute = failedMinute = maxLatencyMinute = 0;
    };
    QTimer sampler;
    sampler.setInterval(kSampleIntervalMs);
    QObject::connect(&sampler, &QTimer::timeout, sample);

    QEventLoop soak;
    QTimer::singleShot(durationMs, &soak, &QEventLoop::quit);
    QObject::connect(&server, &QProcess::finished, &soak, &QEventLoop::quit); // a crash ends the soak
    soakClock.start();
    sampleClock.start();
    driver.start();
    reloader.start();
    sampler.start();
    soak.exec();
    const bool serverDied = server.state() == QProcess::NotRunning;
    driver.stop();
    reloader.stop();
    sampler.stop();
    if (!serverDied && sampleClock.elapsed() >= 5000)
        sample();

    if (serverDied) {
        std::printf("THE SERVER EXITED during the soak after %.1f s: exit code %d, %s\n", soakClock.elapsed() / 1000.0,
                    server.exitCode(), server.exitStatus() == QProcess::CrashExit ? "crashed" : "normal exit");
    } else {
        // Let the requests in flight finish (the driver has stopped).
        QElapsedTimer drain;
        drain.start();
        while (inFlight > 0 && drain.elapsed() < kRequestTimeoutMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    }

    // Summary.
    if (!samples.empty()) {
        const Line &from = samples.size() >= 3 ? samples[1] : samples.front();
        const Line &to = samples.back();
        std::printf("rss_growth_percent=%.2f (minute %d: %.1f MB -> minute %d: %.1f MB)%s\n",
                    from.proc.rssMb > 0 ? 100.0 * (to.proc.rssMb - from.proc.rssMb) / from.proc.rssMb : 0.0, from.minute,
                    from.proc.rssMb, to.minute, to.proc.rssMb,
                    samples.size() >= 3 ? "" : " [run too short to start at minute 2]");
    }
    qint64 parts = 0;
    QString perViewer;
    for (auto &v : viewers) {
        parts += v->parts;
        perViewer += QStringLiteral(" %1%2=%3").arg(v->slow ? QStringLiteral("slow") : QStringLiteral("fast")).arg(&v - &viewers[0]).arg(v->parts);
    }
    std::printf("viewer_parts_total=%lld per viewer:%s\n", parts, qPrintable(perViewer));
    std::printf("requests_total=%lld requests_failed=%lld still_in_flight=%d\n", okTotal + failedTotal, failedTotal, inFlight);
    for (const auto &[endpoint, codes] : answers) {
        QString line;
        for (const auto &[code, n] : codes)
            line += QStringLiteral(" %1:%2").arg(code == 0 ? QStringLiteral("no_answer") : QString::number(code)).arg(n);
        std::printf("  %s%s\n", qPrintable(endpoint), qPrintable(line));
    }
    std::fflush(stdout);

    // SIGTERM with the viewers still connected.
    stopping = true;
    int exitCode = server.exitCode();
    if (!serverDied) {
        QElapsedTimer exitClock;
        exitClock.start();
        server.terminate();
        const bool exited = server.waitForFinished(60000);
        exitCode = server.exitCode();
        if (exited)
            std::printf("sigterm: exited in %lld ms, exit code %d%s\n", exitClock.elapsed(), exitCode,
                        server.exitStatus() == QProcess::CrashExit ? " (crash exit)" : "");
        else {
            std::printf("sigterm: the server had not exited after %lld ms; killed\n", exitClock.elapsed());
            server.kill();
            server.waitForFinished(5000);
        }
    }
    keepServerOutput(server.readAllStandardOutput());
    keepServerOutput(server.readAllStandardError());
    std::printf("server output: %lld lines; the last %lld:\n", serverLines, qint64(serverTail.size()));
    for (const QString &line : serverTail)
        std::printf("  | %s\n", qPrintable(line));
    viewers.clear();
    return serverDied ? 1 : 0;
}
