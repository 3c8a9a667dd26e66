// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of `talkinghead-studio serve` with the real networks: time from load to the first frame, rendered fps
// while idle and while talking, send rate and server CPU per sent frame with 1 and 8 result_feed viewers.
// Prints one line per figure. Usage: bench_serve [seconds per phase, default 10]

#include <QCoreApplication>
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
#include <QTimer>

#include <cstdio>
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

double framesRendered()
{
    return status().value(QStringLiteral("backend")).toObject().value(QStringLiteral("frames_rendered")).toDouble();
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, atoi(argv[1])) : 10;
    QNetworkAccessManager manager;
    nam = &manager;

    QProcess server;
    server.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 60000) {
        server.waitForReadyRead(200);
        const auto m = QRegularExpression(QStringLiteral("Listening on (http://\\S+)")).match(QString::fromUtf8(server.peek(4096)));
        if (m.hasMatch()) {
            base = QUrl(m.captured(1));
            break;
        }
    }
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
    auto addViewers = [&](int n) {
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
            raw->socket.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            viewers.push_back(std::move(v));
        }
    };
    auto phase = [&](const char *label) {
        sleepMs(2000); // settle
        const double f0 = framesRendered(), c0 = cpuSeconds(server.processId());
        std::vector<qint64> p0;
        for (auto &v : viewers)
            p0.push_back(v->parts);
        sleepMs(seconds * 1000);
        const double frames = framesRendered() - f0, cpu = cpuSeconds(server.processId()) - c0;
        double sent = 0;
        for (size_t i = 0; i < viewers.size(); ++i)
            sent += double(viewers[i]->parts - p0[i]);
        std::printf("%s: viewers=%zu render_fps=%.2f send_fps_per_viewer=%.2f server_cpu_percent=%.0f cpu_ms_per_sent_frame=%.1f "
                    "cpu_ms_per_rendered_frame=%.0f\n",
                    label, viewers.size(), frames / seconds, sent / viewers.size() / seconds, 100 * cpu / seconds,
                    sent > 0 ? 1000 * cpu / sent : 0.0, frames > 0 ? 1000 * cpu / frames : 0.0);
        std::fflush(stdout);
    };

    addViewers(1);
    phase("idle (blink, breathing, sway)");
    waitBody(manager.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api/talkinghead/start_talking"))))));
    phase("talking");
    waitBody(manager.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api/talkinghead/stop_talking"))))));
    addViewers(8);
    phase("idle");

    viewers.clear();
    server.terminate();
    server.waitForFinished(30000);
    return 0;
}
