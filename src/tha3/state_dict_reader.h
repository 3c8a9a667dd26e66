// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the original THA3 weight files: Python `torch.save(state_dict)` zip archives. libtorch 1.13's
// `torch::pickle_load` cannot read them (it maps collections.OrderedDict to None), so this interprets the small
// pickle subset that torch.save writes. Internal to the engine: this header exposes ATen types. The archive bytes travel in a std::string.

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace ths {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// Parses an archive held in memory. `displayName` is used in error messages. Returns the (key, tensor) pairs in
// file order; every tensor owns its memory. Throws EngineError on any malformed input — never crashes or aborts.
NamedTensors readStateDict(std::string archive, const std::string &displayName);

// Reads and parses a file. Throws EngineError naming the file.
NamedTensors readStateDictFile(const std::string &path);

} // namespace ths
