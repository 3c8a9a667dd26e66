// SPDX-License-Identifier: GPL-3.0-or-later
// The batch exporter with the real poser and the example character: PNG + JSON per expression and _emotions.json,
// progress signals, cancel, conflicts and errors for folders that cannot be written.

#include "animation/emotion_templates.h"
#include "image/image_import.h"
#include "engine/poser.h"
#include "studio/batch_exporter.h"

#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

QList<NamedPose> factoryExpressions(const QStringList &names)
{
    QList<NamedPose> result;
    for (const QString &name : names)
        result.append({name, EmotionTemplates::factory().value(name)});
    return result;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Waits for finished() and returns its arguments.
QList<QVariant> waitFinished(QSignalSpy &spy)
{
    if (!QTest::qWaitFor([&] { return spy.count() > 0; }, 300000))
        return {};
    return spy.takeFirst();
}

int countFiles(const QString &folder, const QString &pattern)
{
    return int(QDir(folder).entryList({pattern}, QDir::Files).size());
}

} // namespace

class TestBatchExporter : public QObject
{
    Q_OBJECT

    std::shared_ptr<Poser> m_poser;
    QImage m_image;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        QVERIFY(m_dir.isValid());
        const ImportedImage imported = importImageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        QVERIFY2(imported.report.ok(), qPrintable(imported.report.summary()));
        m_image = imported.image;
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_poser = std::make_shared<Poser>(options);
    }

    void exportsPngJsonAndEmotions()
    {
        BatchExporter exporter;
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        QSignalSpy total(&exporter, &BatchExporter::totalChanged);
        QSignalSpy running(&exporter, &BatchExporter::runningChanged);
        QList<double> progress;
        QList<int> done;
        QStringList current;
        connect(&exporter, &BatchExporter::progressChanged, this, [&] { progress << exporter.progress(); });
        connect(&exporter, &BatchExporter::doneChanged, this, [&] { done << exporter.done(); });
        connect(&exporter, &BatchExporter::currentNameChanged, this, [&] { current << exporter.currentName(); });

        const QString folder = m_dir.filePath("export/nested"); // created by the exporter
        const QStringList names{"neutral", "surprise", "joy"};
        exporter.start(folder, m_poser, m_image, factoryExpressions(names));
        QVERIFY(exporter.running());
        QCOMPARE(exporter.total(), 3);
        QCOMPARE(total.count(), 1);
        QCOMPARE(exporter.lastFolder(), folder);
        const QList<QVariant> result = waitFinished(finished);
        QCOMPARE(result.size(), 3);
        QVERIFY2(result.at(0).toBool(), qPrintable(result.at(2).toString()));
        QCOMPARE(result.at(1).toBool(), false);
        QVERIFY(!exporter.running());
        QCOMPARE(running.count(), 2);
        QCOMPARE(exporter.done(), 3);
        QCOMPARE(exporter.progress(), 1.0);
        QCOMPARE(done, QList<int>({1, 2, 3}));
        QCOMPARE(progress.last(), 1.0);
        QVERIFY(progress.contains(1.0 / 3));
        QVERIFY(progress.contains(2.0 / 3));
        QCOMPARE(current.mid(0, 1), QStringList({"neutral"}));
        QVERIFY(current.contains("surprise") && current.contains("joy"));
        QCOMPARE(exporter.currentName(), QString());
        QVERIFY(exporter.lastError().isEmpty());

        QCOMPARE(countFiles(folder, "*.png"), 3);
        QCOMPARE(countFiles(folder, "*.json"), 4);
        QList<QImage> images;
        for (const QString &name : names) {
            const QImage image(QDir(folder).filePath(name + ".png"));
            QCOMPARE(image.size(), QSize(512, 512));
            QVERIFY(image.hasAlphaChannel());
            images << image.convertToFormat(QImage::Format_RGBA8888);
            const QJsonObject json = readJson(QDir(folder).filePath(name + ".json"));
            QCOMPARE(json.keys(), QStringList({name}));
            QCOMPARE(json.value(name).toObject().size(), 45);
            QString error;
            QCOMPARE(*Pose::fromJson(json, &error), EmotionTemplates::factory().value(name));
        }
        // Different expressions, different pixels; the character is there (opaque pixels).
        QVERIFY(images[0] != images[1]);
        QVERIFY(images[1] != images[2]);
        int opaque = 0;
        for (int y = 0; y < 512; y += 4)
            for (int x = 0; x < 512; x += 4)
                opaque += qAlpha(images[0].pixel(x, y)) > 128;
        QVERIFY2(opaque > 1000, qPrintable(QString::number(opaque)));
        const QJsonObject emotions = readJson(QDir(folder).filePath("_emotions.json"));
        QCOMPARE(emotions.size(), 3);
        for (const QString &name : names)
            QCOMPARE(emotions.value(name).toObject().size(), 45);

        // Every file of that export now conflicts; a fresh folder has no conflicts.
        QCOMPARE(exporter.conflicts(QUrl::fromLocalFile(folder), {"neutral", "joy", "anger"}),
                 QStringList({"neutral.png", "neutral.json", "joy.png", "joy.json", "_emotions.json"}));
        QVERIFY(exporter.conflicts(QUrl::fromLocalFile(m_dir.filePath("nothing-here")), {"joy"}).isEmpty());
    }

    void cancelStopsEarly()
    {
        BatchExporter exporter;
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        connect(&exporter, &BatchExporter::doneChanged, &exporter, [&] {
            if (exporter.done() >= 1)
                exporter.cancel();
        });
        QStringList names = EmotionTemplates::factory().keys();
        names.sort();
        names = names.mid(0, 8);
        const QString folder = m_dir.filePath("cancelled");
        exporter.start(folder, m_poser, m_image, factoryExpressions(names));
        const QList<QVariant> result = waitFinished(finished);
        QCOMPARE(result.size(), 3);
        QCOMPARE(result.at(0).toBool(), false);
        QCOMPARE(result.at(1).toBool(), true);
        QVERIFY(!exporter.running());
        QVERIFY(exporter.lastError().isEmpty());
        const int pngs = countFiles(folder, "*.png");
        QVERIFY2(pngs >= 1 && pngs < 8, qPrintable(QString::number(pngs)));
        QCOMPARE(countFiles(folder, "*.json"), pngs); // no _emotions.json for a partial export
        QVERIFY(!QFile::exists(QDir(folder).filePath("_emotions.json")));
        QCOMPARE(exporter.done(), pngs);
        QVERIFY(exporter.progress() < 1.0);
        // Leftover temporary files of QSaveFile: none.
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2 * pngs);
    }

    void unwritableFolder()
    {
        BatchExporter exporter;
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        // A folder below a plain file can never be created (not even by root).
        QFile plain(m_dir.filePath("plain-file"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString folder = m_dir.filePath("plain-file/export");
        exporter.start(folder, m_poser, m_image, factoryExpressions({"joy"}));
        QVERIFY(!exporter.running());
        QList<QVariant> result = waitFinished(finished);
        QCOMPARE(result.value(0).toBool(), false);
        QCOMPARE(result.value(1).toBool(), false);
        QVERIFY2(result.value(2).toString().contains(QDir::toNativeSeparators(folder)),
                 qPrintable(result.value(2).toString()));
        QCOMPARE(exporter.lastError(), result.value(2).toString());

        // A file that cannot be written (its name is taken by a folder) stops the export with its name.
        const QString blocked = m_dir.filePath("blocked");
        QVERIFY(QDir().mkpath(blocked + "/joy.png"));
        exporter.start(blocked, m_poser, m_image, factoryExpressions({"joy", "anger"}));
        result = waitFinished(finished);
        QCOMPARE(result.value(0).toBool(), false);
        QCOMPARE(result.value(1).toBool(), false);
        QVERIFY2(result.value(2).toString().contains("joy.png"), qPrintable(result.value(2).toString()));
        QCOMPARE(exporter.lastError(), result.value(2).toString());
        QVERIFY(!QFile::exists(blocked + "/anger.png"));
        QVERIFY(!QFile::exists(blocked + "/_emotions.json"));
    }

    void refusesWithoutInputs()
    {
        BatchExporter exporter;
        QSignalSpy finished(&exporter, &BatchExporter::finished);
        const QString folder = m_dir.filePath("refused");
        exporter.start(folder, nullptr, m_image, factoryExpressions({"joy"}));
        exporter.start(folder, m_poser, QImage(), factoryExpressions({"joy"}));
        exporter.start(folder, m_poser, m_image, {});
        QVERIFY(!exporter.running());
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 3; }, 5000));
        for (const QList<QVariant> &args : std::as_const(finished)) {
            QCOMPARE(args.at(0).toBool(), false);
            QVERIFY(!args.at(2).toString().isEmpty());
        }
        QVERIFY(!QFileInfo::exists(folder));
    }

    void fileStems()
    {
        QCOMPARE(BatchExporter::fileStem("joy"), QStringLiteral("joy"));
        QCOMPARE(BatchExporter::fileStem("a/b\\c:d"), QStringLiteral("a_b_c_d"));
        QCOMPARE(BatchExporter::fileStem(".."), QStringLiteral("_.."));
        QCOMPARE(BatchExporter::fileStem("_emotions"), QStringLiteral("_emotions_"));
    }
};

QTEST_MAIN(TestBatchExporter)
#include "test_batch_exporter.moc"
