// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the tst_*.qml files of this directory (Qt Quick Test) with the studio's two static QML modules linked in.
// Settings and app data go to a temporary directory, so the tests never touch the user's configuration.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <QCoreApplication>
#include <QDir>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>

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
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 does not search qrc:/ for modules by itself (the /qt/qml prefix is 6.5+).
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testModelsDir"), QStringLiteral(THS_MODELS_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testImagesDir"), QStringLiteral(THS_IMAGES_DIR));
        engine->rootContext()->setContextProperty(QStringLiteral("testTempDir"), m_home.path());
    }

private:
    QTemporaryDir m_home;
};

QUICK_TEST_MAIN_WITH_SETUP(studio_qml, Setup)

#include "test_studio_qml.moc"
