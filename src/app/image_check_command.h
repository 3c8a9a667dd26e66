// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `check-image` subcommand of talkinghead-studio: validates a character image and prints its import report.
//
//   talkinghead-studio check-image IN [--json] [--fix] [--overlay OUT.png]
//
// Exit status: 0 no error (warnings allowed), 1 the report has errors or an output could not be written, 2 bad usage
// (the message on stderr). Needs no QGuiApplication.

#include <QStringList>

class QTextStream;

namespace ths {

// Takes the arguments after the subcommand name; prints to stdout/stderr.
int runCheckImageCommand(const QStringList &args);
// The same, printing to the given streams (for tests and embedding).
int runCheckImageCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace ths
