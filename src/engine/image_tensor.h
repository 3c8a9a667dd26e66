// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Conversions between 8-bit sRGBA images and THA3's input/output tensors, bit-exact with the original's
// numpy code (tha3-architecture §4.2 and §4.7). Internal to the engine (exposes ATen types).

#include <ATen/core/Tensor.h>

#include <QImage>

namespace ths {

// RGBA8888 (straight alpha) → float32 [1,4,H,W]: alpha-0 pixels become (0,0,0,0); RGB sRGB → linear; all channels
// mapped to [-1, 1].
at::Tensor imageToTensor(const QImage &rgba8888);

// float32 [4,H,W] in [-1, 1], linear RGB → RGBA8888: (v+1)/2, clip, linear → sRGB on RGB, round half to even.
QImage tensorToImage(const at::Tensor &chw);

} // namespace ths
