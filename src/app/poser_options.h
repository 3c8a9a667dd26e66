// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command-line options every engine-using subcommand shares: --models, --variant, --device, --threads,
// --precision (and --exact where a command renders on its own). Without --models, the variant is looked up in the
// data folders (app/data_locations.h).

#include "engine/poser.h"

#include <QCommandLineParser>

#include <optional>

namespace ths {

enum class PoserOptionStyle {
    WithDefaults,      // render, bench, serve: every option but --models has its default, plus --exact
    OverridesSettings, // studio: no defaults (an option not given keeps the saved setting), no --exact
};
void addPoserOptions(QCommandLineParser &parser, PoserOptionStyle style = PoserOptionStyle::WithDefaults);
// Validates the options given (or defaulted); on error prints a message to stderr and returns false.
bool checkPoserOptions(const QCommandLineParser &parser);
// checkPoserOptions(), then the options (WithDefaults style); nullopt after an error.
std::optional<PoserOptions> poserOptionsFrom(const QCommandLineParser &parser);
// The poser's notices (a precision or variant fallback, …) on stderr, one "note: …" line each.
void printPoserNotices(const Poser &poser);

} // namespace ths
