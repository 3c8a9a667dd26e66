// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's engine controller with the real weights: loads off the GUI thread (loading → ready), reports absent
// weight files by full path, and reports a bad device or variant as "failed" with the engine's message.

#include "engine/poser.h"
#include "studio/engine_controller.h"
#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

// Waits until the controller leaves "loading".
bool settle(EngineController &engine, int timeoutMs = 180000)
{
    return QTest::qWaitFor([&] { return engine.state() != EngineController::Loading; }, timeoutMs);
}

} // namespace

class TestEngineController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        EngineController engine;
        QCOMPARE(engine.state(), EngineController::Idle);
        QCOMPARE(engine.variant(), QStringLiteral("separable_float"));
        QCOMPARE(engine.device(), QStringLiteral("cpu"));
        QCOMPARE(engine.variants(), variantNames());
        QCOMPARE(engine.variants().size(), 4);
        QVERIFY(!engine.poser());
    }

    void loadsTheRealPoser()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        EngineController engine;
        engine.setModelsDir(QStringLiteral(THS_MODELS_DIR));
        engine.setThreads(2);
        QList<EngineController::State> states;
        connect(&engine, &EngineController::stateChanged, this, [&] { states << engine.state(); });
        QSignalSpy poserSpy(&engine, &EngineController::poserChanged);
        engine.load();
        // load() returns while the weights are still loading: the GUI thread is free meanwhile.
        QCOMPARE(engine.state(), EngineController::Loading);
        QVERIFY(!engine.poser());
        QVERIFY(settle(engine));
        QCOMPARE(states, (QList<EngineController::State>{EngineController::Loading, EngineController::Ready}));
        QVERIFY2(engine.error().isEmpty(), qPrintable(engine.error()));
        QCOMPARE(poserSpy.count(), 1);
        QVERIFY(engine.poser());
        QCOMPARE(engine.poser()->deviceName(), QStringLiteral("cpu"));
        QVERIFY(engine.missingFiles().isEmpty());
        QVERIFY(engine.loadSeconds() > 0);
        QCOMPARE(engine.precisionInUse(), QString::fromLatin1(tha3::precisionName(engine.poser()->precision())));

        // A reload with other options replaces the poser; the precision asked for is the one in use.
        const std::shared_ptr<Poser> first = engine.poser();
        engine.setThreads(1);
        engine.setPrecision(QStringLiteral("fp32"));
        engine.load();
        QVERIFY(settle(engine));
        QCOMPARE(engine.state(), EngineController::Ready);
        QCOMPARE(poserSpy.count(), 2);
        QVERIFY(engine.poser() && engine.poser() != first);
        QCOMPARE(engine.poser()->precision(), tha3::Precision::Float32);
        QCOMPARE(engine.precisionInUse(), QStringLiteral("fp32"));
    }

    void missingWeightsAreListed()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        EngineController engine;
        engine.setModelsDir(empty.path());
        engine.load();
        QVERIFY(settle(engine));
        QCOMPARE(engine.state(), EngineController::MissingWeights);
        QVERIFY(!engine.poser());
        const QStringList missing = engine.missingFiles();
        QCOMPARE(missing.size(), 5);
        QCOMPARE(missing, Poser::missingWeightFiles(empty.path(), ModelVariant::SeparableFloat));
        for (const QString &network : Poser::networkNames()) {
            const QString expected = QDir(empty.path()).filePath(QStringLiteral("separable_float/%1.pt").arg(network));
            QVERIFY2(missing.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + missing.join(',')));
        }
        QVERIFY(!engine.error().isEmpty());

        // Another variant names its own files.
        engine.setVariant(QStringLiteral("standard_half"));
        engine.load();
        QVERIFY(settle(engine));
        QCOMPARE(engine.state(), EngineController::MissingWeights);
        QVERIFY(engine.missingFiles().first().contains(QStringLiteral("standard_half")));
    }

    void badDeviceFails()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        EngineController engine;
        engine.setModelsDir(QStringLiteral(THS_MODELS_DIR));
        engine.setDevice(QStringLiteral("tpu"));
        QSignalSpy poserSpy(&engine, &EngineController::poserChanged);
        engine.load();
        QVERIFY(settle(engine));
        QCOMPARE(engine.state(), EngineController::Failed);
        QVERIFY2(engine.error().contains(QStringLiteral("invalid device \"tpu\"")), qPrintable(engine.error()));
        QVERIFY(!engine.poser());
        QCOMPARE(poserSpy.count(), 0);
    }

    void unknownVariantFails()
    {
        EngineController engine;
        engine.setModelsDir(QStringLiteral(THS_MODELS_DIR));
        engine.setVariant(QStringLiteral("separable_quantum"));
        engine.load();
        QVERIFY(settle(engine));
        QCOMPARE(engine.state(), EngineController::Failed);
        QVERIFY2(engine.error().contains(QStringLiteral("separable_quantum")), qPrintable(engine.error()));
    }

    void laterLoadSupersedesEarlier()
    {
        QTemporaryDir empty;
        EngineController engine;
        engine.setModelsDir(empty.path());
        engine.load();
        engine.setVariant(QStringLiteral("nonsense"));
        engine.load();
        QVERIFY(settle(engine));
        // Only the second load's outcome is ever shown, whichever finishes first.
        QTest::qWait(200);
        QCOMPARE(engine.state(), EngineController::Failed);
        QVERIFY(engine.missingFiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineController)
#include "test_engine_controller.moc"
