// SPDX-License-Identifier: GPL-3.0-or-later
// Stands in for talkinghead-studio's main in the command tests: `lipsync_cli_driver lipsync|say ARGS…` runs the
// command functions exactly as the real executable will, in a separate process whose exit code and stderr the
// test can read.

#include "lipsync/lipsync_commands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: lipsync_cli_driver lipsync|say [options]\n");
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("lipsync"))
        return ths::runLipsyncCommand(args);
    if (command == QLatin1String("say"))
        return ths::runSayCommand(args);
    std::fprintf(stderr, "unknown command %s\n", qPrintable(command));
    return 2;
}
