// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The networks' input assembly as one pass: cat([images…, pose planes], 1), converted to the type the blocks compute
// in and laid out channels-last. libtorch took three passes for it (the concatenation, which gives NCHW because of the
// expanded pose planes, the channels-last copy and the type conversion): 5 ms of the editor's 512² input alone.
// Internal to the engine.

#include <ATen/core/Tensor.h>

#include <vector>

namespace ths::tha3 {

// True when every image is [1,Ci,H,W] on the CPU in fp32 or bf16 (any memory format, one size), the pose is [1,P]
// fp32 or bf16 on the CPU (or undefined: no planes) and dtype is fp32 or bf16.
bool fusedConcatApplies(const std::vector<at::Tensor> &images, const at::Tensor &pose, at::ScalarType dtype);

// cat([images…, pose[:, :, None, None].expand(H, W)], 1).to(dtype), channels-last.
at::Tensor concatWithPosePlanes(const std::vector<at::Tensor> &images, const at::Tensor &pose, at::ScalarType dtype);

} // namespace ths::tha3
