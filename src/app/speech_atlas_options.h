// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech atlas options of `serve` and `studio`: --speech-atlas on|off, --speech-atlas-dir DIR,
// --speech-atlas-max-mb N.

#include <QCommandLineParser>

#include <optional>

namespace ths {

struct SpeechAtlasOptions {
    bool enabled = true;
    QString cacheDir;          // empty: memory only
    qint64 maxBytes = 512LL << 20;
};

void addSpeechAtlasOptions(QCommandLineParser &parser);
// Validates the options; on error prints a message naming the option to stderr and returns nullopt.
std::optional<SpeechAtlasOptions> speechAtlasOptionsFrom(const QCommandLineParser &parser);

} // namespace ths
