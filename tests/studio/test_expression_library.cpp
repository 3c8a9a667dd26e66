// SPDX-License-Identifier: GPL-3.0-or-later
// The expression library: the 28 factory emotions plus the user's layer, save/rename/remove semantics, persistence
// through storagePath (including a corrupt file kept as .bak), and `_emotions.json` import/export with all-or-nothing
// validation.

#include "animation/emotion_templates.h"
#include "studio/expression_library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

QStringList names(const ExpressionLibrary &lib)
{
    QStringList result;
    for (int i = 0; i < lib.rowCount(); ++i)
        result << lib.data(lib.index(i), ExpressionLibrary::NameRole).toString();
    return result;
}

QString kind(const ExpressionLibrary &lib, const QString &name)
{
    const int row = int(names(lib).indexOf(name));
    return row < 0 ? QString() : lib.data(lib.index(row), ExpressionLibrary::KindRole).toString();
}

QVariantMap somePose(double wink = 0.5)
{
    return {{"eye_wink_left_index", wink}, {"mouth_smirk", 0.25}, {"head_x_index", -0.5}};
}

} // namespace

class TestExpressionLibrary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A library on a fresh storage file of its own.
    QString freshStorage() { return m_dir.filePath(QStringLiteral("store%1/expressions.json").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase()
    {
        // Never touch the real user's AppData.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void factoryEmotions()
    {
        ExpressionLibrary lib;
        QVERIFY(lib.storagePath().endsWith(QStringLiteral("/expressions.json")));
        lib.setStoragePath(freshStorage());
        QCOMPARE(lib.count(), 28);
        QCOMPARE(lib.rowCount(), 28);
        QCOMPARE(lib.roleNames().value(ExpressionLibrary::NameRole), QByteArray("name"));
        QCOMPARE(lib.roleNames().value(ExpressionLibrary::KindRole), QByteArray("kind"));
        QStringList expected = EmotionTemplates::factory().keys();
        expected.sort();
        QCOMPARE(names(lib), expected);
        for (const QString &name : expected) {
            QCOMPARE(kind(lib, name), QStringLiteral("factory"));
            QCOMPARE(*lib.find(name), EmotionTemplates::factory().value(name));
            QCOMPARE(lib.poseOf(name).size(), 45);
        }
        for (const QString name : {"admiration", "joy", "neutral", "surprise", "remorse"})
            QVERIFY2(expected.contains(name), qPrintable(name));
        QCOMPARE(lib.poseOf("joy").value("mouth_smirk").toDouble(),
                 double(EmotionTemplates::factory().value("joy")[Pose::indexOf("mouth_smirk")]));
        QVERIFY(lib.poseOf("no such").isEmpty());
        QCOMPARE(lib.expressions().size(), 28);
    }

    void saveRenameRemove()
    {
        ExpressionLibrary lib;
        lib.setStoragePath(freshStorage());
        QSignalSpy countSpy(&lib, &ExpressionLibrary::countChanged);
        QSignalSpy insertSpy(&lib, &QAbstractItemModel::rowsInserted);

        // A new name is a user preset, inserted in name order.
        QVERIFY2(lib.savePreset("wistful", somePose()), qPrintable(lib.lastError()));
        QCOMPARE(lib.count(), 29);
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(insertSpy.count(), 1);
        QCOMPARE(kind(lib, "wistful"), QStringLiteral("user"));
        QCOMPARE(names(lib).last(), QStringLiteral("wistful"));
        QCOMPARE(lib.poseOf("wistful").value("eye_wink_left_index").toDouble(), 0.5);
        QCOMPARE(lib.poseOf("wistful").value("eye_wink_right_index").toDouble(), 0.0);
        // Saving again replaces it.
        QVERIFY(lib.savePreset("wistful", somePose(0.75)));
        QCOMPARE(lib.poseOf("wistful").value("eye_wink_left_index").toDouble(), 0.75);
        QCOMPARE(lib.count(), 29);

        // A factory name becomes "modified"; removing it brings the factory pose back.
        QVERIFY(lib.savePreset("joy", somePose()));
        QCOMPARE(lib.count(), 29);
        QCOMPARE(kind(lib, "joy"), QStringLiteral("modified"));
        QCOMPARE(lib.poseOf("joy").value("head_x_index").toDouble(), -0.5);
        QVERIFY(lib.remove("joy"));
        QCOMPARE(kind(lib, "joy"), QStringLiteral("factory"));
        QCOMPARE(*lib.find("joy"), EmotionTemplates::factory().value("joy"));
        // Saving exactly the factory pose is no modification.
        QVERIFY(lib.savePreset("anger", lib.poseOf("anger")));
        QCOMPARE(kind(lib, "anger"), QStringLiteral("factory"));

        // Unmodified factory emotions cannot be deleted or renamed; modified ones cannot be renamed either.
        QVERIFY(!lib.remove("neutral"));
        QVERIFY2(lib.lastError().contains("neutral"), qPrintable(lib.lastError()));
        QCOMPARE(lib.count(), 29);
        QVERIFY(!lib.rename("neutral", "calm"));
        QVERIFY(lib.savePreset("fear", somePose()));
        QVERIFY(!lib.rename("fear", "scared"));
        QCOMPARE(kind(lib, "fear"), QStringLiteral("modified"));
        QVERIFY(!lib.remove("no such"));
        QVERIFY(!lib.rename("no such", "x"));

        // Reserved and empty names.
        for (const QString name : {"", "  ", "[custom]", "[reset]"}) {
            QVERIFY2(!lib.savePreset(name, somePose()), qPrintable(name));
            QVERIFY(!lib.lastError().isEmpty());
        }
        QVERIFY(!lib.rename("wistful", "[reset]"));
        // Bad values name the field and change nothing.
        QVERIFY(!lib.savePreset("bad", {{"eye_wink_left_index", 3.0}}));
        QVERIFY2(lib.lastError().contains("eye_wink_left_index"), qPrintable(lib.lastError()));
        QVERIFY(!lib.savePreset("bad", {{"no_such_parameter", 0.5}}));
        QVERIFY2(lib.lastError().contains("no_such_parameter"), qPrintable(lib.lastError()));
        QVERIFY(kind(lib, "bad").isEmpty());

        // Renaming a user preset keeps its pose; no renaming onto an existing name.
        QVERIFY(!lib.rename("wistful", "joy"));
        QVERIFY(lib.savePreset("pensive", somePose(0.1)));
        QVERIFY(!lib.rename("wistful", "pensive"));
        QVERIFY2(lib.rename("wistful", "dreamy"), qPrintable(lib.lastError()));
        QVERIFY(lib.lastError().isEmpty());
        QCOMPARE(kind(lib, "wistful"), QString());
        QCOMPARE(kind(lib, "dreamy"), QStringLiteral("user"));
        QCOMPARE(lib.poseOf("dreamy").value("eye_wink_left_index").toDouble(), 0.75);

        QVERIFY(lib.remove("dreamy"));
        QVERIFY(lib.remove("pensive"));
        QVERIFY(lib.remove("fear"));
        QCOMPARE(lib.count(), 28);
        for (const QString &name : names(lib))
            QCOMPARE(kind(lib, name), QStringLiteral("factory"));
    }

    void persistsThroughStoragePath()
    {
        const QString path = freshStorage();
        QList<NamedPose> written;
        {
            ExpressionLibrary lib;
            lib.setStoragePath(path);
            QVERIFY(lib.savePreset("wistful", somePose()));
            QVERIFY(lib.savePreset("sadness", somePose(1.0)));
            QVERIFY(lib.savePreset("Zany", somePose(0.2)));
            QVERIFY(lib.savePreset("temp", somePose(0.3)));
            QVERIFY(lib.remove("temp"));
            written = lib.expressions();
            QVERIFY(QFile::exists(path));
        }
        ExpressionLibrary reader;
        QSignalSpy pathSpy(&reader, &ExpressionLibrary::storagePathChanged);
        reader.setStoragePath(path);
        QCOMPARE(pathSpy.count(), 1);
        QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
        QCOMPARE(reader.count(), 30);
        QCOMPARE(reader.expressions(), written);
        QCOMPARE(kind(reader, "wistful"), QStringLiteral("user"));
        QCOMPARE(kind(reader, "sadness"), QStringLiteral("modified"));
        QCOMPARE(kind(reader, "Zany"), QStringLiteral("user"));
        QVERIFY(kind(reader, "temp").isEmpty());
        // The file holds the user layer only, in the _emotions.json format.
        const QJsonObject stored = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(stored.keys(), QStringList({"Zany", "sadness", "wistful"}));
        QCOMPARE(stored.value("wistful").toObject().size(), 45);

        // Another path replaces the user layer; "" keeps it in memory only.
        reader.setStoragePath(freshStorage());
        QCOMPARE(reader.count(), 28);
        reader.setStoragePath(QString());
        QVERIFY(reader.savePreset("memory only", somePose()));
        QCOMPARE(reader.count(), 29);
    }

    void corruptStorageIsReportedAndKept()
    {
        for (const QByteArray &garbage : {QByteArray("{ \"wistful\": { \"eye_wink_left_index\": 0.5, "),
                                         QByteArray("{\"wistful\": {\"eye_wink_left_index\": 7}}")}) {
            const QString path = freshStorage();
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            writeAll(path, garbage);
            ExpressionLibrary lib;
            lib.setStoragePath(path);
            QVERIFY(!lib.lastError().isEmpty());
            QVERIFY2(lib.lastError().contains(QDir::toNativeSeparators(path)), qPrintable(lib.lastError()));
            QCOMPARE(lib.count(), 28);
            QCOMPARE(readAll(path), garbage); // not touched on reading
            QVERIFY(!QFile::exists(path + ".bak"));

            // The first change backs the file up, then saves.
            QVERIFY2(lib.savePreset("fresh", somePose()), qPrintable(lib.lastError()));
            QCOMPARE(readAll(path + ".bak"), garbage);
            ExpressionLibrary reader;
            reader.setStoragePath(path);
            QVERIFY2(reader.lastError().isEmpty(), qPrintable(reader.lastError()));
            QCOMPARE(kind(reader, "fresh"), QStringLiteral("user"));
            // Later saves leave the backup alone.
            QVERIFY(lib.savePreset("fresh2", somePose()));
            QCOMPARE(readAll(path + ".bak"), garbage);
        }
    }

    void exportImportRoundTrip()
    {
        ExpressionLibrary source;
        source.setStoragePath(freshStorage());
        QVERIFY(source.savePreset("wistful", somePose(0.7)));
        QVERIFY(source.savePreset("joy", somePose(0.1)));
        QVERIFY(source.savePreset("quote\"name", somePose(0.3)));
        const QString file = m_dir.filePath("out/_emotions.json");
        QVERIFY(QDir().mkpath(m_dir.filePath("out")));
        QVERIFY2(source.exportEmotions(QUrl::fromLocalFile(file)), qPrintable(source.lastError()));

        const QByteArray text = readAll(file);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.size(), 30);
        for (auto it = json.begin(); it != json.end(); ++it)
            QCOMPARE(it.value().toObject().size(), 45);
        // Indent 4, parameters in model order, the shortest exact float spelling.
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.value(0), QByteArray("{"));
        QCOMPARE(lines.value(1), QByteArray("    \"admiration\": {"));
        QVERIFY(lines.value(2).startsWith("        \"eyebrow_troubled_left_index\": "));
        QVERIFY(text.contains("\"eye_wink_left_index\": 0.7,"));
        QCOMPARE(json.value("wistful").toObject().value("eye_wink_left_index").toDouble(), 0.7);

        ExpressionLibrary target;
        target.setStoragePath(freshStorage());
        QSignalSpy changed(&target, &ExpressionLibrary::expressionsChanged);
        QVERIFY2(target.importFile(QUrl::fromLocalFile(file)), qPrintable(target.lastError()));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(target.expressions(), source.expressions());
        QCOMPARE(kind(target, "joy"), QStringLiteral("modified"));
        QCOMPARE(kind(target, "neutral"), QStringLiteral("factory")); // factory poses stay factory
        QCOMPARE(kind(target, "quote\"name"), QStringLiteral("user"));

        // Single-emotion files: {"name": {…}} and a flat pose named after the file.
        const QString single = m_dir.filePath("out/wistful.json");
        QVERIFY(source.exportSingle("wistful", QUrl::fromLocalFile(single)));
        const QJsonObject singleJson = QJsonDocument::fromJson(readAll(single)).object();
        QCOMPARE(singleJson.keys(), QStringList({"wistful"}));
        QCOMPARE(singleJson.value("wistful").toObject().size(), 45);
        QVERIFY(!source.exportSingle("no such", QUrl::fromLocalFile(single)));
        ExpressionLibrary third;
        third.setStoragePath(freshStorage());
        QVERIFY(third.importFile(QUrl::fromLocalFile(single)));
        QCOMPARE(third.count(), 29);
        QCOMPARE(*third.find("wistful"), *source.find("wistful"));
        const QString flat = m_dir.filePath("out/sleepy.json");
        writeAll(flat, R"({"eye_relaxed_left_index": 1, "eye_relaxed_right_index": 1})");
        QVERIFY2(third.importFile(QUrl::fromLocalFile(flat)), qPrintable(third.lastError()));
        QCOMPARE(kind(third, "sleepy"), QStringLiteral("user"));
        QCOMPARE(third.poseOf("sleepy").value("eye_relaxed_right_index").toDouble(), 1.0);

        // Export into a place that cannot be written.
        writeAll(m_dir.filePath("out/plain"), "x");
        QVERIFY(!source.exportEmotions(QUrl::fromLocalFile(m_dir.filePath("out/plain/_emotions.json"))));
        QVERIFY2(source.lastError().contains("_emotions.json"), qPrintable(source.lastError()));
    }

    void badFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");
        QTest::newRow("invalid JSON") << QByteArray(R"({"wistful": {"eye_wink_left_index": 0.5,)")
                                      << QStringLiteral("invalid JSON");
        QTest::newRow("unknown parameter")
            << QByteArray(R"({"fine": {"mouth_aaa_index": 0.5}, "wistful": {"eye_wonk_left_index": 0.5}})")
            << QStringLiteral("eye_wonk_left_index");
        QTest::newRow("out of range") << QByteArray(R"({"fine": {}, "wistful": {"head_x_index": -1.5}})")
                                      << QStringLiteral("head_x_index");
        QTest::newRow("not a number") << QByteArray(R"({"wistful": {"head_x_index": "left"}})")
                                      << QStringLiteral("head_x_index");
        QTest::newRow("entry not an object") << QByteArray(R"({"fine": {}, "wistful": "happy"})")
                                             << QStringLiteral("wistful");
        QTest::newRow("top not an object") << QByteArray(R"([{"wistful": {}}])") << QStringLiteral("not a JSON object");
        QTest::newRow("reserved name") << QByteArray(R"({"[reset]": {}})") << QStringLiteral("[reset]");
        QTest::newRow("empty") << QByteArray("{}") << QStringLiteral("no expressions");
    }

    void badFilesChangeNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        const QString storage = freshStorage();
        ExpressionLibrary lib;
        lib.setStoragePath(storage);
        QVERIFY(lib.savePreset("existing", somePose()));
        const QByteArray stored = readAll(storage);
        const QList<NamedPose> before = lib.expressions();

        const QString file = m_dir.filePath(QStringLiteral("bad%1.json").arg(++m_n));
        writeAll(file, content);
        QSignalSpy changed(&lib, &ExpressionLibrary::expressionsChanged);
        QVERIFY(!lib.importFile(QUrl::fromLocalFile(file)));
        QVERIFY2(lib.lastError().contains(QDir::toNativeSeparators(file)), qPrintable(lib.lastError()));
        QVERIFY2(lib.lastError().contains(field), qPrintable(lib.lastError()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(lib.expressions(), before);
        QCOMPARE(readAll(storage), stored);
        QVERIFY(kind(lib, "fine").isEmpty());
    }

    void missingFileIsAnError()
    {
        ExpressionLibrary lib;
        lib.setStoragePath(freshStorage());
        const QString file = m_dir.filePath("nowhere/_emotions.json");
        QVERIFY(!lib.importFile(QUrl::fromLocalFile(file)));
        QVERIFY2(lib.lastError().contains(QDir::toNativeSeparators(file)), qPrintable(lib.lastError()));
        QCOMPARE(lib.count(), 28);
    }

    void jsonHelpers()
    {
        Pose pose;
        pose[0] = 0.1f;
        pose[Pose::indexOf("head_x_index")] = -1.0f;
        pose[Pose::indexOf("breathing_index")] = 1e-6f;
        const QByteArray text = emotionsJson({{"a", pose}, {"b", Pose()}});
        QString error;
        const auto parsed = parseEmotionsJson(text, {}, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), 2);
        QCOMPARE(parsed->at(0), (NamedPose{"a", pose}));
        QCOMPARE(parsed->at(1), (NamedPose{"b", Pose()}));
        QVERIFY(text.contains("\"eyebrow_troubled_left_index\": 0.1,"));
        QVERIFY(text.contains("\"head_x_index\": -1.0,"));
        QCOMPARE(emotionsJson({}), QByteArray("{}\n"));
    }
};

QTEST_GUILESS_MAIN(TestExpressionLibrary)
#include "test_expression_library.moc"
