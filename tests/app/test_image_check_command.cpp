// SPDX-License-Identifier: GPL-3.0-or-later
// runCheckImageCommand, the `talkinghead-studio check-image` subcommand, in-process with its output captured: exit
// status and messages for valid, warning-only, broken and missing images and for every bad usage; --json, --fix and
// --overlay together.

#include "app/image_check_command.h"
#include "support/drawn_character.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace ths;
using ths::test::character;
using ths::test::filled;
using ths::test::shifted;

namespace {

struct CommandResult {
    int status;
    QString out;
    QString err;
};

CommandResult runCommand(const QStringList &args)
{
    CommandResult r;
    QTextStream out(&r.out), err(&r.err);
    r.status = runCheckImageCommand(args, out, err);
    return r;
}

} // namespace

class TestImageCheckCommand : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString savePng(const QImage &image, const QString &name) const
    {
        const QString p = path(name);
        if (!image.save(p, "png"))
            qFatal("cannot write %s", qPrintable(p));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void checkImageCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("out");  // must appear in stdout
        QTest::addColumn<QString>("err");  // must appear in stderr
        const QString valid = savePng(character(), QStringLiteral("cmd-valid.png"));
        QImage opaque = filled({512, 512}, Qt::white, QImage::Format_RGB32);
        QPainter(&opaque).drawImage(0, 0, character());
        const QString noAlpha = savePng(opaque, QStringLiteral("cmd-noalpha.png"));
        const QString high = savePng(shifted(0, -40), QStringLiteral("cmd-high.png"));
        QTest::newRow("valid") << QStringList{valid} << 0 << "cmd-valid.png: OK" << "";
        QTest::newRow("warning only") << QStringList{high} << 0 << "warning  head-outside-box" << "";
        QTest::newRow("error") << QStringList{noAlpha} << 1 << "error    missing-alpha" << "";
        QTest::newRow("missing") << QStringList{path("nope.png")} << 1 << "file-not-found" << "";
        QTest::newRow("json") << QStringList{"--json", noAlpha} << 1 << "\"code\": \"missing-alpha\"" << "";
        QTest::newRow("no file") << QStringList{} << 2 << "" << "error: no image given";
        QTest::newRow("two files") << QStringList{valid, high} << 2 << "" << "unexpected argument";
        QTest::newRow("unknown option") << QStringList{"--frobnicate", valid} << 2 << "" << "frobnicate";
        QTest::newRow("help") << QStringList{"--help"} << 0 << "--json" << "";
        QTest::newRow("fix refused on error") << QStringList{"--fix", noAlpha} << 1 << "" << "not writing a fixed copy";
    }
    void checkImageCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const CommandResult r = runCommand(args);
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("status %1\n%2%3").arg(r.status).arg(r.out, r.err)));
        QVERIFY2(r.out.contains(out), qPrintable(r.out));
        QVERIFY2(r.err.contains(err), qPrintable(r.err));
        if (status == 2)
            QVERIFY(r.out.isEmpty());
    }

    void checkImageCommandJsonAndFix()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.png"));
        QVERIFY(character({1024, 1024}, QTransform::fromScale(2, 2)).save(file, "png"));
        const QString overlayFile = dir.filePath(QStringLiteral("overlay.png"));
        const CommandResult r = runCommand({QStringLiteral("--json"), QStringLiteral("--fix"), QStringLiteral("--overlay"),
                                            overlayFile, file});
        QCOMPARE(r.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("issues")).toArray().first().toObject().value("code").toString(),
                 QStringLiteral("resized"));
        const QString fixed = json.value(QStringLiteral("fixedCopy")).toString();
        QCOMPARE(fixed, dir.filePath(QStringLiteral("big.fixed.png")));
        QCOMPARE(QImage(fixed).size(), QSize(512, 512));
        const QImage overlay(overlayFile);
        QCOMPARE(overlay.size(), QSize(512, 512));
        QCOMPARE(overlay.pixelColor(192, 128), QColor(255, 140, 0));

        // Text mode: one line per issue, then the summary as the last line.
        const CommandResult text = runCommand({file});
        const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.first().startsWith(QStringLiteral("warning  resized")));
        QCOMPARE(lines.last(), QStringLiteral("big.png: usable — warnings: 1"));
    }
};

QTEST_GUILESS_MAIN(TestImageCheckCommand)
#include "test_image_check_command.moc"
