// SPDX-License-Identifier: GPL-3.0-or-later
#include "pose/pose.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using ths::Pose;

class TestPose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesAndRanges()
    {
        QCOMPARE(Pose::names().size(), 45);
        QCOMPARE(Pose::names().first(), QStringLiteral("eyebrow_troubled_left_index"));
        QCOMPARE(Pose::names().at(31), QStringLiteral("mouth_delta"));
        QCOMPARE(Pose::names().at(36), QStringLiteral("mouth_smirk"));
        QCOMPARE(Pose::names().last(), QStringLiteral("breathing_index"));
        QCOMPARE(Pose::indexOf(QStringLiteral("head_x_index")), Pose::kRotationBegin);
        QCOMPARE(Pose::parameters()[Pose::indexOf(QStringLiteral("iris_rotation_y_index"))].minimum, -1.0f);
        QCOMPARE(Pose::indexOf(QStringLiteral("nope")), -1);
    }

    void parsesBothForms_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("flat") << QByteArray(R"({"mouth_aaa_index": 0.5, "head_x_index": -0.25})");
        QTest::newRow("template") << QByteArray(R"({"happy": {"mouth_aaa_index": 0.5, "head_x_index": -0.25}})");
    }
    void parsesBothForms()
    {
        QFETCH(QByteArray, json);
        QString error;
        const auto pose = Pose::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QVERIFY2(pose, qPrintable(error));
        QCOMPARE(pose->value(QStringLiteral("mouth_aaa_index")), 0.5f);
        QCOMPARE(pose->value(QStringLiteral("head_x_index")), -0.25f);
        QCOMPARE(pose->value(QStringLiteral("breathing_index")), 0.0f); // missing → 0
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown name") << QByteArray(R"({"mouth_aaa": 0.5})") << QStringLiteral("unknown pose parameter \"mouth_aaa\"");
        QTest::newRow("string") << QByteArray(R"({"mouth_aaa_index": "0.5"})") << QStringLiteral("\"mouth_aaa_index\" must be a number");
        QTest::newRow("out of range") << QByteArray(R"({"head_x_index": 1.5})") << QStringLiteral("\"head_x_index\" is 1.5; expected a number in [-1, 1]");
        QTest::newRow("template unknown") << QByteArray(R"({"x": {"eye_wink": 1}})") << QStringLiteral("unknown pose parameter \"eye_wink\"");
    }
    void rejectsBadInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Pose::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void fileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"mouth_aaa_index\": ");
        f.close();
        QString error;
        QVERIFY(!Pose::fromFile(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": invalid JSON at offset")), qPrintable(error));
        QVERIFY(!Pose::fromFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QStringLiteral("missing.json: cannot open")), qPrintable(error));
    }

    void roundTripAndClamp()
    {
        Pose p;
        p[0] = 0.25f;
        p[Pose::kRotationBegin] = -0.75f;
        const auto back = Pose::fromJson(p.toJson(), nullptr);
        QVERIFY(back);
        QCOMPARE(*back, p);
        p[1] = 7.0f;
        p[Pose::kRotationBegin + 1] = -3.0f;
        const Pose c = p.clamped();
        QCOMPARE(c[1], 1.0f);
        QCOMPARE(c[Pose::kRotationBegin + 1], -1.0f);
        QCOMPARE(c[0], 0.25f);
    }
};

QTEST_GUILESS_MAIN(TestPose)
#include "test_pose.moc"
