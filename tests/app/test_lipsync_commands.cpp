// SPDX-License-Identifier: GPL-3.0-or-later
// The `lipsync` and `say` commands end to end, in a child process: files written, exit codes, error messages.

#include "lipsync/audio_file.h"
#include "lipsync/mouth_timeline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ths;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(THS_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return r; // crashed or hung: exitCode stays -1
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestLipsyncCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // say writes a WAV and a timeline of the same length; lipsync reads the WAV back into a timeline.
    void sayThenLipsync_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::newRow("en") << "en" << "Hello, my name is Talkinghead.";
        QTest::newRow("cmn") << "cmn" << QString::fromUtf8("你好，我叫小明。");
        QTest::newRow("ja") << "ja" << QString::fromUtf8("こんにちは、げんき です か。");
    }
    void sayThenLipsync()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        const QString wav = path(voice + QLatin1String(".wav")), spoken = path(voice + QLatin1String("-say.json")),
                      heard = path(voice + QLatin1String("-lipsync.json"));
        const Run say = run({QStringLiteral("say"), QStringLiteral("--text"), text, QStringLiteral("--voice"), voice,
                             QStringLiteral("--output"), wav, QStringLiteral("--timeline"), spoken});
        QVERIFY2(say.exitCode == 0, qPrintable(say.err));
        QString error;
        const auto audio = AudioFile::decode(wav, 0, &error);
        QVERIFY2(audio, qPrintable(error));
        QCOMPARE(audio->sampleRate, 22050);
        const auto fromText = MouthTimeline::load(spoken, &error);
        QVERIFY2(fromText, qPrintable(error));
        QVERIFY(std::abs(fromText->duration() - audio->duration()) <= 0.02);

        const Run lipsync = run({QStringLiteral("lipsync"), QStringLiteral("--audio"), wav, QStringLiteral("--output"), heard});
        QVERIFY2(lipsync.exitCode == 0, qPrintable(lipsync.err));
        const auto fromAudio = MouthTimeline::load(heard, &error);
        QVERIFY2(fromAudio, qPrintable(error));
        QCOMPARE(fromAudio->size(), fromText->size());
        QVERIFY(lipsync.out.contains(QStringLiteral("%1 frames").arg(fromAudio->size())));
        // Both paths see speech: the mouth opens in both.
        int openText = 0, openAudio = 0;
        for (int i = 0; i < fromText->size(); ++i) {
            openText += (*fromText)[i].openness > 0.3f;
            openAudio += (*fromAudio)[i].openness > 0.3f;
        }
        QVERIFY(openText > fromText->size() / 5);
        QVERIFY(openAudio > fromAudio->size() / 5);
    }

    void timelineToStdout()
    {
        const Run say = run({QStringLiteral("say"), QStringLiteral("--text"), QStringLiteral("Hi."),
                             QStringLiteral("--timeline"), QStringLiteral("-")});
        QVERIFY2(say.exitCode == 0, qPrintable(say.err));
        QString error;
        const auto timeline = MouthTimeline::fromJson(QJsonDocument::fromJson(say.out.toUtf8()).array(), &error);
        QVERIFY2(timeline && !timeline->isEmpty(), qPrintable(error));
    }

    void rawPcm()
    {
        // 0.5 s of a 200 Hz buzz, s16le mono at 16 kHz.
        QByteArray bytes;
        for (int i = 0; i < 8000; ++i) {
            const qint16 s = qint16(8000.0 * std::sin(2.0 * M_PI * 200.0 * i / 16000.0));
            bytes.append(reinterpret_cast<const char *>(&s), 2);
        }
        QFile f(path(QStringLiteral("buzz.raw")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const QString out = path(QStringLiteral("buzz.json"));
        const Run r = run({QStringLiteral("lipsync"), QStringLiteral("--audio"), f.fileName(), QStringLiteral("--raw"),
                           QStringLiteral("s16le"), QStringLiteral("--rate"), QStringLiteral("16000"),
                           QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        const auto timeline = MouthTimeline::load(out, &error);
        QVERIFY2(timeline, qPrintable(error));
        QCOMPARE(timeline->size(), 50);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("/tmp/never-written.json");
        QTest::newRow("lipsync: no arguments") << QStringList{"lipsync"} << 2 << "give --audio IN and --output TIMELINE.json";
        QTest::newRow("lipsync: unknown option") << QStringList{"lipsync", "--bogus"} << 2 << "Unknown option 'bogus'";
        QTest::newRow("lipsync: missing file") << QStringList{"lipsync", "--audio", "/nonexistent/a.wav", "--output", out}
                                               << 1 << "error: cannot read /nonexistent/a.wav: no such file";
        QTest::newRow("lipsync: bad raw format") << QStringList{"lipsync", "--audio", "x", "--output", out, "--raw", "s24"}
                                                 << 2 << "--raw must be one of u8, s16le, s32le, f32le";
        QTest::newRow("lipsync: raw without rate") << QStringList{"lipsync", "--audio", "x", "--output", out, "--raw", "s16le"}
                                                   << 2 << "raw PCM needs --rate HZ";
        QTest::newRow("say: no text") << QStringList{"say", "--output", out} << 2 << "give --text";
        QTest::newRow("say: no output") << QStringList{"say", "--text", "hi"} << 2 << "give --output OUT.wav, --timeline TIMELINE.json or both";
        QTest::newRow("say: empty text") << QStringList{"say", "--text", "", "--timeline", out} << 1 << "error: the text to speak is empty";
        QTest::newRow("say: unknown voice") << QStringList{"say", "--text", "hi", "--voice", "xx-nosuchvoice", "--timeline", out}
                                            << 1 << "error: unknown voice \"xx-nosuchvoice\"";
        QTest::newRow("say: unwritable output") << QStringList{"say", "--text", "hi", "--output", "/nonexistent/dir/x.wav"}
                                                << 1 << "error: cannot write /nonexistent/dir/x.wav";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = run(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void corruptAudioFile()
    {
        QFile f(path(QStringLiteral("corrupt.wav")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("RIFF\x10\x00\x00\x00WAVEfmt ", 16) + QByteArray(200, '\x55'));
        f.close();
        const Run r = run({QStringLiteral("lipsync"), QStringLiteral("--audio"), f.fileName(), QStringLiteral("--output"),
                           path(QStringLiteral("corrupt.json"))});
        QVERIFY2(r.exitCode == 1, qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("error: cannot decode %1: ").arg(f.fileName())), qPrintable(r.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("corrupt.json"))));
    }

    void help()
    {
        for (const QString &command : {QStringLiteral("lipsync"), QStringLiteral("say")}) {
            const Run r = run({command, QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains(QLatin1String("--output")));
        }
        const Run voices = run({QStringLiteral("say"), QStringLiteral("--list-voices")});
        QCOMPARE(voices.exitCode, 0);
        const QStringList list = voices.out.split(QLatin1Char('\n'));
        QVERIFY(list.contains(QLatin1String("en")));
        QVERIFY(list.contains(QLatin1String("ja")));
        QVERIFY(list.contains(QLatin1String("cmn")));
    }
};

QTEST_GUILESS_MAIN(TestLipsyncCommands)
#include "test_lipsync_commands.moc"
