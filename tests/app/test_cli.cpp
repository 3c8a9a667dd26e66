// SPDX-License-Identifier: GPL-3.0-or-later
// The talkinghead-studio executable from the outside: exit statuses, messages on bad input, real renders.

#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The environment of a machine without a display (CTest sets QT_QPA_PLATFORM=offscreen for every test).
QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    return env;
}

struct Result {
    int exitCode = -1;
    QString out, err;
};

Result run(const QStringList &args, int timeoutMs = 600000,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(THS_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usage()
    {
        // With no command and no display: the usage (the studio would need a display), exit 2.
        Result r = run({}, 60000, headlessEnvironment());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage: talkinghead-studio <command>")));
        QVERIFY(r.err.contains(QStringLiteral("studio")));
        // Asking for the studio without a display is a clear error, not Qt's abort.
        r = run({QStringLiteral("studio")}, 60000, headlessEnvironment());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no display")) && r.err.contains(QStringLiteral("serve")), qPrintable(r.err));
        r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("render")) && r.out.contains(QStringLiteral("bench")));
        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
    }

    void renderRejectsBadArguments()
    {
        QTemporaryDir dir;
        const QString good = writeFile(dir, QStringLiteral("good.json"), R"({"mouth_aaa_index": 1.0})");
        const QString bad = writeFile(dir, QStringLiteral("bad.json"), R"({"happy": {"mouth_aa_index": 1.0}})");

        Result r = run({QStringLiteral("render"), QStringLiteral("--pose"), good});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--output")), qPrintable(r.err));

        r = run({QStringLiteral("render"), QStringLiteral("--pose"), bad, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.png"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad) && r.err.contains(QStringLiteral("unknown pose parameter \"mouth_aa_index\"")), qPrintable(r.err));

        r = run({QStringLiteral("render"), QStringLiteral("--pose"), good, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.png")),
                 QStringLiteral("--variant"), QStringLiteral("tiny_float")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--variant \"tiny_float\" is not one of")), qPrintable(r.err));

        r = run({QStringLiteral("render"), QStringLiteral("--pose"), good, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.png")),
                 QStringLiteral("--threads"), QStringLiteral("-3")});
        QCOMPARE(r.exitCode, 2);

        if (!QFile::exists(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")))
            return;
        r = run({QStringLiteral("render"), QStringLiteral("--pose"), good, QStringLiteral("--output"), dir.filePath(QStringLiteral("x.png")),
                 QStringLiteral("--models"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(dir.path() + QStringLiteral("/separable_float/eyebrow_decomposer.pt is missing")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
    }

    // The desktop entry opens a file as `studio FILE`: one image, given once, as the argument or with --image.
    void studioTakesOneImage()
    {
        const QString message = QStringLiteral("give one character image (as --image or as the only argument)");
        Result r = run({QStringLiteral("studio"), QStringLiteral("a.png"), QStringLiteral("b.png")}, 60000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        r = run({QStringLiteral("studio"), QStringLiteral("--image"), QStringLiteral("a.png"), QStringLiteral("b.png")}, 60000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void serveRejectsBadSpeechAtlasOptions()
    {
        Result r = run({QStringLiteral("serve"), QStringLiteral("--speech-atlas"), QStringLiteral("sometimes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--speech-atlas: expected on or off, got \"sometimes\"")), qPrintable(r.err));
        r = run({QStringLiteral("serve"), QStringLiteral("--speech-atlas-max-mb"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--speech-atlas-max-mb: expected a whole number of MiB from 1")), qPrintable(r.err));
    }

    void renderWritesPoses()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        QTemporaryDir dir;
        const QString smile = writeFile(dir, QStringLiteral("smile.json"), R"({"smile": {"mouth_raised_corner_left_index": 1.0, "mouth_raised_corner_right_index": 1.0}})");
        const QString turn = writeFile(dir, QStringLiteral("turn.json"), R"({"head_y_index": 0.8})");
        const QString out = dir.filePath(QStringLiteral("out"));
        const Result r = run({QStringLiteral("render"), QStringLiteral("--pose"), smile, QStringLiteral("--pose"), turn,
                              QStringLiteral("--output-dir"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &name : {QStringLiteral("smile.png"), QStringLiteral("turn.png")}) {
            const QString path = QDir(out).filePath(name);
            QVERIFY2(r.out.contains(path), qPrintable(r.out));
            const QImage image(path);
            QCOMPARE(image.size(), QSize(512, 512));
            QVERIFY(image.hasAlphaChannel());
        }
        QVERIFY(QImage(QDir(out).filePath(QStringLiteral("smile.png"))) != QImage(QDir(out).filePath(QStringLiteral("turn.png"))));
    }

    void recordRejectsBadArguments()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("clip.webm"));
        Result r = run({QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--output is required")), qPrintable(r.err));
        r = run({QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("--output"), dir.filePath(QStringLiteral("clip.avi"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("expected a .webm or .mp4 file, or a directory")), qPrintable(r.err));
        r = run({QStringLiteral("record"), QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--duration is required without --say or --audio")), qPrintable(r.err));
        r = run({QStringLiteral("record"), QStringLiteral("--output"), out, QStringLiteral("--say"), QStringLiteral("hi"),
                 QStringLiteral("--audio"), QStringLiteral("x.wav")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("record"), QStringLiteral("--output"), out, QStringLiteral("--duration"), QStringLiteral("1"),
                 QStringLiteral("--fps"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        // A character's _animator.json with a broken look: the file and the field are named.
        const QString settings = writeFile(dir, QStringLiteral("_animator.json"),
                                           R"({"postprocessor_chain": [["bloom", {}], ["scanlines", {"channel": "R"}]]})");
        r = run({QStringLiteral("record"), QStringLiteral("--output"), out, QStringLiteral("--duration"), QStringLiteral("1"),
                 QStringLiteral("--animator-settings"), settings});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(settings) && r.err.contains(QStringLiteral("postprocessor_chain[1].channel: expected one of \"Y\", \"A\"")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void benchTimesALook()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        const Result r = run({QStringLiteral("bench"), QStringLiteral("--frames"), QStringLiteral("1"), QStringLiteral("--postprocess"),
                              QStringLiteral(THS_SOURCE_DIR "/data/looks/vhs_1980s.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *filter : {"bloom", "analog_lowres", "lumanoise", "analog_badhsync", "analog_vhsglitches",
                                   "analog_vhstracking", "banding", "scanlines"})
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("look filter [0-9] %1: ms_per_frame=[0-9.]+").arg(QLatin1String(filter)))),
                     qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("look total: ms_per_frame=[0-9.]+"))), qPrintable(r.out));
    }

    void benchPrintsFigures()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        const Result r = run({QStringLiteral("bench"), QStringLiteral("--frames"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("full random poses: .*fps=[0-9.]+ ms_per_frame=[0-9.]+ .*editor_ms=[0-9.]+"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("first_frame_s=[0-9.]+"))), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
