// SPDX-License-Identifier: GPL-3.0-or-later
// talkinghead-studio: one executable, several subcommands.

#include "app/commands.h"
#include "classify/classify_command.h"
#include "engine/image_check_command.h"
#include "lipsync/lipsync_commands.h"


#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const Command kCommands[] = {
    {"render", "render the character in one or more poses to PNG files", ths::runRenderCommand},
    {"serve", "run the SillyTavern-Extras compatible API server (headless)", ths::runServeCommand},
    {"classify", "score text over the 28 emotions (the classify module)", ths::runClassifyCommand},
    {"check-image", "validate a character image and print the report", ths::runCheckImageCommand},
    {"lipsync", "analyse speech audio into a mouth timeline (JSON, every 10 ms)", ths::runLipsyncCommand},
    {"say", "speak text with espeak-ng to WAV plus its mouth timeline", ths::runSayCommand},
    {"bench", "measure rendering speed (fps, ms per frame, per-network split)", ths::runBenchCommand},
};

void printUsage(FILE *out)
{
    QTextStream s(out);
    s << "Usage: talkinghead-studio <command> [options]\n\nCommands:\n";
    for (const auto &c : kCommands)
        s << "  " << QString::fromLatin1(c.name).leftJustified(14) << c.summary << "\n";
    s << "\nRun 'talkinghead-studio <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("talkinghead-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("Talkinghead Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THS_VERSION));

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        std::printf("talkinghead-studio %s\n", THS_VERSION);
        return 0;
    }
    const QString name = args.takeFirst();
    for (const auto &c : kCommands)
        if (name == QLatin1String(c.name))
            return c.run(args);
    std::fprintf(stderr, "talkinghead-studio: unknown command \"%s\"\n\n", qPrintable(name));
    printUsage(stderr);
    return 2;
}
