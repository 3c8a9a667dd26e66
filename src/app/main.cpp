// SPDX-License-Identifier: GPL-3.0-or-later
// talkinghead-studio: one executable, several subcommands.

#include "app/commands.h"
#include "app/display_available.h"
#include "app/classify_command.h"
#include "app/image_check_command.h"
#include "app/lipsync_commands.h"
#include "app/st_install_command.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <malloc.h>
#include <memory>

namespace {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
    bool gui = false; // needs a QGuiApplication and a display
};

const Command kCommands[] = {
    {"studio", "open the desktop studio (the default when a display is available)", ths::runStudioCommand, true},
    {"render", "render the character in one or more poses to PNG files", ths::runRenderCommand},
    {"render-take", "render a recorded puppeteer take to numbered PNG files", ths::runRenderTakeCommand},
    {"serve", "run the SillyTavern-Extras compatible API server (headless)", ths::runServeCommand},
    {"classify", "score text over the 28 emotions (the classify module)", ths::runClassifyCommand},
    {"check-image", "validate a character image and print the report", ths::runCheckImageCommand},
    {"lipsync", "analyse speech audio into a mouth timeline (JSON, every 10 ms)", ths::runLipsyncCommand},
    {"say", "speak text with espeak-ng to WAV plus its mouth timeline", ths::runSayCommand},
    {"record", "record the animated character to WebM (alpha), MP4 or PNG frames", ths::runRecordCommand},
    {"bench", "measure rendering speed (fps, ms per frame, per-network split)", ths::runBenchCommand},
    {"st-install", "install the SillyTavern extension into a SillyTavern folder (1.13 and newer)", ths::runStInstallCommand},
};

void printUsage(FILE *out)
{
    QTextStream s(out);
    s << "Usage: talkinghead-studio <command> [options]\n\nCommands:\n";
    for (const auto &c : kCommands)
        s << "  " << QString::fromLatin1(c.name).leftJustified(14) << c.summary << "\n";
    s << "\nRun 'talkinghead-studio <command> --help' for the options of a command.\n";
}

const Command *findCommand(const QString &name)
{
    for (const auto &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

} // namespace

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    // glibc gives each thread that allocates (render, PNG encoder, speech, Qt's pools) its own heap arena, and frees
    // in one arena cannot serve another: with 1 MB frames passing between threads the server held 11 MB more for
    // nothing (bench_serve: 604 against 593 MB resident). Two arenas keep the contention low and the memory down.
    mallopt(M_ARENA_MAX, 2);
#endif
    // The command decides the application type: the studio needs a QGuiApplication (and a display), which the
    // headless commands must not require. With no command, the studio opens when there is a display.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const bool wantsHelp = !args.isEmpty() && (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"));
    const Command *command = args.isEmpty() ? (ths::displayAvailable() ? findCommand(QStringLiteral("studio")) : nullptr)
                                            : findCommand(args.first());
    if (!args.isEmpty() && command)
        args.removeFirst();
    if (command && command->gui && !ths::displayAvailable()) {
        std::fprintf(stderr, "talkinghead-studio %s: no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run "
                             "'talkinghead-studio serve' for the headless API server, or set QT_QPA_PLATFORM=offscreen.\n",
                     command->name);
        return 1;
    }

    std::unique_ptr<QCoreApplication> app;
    if (command && command->gui)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("talkinghead-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("Talkinghead Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THS_VERSION));

    if (command)
        return command->run(args);
    if (args.isEmpty() || wantsHelp) {
        printUsage(args.isEmpty() ? stderr : stdout);
        if (args.isEmpty())
            std::fprintf(stderr, "\n(no display: the studio needs one; 'serve' runs the headless API server)\n");
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        std::printf("talkinghead-studio %s\n", THS_VERSION);
        return 0;
    }
    std::fprintf(stderr, "talkinghead-studio: unknown command \"%s\"\n\n", qPrintable(args.first()));
    printUsage(stderr);
    return 2;
}
