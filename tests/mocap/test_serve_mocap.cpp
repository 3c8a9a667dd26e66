// SPDX-License-Identifier: GPL-3.0-or-later
// `serve --mocap` end to end: the real server with the real weights, a VMC sender (liblo) over loopback, the status
// route's "mocap" and "pose", the stream while puppeteered, tracking lost, a busy port, the take it recorded, and
// `render-take` of that take.

#include "support/real_weights.h"

#include <lo/lo.h>

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>

namespace {

quint16 freeUdpPort()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    socklen_t len = sizeof(addr);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// One VMC frame: mouth open on "A", eyes shut, the head turned by `yawDegrees`.
void sendVmcFrame(lo_address target, float open, float yawDegrees)
{
    lo_bundle b = lo_bundle_new(LO_TT_IMMEDIATE);
    const auto blend = [&](const char *name, float v) {
        lo_message m = lo_message_new();
        lo_message_add_string(m, name);
        lo_message_add_float(m, v);
        lo_bundle_add_message(b, "/VMC/Ext/Blend/Val", m);
    };
    blend("A", open);
    blend("Blink", 1.0f);
    lo_bundle_add_message(b, "/VMC/Ext/Blend/Apply", lo_message_new());
    const double half = yawDegrees * M_PI / 360.0;
    lo_message head = lo_message_new();
    lo_message_add_string(head, "Head");
    for (const float v : {0.0f, 1.4f, 0.0f, 0.0f, float(std::sin(half)), 0.0f, float(std::cos(half))})
        lo_message_add_float(head, v);
    lo_bundle_add_message(b, "/VMC/Ext/Bone/Pos", head);
    lo_send_bundle(target, b);
    lo_bundle_free_recursive(b);
}

} // namespace

