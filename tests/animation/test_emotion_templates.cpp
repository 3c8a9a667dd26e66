// SPDX-License-Identifier: GPL-3.0-or-later
// EmotionTemplates: the 28 compiled-in factory templates, the client → server directory → factory lookup chain,
// validation before anything applies, and the fallback to "neutral".

#include "animation/emotion_templates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

// The GoEmotions labels of SillyTavern-Extras' classify module (the same list as GET /api/classify/labels, docs/http-api.md).
const QStringList kLabels = {
    "admiration", "amusement",   "anger",       "annoyance", "approval",       "caring",      "confusion",
    "curiosity",  "desire",      "disappointment", "disapproval", "disgust",   "embarrassment", "excitement",
    "fear",       "gratitude",   "grief",       "joy",       "love",           "nervousness", "neutral",
    "optimism",   "pride",       "realization", "relief",    "remorse",        "sadness",     "surprise"};

QJsonValue parse(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

float value(const Pose &pose, const char *name)
{
    return pose.value(QLatin1String(name));
}

} // namespace

class TestEmotionTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factoryHasTheTwentyEightLabels()
    {
        QStringList names = EmotionTemplates::factory().keys();
        names.sort();
        QCOMPARE(names, kLabels);
        QCOMPARE(EmotionTemplates().names(), kLabels);
    }

    void factoryResourceIsValidAndMatchesTheDataFiles()
    {
        QString error;
        const auto fromResource = EmotionTemplates::readDirectory(EmotionTemplates::kFactoryDirectory, &error);
        QVERIFY2(fromResource, qPrintable(error));
        QCOMPARE(fromResource->size(), 28);

        const QString dataDir = QStringLiteral(THS_SOURCE_DIR "/data/emotions");
        for (const QString &label : kLabels) {
            // Each shipped file is a valid template of its own name, listing all 45 parameters in range.
            const QString path = dataDir + QLatin1Char('/') + label + QStringLiteral(".json");
            const auto pose = Pose::fromFile(path, &error);
            QVERIFY2(pose, qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
            QCOMPARE(json.keys(), QStringList{label});
            QCOMPARE(json.value(label).toObject().size(), Pose::kCount);
            QCOMPARE(pose->value("breathing_index"), 0.0f);
            QVERIFY2(*pose == fromResource->value(label), qPrintable(label));
        }
    }

    void factoryValuesAreTheOriginals()
    {
        // Spot checks against the original's shipped per-emotion files (the values in data/emotions/ came from them).
        const auto &f = EmotionTemplates::factory();
        QCOMPARE(f.value("neutral"), Pose());
        QCOMPARE(value(f.value("curiosity"), "eyebrow_lowered_left_index"), 0.5895f);
        QCOMPARE(value(f.value("curiosity"), "neck_z_index"), -0.874f);
        QCOMPARE(value(f.value("anger"), "body_y_index"), 1.0f);
        QCOMPARE(value(f.value("anger"), "iris_rotation_y_index"), -0.047f);
        QCOMPARE(value(f.value("joy"), "mouth_aaa_index"), 1.0f);
        QCOMPARE(value(f.value("surprise"), "head_y_index"), 1.0f);
        QCOMPARE(value(f.value("approval"), "mouth_eee_index") > 0.72f, true);
        QCOMPARE(value(f.value("grief"), "head_x_index"), -1.0f);
    }

    void unknownNamesResolveToNeutral_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("resolved");
        QTest::newRow("known") << "joy" << "joy";
        QTest::newRow("unknown") << "smug" << "neutral";
        QTest::newRow("case-sensitive") << "Joy" << "neutral";
        QTest::newRow("empty") << "" << "neutral";
        QTest::newRow("client label") << "talkinghead" << "neutral";
        QTest::newRow("pseudo custom") << "[custom]" << "[custom]";
        QTest::newRow("pseudo reset") << "[reset]" << "[reset]";
    }

    void unknownNamesResolveToNeutral()
    {
        QFETCH(QString, name);
        QFETCH(QString, resolved);
        const EmotionTemplates templates;
        QCOMPARE(templates.resolve(name), resolved);
        if (resolved == "neutral")
            QCOMPARE(templates.pose(name), EmotionTemplates::factory().value("neutral"));
    }

    void clientTemplatesReplaceWholeEmotionsAndAddNew()
    {
        EmotionTemplates templates;
        QString error;
        QVERIFY2(templates.loadClientTemplates(parse(R"({
                     "joy": {"eyebrow_happy_left_index": 1.0, "eyebrow_happy_right_index": 1.0},
                     "smug": {"mouth_smirk": 1.0, "eye_relaxed_left_index": 0.6, "eye_relaxed_right_index": 0.6}
                 })"),
                                               &error),
                 qPrintable(error));
        // A supplied template replaces its emotion; what it omits is 0 (the factory joy opens the mouth).
        const Pose joy = templates.pose("joy");
        QCOMPARE(value(joy, "eyebrow_happy_left_index"), 1.0f);
        QCOMPARE(value(joy, "mouth_aaa_index"), 0.0f);
        QVERIFY(templates.source("joy") == EmotionTemplates::Source::Client);
        QCOMPARE(templates.resolve("smug"), QStringLiteral("smug"));
        QCOMPARE(value(templates.pose("smug"), "mouth_smirk"), 1.0f);
        QVERIFY(templates.names().contains("smug"));
        QCOMPARE(templates.names().size(), 29);
        // Emotions not supplied keep the factory template.
        QCOMPARE(templates.pose("anger"), EmotionTemplates::factory().value("anger"));

        // Not cumulative: a new body replaces the whole client layer.
        QVERIFY(templates.loadClientTemplates(parse(R"({"pout": {}})"), &error));
        QVERIFY(!templates.contains("smug"));
        QCOMPARE(templates.pose("joy"), EmotionTemplates::factory().value("joy"));
        QCOMPARE(templates.pose("pout"), Pose());
    }

    void emptyBodyResets_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("object") << "{}";
        QTest::newRow("array") << "[]";
    }

    void emptyBodyResets()
    {
        QFETCH(QString, body);
        EmotionTemplates templates;
        QString error;
        QVERIFY(templates.loadClientTemplates(parse(R"({"smug": {"mouth_smirk": 1}})"), &error));
        QVERIFY(templates.contains("smug"));
        QVERIFY2(templates.loadClientTemplates(parse(body.toUtf8().constData()), &error), qPrintable(error));
        QVERIFY(!templates.contains("smug"));
        QCOMPARE(templates.names(), kLabels);
    }

    void invalidClientTemplatesAreRejected_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown morph") << R"({"joy": {"mouth_aaa_index": 1, "eye_unimpressed": 1}})"
                                       << R"(emotion "joy": unknown pose parameter "eye_unimpressed")";
        QTest::newRow("string value") << R"({"smug": {"mouth_smirk": "1"}})"
                                      << R"(emotion "smug": pose parameter "mouth_smirk" must be a number)";
        QTest::newRow("bool value") << R"({"smug": {"mouth_smirk": true}})"
                                    << R"(emotion "smug": pose parameter "mouth_smirk" must be a number)";
        QTest::newRow("above range") << R"({"joy": {"mouth_aaa_index": 1.2}})"
                                     << R"(emotion "joy": pose parameter "mouth_aaa_index" is 1.2)";
        QTest::newRow("below range") << R"({"joy": {"head_x_index": -1.5}})"
                                     << R"(emotion "joy": pose parameter "head_x_index" is -1.5)";
        QTest::newRow("nested template") << R"({"joy": {"joy": {"mouth_aaa_index": 1}}})"
                                         << R"(emotion "joy": unknown pose parameter "joy")";
        QTest::newRow("template not object") << R"({"joy": [1, 2]})" << R"(emotion "joy": expected an object)";
        QTest::newRow("pseudo redefined") << R"({"[reset]": {}})" << R"(emotion "[reset]": a reserved)";
        QTest::newRow("empty name") << R"({"": {}})" << "an emotion name must not be empty";
        QTest::newRow("non-empty array") << R"([{"joy": {}}])" << "expected an object of emotion name";
    }

    void invalidClientTemplatesAreRejected()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        EmotionTemplates templates;
        QString error;
        QVERIFY(templates.loadClientTemplates(parse(R"({"smug": {"mouth_smirk": 1}})"), &error));
        // A valid emotion before the broken one must not be applied either.
        QJsonValue value = parse(body.toUtf8().constData());
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            object.insert("aaa_valid_first", QJsonObject{{"mouth_aaa_index", 1.0}});
            value = object;
        }
        QVERIFY(!templates.loadClientTemplates(value, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        // The previous templates stay.
        QVERIFY(templates.contains("smug"));
        QVERIFY(!templates.contains("aaa_valid_first"));
        QCOMPARE(templates.pose("joy"), EmotionTemplates::factory().value("joy"));
    }

    void serverDirectorySitsBetweenClientAndFactory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("joy.json"), R"({"joy": {"mouth_iii_index": 0.5}, "other": {"mouth_ooo_index": 1}})");
        writeFile(dir.filePath("robots/beep.json"), R"({"beep": {"iris_small_left_index": 1}})");
        writeFile(dir.filePath("_defaults.json"), R"({"zero": {"not_a_morph": 5}})"); // skipped
        writeFile(dir.filePath("notes.txt"), "not a template");

        EmotionTemplates templates;
        QString error;
        QVERIFY2(templates.loadServerDirectory(dir.path(), &error), qPrintable(error));
        QCOMPARE(templates.serverDirectory(), dir.path());
        QVERIFY(templates.source("joy") == EmotionTemplates::Source::Server);
        QCOMPARE(value(templates.pose("joy"), "mouth_iii_index"), 0.5f);
        QCOMPARE(value(templates.pose("joy"), "mouth_aaa_index"), 0.0f);
        QVERIFY(templates.source("beep") == EmotionTemplates::Source::Server);
        QVERIFY(!templates.contains("other")); // only the entry named after the file counts
        QVERIFY(templates.source("anger") == EmotionTemplates::Source::Factory);

        // The client layer wins over the server layer; {} falls back to the server layer, not the factory.
        QVERIFY(templates.loadClientTemplates(parse(R"({"joy": {"mouth_uuu_index": 1}})"), &error));
        QVERIFY(templates.source("joy") == EmotionTemplates::Source::Client);
        QCOMPARE(value(templates.pose("joy"), "mouth_uuu_index"), 1.0f);
        QVERIFY(templates.loadClientTemplates(parse("{}"), &error));
        QCOMPARE(value(templates.pose("joy"), "mouth_iii_index"), 0.5f);

        // An empty path clears the server layer.
        QVERIFY(templates.loadServerDirectory(QString(), &error));
        QCOMPARE(templates.pose("joy"), EmotionTemplates::factory().value("joy"));
        QVERIFY(!templates.contains("beep"));
    }

    void invalidServerDirectoryIsRejected_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");

        QTest::newRow("out of range") << "joy.json" << QByteArray(R"({"joy": {"mouth_aaa_index": 2}})")
                                      << R"(joy.json: emotion "joy": pose parameter "mouth_aaa_index" is 2)";
        QTest::newRow("unknown morph") << "sub/joy.json" << QByteArray(R"({"joy": {"eye_unimpressed": 1}})")
                                       << R"(joy.json: emotion "joy": unknown pose parameter "eye_unimpressed")";
        QTest::newRow("entry missing") << "joy.json" << QByteArray(R"({"happy": {}})")
                                       << R"(joy.json: expected an entry "joy")";
        QTest::newRow("broken JSON") << "joy.json" << QByteArray(R"({"joy": )") << "joy.json: invalid JSON";
        QTest::newRow("not an object") << "joy.json" << QByteArray("[1]") << "joy.json: expected an object";
        QTest::newRow("defined twice") << "sub/smug.json" << QByteArray(R"({"smug": {}})")
                                       << R"(smug.json: emotion "smug" is already defined by)";
        QTest::newRow("pseudo") << "[custom].json" << QByteArray(R"({"[custom]": {}})")
                                << R"([custom].json: "[custom]" is a reserved pseudo-emotion)";
    }

    void invalidServerDirectoryIsRejected()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);

        QTemporaryDir good;
        writeFile(good.filePath("smug.json"), R"({"smug": {"mouth_smirk": 1}})");
        EmotionTemplates templates;
        QString error;
        QVERIFY(templates.loadServerDirectory(good.path(), &error));

        QTemporaryDir bad;
        writeFile(bad.filePath("smug.json"), R"({"smug": {"mouth_smirk": 0.5}})");
        writeFile(bad.filePath(file), content);
        QVERIFY(!templates.loadServerDirectory(bad.path(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(bad.path()), qPrintable(error));
        // The previous server layer stays.
        QCOMPARE(templates.serverDirectory(), good.path());
        QCOMPARE(value(templates.pose("smug"), "mouth_smirk"), 1.0f);

        QVERIFY(!templates.loadServerDirectory(bad.filePath("nowhere"), &error));
        QVERIFY2(error.endsWith("not a directory"), qPrintable(error));
    }

    void pseudoEmotionsAreZeroPoses()
    {
        const EmotionTemplates templates;
        QVERIFY(templates.contains("[custom]"));
        QVERIFY(templates.contains("[reset]"));
        QVERIFY(templates.source("[reset]") == EmotionTemplates::Source::Pseudo);
        QCOMPARE(templates.pose("[reset]"), Pose());
        QVERIFY(!templates.names().contains("[reset]"));
    }
};

QTEST_GUILESS_MAIN(TestEmotionTemplates)
#include "test_emotion_templates.moc"
