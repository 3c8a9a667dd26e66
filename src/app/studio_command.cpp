// SPDX-License-Identifier: GPL-3.0-or-later
// `studio` (and no command with a display): the desktop studio. Command-line values override the saved settings
// for this run only.

#include "app/commands.h"
#include "app/poser_options.h"
#include "engine/poser.h"
#include "studio/studio.h"
#include "studio/studio_launcher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

// The two static QML modules: the C++ types and the QML files.
Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

namespace ths {

int runStudioCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Open the studio: import a character, pose it, build its expressions, preview it speaking, serve it."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("image"), QStringLiteral("Open this character image (default: the last one, or the example)."),
                      QStringLiteral("PNG")});
    addPoserOptions(parser, PoserOptionStyle::OverridesSettings);
    parser.process(QStringList{QStringLiteral("talkinghead-studio studio")} + args);

    StudioOptions options;
    options.modelsDir = parser.isSet(QStringLiteral("models")) ? parser.value(QStringLiteral("models")) : defaultModelsDir();
    options.defaultImagePath = defaultCharacterImage();
    options.imagePath = parser.value(QStringLiteral("image"));
    if (!checkPoserOptions(parser))
        return 2;
    options.variant = parser.value(QStringLiteral("variant"));
    options.device = parser.value(QStringLiteral("device"));
    if (parser.isSet(QStringLiteral("threads")))
        options.threads = parser.value(QStringLiteral("threads")).toInt();
    options.precision = parser.value(QStringLiteral("precision"));

    StudioLauncher launcher(options);
    QString error;
    if (!launcher.open(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    return QGuiApplication::exec();
}

} // namespace ths
