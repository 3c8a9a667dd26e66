// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the tst_*.qml files of this directory (Qt Quick Test) with the studio's two static QML modules linked in.
// Settings and app data go to a temporary directory, so the tests never touch the user's configuration.
#include "studio/studio.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <memory>

Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT
public:
    Setup()
    {
        // Before the application exists: QSettings and QStandardPaths read these once.
        qputenv("XDG_CONFIG_HOME", QDir(m_home.path()).filePath("config").toLocal8Bit());
        qputenv("XDG_DATA_HOME", QDir(m_home.path()).filePath("data").toLocal8Bit());
        qputenv("XDG_CACHE_HOME", QDir(m_home.path()).filePath("cache").toLocal8Bit());
    }

public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("talkinghead-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_studio_qml"));
        QCoreApplication::setApplicationVersion(QStringLiteral("0.0.1-test")); // shown by the About dialog
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 does not search qrc:/ for modules by itself (the /qt/qml prefix is 6.5+).
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testModelsDir"), QStringLiteral(THS_MODELS_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testImagesDir"), QStringLiteral(THS_IMAGES_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testTempDir"), m_home.path());
        engine->rootContext()->setContextProperty(QStringLiteral("testImageInstalled"),
                                                  QFile::exists(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png")));
        // Where tst_mainwindow.qml saves its screenshots; none are saved when unset.
        engine->rootContext()->setContextProperty(QStringLiteral("testScreenshotDir"),
                                                  qEnvironmentVariable("THS_SCREENSHOT_DIR"));
        engine->rootContext()->setContextProperty(QStringLiteral("testSetup"), this);
        {
            // A fresh Studio singleton for each test file (each gets its own engine), made as the application makes
            // it: the real weights and the example character. The previous file's engine is gone by now.
            ths::Studio::setInstance(nullptr);
            m_studio.reset();
            ths::StudioOptions options;
            options.modelsDirs = QStringList{QStringLiteral(THS_MODELS_DIR)};
            options.defaultImagePath = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
            m_studio = std::make_unique<ths::Studio>(options);
            ths::Studio::setInstance(m_studio.get());
            m_studio->start();
        }
    }

    void cleanupTestCase()
    {
        ths::Studio::setInstance(nullptr);
        m_studio.reset();
    }

    // TestCase.keyClick() reaches only the test's own window; this sends a key to another one (the studio's
    // ApplicationWindow), so its window-wide shortcuts can be tested.
    Q_INVOKABLE void keyClick(QObject *window, int key, int modifiers)
    {
        if (auto *w = qobject_cast<QWindow *>(window))
            QTest::keyClick(w, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    }

    // The whole window as the user sees it (popups included), saved as a PNG; false when it cannot be grabbed.
    Q_INVOKABLE bool grabWindow(QObject *window, const QString &path)
    {
        auto *w = qobject_cast<QQuickWindow *>(window);
        return w && w->grabWindow().save(path);
    }

    // A dark application palette (as a dark desktop theme would give), or back to the style's default, so the
    // tests can check that the UI follows the system palette.
    Q_INVOKABLE void setDarkPalette(bool dark)
    {
        if (!dark) {
            QGuiApplication::setPalette(QPalette());
            return;
        }
        QPalette p;
        const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
        p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
        p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
        p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::Shadow, Qt::black);
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QGuiApplication::setPalette(p);
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<ths::Studio> m_studio;
};

QUICK_TEST_MAIN_WITH_SETUP(studio_qml, Setup)

#include "test_studio_qml.moc"
