// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `talkinghead-studio st-install --sillytavern DIR [--user NAME | --all-users]`: installs our SillyTavern extension
// (SillyTavernInstaller). Takes the arguments after its name and returns the exit status.

#include <QStringList>

namespace ths {

int runStInstallCommand(const QStringList &args);

} // namespace ths
