// SPDX-License-Identifier: GPL-3.0-or-later
// The speech atlas: the cell grid and how poses snap onto it, the cells kept on disk, and the live character playing
// speech from cells that are true renders of the poses they show (real networks).

#include "animation/animator.h"
#include "engine/poser.h"
#include "lipsync/mouth_timeline.h"
#include "live/atlas_cell.h"
#include "live/live_character.h"
#include "live/speech_atlas.h"

#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace ths;

namespace {

const int kAaa = Pose::indexOf(QStringLiteral("mouth_aaa_index"));
const int kIii = Pose::indexOf(QStringLiteral("mouth_iii_index"));
const int kDelta = Pose::indexOf(QStringLiteral("mouth_delta"));
const int kHeadX = Pose::indexOf(QStringLiteral("head_x_index"));
const int kWinkLeft = Pose::indexOf(QStringLiteral("eye_wink_left_index"));
const int kWinkRight = Pose::indexOf(QStringLiteral("eye_wink_right_index"));
const int kBreathing = Pose::indexOf(QStringLiteral("breathing_index"));

QImage solid(QRgb colour)
{
    QImage image(512, 512, QImage::Format_RGBA8888);
    image.fill(QColor::fromRgba(colour));
    return image;
}

// `seconds` of the mouth alternating between "a" wide open and closed every 0.2 s.
MouthTimeline alternatingA(double seconds)
{
    MouthTimeline timeline;
    for (double t = 0; t < seconds; t += MouthTimeline::kFrameSeconds) {
        MouthFrame f;
        f.t = t;
        f[Vowel::A] = int(t / 0.2) % 2 == 0 ? 1.0f : 0.0f;
        f.openness = f[Vowel::A];
        timeline.append(f);
    }
    return timeline;
}

} // namespace

