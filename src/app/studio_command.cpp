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
    parser.addOption({QStringLiteral("models"), QStringLiteral("Directory holding <variant>/<network>.pt (default: %1).")
                                                    .arg(defaultModelsDir()), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("variant"), QStringLiteral("Model variant: %1.").arg(variantNames().join(QStringLiteral(", "))),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("device"), QStringLiteral("cpu, cuda or cuda:N."), QStringLiteral("DEVICE")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads for inference (0 = all cores)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("precision"), QStringLiteral("auto, fp32, fp16 or bf16 (this run; the Settings page saves one)."),
                      QStringLiteral("P")});
    parser.process(QStringList{QStringLiteral("talkinghead-studio studio")} + args);

    StudioOptions options;
    options.modelsDir = parser.isSet(QStringLiteral("models")) ? parser.value(QStringLiteral("models")) : defaultModelsDir();
    options.defaultImagePath = defaultCharacterImage();
    options.imagePath = parser.value(QStringLiteral("image"));
    if (parser.isSet(QStringLiteral("variant"))) {
        options.variant = parser.value(QStringLiteral("variant"));
        if (!parseVariant(options.variant)) {
            std::fprintf(stderr, "error: --variant \"%s\" is not one of %s\n", qPrintable(options.variant),
                         qPrintable(variantNames().join(QStringLiteral(", "))));
            return 2;
        }
    }
    options.device = parser.value(QStringLiteral("device"));
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        options.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || options.threads < 0) {
            std::fprintf(stderr, "error: --threads \"%s\" must be 0 (all cores) or a positive whole number\n",
                         qPrintable(parser.value(QStringLiteral("threads"))));
            return 2;
        }
    }

    options.precision = parser.value(QStringLiteral("precision"));
    if (!options.precision.isEmpty() && !parsePrecision(options.precision)) {
        std::fprintf(stderr, "error: --precision \"%s\" is not one of auto, fp32, fp16, bf16\n", qPrintable(options.precision));
        return 2;
    }

    StudioLauncher launcher(options);
    QString error;
    if (!launcher.open(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    return QGuiApplication::exec();
}

} // namespace ths
