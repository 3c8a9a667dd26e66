// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A frame in linear light: interleaved RGBA floats in [0, 1], straight alpha, row-major, what the look's filters
// work on. The poser's output (and every cached frame) is 8-bit sRGB: fromSrgb() decodes it exactly (a table of
// the 256 levels) and toSrgb() encodes the result, so an empty chain never touches a frame and a filtered one
// differs from filtering before the poser's 8-bit rounding by at most one level.

#include <QImage>

#include <vector>

namespace ths::look {

struct LinearFrame {
    int width = 0, height = 0;
    std::vector<float> rgba; // width × height × 4

    float *row(int y) { return rgba.data() + size_t(y) * size_t(width) * 4; }
    const float *row(int y) const { return rgba.data() + size_t(y) * size_t(width) * 4; }

    // Any QImage with or without alpha (converted to RGBA8888 first where it is not already).
    static LinearFrame fromSrgb(const QImage &image);
    // QImage::Format_RGBA8888, sRGB, straight alpha; values outside [0, 1] are clamped.
    QImage toSrgb() const;
};

// One channel value: sRGB 8-bit → linear, and linear → sRGB 8-bit (rounded to nearest, clamped).
float srgbToLinear(unsigned char level);
unsigned char linearToSrgb(float linear);

} // namespace ths::look
