// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A look read from a file: either a bare postprocessor_chain (a JSON list) or an animator settings file (a
// character's _animator.json) that holds one. Errors start with the path.

#include "look/filter_catalog.h"

#include <QString>

#include <optional>

namespace ths::look {

std::optional<LookChain> readChainFile(const QString &path, QString *error);

} // namespace ths::look