class TestServeMocap : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QUrl m_base;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;

    QJsonObject backendStatus()
    {
        QNetworkReply *reply = m_nam.get(QNetworkRequest(m_base.resolved(QUrl(QStringLiteral("/api/talkinghead/status")))));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("backend")).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        m_port = freeUdpPort();
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        m_server.start(QStringLiteral(THS_CLI_PATH),
                       {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--image"),
                        QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"), QStringLiteral("--mocap"),
                        QStringLiteral("vmc:%1").arg(m_port), QStringLiteral("--mocap-record"), m_dir.filePath(QStringLiteral("take.jsonl"))});
        QVERIFY(m_server.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] {
            const auto m = QRegularExpression(QStringLiteral("Listening on (http://\\S+)")).match(QString::fromUtf8(m_server.peek(4096)));
            if (m.hasMatch())
                m_base = QUrl(m.captured(1));
            return m.hasMatch() || m_server.state() == QProcess::NotRunning;
        }, 120000), "the server did not start");
        QVERIFY2(m_base.isValid(), m_server.readAllStandardError().constData());
    }

    void statusAndStreamFollowTheTracker()
    {
        // Before any packet: the puppeteer is there, not tracking, no pose yet.
        QJsonObject status = backendStatus();
        QJsonObject mocap = status.value(QStringLiteral("mocap")).toObject();
        QCOMPARE(mocap.value(QStringLiteral("source")).toString(), QStringLiteral("vmc:%1").arg(m_port));
        QCOMPARE(mocap.value(QStringLiteral("tracking")).toBool(), false);
        QVERIFY(status.value(QStringLiteral("pose")).isNull());

        // A viewer, so frames render; the sender at 30 packets/s while we look.
        QNetworkReply *feed = m_nam.get(QNetworkRequest(m_base.resolved(QUrl(QStringLiteral("/api/talkinghead/result_feed")))));
        QByteArray stream;
        connect(feed, &QNetworkReply::readyRead, this, [&] { stream += feed->readAll(); });
        lo_address target = lo_address_new("127.0.0.1", QByteArray::number(m_port).constData());
        int sent = 0;
        QElapsedTimer clock;
        clock.start();
        const auto sendFor = [&](int ms) {
            while (clock.elapsed() < ms) {
                sendVmcFrame(target, 1.0f, 10.0f);
                ++sent;
                QTest::qWait(33);
            }
        };
        sendFor(1500);
        status = backendStatus();
        mocap = status.value(QStringLiteral("mocap")).toObject();
        QCOMPARE(mocap.value(QStringLiteral("packets")).toInt(), sent);
        QCOMPARE(mocap.value(QStringLiteral("rejected")).toInt(), 0);
        QCOMPARE(mocap.value(QStringLiteral("tracking")).toBool(), true);
        QVERIFY(mocap.value(QStringLiteral("last_packet_age_ms")).toDouble() < 1000);
        // "pose": the 45 template names, the tracked face before the idle animation.
        const QJsonObject pose = status.value(QStringLiteral("pose")).toObject();
        QCOMPARE(pose.size(), 45);
        QCOMPARE(pose.value(QStringLiteral("mouth_aaa_index")).toDouble(), 1.0);
        QCOMPARE(pose.value(QStringLiteral("eye_wink_left_index")).toDouble(), 1.0);
        QVERIFY(std::abs(pose.value(QStringLiteral("head_y_index")).toDouble() - 1.0) < 1e-4); // turned 10°: the full range
        QCOMPARE(pose.value(QStringLiteral("breathing_index")).toDouble(), 0.0); // breathing stays the animation's

        // The stream shows frames while puppeteered (rendering takes about a second each on a CPU).
        sendFor(clock.elapsed() + 4000);
        QTRY_VERIFY_WITH_TIMEOUT(stream.count("\x89PNG") >= 1, 60000);
        QVERIFY(backendStatus().value(QStringLiteral("frames_rendered")).toInt() >= 1);

        // A malformed packet is counted and the tracker goes on.
        lo_send(target, "/VMC/Ext/Blend/Val", "ss", "A", "wide");
        QTRY_COMPARE_WITH_TIMEOUT(backendStatus().value(QStringLiteral("mocap")).toObject().value(QStringLiteral("rejected")).toInt(), 1, 5000);

        // Silence: tracking is lost after a second.
        QTest::qWait(1300);
        mocap = backendStatus().value(QStringLiteral("mocap")).toObject();
        QCOMPARE(mocap.value(QStringLiteral("tracking")).toBool(), false);
        QVERIFY(mocap.value(QStringLiteral("last_packet_age_ms")).toDouble() >= 1000);
        lo_address_free(target);
        feed->abort();
        feed->deleteLater();
    }

    void busyPortIsNamed()
    {
        QProcess second;
        second.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                                    QStringLiteral("--mocap"), QStringLiteral("vmc:%1").arg(m_port)});
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(second.exitCode(), 1);
        const QString err = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("--mocap: UDP port %1 is in use").arg(m_port)), qPrintable(err));
        QProcess typo;
        typo.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("serve"), QStringLiteral("--mocap"), QStringLiteral("webcam")});
        QVERIFY(typo.waitForFinished(60000));
        QCOMPARE(typo.exitCode(), 2);
        QVERIFY(typo.readAllStandardError().contains("--mocap: \"webcam\": expected"));
    }

    // The server recorded the take as it went; render-take renders it to numbered frames.
    void recordedTakeRenders()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(60000));
        const QString take = m_dir.filePath(QStringLiteral("take.jsonl"));
        QFile file(take);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QVERIFY2(lines.size() > 60, qPrintable(QStringLiteral("%1 lines").arg(lines.size())));
        QVERIFY(lines.first().contains("\"source\":\"vmc\""));
        // Cut it to its first half second of packets (the rest renders the same way, a second a frame on a CPU).
        QFile shortTake(m_dir.filePath(QStringLiteral("short.jsonl")));
        QVERIFY(shortTake.open(QIODevice::WriteOnly));
        const double first = QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("t")).toDouble();
        QVERIFY(first > 0); // recording began before the model loaded
        for (const QByteArray &line : lines)
            if (line.startsWith("{\"take\"") || QJsonDocument::fromJson(line).object().value(QStringLiteral("t")).toDouble() <= first + 0.5)
                shortTake.write(line + '\n');
        shortTake.close();
        QProcess render;
        const QString out = m_dir.filePath(QStringLiteral("frames"));
        render.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("render-take"), QStringLiteral("--input"), shortTake.fileName(),
                                                    QStringLiteral("--output-dir"), out, QStringLiteral("--fps"), QStringLiteral("4"),
                                                    QStringLiteral("--image"), QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")});
        QVERIFY(render.waitForFinished(300000));
        QVERIFY2(render.exitCode() == 0, render.readAllStandardError().constData());
        const QStringList frames = QDir(out).entryList({QStringLiteral("frame_*.png")}, QDir::Files, QDir::Name);
        QVERIFY2(frames.size() >= 2 && frames.first() == QLatin1String("frame_000000.png"), qPrintable(frames.join(QLatin1Char(' '))));
        QCOMPARE(QImage(QDir(out).filePath(frames.first())).size(), QSize(512, 512));
        // A missing take is an error naming the file.
        QProcess rest;
        rest.start(QStringLiteral(THS_CLI_PATH), {QStringLiteral("render-take"), QStringLiteral("--input"), QStringLiteral("/nonexistent.jsonl"),
                                                  QStringLiteral("--output-dir"), out});
        QVERIFY(rest.waitForFinished(60000));
        QCOMPARE(rest.exitCode(), 1);
        QVERIFY(rest.readAllStandardError().contains("/nonexistent.jsonl"));
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::Running) {
            m_server.terminate();
            m_server.waitForFinished(60000);
        }
    }
};

QTEST_MAIN(TestServeMocap)
#include "test_serve_mocap.moc"
