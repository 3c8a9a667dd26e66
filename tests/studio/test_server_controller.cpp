// SPDX-License-Identifier: GPL-3.0-or-later
// The server panel's controller with the real parts: the embedded ApiServer on a LiveCharacter with the real
// networks, answered over loopback (QNetworkAccessManager, a raw result_feed connection), its request log, viewer
// count, API key, errors for a taken port, a port freed by stop(), and the address persisted.

#include "engine/poser.h"
#include "live/live_character.h"
#include "http/api_server.h"
#include "studio/server_controller.h"

#include "support/real_weights.h"

#include <QClipboard>
#include <QFile>
#include <QJsonDocument>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QDir>
#include <QUrl>
#include <QTest>

using namespace ths;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
};

// A GET over loopback; spins the event loop (the server runs on this thread).
Reply get(const QString &url, const QByteArray &bearer = {}, const QByteArray &origin = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestServerController : public QObject
{
    Q_OBJECT

    std::unique_ptr<LiveCharacter> m_live;

    std::unique_ptr<ServerController> makeController()
    {
        auto c = std::make_unique<ServerController>(false);
        c->setLiveCharacter(m_live.get());
        c->setPort(0);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ths-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_server_controller"));
        QSettings().clear();
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_live = std::make_unique<LiveCharacter>(std::make_unique<Poser>(options), QStringLiteral("separable_float"));
        auto loaded = m_live->loadImage(readAll(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")),
                                        QStringLiteral("lambda_00.png"));
        QVERIFY(QTest::qWaitFor([&] { return loaded.isFinished(); }, 60000));
        QVERIFY2(loaded.result().ok, qPrintable(loaded.result().error));
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        m_live.reset();
    }

    void servesAndLogsRequests()
    {
        auto c = makeController();
        QSignalSpy running(c.get(), &ServerController::runningChanged);
        QVERIFY2(c->start(), qPrintable(c->error()));
        QVERIFY(c->running());
        QCOMPARE(running.count(), 1);
        QVERIFY(c->server()->port() != 0); // port 0 picked a free one
        QCOMPARE(c->url(), QStringLiteral("http://127.0.0.1:%1").arg(c->server()->port()));
        QCOMPARE(c->error(), QString());

        const Reply modules = get(c->url() + QStringLiteral("/api/modules"));
        QCOMPARE(modules.status, 200);
        QVERIFY(modules.body.contains("talkinghead"));
        QCOMPARE(c->recentRequests().size(), 1);
        static const QRegularExpression line(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d GET /api/modules → 200 \\(\\d+ ms\\)$"));
        QVERIFY2(line.match(c->recentRequests().first()).hasMatch(), qPrintable(c->recentRequests().first()));

        // The talkinghead module is the studio's live character; newest requests first.
        QCOMPARE(get(c->url() + QStringLiteral("/api/talkinghead/status")).status, 200);
        QCOMPARE(get(c->url() + QStringLiteral("/api/nothing-here")).status, 404);
        QCOMPARE(c->recentRequests().size(), 3);
        QVERIFY2(c->recentRequests().first().contains(QStringLiteral("GET /api/nothing-here → 404")),
                 qPrintable(c->recentRequests().first()));
        QVERIFY(c->recentRequests().at(1).contains(QStringLiteral("/api/talkinghead/status → 200")));
        c->clearRecentRequests();
        QVERIFY(c->recentRequests().isEmpty());
        c->stop();
        QVERIFY(!c->running());
        QCOMPARE(running.count(), 2);
    }

    void keepsAtMostHundredLines()
    {
        auto c = makeController();
        QVERIFY2(c->start(), qPrintable(c->error()));
        for (int i = 0; i < ServerController::kMaxRecentRequests + 5; ++i)
            c->server()->requestHandled(QStringLiteral("GET"), QStringLiteral("/api/%1").arg(i), 200, 1.0);
        QCOMPARE(c->recentRequests().size(), ServerController::kMaxRecentRequests);
        QVERIFY(c->recentRequests().first().contains(QStringLiteral("/api/104 ")));
    }

    // A real result_feed connection counts as a viewer, makes the character render and gets its frames.
    void countsViewersAndStreamsTheCharacter()
    {
        auto c = makeController();
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(c->viewers(), 0);
        QSignalSpy viewers(c.get(), &ServerController::viewersChanged);
        QTcpSocket feed;
        feed.connectToHost(QHostAddress::LocalHost, c->server()->port());
        QVERIFY(feed.waitForConnected(10000));
        feed.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return c->viewers() == 1; }, 10000));
        QByteArray received;
        const bool gotFrames = QTest::qWaitFor([&] { received += feed.readAll(); return received.count("\x89PNG") >= 2; }, 20000);
        QVERIFY2(gotFrames, QJsonDocument(m_live->status()).toJson().constData());
        QVERIFY(received.startsWith("HTTP/1.1 200"));
        QVERIFY(c->recentRequests().first().contains(QStringLiteral("GET /api/talkinghead/result_feed → 200")));

        feed.disconnectFromHost();
        QVERIFY(QTest::qWaitFor([&] { return c->viewers() == 0; }, 10000));
        QVERIFY(viewers.count() >= 2);

        // stop() with a stream open: the viewer is dropped and the count goes back to 0.
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, c->server()->port());
        QVERIFY(second.waitForConnected(10000));
        second.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return c->viewers() == 1; }, 10000));
        c->stop();
        QCOMPARE(c->viewers(), 0);
        QVERIFY(QTest::qWaitFor([&] { return second.state() == QAbstractSocket::UnconnectedState; }, 10000));
    }

    void stopFreesThePort()
    {
        auto c = makeController();
        QVERIFY2(c->start(), qPrintable(c->error()));
        const quint16 port = c->server()->port();
        c->stop();
        QVERIFY(!c->running());
        QCOMPARE(c->server(), nullptr);
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
        again.close();
        // And it can be started again on that port.
        c->setPort(port);
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(c->server()->port(), port);
        QCOMPARE(c->url(), QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    void portInUseIsReported()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        auto c = makeController();
        c->setPort(blocker.serverPort());
        QSignalSpy error(c.get(), &ServerController::errorChanged);
        QVERIFY(!c->start());
        QVERIFY(!c->running());
        QCOMPARE(error.count(), 1);
        QVERIFY2(c->error().contains(QString::number(blocker.serverPort())), qPrintable(c->error()));
        // Once the port is free the error clears on a successful start.
        blocker.close();
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(c->error(), QString());
    }

    void badHostIsReported()
    {
        auto c = makeController();
        c->setHost(QStringLiteral("not a host"));
        QVERIFY(!c->start());
        QVERIFY2(c->error().contains(QStringLiteral("not a host")), qPrintable(c->error()));
        c->setHost(QStringLiteral("localhost")); // typed by people, accepted
        QVERIFY2(c->start(), qPrintable(c->error()));
    }

    void apiKeyIsEnforced()
    {
        auto c = makeController();
        const QString key = c->generateApiKey();
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY2(hex.match(key).hasMatch(), qPrintable(key));
        QCOMPARE(c->apiKey(), key);
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules")).status, 401);
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules"), "wrong").status, 401);
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules"), key.toLatin1()).status, 200);
        QVERIFY(c->recentRequests().last().contains(QStringLiteral("→ 401")));
    }

    // On loopback only this computer's pages may use the server; on every network any page may (SillyTavern may
    // be opened on another machine), which the panel says, recommending a key.
    void originsFollowTheHost()
    {
        auto c = makeController();
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules"), {}, "http://localhost:8000").status, 200);
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules"), {}, "http://192.168.1.5:8000").status, 403);
        c->stop();
        c->setHost(QStringLiteral("0.0.0.0"));
        QVERIFY2(c->start(), qPrintable(c->error()));
        QCOMPARE(get(c->url() + QStringLiteral("/api/modules"), {}, "http://192.168.1.5:8000").status, 200);
    }

    void copiesTheUrl()
    {
        auto c = makeController();
        QVERIFY2(c->start(), qPrintable(c->error()));
        c->copyUrl();
        QCOMPARE(QGuiApplication::clipboard()->text(), c->url());
    }

    // The panel's "Install into SillyTavern…": the extension lands in the chosen folder's default user; a folder
    // that is no SillyTavern gets the reason.
    void installsTheSillyTavernExtension()
    {
        QTemporaryDir dir;
        const QString st = dir.filePath(QStringLiteral("SillyTavern"));
        QVERIFY(QDir().mkpath(st + QStringLiteral("/public/scripts/extensions/third-party")));
        QVERIFY(QDir().mkpath(st + QStringLiteral("/data/default-user/extensions")));
        QFile package(st + QStringLiteral("/package.json"));
        QVERIFY(package.open(QIODevice::WriteOnly));
        package.write(R"({"name": "sillytavern", "version": "1.18.0"})");
        package.close();
        auto controller = makeController();
        QSignalSpy changed(controller.get(), &ServerController::sillyTavernMessageChanged);
        controller->installSillyTavernExtension(QUrl::fromLocalFile(st));
        QCOMPARE(changed.count(), 1);
        QVERIFY2(controller->sillyTavernInstalled(), qPrintable(controller->sillyTavernMessage()));
        QVERIFY(controller->sillyTavernMessage().startsWith(QStringLiteral("Installed for SillyTavern 1.18.0 in ")));
        QVERIFY(QFile::exists(st + QStringLiteral("/data/default-user/extensions/talkinghead-studio/manifest.json")));
        QVERIFY(QFile::exists(st + QStringLiteral("/data/default-user/extensions/talkinghead-studio/lib/speech-sync.js")));

        controller->installSillyTavernExtension(QUrl::fromLocalFile(dir.path()));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!controller->sillyTavernInstalled());
        QCOMPARE(controller->sillyTavernMessage(),
                 QStringLiteral("Not installed: %1 is not a SillyTavern folder: it has no package.json (give the folder "
                                "with server.js and public/)").arg(dir.path()));
    }

    void addressIsPersisted()
    {
        {
            ServerController c;
            QCOMPARE(c.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(c.port(), 5100);
            QCOMPARE(c.url(), QStringLiteral("http://127.0.0.1:5100"));
            c.setHost(QStringLiteral("0.0.0.0"));
            c.setPort(5123);
            c.setApiKey(QStringLiteral("secret"));
            QCOMPARE(c.url(), QStringLiteral("http://127.0.0.1:5123")); // an any-address bind is reached via loopback
        }
        const ServerController again;
        QCOMPARE(again.host(), QStringLiteral("0.0.0.0"));
        QCOMPARE(again.port(), 5123);
        QCOMPARE(again.apiKey(), QStringLiteral("secret"));
        const ServerController transient(false);
        QCOMPARE(transient.port(), 5100);
    }
};

QTEST_MAIN(TestServerController)
#include "test_server_controller.moc"
