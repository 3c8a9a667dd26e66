// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/st_install_command.h"

#include "integrations/sillytavern_installer.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace ths {

int runStInstallCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Install the Talkinghead Studio extension into SillyTavern (1.13 and newer); reload SillyTavern's page after."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sillytavern"), QStringLiteral("The SillyTavern folder (the one with server.js)."), QStringLiteral("dir")},
        {QStringLiteral("user"), QStringLiteral("Install for this SillyTavern user (default: default-user)."), QStringLiteral("name")},
        {QStringLiteral("all-users"), QStringLiteral("Install for every user (public/scripts/extensions/third-party).")},
    });
    parser.process(QStringList{QStringLiteral("talkinghead-studio st-install")} + args);
    auto fail = [](const QString &message) {
        std::fprintf(stderr, "st-install: %s\n", qPrintable(message));
        return 1;
    };
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (!parser.isSet(QStringLiteral("sillytavern")))
        return fail(QStringLiteral("--sillytavern DIR is required (the SillyTavern folder, the one with server.js)"));
    if (parser.isSet(QStringLiteral("user")) && parser.isSet(QStringLiteral("all-users")))
        return fail(QStringLiteral("--user and --all-users exclude each other"));
    QString error;
    const auto checkout = SillyTavernInstaller::open(parser.value(QStringLiteral("sillytavern")), &error);
    if (!checkout)
        return fail(error);
    const auto installed = SillyTavernInstaller::install(*checkout, parser.value(QStringLiteral("user")),
                                                         parser.isSet(QStringLiteral("all-users")), &error);
    if (!installed)
        return fail(error);
    QTextStream(stdout) << "Installed the Talkinghead Studio extension for SillyTavern " << checkout->version << " in "
                        << *installed << "\nReload SillyTavern's page; its settings are under Extensions → Talkinghead Studio.\n";
    return 0;
}

} // namespace ths
