// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test support: writes a state_dict in Python's torch.save zip format (an OrderedDict pickle plus one storage record
// per tensor), so tests can make weight files of other variants (e.g. fp16 copies of the installed float weights)
// without Python.

#include "tha3/state_dict_reader.h"

namespace ths::test {

void writeStateDict(const std::string &path, const NamedTensors &tensors);

} // namespace ths::test
