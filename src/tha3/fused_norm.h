// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Instance normalisation fused with what follows it, for one channels-last image: the statistics in one pass over
// the tensor, then normalise + affine + activation (+ residual) written back in place in a second. libtorch 1.13's
// batch_norm keeps NHWC but is slow on it, and the activation and residual add each cost one more pass over memory;
// at 512² the editor's layers are memory-bound, so passes are what a frame costs. Internal to the engine.

#include "tha3/networks.h"

#include <ATen/core/Tensor.h>

#include <optional>

namespace ths::tha3 {

// True when `x` is a layout and type the fused kernel handles: [1,C,H,W] channels-last (C > 1), fp32 or bf16, CPU.
bool fusedNormApplies(const at::Tensor &x);

// x ← act(γ·(x − mean)/√(var + 1e-5) + β), or with a residual (and no activation) γ·(…) + β + residual; per channel
// over H×W with the biased variance, as InstanceNorm2d(affine) computes it. `x` must be a fresh intermediate (it is
// overwritten and returned).
at::Tensor fusedInstanceNorm(at::Tensor x, const at::Tensor &gamma, const at::Tensor &beta,
                             std::optional<Activation> act, const at::Tensor &residual = {});

} // namespace ths::tha3
