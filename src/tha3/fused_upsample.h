// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Nearest-neighbour ×2 upsampling fused with the skip concatenation that follows it in the U-Nets, for one
// channels-last image: out[y, x] = (small[y/2, x/2], skip[y, x]) in one pass that writes every output byte once.
// libtorch 1.13 concatenates channels-last tensors along the channel axis slowly (the editor's three cats took more
// time than any convolution), and the separate upsample costs one more full pass. Internal to the engine.

#include <ATen/core/Tensor.h>

namespace ths::tha3 {

// True when `small` (and `skip`, if defined) can take the fused path: [1,C,H,W] channels-last fp32 or bf16 on the
// CPU, skip at twice small's resolution with the same type.
bool fusedUpsampleApplies(const at::Tensor &small, const at::Tensor &skip);

// cat([nearest×2(small), skip], 1) as a channels-last tensor; skip may be undefined (then just nearest ×2).
at::Tensor upsampleAndConcat(const at::Tensor &small, const at::Tensor &skip);

} // namespace ths::tha3
