// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test helper: runs a GStreamer pipeline description ("filesrc … ! lamemp3enc ! filesink …") to the end, to make
// compressed test files with the encoders GStreamer has on this machine when no command-line encoder is
// installed. libgstreamer is opened at run time (the project does not link it); any failure is reported, never
// fatal, so the caller can skip.

#include <QString>

namespace ths::test {

bool runGStreamerPipeline(const QString &description, QString *why);

} // namespace ths::test
