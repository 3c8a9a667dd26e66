// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The last steps of the THA3 networks as single passes, for one fp32 image on the CPU (fast mode only):
// - the grid-change warp: grid_sample(image, identity grid + offsets), bilinear, border padding, align_corners=false,
//   without building the identity grid (libtorch's affine_grid_generator took more time than the sampling) or the
//   sampling grid;
// - the editor's output stage at 512²: its heads' activations (tanh colour change, sigmoid alpha), the warp of the
//   original image by the refined grid, and the compositing, where libtorch made ten passes over 512² planes.
// Equal to the op-by-op path up to fp32 rounding (the exp/tanh here are polynomial, accurate to a few ulp).
// Internal to the engine.

#include <ATen/core/Tensor.h>

namespace ths::tha3 {

// True when gridChange [1,2,H,W] and image [1,C,H,W] are fp32 CPU tensors of the same size (any memory format).
bool fusedWarpApplies(const at::Tensor &gridChange, const at::Tensor &image);

// applyGridChange(gridChange, image) in one pass; the result is NCHW contiguous.
at::Tensor warpByGridChange(const at::Tensor &gridChange, const at::Tensor &image);

// True when heads [1,10,H,W] (the editor's fused head convolution), gridChange [1,2,H,W] and original [1,4,H,W] are
// fp32 CPU tensors of one size (any memory format).
bool fusedEditorOutputApplies(const at::Tensor &heads, const at::Tensor &gridChange, const at::Tensor &original);

// With cc = tanh(heads[0:4]), a = sigmoid(heads[4:8]), grid = gridChange + heads[8:10]:
// cc·a + warp(original, grid)·(1 − a), NCHW contiguous — the editor's output image.
at::Tensor composeEditorOutput(const at::Tensor &heads, const at::Tensor &gridChange, const at::Tensor &original);

} // namespace ths::tha3
