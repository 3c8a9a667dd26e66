// SPDX-License-Identifier: GPL-3.0-or-later
// MouthTimeline: the TIMELINE.json format (write, read back, reject bad files) and sampling between frames.

#include "lipsync/mouth_timeline.h"
#include "lipsync/timeline_mouth_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

MouthTimeline example()
{
    std::vector<MouthFrame> frames;
    for (int i = 0; i < 50; ++i) {
        MouthFrame f;
        f.t = i * 0.01;
        f.vowels = {0.02f * float(i % 10), 0.3f, 0.0f, 0.123456f, float(i) / 50.0f};
        f.openness = f.maxVowel();
        frames.push_back(f);
    }
    return MouthTimeline(std::move(frames));
}

} // namespace

class TestMouthTimeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void jsonShape()
    {
        const QJsonArray array = example().toJson();
        QCOMPARE(array.size(), 50);
        const QJsonObject o = array[3].toObject();
        QCOMPARE(o.value(QLatin1String("t")).toDouble(), 0.03);
        QCOMPARE(o.value(QLatin1String("mouth_aaa_index")).toDouble(), 0.06);
        QCOMPARE(o.value(QLatin1String("mouth_iii_index")).toDouble(), 0.3);
        QCOMPARE(o.value(QLatin1String("mouth_uuu_index")).toDouble(), 0.0);
        QCOMPARE(o.value(QLatin1String("mouth_eee_index")).toDouble(), 0.1235); // four decimals
        QCOMPARE(o.value(QLatin1String("mouth_ooo_index")).toDouble(), 0.06);
        QCOMPARE(o.value(QLatin1String("openness")).toDouble(), 0.3);
        QCOMPARE(o.size(), 7);
    }

    void fileRoundTrip()
    {
        const MouthTimeline original = example();
        const QString file = m_dir.filePath(QStringLiteral("timeline.json"));
        QString error;
        QVERIFY2(original.save(file, &error), qPrintable(error));
        // A JSON array, one frame per line.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(QJsonDocument::fromJson(bytes).isArray());
        QCOMPARE(bytes.count('\n'), 52);
        QVERIFY2(bytes.contains("\n{\"t\":0.03,\"mouth_aaa_index\":0.06,\"mouth_iii_index\":0.3,\"mouth_uuu_index\":0,"
                                "\"mouth_eee_index\":0.1235,\"mouth_ooo_index\":0.06,\"openness\":0.3},\n"),
                 bytes.left(400).constData());
        const auto loaded = MouthTimeline::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->size(), original.size());
        for (int i = 0; i < original.size(); ++i) {
            QVERIFY(std::abs((*loaded)[i].t - original[i].t) < 1e-9);
            for (int v = 0; v < MouthFrame::kVowelCount; ++v)
                QVERIFY(std::abs((*loaded)[i].vowels[size_t(v)] - original[i].vowels[size_t(v)]) <= 0.00005f);
            QVERIFY(std::abs((*loaded)[i].openness - original[i].openness) <= 0.00005f);
        }
        QCOMPARE(loaded->duration(), 0.5);
    }

    void sampleInterpolates()
    {
        const MouthTimeline timeline = example();
        // Exactly on a frame.
        QCOMPARE(timeline.sample(0.2).vowels, timeline[20].vowels);
        // Half-way between frames 4 and 5: aaa 0.08 → 0.10, ooo 0.08 → 0.10.
        const MouthFrame mid = timeline.sample(0.045);
        QVERIFY(std::abs(mid[Vowel::A] - 0.09f) < 1e-5f);
        QVERIFY(std::abs(mid[Vowel::O] - 0.09f) < 1e-5f);
        QCOMPARE(mid.t, 0.045);
        // Before the start and after the end the mouth is closed; the last frame fades out over 10 ms.
        QCOMPARE(timeline.sample(-0.1).maxVowel(), 0.0f);
        QCOMPARE(timeline.sample(0.6).maxVowel(), 0.0f);
        const MouthFrame fading = timeline.sample(0.495);
        QVERIFY(std::abs(fading[Vowel::O] - 0.49f) < 1e-5f);
        QCOMPARE(MouthTimeline().sample(0.0).maxVowel(), 0.0f);
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray frame = R"({"t":0,"mouth_aaa_index":0.5,"mouth_iii_index":0,"mouth_uuu_index":0,"mouth_eee_index":0,"mouth_ooo_index":0})";
        QTest::newRow("not json") << QByteArray("[{") << "invalid JSON";
        QTest::newRow("object") << QByteArray("{}") << "expected a JSON array of frames";
        QTest::newRow("not an object") << QByteArray("[1]") << "frame 0: expected an object";
        QTest::newRow("no t") << QByteArray(R"([{"mouth_aaa_index":0}])") << "frame 0: \"t\" must be a number of seconds";
        QTest::newRow("missing vowel") << QByteArray(R"([{"t":0,"mouth_aaa_index":0}])") << "frame 0: \"mouth_iii_index\" must be a number in [0, 1]";
        QTest::newRow("out of range") << QByteArray(R"([{"t":0,"mouth_aaa_index":1.5,"mouth_iii_index":0,"mouth_uuu_index":0,"mouth_eee_index":0,"mouth_ooo_index":0}])")
                                      << "frame 0: \"mouth_aaa_index\" must be a number in [0, 1]";
        QTest::newRow("time goes back") << QByteArray("[" + frame + "," + QByteArray(frame).replace("\"t\":0", "\"t\":-1") + "]")
                                        << "frame 1: \"t\" = -1 is before the previous frame's time";
        QTest::newRow("bad openness") << QByteArray("[" + QByteArray(frame).replace("}", ",\"openness\":\"x\"}") + "]")
                                      << "frame 0: \"openness\" must be a number in [0, 1]";
    }
    void badJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QString file = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(json);
        f.close();
        QString error;
        QVERIFY(!MouthTimeline::load(file, &error));
        QVERIFY2(error.startsWith(file + QLatin1String(": ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        const QString file = m_dir.filePath(QStringLiteral("none.json"));
        QVERIFY(!MouthTimeline::load(file, &error));
        QVERIFY2(error.startsWith(QStringLiteral("%1: cannot open").arg(file)), qPrintable(error));
        QVERIFY(!example().save(m_dir.filePath(QStringLiteral("no/such/dir/t.json")), &error));
        QVERIFY2(error.startsWith(QLatin1String("cannot write")), qPrintable(error));
    }

    // As the animator's mouth source: the timeline's shape while it plays, nothing before and after.
    void playsAsMouthSource()
    {
        const auto timeline = std::make_shared<const MouthTimeline>(example());
        const MouthSource source = timelineMouthSource(timeline, 100.0, 0.05);
        QVERIFY(!source(100.0));  // the audio has started, but the mouth is 50 ms behind
        QVERIFY(!source(99.0));
        const auto shape = source(100.25);
        QVERIFY(shape);
        QVERIFY(std::abs(shape->ooo - (*timeline)[20][Vowel::O]) < 1e-6f);
        QVERIFY(std::abs(shape->iii - 0.3f) < 1e-6f);
        QCOMPARE(shape->delta, 0.0f);
        QVERIFY(!source(100.0 + 0.05 + 0.51)); // ended: the animator gets its mouth back
        QVERIFY(!timelineMouthSource(nullptr, 0.0)(1.0));
    }

    // Openness may be left out; it defaults to the largest vowel.
    void opennessIsOptional()
    {
        QJsonObject o{{"t", 0.0}, {"mouth_aaa_index", 0.2}, {"mouth_iii_index", 0.7}, {"mouth_uuu_index", 0.0},
                      {"mouth_eee_index", 0.1}, {"mouth_ooo_index", 0.0}};
        QString error;
        const auto timeline = MouthTimeline::fromJson(QJsonArray{o}, &error);
        QVERIFY2(timeline, qPrintable(error));
        QCOMPARE((*timeline)[0].openness, 0.7f);
        QCOMPARE((*timeline)[0].dominantVowel(), Vowel::I);
    }
};

QTEST_GUILESS_MAIN(TestMouthTimeline)
#include "test_mouth_timeline.moc"
