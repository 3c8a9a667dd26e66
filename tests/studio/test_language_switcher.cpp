// SPDX-License-Identifier: GPL-3.0-or-later
// Switching the language at run time: a .qm built here from tests/studio/data (lrelease, the tool the build's
// translations use) changes a C++ tr() string and, through QQmlEngine::retranslate(), a live qsTr() binding;
// switching back to English restores both; a language without a file is reported and leaves English in place;
// "" follows the system locale.

#include "studio/language_switcher.h"
#include "studio/studio_settings.h"

#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

// A QML type of the test's own, so the probe needs no QML module import (this machine lacks the QtQml.Models
// runtime module that `import QtQml` pulls in).
class Probe : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString label MEMBER m_label NOTIFY labelChanged)
public:
    using QObject::QObject;
    QString m_label;
Q_SIGNALS:
    void labelChanged();
};

} // namespace

class TestLanguageSwitcher : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString lrelease = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lrelease");
        if (!QFile::exists(lrelease))
            QSKIP("lrelease (Qt Linguist tools) is not installed: no .qm can be made for this test");
        QProcess p;
        p.start(lrelease, {QStringLiteral(THS_TEST_DATA_DIR "/talkinghead-studio_ja.ts"), QStringLiteral("-qm"),
                           m_dir.filePath(QStringLiteral("talkinghead-studio_ja.qm"))});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("talkinghead-studio_ja.qm"))));
    }

    void switchesCppAndQmlStrings()
    {
        const StudioSettings settings(false);
        QCOMPARE(settings.languageName(QString()), QStringLiteral("System default"));

        QQmlEngine engine;
        QQmlComponent component(&engine);
        // qsTr()'s context is the file's base name, so the component must come from "LanguageProbe.qml".
        qmlRegisterType<Probe>("LanguageProbeTypes", 1, 0, "Probe");
        component.setData("import LanguageProbeTypes\nProbe { label: qsTr(\"Speak\") }",
                          QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("LanguageProbe.qml"))));
        std::unique_ptr<QObject> probe(component.create());
        QVERIFY2(probe, qPrintable(component.errorString()));
        QCOMPARE(probe->property("label").toString(), QStringLiteral("Speak"));

        LanguageSwitcher switcher(nullptr, m_dir.path());
        switcher.setEngine(&engine);
        QSignalSpy applied(&switcher, &LanguageSwitcher::languageApplied);
        QVERIFY2(switcher.apply(QStringLiteral("ja")), qPrintable(switcher.error()));
        QCOMPARE(switcher.current(), QStringLiteral("ja"));
        QCOMPARE(applied.count(), 1);
        QCOMPARE(settings.languageName(QString()), QStringLiteral("システムの既定"));
        QCOMPARE(probe->property("label").toString(), QStringLiteral("話す")); // the binding was re-evaluated

        QVERIFY(switcher.apply(QStringLiteral("en")));
        QCOMPARE(switcher.current(), QStringLiteral("en"));
        QCOMPARE(switcher.loadedFile(), QString());
        QCOMPARE(settings.languageName(QString()), QStringLiteral("System default"));
        QCOMPARE(probe->property("label").toString(), QStringLiteral("Speak"));
    }

    void missingTranslationKeepsEnglish()
    {
        const StudioSettings settings(false);
        LanguageSwitcher switcher(nullptr, m_dir.path());
        QVERIFY(switcher.apply(QStringLiteral("ja")));
        QVERIFY(!switcher.apply(QStringLiteral("zh_CN"))); // no zh_CN file in this directory
        QVERIFY2(switcher.error().contains(QStringLiteral("talkinghead-studio_zh_CN.qm")), qPrintable(switcher.error()));
        QCOMPARE(switcher.current(), QStringLiteral("en"));
        QCOMPARE(settings.languageName(QString()), QStringLiteral("System default"));
    }

    void followsTheSystemLocale()
    {
        const LanguageSwitcher switcher(nullptr, m_dir.path());
        QCOMPARE(switcher.resolve(QString(), QLocale(QStringLiteral("ja_JP"))), QStringLiteral("ja"));
        QCOMPARE(switcher.resolve(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
        QCOMPARE(switcher.resolve(QString(), QLocale(QStringLiteral("en_GB"))), QStringLiteral("en"));
        QCOMPARE(switcher.resolve(QStringLiteral("zh_CN"), QLocale(QStringLiteral("ja_JP"))), QStringLiteral("zh_CN"));
    }

    // The studio's own translations, once translations/ embeds them under :/i18n.
    void shippedTranslations()
    {
        if (!QFile::exists(QStringLiteral(":/i18n/talkinghead-studio_ja.qm")))
            QSKIP("no .qm under :/i18n in this test binary (translations/ embeds them into the application)");
        LanguageSwitcher switcher;
        for (const QString &code : StudioSettings::languages())
            QVERIFY2(switcher.apply(code), qPrintable(switcher.error()));
    }
};

QTEST_MAIN(TestLanguageSwitcher)
#include "test_language_switcher.moc"
