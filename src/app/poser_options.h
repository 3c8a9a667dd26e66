// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command-line options every engine-using subcommand shares: --models, --variant, --device, --threads.
// Without --models, the variant is looked up in the data folders (app/data_locations.h).

#include "engine/poser.h"

#include <QCommandLineParser>

#include <optional>

namespace ths {

void addPoserOptions(QCommandLineParser &parser);
// Validates the options; on error prints a message to stderr and returns nullopt.
std::optional<PoserOptions> poserOptionsFrom(const QCommandLineParser &parser);

} // namespace ths
