// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/image_tensor.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace ths {

namespace {

// The input conversion depends only on the 8-bit value, so two 256-entry tables are exact. The original computes
// in float64 and casts to float32 at the end.
struct InputTables {
    std::array<float, 256> color, alpha;
    InputTables()
    {
        for (int v = 0; v < 256; ++v) {
            const double x = v / 255.0;
            const double linear = x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
            color[v] = float(linear * 2.0 - 1.0);
            alpha[v] = float(x * 2.0 - 1.0);
        }
    }
};

// The original's output conversion runs in float32 (numpy keeps float32 arrays float32 with Python scalars).
inline uint8_t encodeColor(float v)
{
    float x = (v + 1.0f) / 2.0f;
    x = std::clamp(x, 0.0f, 1.0f);
    const float s = x <= 0.003130804953560372f ? 12.92f * x : 1.055f * std::pow(x, float(1.0 / 2.4)) - 0.055f;
    return uint8_t(std::nearbyint(s * 255.0f));
}

inline uint8_t encodeAlpha(float v)
{
    const float x = std::clamp((v + 1.0f) / 2.0f, 0.0f, 1.0f);
    return uint8_t(std::nearbyint(x * 255.0f));
}

} // namespace

at::Tensor imageToTensor(const RgbaView &image)
{
    static const InputTables tables;
    const int64_t h = image.height, w = image.width;
    at::Tensor out = at::empty({1, 4, h, w}, at::kFloat);
    float *dst = out.data_ptr<float>();
    const int64_t plane = h * w;
    for (int64_t y = 0; y < h; ++y) {
        const uint8_t *row = image.pixels + y * image.bytesPerLine;
        for (int64_t x = 0; x < w; ++x) {
            const uint8_t *p = row + 4 * x;
            const int64_t i = y * w + x;
            if (p[3] == 0) {
                for (int c = 0; c < 4; ++c)
                    dst[c * plane + i] = -1.0f;
            } else {
                for (int c = 0; c < 3; ++c)
                    dst[c * plane + i] = tables.color[p[c]];
                dst[3 * plane + i] = tables.alpha[p[3]];
            }
        }
    }
    return out;
}

void tensorToImage(const at::Tensor &chw, uint8_t *out, std::ptrdiff_t bytesPerLine)
{
    RECORD_FUNCTION("ths::tensor_to_image", std::vector<c10::IValue>{chw});
    const at::Tensor t = chw.to(at::kFloat).contiguous();
    const int64_t h = t.size(1), w = t.size(2), plane = h * w;
    const float *src = t.data_ptr<float>();
    at::parallel_for(0, h, 16, [&](int64_t begin, int64_t end) {
        for (int64_t y = begin; y < end; ++y) {
            uint8_t *row = out + y * bytesPerLine;
            for (int64_t x = 0; x < w; ++x) {
                const int64_t i = y * w + x;
                uint8_t *p = row + 4 * x;
                for (int c = 0; c < 3; ++c)
                    p[c] = encodeColor(src[c * plane + i]);
                p[3] = encodeAlpha(src[3 * plane + i]);
            }
        }
    });
}

} // namespace ths
