// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The start the studio benchmarks share: the studio on the example character with the real networks, its window
// shown at 1280×800, settings in test mode (the user's own stay untouched), and the options --seconds and --threads.
// The including target defines THS_MODELS_DIR and THS_IMAGES_DIR.

#include "studio/studio_launcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QQuickWindow>
#include <QStandardPaths>

#include <cstdio>
#include <memory>
#include <optional>

namespace ths::bench {

// Call before the application is made: offscreen where neither a platform nor a display is set.
inline void preferOffscreen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

struct BenchStudio {
    int seconds = 0; // --seconds, at least 2
    std::unique_ptr<StudioLauncher> launcher;
};

// Parses the options (`secondsHelp` says what --seconds measures), opens the studio and shows its window. Prints the
// error and returns nothing where the studio cannot open.
inline std::optional<BenchStudio> openBenchStudio(const QCoreApplication &app, const QString &secondsHelp)
{
    QCoreApplication::setApplicationName(QStringLiteral("talkinghead-studio-bench"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("seconds"), secondsHelp, QStringLiteral("S"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Inference threads (default: the studio's setting)."),
                      QStringLiteral("N"), QStringLiteral("-1")});
    parser.process(app);

    StudioOptions options;
    options.modelsDirs = QStringList{QStringLiteral(THS_MODELS_DIR)};
    options.imagePath = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
    options.threads = parser.value(QStringLiteral("threads")).toInt();
    BenchStudio bench{qMax(2, parser.value(QStringLiteral("seconds")).toInt()), std::make_unique<StudioLauncher>(options)};
    QString error;
    if (!bench.launcher->open(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return std::nullopt;
    }
    bench.launcher->window()->resize(1280, 800);
    bench.launcher->window()->show();
    return bench;
}

} // namespace ths::bench
