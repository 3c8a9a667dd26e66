// SPDX-License-Identifier: GPL-3.0-or-later
// The character panel's controller with real files: opens the example character off the GUI thread, presents the
// validation report, publishes image and overlay through image://studio, rejects a bad image with its codes, saves
// fixed copies beside the original without ever overwriting, and keeps the recent-files list (order, limit, missing
// files dropped) in a test-mode QSettings scope.

#include "studio/character_controller.h"
#include "studio/studio_image_provider.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ths;

namespace {

const QString kExample = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");

bool openAndWait(CharacterController &character, const QString &path)
{
    QSignalSpy spy(&character, &CharacterController::openFinished);
    character.open(QUrl::fromLocalFile(path));
    if (!spy.wait(60000))
        return false;
    return spy.first().at(0).toBool();
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

// A character-like picture with transparency: an opaque figure on a transparent background.
QImage figure(int side)
{
    QImage image(side, side, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(200, 150, 120));
    p.drawEllipse(QRectF(side * 0.375, side * 0.12, side * 0.25, side * 0.3));
    p.drawRect(QRectF(side * 0.3, side * 0.4, side * 0.4, side * 0.6));
    return image;
}

QStringList codesOf(const QVariantList &issues)
{
    QStringList codes;
    for (const QVariant &issue : issues)
        codes << issue.toMap().value(QStringLiteral("code")).toString();
    return codes;
}

} // namespace

class TestCharacterController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        // Recent files go to a throw-away settings scope (~/.qttest), never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("talkinghead-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_character_controller"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase() { QSettings().clear(); }

    void startsEmpty()
    {
        CharacterController character(std::make_shared<StudioImages>());
        QCOMPARE(character.state(), QStringLiteral("empty"));
        QVERIFY(!character.usable());
        QVERIFY(character.imageUrl().isEmpty());
        QVERIFY(!character.canSaveFixedCopy());
        QVERIFY(!character.saveFixedCopy());
        QVERIFY(!character.error().isEmpty());
    }

