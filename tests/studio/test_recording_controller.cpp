// SPDX-License-Identifier: GPL-3.0-or-later
// Record / Stop in the studio: a recording runs on a worker with progress on the GUI thread; Stop cancels it and
// leaves nothing behind; nothing to record is a clear error.
#include "engine/poser.h"
#include "studio/recording_controller.h"
#include "support/real_weights.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

class TestRecordingController : public QObject
{
    Q_OBJECT

    std::shared_ptr<Poser> m_poser;
    QImage m_character;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_poser = std::make_shared<Poser>(options);
        m_character = QImage(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")).convertToFormat(QImage::Format_RGBA8888);
    }

    void nothingToRecord()
    {
        RecordingController recorder;
        QSignalSpy finished(&recorder, &RecordingController::finished);
        QVERIFY(!recorder.start(QStringLiteral("/tmp/x.webm"), nullptr, m_character, {}, QStringLiteral("neutral")));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(recorder.lastError(), QStringLiteral("Load the models and a character first."));
        QVERIFY(!recorder.running());
    }

    void recordsWithProgress()
    {
        QTemporaryDir dir;
        RecordingController recorder;
        recorder.setFps(5);
        recorder.setDuration(0.4); // two frames
        QSignalSpy finished(&recorder, &RecordingController::finished);
        QSignalSpy progress(&recorder, &RecordingController::progressChanged);
        AnimatorSettings settings;
        settings.postprocessorChain = QJsonArray{QJsonArray{QStringLiteral("translucency"), QJsonObject{{QStringLiteral("alpha"), 0.5}}}};
        const QString out = dir.filePath(QStringLiteral("take"));
        QVERIFY(recorder.start(out, m_poser, m_character, settings, QStringLiteral("joy")));
        QVERIFY(recorder.running());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!recorder.running());
        QCOMPARE(recorder.progress(), 1.0);
        QVERIFY(progress.count() >= 2);
        QCOMPARE(recorder.lastFile(), out);
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.png")}).size(), 2);
        const QImage frame(QDir(out).filePath(QStringLiteral("frame_000000.png")));
        QCOMPARE(frame.pixelColor(256, 300).alpha(), 128); // the look came along
    }

    void stopLeavesNothing()
    {
        QTemporaryDir dir;
        RecordingController recorder;
        recorder.setFps(5);
        recorder.setDuration(60);
        QSignalSpy finished(&recorder, &RecordingController::finished);
        const QString out = dir.filePath(QStringLiteral("long.webm"));
        QVERIFY(recorder.start(out, m_poser, m_character, {}, QStringLiteral("neutral")));
        QVERIFY(QTest::qWaitFor([&] { return recorder.progress() > 0; }, 300000));
        recorder.cancel();
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("Recording cancelled."));
        QVERIFY(recorder.lastError().isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
};

QTEST_MAIN(TestRecordingController)
#include "test_recording_controller.moc"