class TestSpeechAtlas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellIndicesCoverTheGridOnce()
    {
        std::set<int> seen;
        for (int i = 0; i < AtlasCell::kCount; ++i) {
            const AtlasCell cell = AtlasCell::fromIndex(i);
            QCOMPARE(cell.index(), i);
            QVERIFY(cell.mouth >= -1 && cell.mouth < AtlasCell::kMouths);
            QVERIFY(cell.mouth < 0 ? cell.level == 0 : cell.level >= 1 && cell.level <= AtlasCell::kLevels);
            seen.insert(i);
        }
        QCOMPARE(int(seen.size()), AtlasCell::kCount);
        QCOMPARE((AtlasCell{-1, 0, false}.index()), 0);
    }

    void posesSnapToTheNearestCell()
    {
        Pose rest;
        rest[kHeadX] = 0.4f;
        rest[kAaa] = 0.2f; // an emotion's own mouth: a speaking mouth replaces it

        Pose speaking = rest;
        speaking[kAaa] = 0.8f;
        speaking[kIii] = 0.3f;
        speaking[kBreathing] = 0.7f;
        auto cell = quantiseToCell(speaking, rest);
        QVERIFY(cell);
        QCOMPARE(cell->mouth, 0);
        QCOMPARE(cell->level, int(std::lround(0.8 * AtlasCell::kLevels)));
        QVERIFY(!cell->eyesShut);

        const Pose shown = cellPose(rest, *cell);
        QCOMPARE(shown[kAaa], float(cell->level) / AtlasCell::kLevels);
        QCOMPARE(shown[kIii], 0.0f);
        QCOMPARE(shown[kBreathing], 0.0f);
        QCOMPARE(shown[kHeadX], 0.4f);
        QCOMPARE(cellError(speaking, shown), 0.7f); // breathing is the largest difference

        speaking[kWinkLeft] = speaking[kWinkRight] = 0.7f;
        QVERIFY(quantiseToCell(speaking, rest)->eyesShut);
        speaking[kWinkLeft] = speaking[kWinkRight] = 0.3f;
        QVERIFY(!quantiseToCell(speaking, rest)->eyesShut);

        Pose quiet = rest;
        quiet[kAaa] = 0.1f;
        QCOMPARE(quantiseToCell(quiet, rest)->mouth, -1); // below half a level: closed
        Pose delta = rest;
        delta[kAaa] = 0.0f;
        delta[kDelta] = 1.0f;
        QCOMPARE(quantiseToCell(delta, rest)->mouth, 5);

        Pose turned = speaking;
        turned[kHeadX] = 0.4f + 2 * AtlasCell::kRestTolerance; // not at rest: must be rendered as it is
        QVERIFY(!quantiseToCell(turned, rest));
    }

    void cellsSurviveOnDisk()
    {
        QTemporaryDir dir;
        const QByteArray key = SpeechAtlas::keyFor(SpeechAtlas::imageDigest(solid(qRgba(1, 2, 3, 255))), Pose(), QStringLiteral("r"));
        QCOMPARE(key.size(), 32);
        QVERIFY(key != SpeechAtlas::keyFor(SpeechAtlas::imageDigest(solid(qRgba(1, 2, 4, 255))), Pose(), QStringLiteral("r")));
        Pose other;
        other[kHeadX] = 0.01f;
        QVERIFY(key != SpeechAtlas::keyFor(SpeechAtlas::imageDigest(solid(qRgba(1, 2, 3, 255))), other, QStringLiteral("r")));
        QVERIFY(key != SpeechAtlas::keyFor(SpeechAtlas::imageDigest(solid(qRgba(1, 2, 3, 255))), Pose(), QStringLiteral("s")));

        QImage picture = solid(qRgba(200, 100, 50, 255));
        picture.setPixelColor(7, 9, QColor(1, 2, 3, 0));
        {
            SpeechAtlas atlas(key, dir.path());
            QVERIFY(atlas.cell(3).isNull());
            atlas.store(3, picture);
            QCOMPARE(atlas.cell(3), picture);
            QCOMPARE(atlas.readyCount(), 1);
        }
        SpeechAtlas::flushWrites();
        SpeechAtlas again(key, dir.path());
        QCOMPARE(again.cell(3).convertToFormat(QImage::Format_RGBA8888), picture);
        QVERIFY(again.cell(4).isNull());
        QVERIFY(SpeechAtlas(key, QString()).cell(3).isNull()); // memory only: nothing read from disk

        // A damaged file is removed and counts as missing.
        const QString path = dir.path() + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral("/03.png");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.resize(file.size() / 2);
        file.close();
        QVERIFY(SpeechAtlas(key, dir.path()).cell(3).isNull());
        QVERIFY(!QFile::exists(path));
    }

    void pruneKeepsTheMostRecentlyUsed()
    {
        QTemporaryDir dir;
        QImage noise(512, 512, QImage::Format_RGBA8888); // incompressible, so each file is about 1 MB
        quint32 x = 12345;
        for (int y = 0; y < 512; ++y)
            for (int i = 0; i < 512 * 4; ++i)
                noise.scanLine(y)[i] = uchar((x = x * 1664525u + 1013904223u) >> 24);
        QList<QByteArray> keys;
        for (int n = 0; n < 3; ++n) {
            keys << QByteArray::number(n).repeated(32);
            SpeechAtlas(keys.last(), dir.path()).store(0, noise);
            SpeechAtlas::flushWrites();
            QTest::qWait(20); // distinct folder times
        }
        SpeechAtlas(keys[0], dir.path()); // used again: now the most recent
        SpeechAtlas::prune(dir.path(), 2 * (1 << 20) + (1 << 19)); // room for two
        QVERIFY(QFile::exists(dir.path() + QLatin1Char('/') + QString::fromLatin1(keys[0])));
        QVERIFY(!QFile::exists(dir.path() + QLatin1Char('/') + QString::fromLatin1(keys[1])));
        QVERIFY(QFile::exists(dir.path() + QLatin1Char('/') + QString::fromLatin1(keys[2])));
    }

    // While the character speaks at rest, its frames are the atlas cells, each bit for bit the render of the pose it
    // shows; they are kept on disk; after an emotion change the cells of the new emotion are shown.
    void liveSpeechPlaysTrueRendersOfCells()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        options.precision = tha3::Precision::Float32;
        auto poser = std::make_shared<Poser>(options);
        const QImage image = QImage(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")).convertToFormat(QImage::Format_RGBA8888);
        QTemporaryDir dir;

        LiveCharacter live(poser, QStringLiteral("separable_float"));
        QString error;
        QVERIFY2(live.animator().loadAnimatorSettings(QJsonObject{{QStringLiteral("blink_probability"), 0.0}}, &error),
                 qPrintable(error));
        live.setSpeechAtlas(true, dir.path());
        QSignalSpy frames(&live, &TalkingheadBackend::frameRendered);
        QObject::connect(&live, &TalkingheadBackend::frameRendered, &live, [&live] { live.frameConsumed(); });
        live.setImage(image);
        live.addDemand(DemandSource::StreamViewers);

        auto references = [&](const Pose &rest) {
            return QList<QImage>{poser->render(image, cellPose(rest, AtlasCell{-1, 0, false})),
                                 poser->render(image, cellPose(rest, AtlasCell{0, AtlasCell::kLevels, false}))};
        };
        // Frames during speech that are exactly one of the two cells the timeline asks for.
        auto cellFramesDuring = [&](double seconds, const QList<QImage> &cells) {
            live.playMouth(alternatingA(seconds));
            const int first = frames.count();
            QTest::qWait(int(seconds * 1000));
            int matches = 0;
            for (int i = first; i < frames.count(); ++i)
                matches += cells.contains(frames.at(i).at(0).value<QImage>());
            return matches;
        };

        const QList<QImage> neutral = references(live.animator().restPose());
        QVERIFY(cellFramesDuring(6.0, neutral) >= 5);
        // Both cells are shown now without rendering: a second sentence plays from the atlas only.
        const double atlasBefore = live.status().value(QStringLiteral("speech_atlas")).toObject().value(QStringLiteral("frames_from_atlas")).toDouble();
        QVERIFY(cellFramesDuring(3.0, neutral) >= 10);
        QVERIFY(live.status().value(QStringLiteral("speech_atlas")).toObject().value(QStringLiteral("frames_from_atlas")).toDouble()
                >= atlasBefore + 10);

        SpeechAtlas::flushWrites();
        const QStringList folders = QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 1);
        const QDir folder(dir.path() + QLatin1Char('/') + folders.first());
        QVERIFY(folder.exists(QStringLiteral("00.png")));
        QVERIFY(folder.exists(QStringLiteral("%1.png").arg(AtlasCell{0, AtlasCell::kLevels, false}.index(), 2, 10, QLatin1Char('0'))));

        // Mid-sentence emotion change: the new emotion's cells take over once the face has settled.
        live.playMouth(alternatingA(12.0));
        QTest::qWait(500);
        live.setEmotion(QStringLiteral("joy"));
        const QList<QImage> joy = references(live.animator().restPose());
        QVERIFY(QTest::qWaitFor([&] { return joy.contains(frames.last().at(0).value<QImage>()); }, 60000));
    }
};

QTEST_GUILESS_MAIN(TestSpeechAtlas)
#include "test_speech_atlas.moc"
