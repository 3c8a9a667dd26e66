// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The engine-using subcommands of talkinghead-studio (render, bench, record, serve, studio). Each takes the arguments after
// its name and returns the exit status. classify, check-image, lipsync and say have their own headers beside this.

#include <QStringList>

namespace ths {

int runRenderCommand(const QStringList &args);
int runRenderTakeCommand(const QStringList &args);
int runBenchCommand(const QStringList &args);
int runRecordCommand(const QStringList &args);
int runServeCommand(const QStringList &args);
int runStudioCommand(const QStringList &args);

} // namespace ths
