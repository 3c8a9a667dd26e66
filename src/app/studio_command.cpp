// SPDX-License-Identifier: GPL-3.0-or-later
// `studio` (and no command with a display): the desktop studio. Command-line values override the saved settings
// for this run only.

#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "app/process_clock.h"
#include "engine/poser.h"
#include "studio/studio.h"
#include "studio/studio_launcher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <memory>

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
    // A positional image too, so that the desktop entry's "Open with" (Exec=… studio %f) opens the file.
    parser.addPositionalArgument(QStringLiteral("image"), QStringLiteral("The same as --image."), QStringLiteral("[PNG]"));
    parser.process(QStringList{QStringLiteral("talkinghead-studio studio")} + args);

    StudioOptions options;
    options.modelsDirs = parser.isSet(QStringLiteral("models")) ? QStringList{parser.value(QStringLiteral("models"))}
                                                                : modelsSearchPath();
    options.defaultImagePath = defaultCharacterImage();
    options.imagePath = parser.value(QStringLiteral("image"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && !options.imagePath.isEmpty())) {
        std::fprintf(stderr, "error: give one character image (as --image or as the only argument)\n");
        return 2;
    }
    if (!positional.isEmpty())
        options.imagePath = positional.first();
    if (!checkPoserOptions(parser))
        return 2;
    options.variant = parser.value(QStringLiteral("variant"));
    options.device = parser.value(QStringLiteral("device"));
    if (parser.isSet(QStringLiteral("threads")))
        options.threads = parser.value(QStringLiteral("threads")).toInt();
    options.precision = parser.value(QStringLiteral("precision"));

    // The desktop entry's name (packaging/): Wayland compositors match the window to its icon with it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.talkinghead_studio.studio"));
    StudioLauncher launcher(options);
    QString error;
    if (!launcher.open(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    // One line in the log (stderr, the journal under a desktop session) when the studio is usable: the first
    // preview frame. The install checks wait for it.
    auto firstFrame = std::make_shared<QMetaObject::Connection>();
    *firstFrame = QObject::connect(launcher.studio()->preview(), &PreviewRenderer::frameReady, [firstFrame] {
        std::fprintf(stderr, "studio: first preview frame %.1f s after start\n", secondsSinceProcessStart());
        QObject::disconnect(*firstFrame);
    });
    return QGuiApplication::exec();
}

} // namespace ths
