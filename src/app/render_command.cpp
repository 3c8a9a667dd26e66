// SPDX-License-Identifier: GPL-3.0-or-later
// `render`: the character in one or more poses, written as PNG files.

#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "app/character_image.h"
#include "tha3/engine_error.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace ths {

int runRenderCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Render a character in one or more poses to PNG files."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("image"), QStringLiteral("The character image (default: the example character, images/lambda_00.png in the data folders)."),
         QStringLiteral("PNG"), defaultCharacterImage()},
        {QStringLiteral("pose"), QStringLiteral("A pose JSON file (repeatable): {\"name\": {param: value}} or {param: value}."),
         QStringLiteral("JSON")},
        {QStringLiteral("output"), QStringLiteral("Output PNG (one pose only)."), QStringLiteral("PNG")},
        {QStringLiteral("output-dir"), QStringLiteral("Output directory: each pose is written as <pose name>.png."),
         QStringLiteral("DIR")},
    });
    addPoserOptions(parser);
    parser.process(QStringList{QStringLiteral("talkinghead-studio render")} + args);

    const QStringList poseFiles = parser.values(QStringLiteral("pose"));
    const bool toFile = parser.isSet(QStringLiteral("output")), toDir = parser.isSet(QStringLiteral("output-dir"));
    if (poseFiles.isEmpty() || toFile == toDir || (toFile && poseFiles.size() > 1)) {
        std::fprintf(stderr, "error: give --pose JSON (one or more) and either --output PNG (one pose) or --output-dir DIR\n");
        return 2;
    }
    const auto options = poserOptionsFrom(parser);
    if (!options)
        return 2;

    // Parse everything before the (slow) model load, so a typo fails fast.
    std::vector<std::pair<QString, Pose>> poses;
    for (const QString &file : poseFiles) {
        QString error;
        const auto pose = Pose::fromFile(file, &error);
        if (!pose) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        const QString out = toFile ? parser.value(QStringLiteral("output"))
                                   : QDir(parser.value(QStringLiteral("output-dir"))).filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".png"));
        poses.emplace_back(out, *pose);
    }
    const auto image = loadCharacterImage(parser.value(QStringLiteral("image")));
    if (!image)
        return 1;
    if (toDir && !QDir().mkpath(parser.value(QStringLiteral("output-dir")))) {
        std::fprintf(stderr, "error: cannot create directory %s\n", qPrintable(parser.value(QStringLiteral("output-dir"))));
        return 1;
    }

    try {
        Poser poser(*options);
        printPoserNotices(poser);
        poser.setImage(*image);
        for (const auto &[out, pose] : poses) {
            const QImage frame = poser.render(pose);
            if (!frame.save(out, "PNG")) {
                std::fprintf(stderr, "error: cannot write %s\n", qPrintable(out));
                return 1;
            }
            std::printf("%s\n", qPrintable(out));
        }
    } catch (const EngineError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ths
