// SPDX-License-Identifier: GPL-3.0-or-later
// runClassifyCommand, the `talkinghead-studio classify` subcommand, run in-process with its stdout, stderr and
// stdin redirected to files: top labels, --json (the /api/classify body), --explain, --eval with
// --min-accuracy, --lexicon, stdin, and a precise message plus exit status 2 for every bad usage.

#include "app/classify_command.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace ths;

namespace {

struct Result {
    int status = -1;
    QString out;
    QString err;
};

// Runs the command with file descriptors 0/1/2 pointed at files, as a shell redirection would.
Result run(const QStringList &args, const QByteArray &input = {})
{
    QTemporaryDir dir;
    const QString inPath = dir.filePath("in"), outPath = dir.filePath("out"), errPath = dir.filePath("err");
    {
        QFile in(inPath);
        in.open(QIODevice::WriteOnly);
        in.write(input);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedIn = dup(0), savedOut = dup(1), savedErr = dup(2);
    FILE *in = std::fopen(qPrintable(inPath), "rb");
    FILE *out = std::fopen(qPrintable(outPath), "wb");
    FILE *err = std::fopen(qPrintable(errPath), "wb");
    dup2(fileno(in), 0);
    dup2(fileno(out), 1);
    dup2(fileno(err), 2);
    Result r;
    r.status = runClassifyCommand(args);
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedIn, 0);
    dup2(savedOut, 1);
    dup2(savedErr, 2);
    for (int fd : {savedIn, savedOut, savedErr})
        close(fd);
    for (FILE *f : {in, out, err})
        std::fclose(f);
    QFile o(outPath), e(errPath);
    o.open(QIODevice::ReadOnly);
    e.open(QIODevice::ReadOnly);
    r.out = QString::fromUtf8(o.readAll());
    r.err = QString::fromUtf8(e.readAll());
    return r;
}

const QString kEvalPath = QStringLiteral(THS_SOURCE_DIR "/tests/classify/data/emotions_eval.jsonl");

} // namespace

class TestClassifyCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsTopLabels()
    {
        const Result r = run({QStringLiteral("I love you so much <3")});
        QCOMPARE(r.status, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.first().startsWith(QStringLiteral("love ")), qPrintable(r.out));
        // "label  0.123" per line, highest first.
        double previous = 2.0;
        for (const QString &line : lines) {
            bool ok = false;
            const double score = line.section(u' ', -1).toDouble(&ok);
            QVERIFY2(ok && score <= previous, qPrintable(line));
            previous = score;
        }
        QVERIFY(r.err.isEmpty());
    }

    void wordsAreJoined()
    {
        // Unquoted words from a shell are one text.
        const Result r = run({QStringLiteral("I"), QStringLiteral("am"), QStringLiteral("not"), QStringLiteral("happy")});
        QCOMPARE(r.status, 0);
        QVERIFY2(!r.out.startsWith(QStringLiteral("joy")), qPrintable(r.out));
    }

    void jsonIsTheApiBody()
    {
        const Result r = run({QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("28"), QStringLiteral("Thank you!")});
        QCOMPARE(r.status, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        const QJsonArray list = doc.object().value(u"classification").toArray();
        QCOMPARE(list.size(), 28);
        QCOMPARE(list.first().toObject().value(u"label").toString(), QStringLiteral("gratitude"));
        double sum = 0.0;
        for (const QJsonValue &v : list)
            sum += v.toObject().value(u"score").toDouble();
        QVERIFY(std::abs(sum - 1.0) < 1e-9);
    }

    void explainShowsTheCues()
    {
        const Result r = run({QStringLiteral("--explain"), QStringLiteral("I'm not happy")});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains(QStringLiteral("why:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("negated \"happy\"")), qPrintable(r.out));
        const Result none = run({QStringLiteral("--explain"), QStringLiteral("The bus leaves at noon.")});
        QVERIFY2(none.out.contains(QStringLiteral("no cue or rule fired")), qPrintable(none.out));
    }

    void readsStdin()
    {
        const Result r = run({QStringLiteral("-")}, QByteArray("Ew, that's disgusting 🤢\n"));
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("disgust")), qPrintable(r.out));
    }

    void evaluates()
    {
        const Result r = run({QStringLiteral("--eval"), kEvalPath, QStringLiteral("--misses"), QStringLiteral("3"),
                              QStringLiteral("--min-accuracy"), QStringLiteral("0.6")});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("top-1 accuracy ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("worst labels")), qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral(" → ")) >= 3, true);
        const Result strict = run({QStringLiteral("--eval"), kEvalPath, QStringLiteral("--min-accuracy"), QStringLiteral("1")});
        QCOMPARE(strict.status, 1);
        QVERIFY2(strict.err.contains(QStringLiteral("is below --min-accuracy 100.0 %")), qPrintable(strict.err));
    }

    void otherLexicon()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lexicon.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"parameters\": {}, \"emotions\": {}}");
        f.close();
        const Result bad = run({QStringLiteral("--lexicon"), path, QStringLiteral("hi")});
        QCOMPARE(bad.status, 1);
        QVERIFY2(bad.err.contains(path + QStringLiteral(": parameters.")), qPrintable(bad.err));
        const Result good = run({QStringLiteral("--lexicon"), QStringLiteral(THS_SOURCE_DIR "/src/classify/data/emotion_lexicon.json"),
                                 QStringLiteral("hello")});
        QCOMPARE(good.status, 0);
        QVERIFY(good.out.startsWith(QStringLiteral("neutral")));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << 2 << "error: give the text to classify";
        QTest::newRow("unknown option") << QStringList{"--colour", "x"} << 2 << "error: Unknown option 'colour'";
        QTest::newRow("top zero") << QStringList{"--top", "0", "x"} << 2 << "error: --top must be a whole number from 1 to 28, not \"0\"";
        QTest::newRow("top word") << QStringList{"--top", "all", "x"} << 2 << "not \"all\"";
        QTest::newRow("eval and text") << QStringList{"--eval", "f.jsonl", "x"} << 2 << "error: give either --eval FILE or a text";
        QTest::newRow("misses without eval") << QStringList{"--misses", "3", "x"} << 2 << "apply to --eval only";
        QTest::newRow("min accuracy range") << QStringList{"--eval", "f", "--min-accuracy", "60"} << 2
                                            << "--min-accuracy must be a number from 0 to 1, not \"60\"";
        QTest::newRow("negative misses") << QStringList{"--eval", "f", "--misses", "-1"} << 2 << "--misses must be a whole number";
        QTest::newRow("missing eval file") << QStringList{"--eval", "/nonexistent/x.jsonl"} << 1
                                           << "error: /nonexistent/x.jsonl: cannot open";
        QTest::newRow("missing lexicon") << QStringList{"--lexicon", "/nonexistent/l.json", "x"} << 1
                                         << "error: /nonexistent/l.json: cannot open";
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.status, status);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        if (status == 2) // usage errors show the help
            QVERIFY2(r.err.contains(QStringLiteral("--min-accuracy")), qPrintable(r.err));
    }

    void help()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: talkinghead-studio classify")));
        QVERIFY(r.out.contains(QStringLiteral("--eval")));
    }
};

QTEST_GUILESS_MAIN(TestClassifyCommand)
#include "test_classify_command.moc"
