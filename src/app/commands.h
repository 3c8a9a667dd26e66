// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of talkinghead-studio. Each takes the arguments after its name and returns the exit status.

#include <QStringList>

namespace ths {

int runRenderCommand(const QStringList &args);
int runBenchCommand(const QStringList &args);
int runServeCommand(const QStringList &args);

} // namespace ths
