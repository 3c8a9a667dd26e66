// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The separable 3×3 convolution (depthwise 3×3, then pointwise 1×1) of the U-Net decoders in one pass, reading its
// input straight from the two tensors it is made of: the coarser feature upsampled ×2 (nearest) and the skip feature
// beside it in the channel axis. Neither the upsampled tensor, nor the concatenation, nor the depthwise result is
// ever written to memory: at 512² those are 100 MB each in the editor, and on a CPU these layers are memory-bound.
// One channels-last image, fp32 or bf16 (fp32 sums), on the CPU. Internal to the engine.

#include <ATen/core/Tensor.h>

namespace ths::tha3 {

// Whether the fused kernel handles these inputs: `small` [1,C1,h,w] channels-last fp32/bf16 on the CPU; `skip`
// undefined or [1,C2,2h,2w] likewise; `depthwise` [C1+C2,1,3,3]; `pointwise` [Cout,C1+C2,1,1]; and the channel
// counts are those of the THA3 decoders the kernel is compiled for.
bool fusedSeparableApplies(const at::Tensor &small, const at::Tensor &skip, const at::Tensor &depthwise,
                           const at::Tensor &pointwise);

// conv2d(conv2d(cat([nearest×2(small), skip], 1), depthwise, padding 1, groups = C), pointwise), channels-last.
at::Tensor upsampledSeparable3x3(const at::Tensor &small, const at::Tensor &skip, const at::Tensor &depthwise,
                                 const at::Tensor &pointwise);

} // namespace ths::tha3
