// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The subcommands of talkinghead-studio. Each takes the arguments after its name and returns the exit status.

#include <QStringList>

namespace ths {

int runRenderCommand(const QStringList &args);
int runRenderTakeCommand(const QStringList &args);
int runBenchCommand(const QStringList &args);
int runServeCommand(const QStringList &args);
int runStudioCommand(const QStringList &args);

// True when a GUI can open: DISPLAY or WAYLAND_DISPLAY is set, or QT_QPA_PLATFORM names a platform explicitly.
bool displayAvailable();

} // namespace ths
