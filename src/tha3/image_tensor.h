// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversions between 8-bit sRGBA images and THA3's input/output tensors, bit-exact with the original's
// numpy code (docs/engine.md, Pipeline). Internal to the engine (exposes ATen types).

#include <ATen/core/Tensor.h>

#include <cstddef>
#include <cstdint>

namespace ths {

// 8-bit RGBA, straight alpha, `bytesPerLine` bytes from one row to the next.
struct RgbaView {
    const uint8_t *pixels;
    int64_t width, height;
    std::ptrdiff_t bytesPerLine;
};

// RGBA8 (straight alpha) → float32 [1,4,H,W]: alpha-0 pixels become (0,0,0,0); RGB sRGB → linear; all channels
// mapped to [-1, 1].
at::Tensor imageToTensor(const RgbaView &image);

// [4,H,W] in [-1, 1], linear RGB (any dtype, on the CPU) → RGBA8 into `out` (H rows of `bytesPerLine` bytes):
// (v+1)/2, clip, linear → sRGB on RGB, round half to even, all in float32 as the original does.
void tensorToImage(const at::Tensor &chw, uint8_t *out, std::ptrdiff_t bytesPerLine);

} // namespace ths
