// SPDX-License-Identifier: GPL-3.0-or-later
// The settings page: every value survives a restart (a new StudioSettings reads what the last one wrote), bad
// values are normalised instead of stored, and a non-persistent instance neither reads nor writes.

#include "studio/studio_settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace ths;

class TestStudioSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Test mode: QSettings goes to ~/.qttest, never the user's real studio configuration.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ths-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_studio_settings"));
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaults()
    {
        const StudioSettings s;
        QCOMPARE(s.variant(), QStringLiteral("separable_float"));
        QCOMPARE(s.device(), QStringLiteral("cpu"));
        QCOMPARE(s.threads(), 0);
        QCOMPARE(s.precision(), QStringLiteral("auto"));
        QVERIFY(s.speechAtlas());
        QCOMPARE(s.language(), QString());
        QCOMPARE(s.background(), QStringLiteral("checkerboard"));
        QCOMPARE(s.languages(), QStringList({QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("ja")}));
    }

    void roundTrip()
    {
        {
            StudioSettings s;
            QSignalSpy variant(&s, &StudioSettings::variantChanged);
            QSignalSpy language(&s, &StudioSettings::languageChanged);
            s.setVariant(QStringLiteral("standard_half"));
            s.setDevice(QStringLiteral("cuda"));
            s.setThreads(3);
            s.setPrecision(QStringLiteral("fp32"));
            QSignalSpy atlas(&s, &StudioSettings::speechAtlasChanged);
            s.setSpeechAtlas(false);
            s.setSpeechAtlas(false); // unchanged: no signal
            QCOMPARE(atlas.count(), 1);
            s.setLanguage(QStringLiteral("ja"));
            s.setBackground(QStringLiteral("#A0B1C2"));
            s.setVariant(QStringLiteral("standard_half")); // unchanged: no signal
            QCOMPARE(variant.count(), 1);
            QCOMPARE(language.count(), 1);
        }
        QSettings().sync();
        const StudioSettings again;
        QCOMPARE(again.variant(), QStringLiteral("standard_half"));
        QCOMPARE(again.device(), QStringLiteral("cuda"));
        QCOMPARE(again.threads(), 3);
        QCOMPARE(again.precision(), QStringLiteral("fp32"));
        QVERIFY(!again.speechAtlas());
        QCOMPARE(again.language(), QStringLiteral("ja"));
        QCOMPARE(again.background(), QStringLiteral("#a0b1c2"));
    }

    void badValuesAreNormalised()
    {
        StudioSettings s;
        s.setLanguage(QStringLiteral("zh_CN"));
        s.setLanguage(QStringLiteral("klingon"));
        QCOMPARE(s.language(), QString()); // unknown → follow the system
        s.setBackground(QStringLiteral("#123456"));
        s.setBackground(QStringLiteral("red-ish"));
        QCOMPARE(s.background(), QStringLiteral("checkerboard"));
        s.setThreads(-4);
        QCOMPARE(s.threads(), 0);
        s.setVariant(QString());
        QCOMPARE(s.variant(), QStringLiteral("separable_float"));
        s.setPrecision(QStringLiteral("bf16"));
        s.setPrecision(QStringLiteral("float64"));
        QCOMPARE(s.precision(), QStringLiteral("auto"));

        // A hand-edited configuration file is normalised when read.
        {
            QSettings raw;
            raw.setValue(QStringLiteral("studio/language"), QStringLiteral("xx"));
            raw.setValue(QStringLiteral("studio/background"), QStringLiteral("#12"));
            raw.setValue(QStringLiteral("studio/threads"), -1);
            raw.setValue(QStringLiteral("studio/precision"), QStringLiteral("int8"));
        }
        const StudioSettings read;
        QCOMPARE(read.language(), QString());
        QCOMPARE(read.background(), QStringLiteral("checkerboard"));
        QCOMPARE(read.threads(), 0);
        QCOMPARE(read.precision(), QStringLiteral("auto"));
    }

    void notPersistent()
    {
        {
            StudioSettings s;
            s.setThreads(2);
        }
        StudioSettings transient(false);
        QCOMPARE(transient.threads(), 0); // does not read
        transient.setThreads(7);
        const StudioSettings persisted;
        QCOMPARE(persisted.threads(), 2); // did not write
    }

    void languageNames()
    {
        const StudioSettings s(false);
        QCOMPARE(s.languageName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(s.languageName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QCOMPARE(s.languageName(QStringLiteral("ja")), QStringLiteral("日本語"));
        QCOMPARE(s.languageName(QString()), QStringLiteral("System default"));
        QCOMPARE(s.languageName(QStringLiteral("xx")), QStringLiteral("xx"));
    }
};

QTEST_GUILESS_MAIN(TestStudioSettings)
#include "test_studio_settings.moc"
