// SPDX-License-Identifier: GPL-3.0-or-later
// AnimatorSettings: the original's defaults, per-key merging, validation that names the field, the transactional
// load through the Animator, the crop rectangle and settings files.

#include "animation/animator.h"
#include "animation/animator_settings.h"
#include "animation/manual_clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestAnimatorSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheOriginals()
    {
        const AnimatorSettings s;
        QCOMPARE(s.targetFps, 25.0);
        QCOMPARE(s.cropLeft, 0.0);
        QCOMPARE(s.cropRight, 0.0);
        QCOMPARE(s.cropTop, 0.0);
        QCOMPARE(s.cropBottom, 0.0);
        QCOMPARE(s.poseInterpolatorStep, 0.1);
        QCOMPARE(s.blinkIntervalMin, 2.0);
        QCOMPARE(s.blinkIntervalMax, 5.0);
        QCOMPARE(s.blinkProbability, 0.03);
        QCOMPARE(s.blinkConfusionDuration, 10.0);
        QCOMPARE(s.talkingFps, 12.0);
        QCOMPARE(s.talkingMorph, QStringLiteral("mouth_aaa_index"));
        QCOMPARE(s.swayMorphs, (QStringList{"head_x_index", "head_y_index", "neck_z_index", "body_y_index",
                                            "body_z_index"}));
        QCOMPARE(s.swayIntervalMin, 5.0);
        QCOMPARE(s.swayIntervalMax, 10.0);
        QCOMPARE(s.swayMacroStrength, 0.6);
        QCOMPARE(s.swayMicroStrength, 0.02);
        QCOMPARE(s.breathingCycleDuration, 4.0);
        QVERIFY(s.postprocessorChain.isEmpty());
    }

    void toJsonListsEveryKeyAndRoundTrips()
    {
        const QJsonObject json = AnimatorSettings().toJson();
        QStringList keys = json.keys();
        QStringList expected = AnimatorSettings::keys();
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(expected.size(), 19);
        QCOMPARE(json.value("target_fps").toDouble(), 25.0);
        QCOMPARE(json.value("talking_morph").toString(), QStringLiteral("mouth_aaa_index"));

        AnimatorSettings custom;
        custom.targetFps = 30;
        custom.swayMorphs = {"iris_rotation_x_index"};
        custom.postprocessorChain = QJsonArray{QJsonArray{"bloom", QJsonObject{}}};
        QString error;
        const auto back = AnimatorSettings::fromJson(custom.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(*back == custom);
    }

    void emptyObjectGivesTheBase()
    {
        QString error;
        auto s = AnimatorSettings::fromJson(QJsonObject(), &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(*s == AnimatorSettings());

        AnimatorSettings server;
        server.targetFps = 20;
        s = AnimatorSettings::fromJson(QJsonObject(), server, &error);
        QVERIFY(s);
        QCOMPARE(s->targetFps, 20.0);
    }

    void partialObjectMergesOverTheBase()
    {
        AnimatorSettings server;
        server.talkingFps = 8;
        QString error;
        const auto s = AnimatorSettings::fromJson(
            parse(R"({"target_fps": 20, "sway_macro_strength": 0.3, "sway_morphs": [],
                      "postprocessor_chain": [["bloom", {}], ["scanlines", {"dynamic": false}], ["alphanoise"]]})"),
            server, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->targetFps, 20.0);
        QCOMPARE(s->swayMacroStrength, 0.3);
        QVERIFY(s->swayMorphs.isEmpty());
        QCOMPARE(s->talkingFps, 8.0);          // from the server layer
        QCOMPARE(s->breathingCycleDuration, 4.0); // built-in default
        QCOMPARE(s->postprocessorChain.size(), 3);
        QCOMPARE(s->postprocessorChain.at(1).toArray().at(1).toObject().value("dynamic").toBool(true), false);
    }

    void integersAreAcceptedForNumbers()
    {
        QString error;
        const auto s = AnimatorSettings::fromJson(parse(R"({"pose_interpolator_step": 1, "blink_probability": 0})"),
                                                  &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->poseInterpolatorStep, 1.0);
        QCOMPARE(s->blinkProbability, 0.0);
    }

    void unknownKeysAreIgnoredAndReported()
    {
        QString error;
        QStringList ignored;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("unknown animator setting.*frobnicate"));
        const auto s =
            AnimatorSettings::fromJson(parse(R"({"frobnicate": 1, "target_fps": 30})"), &error, &ignored);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(ignored, QStringList{"frobnicate"});
        QCOMPARE(s->targetFps, 30.0);
    }

    void invalidValuesAreRejected_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");

        QTest::newRow("target_fps zero") << R"({"target_fps": 0})" << "target_fps";
        QTest::newRow("target_fps negative") << R"({"target_fps": -5})" << "target_fps";
        QTest::newRow("target_fps huge") << R"({"target_fps": 100000})" << "target_fps";
        QTest::newRow("target_fps tiny") << R"({"target_fps": 3.3e-7})" << "target_fps"; // a 35-day frame
        QTest::newRow("target_fps below 1") << R"({"target_fps": 0.5})" << "target_fps";
        QTest::newRow("target_fps above 120") << R"({"target_fps": 121})" << "target_fps";
        QTest::newRow("target_fps string") << R"({"target_fps": "25"})" << "target_fps";
        QTest::newRow("target_fps bool") << R"({"target_fps": true})" << "target_fps";
        QTest::newRow("target_fps null") << R"({"target_fps": null})" << "target_fps";
        QTest::newRow("crop_left negative") << R"({"crop_left": -0.1})" << "crop_left";
        QTest::newRow("crop_right 2") << R"({"crop_right": 2.0})" << "crop_right";
        QTest::newRow("crop_top list") << R"({"crop_top": [0.1]})" << "crop_top";
        QTest::newRow("crop_bottom big") << R"({"crop_bottom": 5})" << "crop_bottom";
        QTest::newRow("crop left+right") << R"({"crop_left": 1.0, "crop_right": 1.0})" << "crop_left + crop_right";
        QTest::newRow("crop top+bottom") << R"({"crop_top": 1.5, "crop_bottom": 0.5})" << "crop_top + crop_bottom";
        QTest::newRow("step zero") << R"({"pose_interpolator_step": 0})" << "pose_interpolator_step";
        QTest::newRow("step above one") << R"({"pose_interpolator_step": 1.5})" << "pose_interpolator_step";
        QTest::newRow("step tiny") << R"({"pose_interpolator_step": 1e-9})" << "pose_interpolator_step";
        QTest::newRow("blink min negative") << R"({"blink_interval_min": -1})" << "blink_interval_min";
        QTest::newRow("blink max below min") << R"({"blink_interval_max": 1.0})" << "blink_interval_max";
        QTest::newRow("blink min above max") << R"({"blink_interval_min": 6.0})" << "blink_interval_min";
        QTest::newRow("blink probability") << R"({"blink_probability": 1.5})" << "blink_probability";
        QTest::newRow("confusion duration") << R"({"blink_confusion_duration": -2})" << "blink_confusion_duration";
        QTest::newRow("talking_fps zero") << R"({"talking_fps": 0})" << "talking_fps";
        QTest::newRow("talking_fps huge") << R"({"talking_fps": 1000})" << "talking_fps";
        QTest::newRow("talking_fps tiny") << R"({"talking_fps": 1e-9})" << "talking_fps";
        QTest::newRow("talking_morph unknown") << R"({"talking_morph": "mouth_aaa"})" << "talking_morph";
        QTest::newRow("talking_morph number") << R"({"talking_morph": 3})" << "talking_morph";
        QTest::newRow("sway_morphs string") << R"({"sway_morphs": "head_x_index"})" << "sway_morphs";
        QTest::newRow("sway_morphs unknown") << R"({"sway_morphs": ["head_x_index", "tail_index"]})"
                                             << "sway_morphs[1]";
        QTest::newRow("sway_morphs number") << R"({"sway_morphs": [1]})" << "sway_morphs[0]";
        QTest::newRow("sway_morphs twice") << R"({"sway_morphs": ["head_x_index", "head_x_index"]})"
                                           << "sway_morphs[1]";
        QTest::newRow("sway min negative") << R"({"sway_interval_min": -1})" << "sway_interval_min";
        QTest::newRow("sway max below min") << R"({"sway_interval_min": 8, "sway_interval_max": 6})"
                                            << "sway_interval_max";
        QTest::newRow("macro strength") << R"({"sway_macro_strength": 2})" << "sway_macro_strength";
        QTest::newRow("micro strength") << R"({"sway_micro_strength": -0.1})" << "sway_micro_strength";
        QTest::newRow("breathing zero") << R"({"breathing_cycle_duration": 0})" << "breathing_cycle_duration";
        QTest::newRow("breathing tiny") << R"({"breathing_cycle_duration": 1e-300})" << "breathing_cycle_duration";
        QTest::newRow("chain object") << R"({"postprocessor_chain": {"bloom": {}}})" << "postprocessor_chain";
        QTest::newRow("chain element string") << R"({"postprocessor_chain": ["bloom"]})" << "postprocessor_chain[0]";
        QTest::newRow("chain element empty") << R"({"postprocessor_chain": [[]]})" << "postprocessor_chain[0]";
        QTest::newRow("chain name number") << R"({"postprocessor_chain": [[1, {}]]})" << "postprocessor_chain[0][0]";
        QTest::newRow("chain params list") << R"({"postprocessor_chain": [["bloom", []]]})"
                                           << "postprocessor_chain[0][1]";
        // Filters, parameters and values are the look's (tests/look/test_look_chain.cpp has them all).
        QTest::newRow("chain unknown filter") << R"({"postprocessor_chain": [["no_such_filter", {}]]})"
                                              << "postprocessor_chain[0][0]";
        QTest::newRow("chain out of range") << R"({"postprocessor_chain": [["bloom", {}], ["banding", {}], ["vignetting", {"strength": 2}]]})"
                                            << "postprocessor_chain[2].strength";
    }

    void invalidValuesAreRejected()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        const QJsonObject body = QJsonDocument::fromJson(json.toUtf8()).object();
        QVERIFY(!body.isEmpty());

        QString error;
        QVERIFY(!AnimatorSettings::fromJson(body, &error));
        QVERIFY2(error.startsWith(field + QLatin1Char(':')), qPrintable(error));

        // Through the animator: the previous settings stay.
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        QString loadError;
        QVERIFY(animator.loadAnimatorSettings(parse(R"({"target_fps": 30, "talking_fps": 6})"), &loadError));
        const AnimatorSettings before = animator.settings();
        QVERIFY(!animator.loadAnimatorSettings(body, &loadError));
        QCOMPARE(loadError, error);
        QVERIFY(animator.settings() == before);
        QCOMPARE(animator.settings().targetFps, 30.0);
    }

    // The error names the field, the value and the accepted range.
    void rangeErrorNamesFieldAndRange()
    {
        QString error;
        QVERIFY(!AnimatorSettings::fromJson(parse(R"({"target_fps": 3.3e-7})"), &error));
        QCOMPARE(error, QStringLiteral("target_fps: 3.3e-07 is out of range; expected a number in [1, 120]"));
        QVERIFY(!AnimatorSettings::fromJson(parse(R"({"breathing_cycle_duration": "4"})"), &error));
        QCOMPARE(error, QStringLiteral("breathing_cycle_duration: expected a number in [0.1, 3600], got a string"));
    }

    void animatorEmptyBodyResetsToServerDefaults()
    {
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        AnimatorSettings server;
        server.targetFps = 15;
        animator.setDefaultSettings(server);
        QString error;
        QVERIFY(animator.loadAnimatorSettings(parse(R"({"talking_fps": 6})"), &error));
        QCOMPARE(animator.settings().talkingFps, 6.0);
        QCOMPARE(animator.settings().targetFps, 15.0);
        // Not cumulative: each call starts from the defaults again.
        QVERIFY(animator.loadAnimatorSettings(parse(R"({"blink_probability": 0.5})"), &error));
        QCOMPARE(animator.settings().talkingFps, 12.0);
        QVERIFY(animator.loadAnimatorSettings(QJsonObject(), &error));
        QVERIFY(animator.settings() == server);
    }

    void fromFileNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath("animator.json");
        const QString bad = dir.filePath("bad.json");
        const QString broken = dir.filePath("broken.json");
        auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(good, R"({"target_fps": 20, "crop_left": 0.5})");
        write(bad, R"({"talking_fps": 0})");
        write(broken, R"({"target_fps": )");

        QString error;
        const auto s = AnimatorSettings::fromFile(good, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->targetFps, 20.0);
        QCOMPARE(s->cropLeft, 0.5);

        QVERIFY(!AnimatorSettings::fromFile(bad, &error));
        QVERIFY2(error.startsWith(bad + ": talking_fps:"), qPrintable(error));
        QVERIFY(!AnimatorSettings::fromFile(broken, &error));
        QVERIFY2(error.startsWith(broken + ": invalid JSON at offset"), qPrintable(error));
        QVERIFY(!AnimatorSettings::fromFile(dir.filePath("missing.json"), &error));
        QVERIFY2(error.contains("cannot open"), qPrintable(error));
    }

    void cropRectFollowsTheOriginalFormula_data()
    {
        QTest::addColumn<double>("left");
        QTest::addColumn<double>("right");
        QTest::addColumn<double>("top");
        QTest::addColumn<double>("bottom");
        QTest::addColumn<QRect>("expected");

        QTest::newRow("none") << 0.0 << 0.0 << 0.0 << 0.0 << QRect(0, 0, 512, 512);
        QTest::newRow("quarter each side") << 0.5 << 0.5 << 0.0 << 0.0 << QRect(128, 0, 256, 512);
        QTest::newRow("truncation") << 0.3 << 0.1 << 0.25 << 0.7 << QRect(76, 64, 486 - 76, 332 - 64);
        QTest::newRow("almost everything") << 1.999 << 0.0 << 0.0 << 1.9999 << QRect(511, 0, 1, 1);
    }

    void cropRectFollowsTheOriginalFormula()
    {
        QFETCH(double, left);
        QFETCH(double, right);
        QFETCH(double, top);
        QFETCH(double, bottom);
        QFETCH(QRect, expected);
        AnimatorSettings s;
        s.cropLeft = left;
        s.cropRight = right;
        s.cropTop = top;
        s.cropBottom = bottom;
        QCOMPARE(s.cropRect(QSize(512, 512)), expected);
    }
};

QTEST_GUILESS_MAIN(TestAnimatorSettings)
#include "test_animator_settings.moc"
