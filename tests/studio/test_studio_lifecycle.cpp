// SPDX-License-Identifier: GPL-3.0-or-later
// The whole studio (StudioLauncher, offscreen, real networks) through the lifecycle changes users make while
// everything runs: engine reloads (threads, a variant without weights and back) while the server streams to a
// result_feed viewer, speech plays and the preview animates; a bad image then a good one; the server on a port in
// use; and closing the studio while an export, a preview render and the animation are under way.

#include "engine/poser.h"
#include "live/live_character.h"
#include "http/api_server.h"
#include "studio/studio_launcher.h"

#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

using namespace ths;

namespace {

// A result_feed viewer: counts the bytes of the multipart stream it receives.
struct FeedViewer {
    QTcpSocket socket;
    qint64 received = 0;

    explicit FeedViewer(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll().size(); });
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (socket.waitForConnected(5000))
            socket.write("GET /api/talkinghead/result_feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }
};

} // namespace

class TestStudioLifecycle : public QObject
{
    Q_OBJECT

    std::unique_ptr<StudioLauncher> m_launcher;
    QTemporaryDir m_tmp;

    Studio *studio() const { return m_launcher->studio(); }

    void openStudio()
    {
        StudioOptions options;
        options.modelsDirs = QStringList{QStringLiteral(THS_MODELS_DIR)};
        options.imagePath = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
        m_launcher = std::make_unique<StudioLauncher>(options);
        QString error;
        QVERIFY2(m_launcher->open(&error), qPrintable(error));
        m_launcher->window()->resize(1280, 800);
        m_launcher->window()->show();
        QTRY_COMPARE_WITH_TIMEOUT(studio()->engine()->state(), EngineController::Ready, 180000);
        QTRY_VERIFY_WITH_TIMEOUT(studio()->character()->usable(), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QVERIFY(m_tmp.isValid());
        openStudio();
    }

    void cleanupTestCase()
    {
        m_launcher.reset();
    }

    // Changing the threads reloads the engine: the live character is replaced while the server streams to a
    // viewer, speech plays and the preview animates. All of it goes on with the new character.
    void reloadWhileServingSpeakingAndAnimating()
    {
        ServerController *server = studio()->server();
        server->setPort(0);
        QVERIFY2(server->start(), qPrintable(server->error()));
        auto viewer = std::make_unique<FeedViewer>(server->server()->port());
        QTRY_COMPARE_WITH_TIMEOUT(server->viewers(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->received > 10000, 120000);
        studio()->live()->setAnimating(true);
        studio()->speech()->speak(QStringLiteral("Hello there, this is a rather long sentence to keep speaking for "
                                                 "a while, while the engine reloads underneath."));
        QTRY_VERIFY_WITH_TIMEOUT(studio()->speech()->playing(), 30000);

        LiveCharacter *before = studio()->live()->character();
        Poser *oldWeights = studio()->engine()->poser().get();
        studio()->settings()->setThreads(studio()->settings()->threads() == 1 ? 2 : 1);
        QCOMPARE(studio()->engine()->state(), EngineController::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(studio()->engine()->state(), EngineController::Ready, 180000);
        QVERIFY(studio()->engine()->poser().get() != oldWeights);
        // The same character carries on with the new weights: the server never stopped and its viewer stays.
        QCOMPARE(studio()->live()->character(), before);
        QVERIFY(server->running());
        QCOMPARE(server->viewers(), 1);
        const qint64 receivedAtReload = viewer->received;
        QTRY_VERIFY_WITH_TIMEOUT(viewer->received > receivedAtReload + 10000, 120000);
        QVERIFY(viewer->socket.state() == QAbstractSocket::ConnectedState);
        const double fpsFrames = studio()->live()->fps();
        Q_UNUSED(fpsFrames);
        const QUrl url = studio()->live()->frameUrl();
        QTRY_VERIFY_WITH_TIMEOUT(studio()->live()->frameUrl() != url, 120000);
        studio()->speech()->stop();
        studio()->live()->setAnimating(false);
        viewer.reset();
        QTRY_COMPARE_WITH_TIMEOUT(server->viewers(), 0, 10000);
    }

    // A variant whose weights are missing, then back: the studio says which files are missing, nothing renders,
    // and the server the user started is still running afterwards, on the new character.
    void reloadToMissingWeightsAndBack()
    {
        ServerController *server = studio()->server();
        QVERIFY(server->running());
        const QString good = studio()->settings()->variant();
        QString missing;
        for (const QString &v : studio()->engine()->variants())
            if (v != good && !QFile::exists(QDir(QStringLiteral(THS_MODELS_DIR)).filePath(v + QStringLiteral("/editor.pt"))))
                missing = v;
        if (missing.isEmpty())
            QSKIP("every variant's weights are installed");
        studio()->settings()->setVariant(missing);
        QTRY_COMPARE_WITH_TIMEOUT(studio()->engine()->state(), EngineController::MissingWeights, 60000);
        QVERIFY(!studio()->engine()->missingFiles().isEmpty());
        QVERIFY(!studio()->live()->available());
        QTest::qWait(200);

        studio()->settings()->setVariant(good);
        QTRY_COMPARE_WITH_TIMEOUT(studio()->engine()->state(), EngineController::Ready, 180000);
        QVERIFY(studio()->live()->available());
        QVERIFY2(server->running(), "the server stopped for good when the engine reloaded to a missing variant");
        FeedViewer viewer(server->server()->port());
        QTRY_VERIFY_WITH_TIMEOUT(viewer.received > 10000, 120000);
    }

    void badImageThenGoodImage()
    {
        const QString bad = m_tmp.filePath(QStringLiteral("bad.png"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a png");
        f.close();
        CharacterController *character = studio()->character();
        character->open(QUrl::fromLocalFile(bad));
        QTRY_VERIFY_WITH_TIMEOUT(!character->error().isEmpty(), 30000);
        QVERIFY(character->usable()); // the previous character stays
        character->open(QUrl::fromLocalFile(QStringLiteral(THS_IMAGES_DIR "/lambda_01.png")));
        QTRY_VERIFY_WITH_TIMEOUT(character->usable() && character->error().isEmpty()
                                     && character->fileName() == QStringLiteral("lambda_01.png"), 30000);
        const int rendered = studio()->preview()->rendered();
        QTRY_VERIFY_WITH_TIMEOUT(studio()->preview()->rendered() > rendered, 120000);
    }

    void serverOnAPortInUse()
    {
        ServerController *server = studio()->server();
        server->stop();
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        server->setPort(blocker.serverPort());
        QVERIFY(!server->start());
        QVERIFY(!server->running());
        QVERIFY(server->error().contains(QString::number(blocker.serverPort())));
        blocker.close();
        QVERIFY2(server->start(), qPrintable(server->error()));
        QVERIFY(server->error().isEmpty());
        server->stop();
        server->setPort(0);
    }

    // Closing the studio while an export renders, the preview renders and the animation runs: no crash, no hang,
    // and the export leaves no half-written file.
    void closeWhileExportingRenderingAndAnimating()
    {
        const QString folder = m_tmp.filePath(QStringLiteral("export"));
        QVERIFY(studio()->exportExpressions(QUrl::fromLocalFile(folder)));
        QTRY_VERIFY_WITH_TIMEOUT(studio()->exporter()->done() >= 1, 120000);
        // The pose change first: with Animate on only the live character renders it (one render path per frame).
        QVariantMap pose = studio()->poseEditor()->pose();
        pose[QStringLiteral("head_x_index")] = 0.7;
        studio()->poseEditor()->applyPose(pose);
        QTRY_VERIFY_WITH_TIMEOUT(studio()->preview()->busy(), 5000);
        studio()->live()->setAnimating(true);
        QVERIFY(studio()->server()->start());
        FeedViewer viewer(studio()->server()->server()->port());
        QTest::qWait(300);
        m_launcher.reset();
        for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files))
            QVERIFY2(!file.fileName().contains(QLatin1Char('~')) && file.size() > 0, qPrintable(file.fileName()));

        // And again: the studio opens afresh in the same process.
        openStudio();
        QTRY_VERIFY_WITH_TIMEOUT(studio()->preview()->rendered() >= 1, 120000);
        m_launcher.reset();
    }
    // Rapid setting changes (each one a reload superseding the last) while a viewer watches, then closing the
    // studio in the middle of a reload and a speech preparation.
    void rapidReloadsThenCloseWhileReloading()
    {
        if (!m_launcher)
            openStudio();
        ServerController *server = studio()->server();
        QVERIFY(server->start());
        FeedViewer viewer(server->server()->port());
        studio()->live()->setAnimating(true);
        for (int i = 0; i < 6; ++i) {
            studio()->settings()->setThreads(1 + i % 2);
            QTest::qWait(150 * i);
        }
        QTRY_COMPARE_WITH_TIMEOUT(studio()->engine()->state(), EngineController::Ready, 180000);
        QVERIFY(server->running());
        const QUrl url = studio()->live()->frameUrl();
        QTRY_VERIFY_WITH_TIMEOUT(studio()->live()->frameUrl() != url, 120000);

        studio()->speech()->speak(QStringLiteral("Closing while this is prepared."));
        studio()->settings()->setThreads(studio()->settings()->threads() == 1 ? 2 : 1);
        QTest::qWait(50);
        m_launcher.reset();
    }
};

QTEST_MAIN(TestStudioLifecycle)
#include "test_studio_lifecycle.moc"