    void opensTheExampleCharacter()
    {
        if (!QFile::exists(kExample))
            QSKIP("example character not installed (scripts/test installs it)");
        auto images = std::make_shared<StudioImages>();
        StudioImageProvider provider(images);
        CharacterController character(images);
        QSignalSpy imageSpy(&character, &CharacterController::imageChanged);
        QSignalSpy doneSpy(&character, &CharacterController::openFinished);
        character.open(QUrl::fromLocalFile(kExample));
        // Decoding runs on a worker: open() returns first.
        QCOMPARE(character.state(), QStringLiteral("loading"));
        QCOMPARE(doneSpy.count(), 0);
        QVERIFY(doneSpy.wait(60000));
        QVERIFY(doneSpy.first().at(0).toBool());
        QCOMPARE(character.state(), QStringLiteral("loaded"));
        QVERIFY2(character.usable(), qPrintable(character.summary()));
        QCOMPARE(character.fileName(), QStringLiteral("lambda_00.png"));
        QCOMPARE(character.source(), QUrl::fromLocalFile(QFileInfo(kExample).absoluteFilePath()));
        QVERIFY(character.summary().startsWith(QStringLiteral("OK")));
        for (const QVariant &issue : character.issues()) {
            const QVariantMap map = issue.toMap();
            QVERIFY(map.contains(QStringLiteral("severity")) && map.contains(QStringLiteral("code")));
            QVERIFY(!map.value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(map.value(QStringLiteral("severity")).toString() != QLatin1String("error"));
        }
        QCOMPARE(imageSpy.count(), 1);
        QCOMPARE(character.image().size(), QSize(512, 512));
        QCOMPARE(character.image().format(), QImage::Format_RGBA8888);

        // The URLs name the provider's images and change with every load, so QML reloads them.
        const QUrl imageUrl = character.imageUrl();
        QCOMPARE(imageUrl.scheme(), QStringLiteral("image"));
        QCOMPARE(imageUrl.host(), QStringLiteral("studio"));
        QCOMPARE(imageUrl.path(), QStringLiteral("/character"));
        QCOMPARE(character.overlayUrl().path(), QStringLiteral("/overlay"));
        QSize size;
        const QImage shown = provider.requestImage(imageUrl.path().mid(1) + QLatin1Char('?') + imageUrl.query(), &size, {});
        QCOMPARE(size, QSize(512, 512));
        QCOMPARE(shown, character.image());
        const QImage overlay = provider.requestImage(QStringLiteral("overlay?%1").arg(imageUrl.query()), &size, {});
        QCOMPARE(overlay, importOverlay(character.image()));
        QCOMPARE(provider.requestImage(QStringLiteral("character"), &size, QSize(128, 128)).size(), QSize(128, 128));

        QVERIFY(openAndWait(character, kExample));
        QVERIFY(character.imageUrl() != imageUrl);
        QCOMPARE(character.recentFiles().value(0), QFileInfo(kExample).absoluteFilePath());
    }

    void badImageIsNotUsable()
    {
        // No alpha channel and not 512×512: shown, with the reasons, but not usable.
        QImage opaque(300, 200, QImage::Format_RGB32);
        opaque.fill(QColor(90, 160, 220));
        const QString path = m_dir.filePath(QStringLiteral("opaque.png"));
        QVERIFY(opaque.save(path));
        CharacterController character(std::make_shared<StudioImages>());
        QVERIFY(openAndWait(character, path));
        QCOMPARE(character.state(), QStringLiteral("loaded"));
        QVERIFY(!character.usable());
        const QStringList codes = codesOf(character.issues());
        QVERIFY2(codes.contains(QStringLiteral("missing-alpha")), qPrintable(codes.join(',')));
        QVERIFY2(codes.contains(QStringLiteral("cropped")), qPrintable(codes.join(',')));
        QVERIFY2(codes.contains(QStringLiteral("resized")), qPrintable(codes.join(',')));
        QVERIFY(character.summary().startsWith(QStringLiteral("not usable")));
        for (const QVariant &issue : character.issues())
            if (issue.toMap().value(QStringLiteral("code")) == QLatin1String("missing-alpha"))
                QCOMPARE(issue.toMap().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    }

    void findingsFollowALanguageSwitch()
    {
        QImage opaque(512, 512, QImage::Format_RGB32);
        opaque.fill(QColor(90, 160, 220));
        const QString path = m_dir.filePath(QStringLiteral("opaque-512.png"));
        QVERIFY(opaque.save(path));
        CharacterController character(std::make_shared<StudioImages>());
        QVERIFY(openAndWait(character, path));
        const auto message = [&] {
            for (const QVariant &issue : character.issues())
                if (issue.toMap().value(QStringLiteral("code")) == QLatin1String("missing-alpha"))
                    return issue.toMap().value(QStringLiteral("message")).toString();
            return QString();
        };
        const QString english = message();
        QVERIFY(english.contains(QStringLiteral("alpha")));

        // The shipped Japanese translation: the same finding is checked again and worded in Japanese.
        QTranslator japanese;
        QVERIFY(japanese.load(QStringLiteral(":/i18n/talkinghead-studio_ja.qm")));
        QSignalSpy opened(&character, &CharacterController::openFinished);
        QCoreApplication::installTranslator(&japanese);
        QVERIFY(opened.wait(30000));
        const QString inJapanese = message();
        QVERIFY2(!inJapanese.isEmpty() && inJapanese != english, qPrintable(inJapanese));
        QVERIFY2(inJapanese.contains(QStringLiteral("アルファ")), qPrintable(inJapanese));
        QCoreApplication::removeTranslator(&japanese);
        QVERIFY(opened.wait(30000)); // and back to English
        QCOMPARE(message(), english);
    }

    void undecodableFileKeepsThePreviousCharacter()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.png"));
        QVERIFY(figure(512).save(good));
        const QString junk = m_dir.filePath(QStringLiteral("junk.png"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a PNG");
        f.close();
        CharacterController character(std::make_shared<StudioImages>());
        QVERIFY(openAndWait(character, good));
        QVERIFY(!openAndWait(character, junk));
        QCOMPARE(character.state(), QStringLiteral("loaded"));
        QCOMPARE(character.fileName(), QStringLiteral("good.png"));
        QVERIFY2(character.error().contains(QStringLiteral("junk.png")), qPrintable(character.error()));
        QVERIFY(openAndWait(character, good));
        QVERIFY(character.error().isEmpty());
    }

    void savesFixedCopiesBesideTheOriginal()
    {
        const QString original = m_dir.filePath(QStringLiteral("big.png"));
        QVERIFY(figure(1024).save(original));
        const QByteArray before = sha(original);
        CharacterController character(std::make_shared<StudioImages>());
        QVERIFY(openAndWait(character, original));
        QVERIFY(character.usable());
        QVERIFY(codesOf(character.issues()).contains(QStringLiteral("resized")));
        QVERIFY(character.canSaveFixedCopy());

        QSignalSpy savedSpy(&character, &CharacterController::lastSavedCopyChanged);
        QVERIFY2(character.saveFixedCopy(), qPrintable(character.error()));
        QCOMPARE(character.lastSavedCopy(), m_dir.filePath(QStringLiteral("big.fixed.png")));
        QImage fixed(character.lastSavedCopy());
        QCOMPARE(fixed.size(), QSize(512, 512));
        QCOMPARE(fixed.convertToFormat(QImage::Format_RGBA8888), character.image());
        const QByteArray firstCopy = sha(character.lastSavedCopy());

        QVERIFY2(character.saveFixedCopy(), qPrintable(character.error()));
        QCOMPARE(character.lastSavedCopy(), m_dir.filePath(QStringLiteral("big.fixed-2.png")));
        QCOMPARE(savedSpy.count(), 2);
        // Nothing was overwritten: the original and the first copy are as they were.
        QCOMPARE(sha(original), before);
        QCOMPARE(sha(m_dir.filePath(QStringLiteral("big.fixed.png"))), firstCopy);

        // The fixed copy itself needs no fixing.
        QVERIFY(openAndWait(character, m_dir.filePath(QStringLiteral("big.fixed.png"))));
        QVERIFY(character.usable());
        QVERIFY(!character.canSaveFixedCopy());
    }

    void recentFiles()
    {
        QSettings().clear();
        QDir dir(m_dir.path());
        QVERIFY(dir.mkpath(QStringLiteral("recent")));
        QStringList paths;
        for (int i = 0; i < 12; ++i) {
            paths << dir.filePath(QStringLiteral("recent/c%1.png").arg(i));
            QVERIFY(figure(64).save(paths.last()));
        }
        {
            CharacterController character(std::make_shared<StudioImages>());
            QVERIFY(character.recentFiles().isEmpty());
            QSignalSpy recentSpy(&character, &CharacterController::recentFilesChanged);
            for (const QString &path : paths)
                QVERIFY(openAndWait(character, path));
            QCOMPARE(recentSpy.count(), 12);
            // Most recent first, at most 10.
            QStringList expected;
            for (int i = 11; i >= 2; --i)
                expected << paths[i];
            QCOMPARE(character.recentFiles(), expected);
            // Opening one again moves it to the front without duplicating it.
            QVERIFY(openAndWait(character, paths[5]));
            QCOMPARE(character.recentFiles().size(), 10);
            QCOMPARE(character.recentFiles().first(), paths[5]);
            QCOMPARE(character.recentFiles().count(paths[5]), 1);
        }
        // Persisted; files gone since are dropped.
        QVERIFY(QFile::remove(paths[11]));
        QVERIFY(QFile::remove(paths[3]));
        CharacterController again(std::make_shared<StudioImages>());
        const QStringList recent = again.recentFiles();
        QCOMPARE(recent.size(), 8);
        QCOMPARE(recent.first(), paths[5]);
        QVERIFY(!recent.contains(paths[11]) && !recent.contains(paths[3]));
        QVERIFY(QFile::remove(paths[10]));
        again.refreshRecent();
        QCOMPARE(again.recentFiles().size(), 7);
        QVERIFY(!again.recentFiles().contains(paths[10]));

        QSignalSpy recentSpy(&again, &CharacterController::recentFilesChanged);
        again.clearRecent();
        QVERIFY(again.recentFiles().isEmpty());
        QCOMPARE(recentSpy.count(), 1);
        QVERIFY(CharacterController(std::make_shared<StudioImages>()).recentFiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCharacterController)
#include "test_character_controller.moc"
