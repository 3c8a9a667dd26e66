// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `lipsync` and `say` subcommands of talkinghead-studio. Each takes the arguments after its name and returns
// the exit status: 0 done, 1 failed (the reason on stderr), 2 bad usage. A QCoreApplication must exist.
//
//   talkinghead-studio lipsync --audio IN --output TIMELINE.json [--raw s16le --rate 16000 --channels 1]
//   talkinghead-studio say --text "…" [--voice en] [--output OUT.wav] [--timeline TIMELINE.json]

#include <QStringList>

namespace ths {

int runLipsyncCommand(const QStringList &args);
int runSayCommand(const QStringList &args);

} // namespace ths
