// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of `talkinghead-studio serve` with the real networks: time from load to the first frame, rendered and
// shown fps while idle, talking and speaking (the speech atlas cold, warm and across an emotion change mid-sentence),
// the pose error of the atlas frames, send rate and server CPU per sent frame with 1 and 8 result_feed viewers, and
// with one viewer that asks for new frames only (?repeat=0, as /view and our SillyTavern extension do).
// Prints one line per figure. Usage: bench_serve [seconds per phase, default 10]

#include "support/serve_process.h"

#include <QCoreApplication>
#include <QDirIterator>
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

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <unistd.h>

namespace {

QNetworkAccessManager *nam;
QUrl base;

QByteArray waitBody(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    reply->deleteLater();
    return reply->readAll();
}

QJsonObject status()
{
    return QJsonDocument::fromJson(waitBody(nam->get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api/talkinghead/status")))))))
        .object();
}

QJsonObject backendStatus()
{
    return status().value(QStringLiteral("backend")).toObject();
}

double framesRendered()
{
    return backendStatus().value(QStringLiteral("frames_rendered")).toDouble();
}

void sleepMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU seconds (user + system) used so far by `pid`.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// A result_feed viewer on a raw socket (QNetworkAccessManager opens at most 6 connections per host, and the
// status requests need one too).
struct Viewer {
    QTcpSocket socket;
    qint64 parts = 0;
    QByteArray tail;
};
const QByteArray kPartHeader = QByteArrayLiteral("--frame\r\n");

qint64 folderBytes(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    QNetworkAccessManager manager;
    nam = &manager;

    QTemporaryDir atlasDir; // a cold atlas: the first sentence shows what a new character or emotion costs
    QProcess server;
    base = ths::test::startServe(server, QStringLiteral(THS_CLI_PATH), atlasDir.path());
    if (!base.isValid()) {
        std::fprintf(stderr, "the server did not start: %s\n", server.readAllStandardError().constData());
        return 1;
    }

    // load → first frame
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"lambda_00.png\""));
    QFile image(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
    image.open(QIODevice::ReadOnly);
    part.setBody(image.readAll());
    multi->append(part);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *load = manager.post(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api/talkinghead/load")))), multi);
    multi->setParent(load);
    waitBody(load);
    while (framesRendered() < 1 && timer.elapsed() < 60000)
        sleepMs(10);
    std::printf("load_to_first_frame_ms=%lld\n", timer.elapsed());

    std::vector<std::unique_ptr<Viewer>> viewers;
    // `query`: "?repeat=0" for the viewers our own pages are (only new frames).
    auto addViewers = [&](int n, const QByteArray &query = {}) {
        while (int(viewers.size()) < n) {
            auto v = std::make_unique<Viewer>();
            Viewer *raw = v.get();
            QObject::connect(&raw->socket, &QTcpSocket::readyRead, [raw] {
                const QByteArray data = raw->tail + raw->socket.readAll();
                raw->parts += data.count(kPartHeader);
                raw->tail = data.right(kPartHeader.size() - 1); // a header split across reads is counted once
            });
            raw->socket.connectToHost(base.host(), quint16(base.port()));
            raw->socket.waitForConnected(5000);
            raw->socket.write("GET /api/talkinghead/result_feed" + query + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            viewers.push_back(std::move(v));
        }
    };
    auto count = [](const QJsonObject &s, const char *key) { return s.value(QLatin1String(key)).toDouble(); };
    auto atlasCount = [](const QJsonObject &s, const char *key) {
        return s.value(QStringLiteral("speech_atlas")).toObject().value(QLatin1String(key)).toDouble();
    };
    // `during` runs at the start of the measured time (e.g. a speak request) and may return the phase's length in
    // seconds (0: `phaseSeconds`); `settleMs` before it.
    auto phase = [&](const char *label, double phaseSeconds, const std::function<double()> &during, int settleMs) {
        sleepMs(settleMs);
        const QJsonObject s0 = backendStatus();
        const double c0 = cpuSeconds(server.processId());
        std::vector<qint64> p0;
        for (auto &v : viewers)
            p0.push_back(v->parts);
        QElapsedTimer clock;
        clock.start();
        if (during)
            if (const double wanted = during(); wanted > 0)
                phaseSeconds = wanted;
        sleepMs(std::max(0, int(phaseSeconds * 1000 - clock.elapsed())));
        const double elapsed = clock.elapsed() / 1000.0;
        const QJsonObject s1 = backendStatus();
        const double cpu = cpuSeconds(server.processId()) - c0;
        const double rendered = count(s1, "frames_rendered") - count(s0, "frames_rendered");
        const double shown = count(s1, "frames_shown") - count(s0, "frames_shown");
        const double distinct = count(s1, "distinct_frames_shown") - count(s0, "distinct_frames_shown");
        const double fromAtlas = atlasCount(s1, "frames_from_atlas") - atlasCount(s0, "frames_from_atlas");
        double sent = 0;
        for (size_t i = 0; i < viewers.size(); ++i)
            sent += double(viewers[i]->parts - p0[i]);
        std::printf("%s: viewers=%zu render_fps=%.2f shown_fps=%.2f distinct_fps=%.2f atlas_frames=%.0f atlas_cells=%.0f "
                    "send_fps_per_viewer=%.2f server_cpu_percent=%.0f cpu_ms_per_sent_frame=%.1f cpu_ms_per_rendered_frame=%.0f\n",
                    label, viewers.size(), rendered / elapsed, shown / elapsed, distinct / elapsed, fromAtlas,
                    atlasCount(s1, "cells_ready"), sent / viewers.size() / elapsed, 100 * cpu / elapsed,
                    sent > 0 ? 1000 * cpu / sent : 0.0, rendered > 0 ? 1000 * cpu / rendered : 0.0);
        std::fflush(stdout);
    };
    auto get = [&](const char *path) { waitBody(manager.get(QNetworkRequest(base.resolved(QUrl(QLatin1String(path)))))); };
    auto post = [&](const char *path, const QJsonObject &body) {
        QNetworkRequest request(base.resolved(QUrl(QLatin1String(path))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return waitBody(manager.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    };
    // About 12 s of speech.
    const QString sentence = QStringLiteral(
        "Good evening! I have been waiting for you all day, and I am so glad that you finally came back. Tell me "
        "everything about your journey, the mountains, the rivers and the people you met on the way.");
    // Speaks the sentence; returns how long it lasts (the WAV's data size over its byte rate).
    auto speak = [&] {
        const QByteArray wav = post("/api/talkinghead/speak", QJsonObject{{QStringLiteral("text"), sentence}});
        if (wav.size() < 44 || !wav.startsWith("RIFF"))
            return 0.0;
        quint32 byteRate = 0;
        std::memcpy(&byteRate, wav.constData() + 28, 4);
        return byteRate ? double(wav.size() - 44) / byteRate : 0.0;
    };

    addViewers(1);
    // The atlas is empty: the first sentence renders the cells it needs as it goes.
    phase("speaking, cold atlas", 0, speak, 0);
    phase("idle (blink, breathing, sway; atlas filling)", seconds, nullptr, 2000);
    phase("speaking, warm atlas", 0, speak, 2000);
    // A new emotion mid-sentence: its cells are rendered (or read from disk) as the sentence goes on.
    phase("speaking, emotion change after 3 s", 0, [&] {
        const double length = speak();
        sleepMs(3000);
        post("/api/talkinghead/set_emotion", QJsonObject{{QStringLiteral("emotion_name"), QStringLiteral("joy")}});
        return length;
    }, 2000);
    const QJsonObject atlas = backendStatus().value(QStringLiteral("speech_atlas")).toObject();
    std::printf("speech atlas: mouth_error_mean=%.3f pose_error_mean=%.3f pose_error_max=%.3f cells_rendered=%.0f disk_bytes=%lld\n",
                atlas.value(QStringLiteral("mouth_error_mean")).toDouble(),
                atlas.value(QStringLiteral("pose_error_mean")).toDouble(), atlas.value(QStringLiteral("pose_error_max")).toDouble(),
                atlas.value(QStringLiteral("cells_rendered")).toDouble(), folderBytes(atlasDir.path()));
    post("/api/talkinghead/set_emotion", QJsonObject{{QStringLiteral("emotion_name"), QStringLiteral("neutral")}});
    get("/api/talkinghead/start_talking");
    phase("talking (random mouth)", seconds, nullptr, 2000);
    get("/api/talkinghead/stop_talking");
    phase("idle", seconds, nullptr, 2000);
    addViewers(8);
    phase("idle", seconds, nullptr, 2000);
    viewers.clear();
    addViewers(1, "?repeat=0");
    phase("idle, viewer with repeat=0", seconds, nullptr, 2000);

    QFile procStatus(QStringLiteral("/proc/%1/status").arg(server.processId()));
    if (procStatus.open(QIODevice::ReadOnly))
        for (const QByteArray &line : procStatus.readAll().split('\n'))
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                std::printf("server %s\n", line.simplified().constData());
    viewers.clear();
    server.terminate();
    server.waitForFinished(30000);
    return 0;
}
