// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Strict state_dict loading into a torch::nn::Module: every key must match a parameter of the same shape, every
// parameter must be present, and there must be no buffers. Internal to the engine (exposes libtorch types).

#include "tha3/state_dict_reader.h"

#include <torch/nn/module.h>

namespace ths {

// Copies `tensors` into `module`'s parameters. Tensors of `fileDtype` are expected (anything else is an error);
// they are converted to the module's parameter dtype on copy. Throws EngineError naming `fileName` and the key.
void loadStateDict(torch::nn::Module &module, const NamedTensors &tensors, const std::string &fileName,
                   at::ScalarType fileDtype);

// "[64, 4, 3, 3]"
std::string shapeString(at::IntArrayRef sizes);

} // namespace ths
