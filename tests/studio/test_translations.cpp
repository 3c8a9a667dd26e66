// SPDX-License-Identifier: GPL-3.0-or-later
// Every translation is complete: each .ts in translations/ has a finished, non-empty translation for every string
// the studio's sources contain now (the build's lupdate project is run into a scratch file and compared).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context, source, translation, type;
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *language = nullptr)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS") && language)
                *language = xml.attributes().value(QLatin1String("language")).toString();
            else if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                current = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            } else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                // Numerus forms: the text of the <numerusform> children.
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    return messages;
}

QString key(const Message &m)
{
    return m.context + QLatin1Char('\x1f') + m.source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QString m_dir = QStringLiteral(THS_SOURCE_DIR "/translations");
    QSet<QString> m_current; // context + source of every string in the sources today

private Q_SLOTS:
    void initTestCase()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString ts = scratch.filePath(QStringLiteral("current.ts"));
        // The build's own lupdate project (translations/CMakeLists.txt: sources, include paths), written to a
        // scratch .ts instead of the real ones.
        const QString project = scratch.filePath(QStringLiteral("project.json"));
        QProcess generate;
        generate.start(QStringLiteral(THS_CMAKE), {QStringLiteral("-DIN_FILE=" THS_LUPDATE_PROJECT), QStringLiteral("-DOUT_FILE=") + project,
                                                   QStringLiteral("-P"), QStringLiteral(THS_LUPDATE_PROJECT_SCRIPT)});
        QVERIFY2(generate.waitForFinished(60000) && generate.exitCode() == 0,
                 qPrintable(QString::fromUtf8(generate.readAllStandardError())));
        QProcess lupdate;
        lupdate.start(QStringLiteral(THS_LUPDATE), {QStringLiteral("-silent"), QStringLiteral("-project"), project,
                                                    QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), ts});
        QVERIFY2(lupdate.waitForFinished(120000) && lupdate.exitCode() == 0,
                 qPrintable(QString::fromUtf8(lupdate.readAllStandardError())));
        for (const Message &m : readTs(ts))
            m_current.insert(key(m));
        QVERIFY2(m_current.size() > 50, qPrintable(QStringLiteral("lupdate found only %1 strings").arg(m_current.size())));
    }

    void everyLanguageIsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("talkinghead-studio_en.ts") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("talkinghead-studio_zh_CN.ts") << QStringLiteral("zh_CN");
        QTest::newRow("ja") << QStringLiteral("talkinghead-studio_ja.ts") << QStringLiteral("ja");
    }

    void everyLanguageIsComplete()
    {
        QFETCH(QString, file);
        QFETCH(QString, language);
        const QString path = QDir(m_dir).filePath(file);
        QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is missing")));
        QString declared;
        const QList<Message> messages = readTs(path, &declared);
        QCOMPARE(declared, language);

        QSet<QString> present;
        QStringList problems;
        for (const Message &m : messages) {
            if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
                continue; // kept by lupdate for history; not shown
            present.insert(key(m));
            if (m.type == QLatin1String("unfinished"))
                problems << QStringLiteral("unfinished: [%1] %2").arg(m.context, m.source);
            else if (m.translation.trimmed().isEmpty() && language != QLatin1String("en"))
                problems << QStringLiteral("empty: [%1] %2").arg(m.context, m.source);
        }
        for (const QString &k : m_current)
            if (!present.contains(k))
                problems << QStringLiteral("not in %1: %2").arg(file, QString(k).replace(QLatin1Char('\x1f'), QLatin1String(" | ")));
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size())
                                                + problems.mid(0, 40).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
