// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/fused_warp.h"

#include "tha3/cpu_kernels.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <cstring>
#include <vector>

namespace ths::tha3 {

namespace {

// A [1,C,H,W] fp32 tensor by its strides, whatever its memory format.
struct View {
    explicit View(const at::Tensor &t)
        : data(t.data_ptr<float>()), channels(t.size(1)), height(t.size(2)), width(t.size(3)), sc(t.stride(1)),
          sy(t.stride(2)), sx(t.stride(3))
    {
    }
    float at(int64_t c, int64_t y, int64_t x) const { return data[c * sc + y * sy + x * sx]; }
    const float *data;
    int64_t channels, height, width, sc, sy, sx;
};

bool isCpuFloatImage(const at::Tensor &t)
{
    return t.defined() && t.device().is_cpu() && t.scalar_type() == at::kFloat && t.dim() == 4 && t.size(0) == 1;
}

bool sameSize(const at::Tensor &a, const at::Tensor &b)
{
    return a.size(2) == b.size(2) && a.size(3) == b.size(3);
}

// Bilinear sample of every channel at (ix, iy) in pixel units, border padding: the coordinates are clamped to the
// image first, as grid_sample's border mode does (then the far neighbour of an edge pixel has weight 0). The
// comparisons are written so that a NaN lands on 0 instead of indexing anywhere.
THS_INLINE void sampleBorder(const View &image, float ix, float iy, float *out, int64_t outStride)
{
    const float xMax = float(image.width - 1), yMax = float(image.height - 1);
    ix = ix >= 0.0f ? (ix <= xMax ? ix : xMax) : 0.0f;
    iy = iy >= 0.0f ? (iy <= yMax ? iy : yMax) : 0.0f;
    const int64_t x0 = int64_t(ix), y0 = int64_t(iy);
    const int64_t x1 = std::min(x0 + 1, image.width - 1), y1 = std::min(y0 + 1, image.height - 1);
    const float fx = ix - float(x0), fy = iy - float(y0);
    const float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
    const float *p00 = image.data + y0 * image.sy + x0 * image.sx, *p01 = image.data + y0 * image.sy + x1 * image.sx;
    const float *p10 = image.data + y1 * image.sy + x0 * image.sx, *p11 = image.data + y1 * image.sy + x1 * image.sx;
    for (int64_t c = 0; c < image.channels; ++c) {
        const int64_t o = c * image.sc;
        out[c * outStride] = w00 * p00[o] + w01 * p01[o] + w10 * p10[o] + w11 * p11[o];
    }
}

// The identity grid of align_corners=false puts pixel x at (2x+1)/W − 1, and grid_sample maps a coordinate g back
// to ((g+1)·W − 1)/2: identity + offset d lands at x + d·W/2.
THS_INLINE float sourceCoordinate(int64_t pixel, float offset, float halfSize)
{
    return float(pixel) + offset * halfSize;
}

// 16 floats in GCC's vector extension (see fused_separable.cpp): exp by range reduction and a degree-6 polynomial
// (Cephes' expf coefficients), so tanh and sigmoid vectorise on every instruction set the kernel is compiled for.
typedef float Vec __attribute__((vector_size(64)));
typedef int32_t IVec __attribute__((vector_size(64)));
constexpr int kLanes = 16;

THS_INLINE Vec splat(float v)
{
    Vec r;
    for (int i = 0; i < kLanes; ++i)
        r[i] = v;
    return r;
}

THS_INLINE Vec expVec(Vec x)
{
    x = x < splat(-87.0f) ? splat(-87.0f) : x;
    x = x > splat(88.0f) ? splat(88.0f) : x;
    const Vec t = x * 1.44269504088896341f;
    const IVec n = __builtin_convertvector(t + (t >= splat(0.0f) ? splat(0.5f) : splat(-0.5f)), IVec);
    const Vec nf = __builtin_convertvector(n, Vec);
    const Vec r = (x - nf * 0.693359375f) + nf * 2.12194440e-4f;
    Vec p = splat(1.9875691500e-4f);
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const IVec bits = (n + 127) << 23;
    Vec scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

// In place over n floats, n a multiple of kLanes.
THS_CLONES void tanhInPlace(float *v, int64_t n)
{
    for (int64_t i = 0; i < n; i += kLanes) {
        Vec x;
        std::memcpy(&x, v + i, sizeof x);
        x = 1.0f - 2.0f / (expVec(x * 2.0f) + 1.0f);
        std::memcpy(v + i, &x, sizeof x);
    }
}

THS_CLONES void sigmoidInPlace(float *v, int64_t n)
{
    for (int64_t i = 0; i < n; i += kLanes) {
        Vec x;
        std::memcpy(&x, v + i, sizeof x);
        x = 1.0f / (expVec(-x) + 1.0f);
        std::memcpy(v + i, &x, sizeof x);
    }
}

} // namespace

bool fusedWarpApplies(const at::Tensor &gridChange, const at::Tensor &image)
{
    return isCpuFloatImage(gridChange) && isCpuFloatImage(image) && gridChange.size(1) == 2 && sameSize(gridChange, image);
}

at::Tensor warpByGridChange(const at::Tensor &gridChange, const at::Tensor &image)
{
    RECORD_FUNCTION("ths::warp_by_grid_change", std::vector<c10::IValue>{gridChange, image});
    const View grid(gridChange), source(image);
    const int64_t h = source.height, w = source.width, plane = h * w;
    at::Tensor out = at::empty({1, source.channels, h, w}, image.options().memory_format(at::MemoryFormat::Contiguous));
    float *dst = out.data_ptr<float>();
    const float halfW = 0.5f * float(w), halfH = 0.5f * float(h);
    at::parallel_for(0, h, 8, [&](int64_t begin, int64_t end) {
        for (int64_t y = begin; y < end; ++y)
            for (int64_t x = 0; x < w; ++x)
                sampleBorder(source, sourceCoordinate(x, grid.at(0, y, x), halfW),
                             sourceCoordinate(y, grid.at(1, y, x), halfH), dst + y * w + x, plane);
    });
    return out;
}

bool fusedEditorOutputApplies(const at::Tensor &heads, const at::Tensor &gridChange, const at::Tensor &original)
{
    return isCpuFloatImage(heads) && heads.size(1) == 10 && fusedWarpApplies(gridChange, original)
           && original.size(1) == 4 && sameSize(heads, original);
}

at::Tensor composeEditorOutput(const at::Tensor &heads, const at::Tensor &gridChange, const at::Tensor &original)
{
    RECORD_FUNCTION("ths::compose_editor_output", std::vector<c10::IValue>{heads, gridChange, original});
    const View logits(heads), grid(gridChange), source(original);
    const int64_t h = source.height, w = source.width, plane = h * w;
    const int64_t rowLength = (w + kLanes - 1) / kLanes * kLanes;
    at::Tensor out = at::empty({1, 4, h, w}, original.options().memory_format(at::MemoryFormat::Contiguous));
    float *dst = out.data_ptr<float>();
    const float halfW = 0.5f * float(w), halfH = 0.5f * float(h);
    at::parallel_for(0, h, 4, [&](int64_t begin, int64_t end) {
        // One row's activations, channel-major: 4 colour changes, then 4 alphas.
        std::vector<float> act(8 * rowLength, 0.0f);
        for (int64_t y = begin; y < end; ++y) {
            for (int64_t x = 0; x < w; ++x)
                for (int64_t c = 0; c < 8; ++c)
                    act[c * rowLength + x] = logits.at(c, y, x);
            tanhInPlace(act.data(), 4 * rowLength);
            sigmoidInPlace(act.data() + 4 * rowLength, 4 * rowLength);
            for (int64_t x = 0; x < w; ++x) {
                float warped[4];
                sampleBorder(source, sourceCoordinate(x, grid.at(0, y, x) + logits.at(8, y, x), halfW),
                             sourceCoordinate(y, grid.at(1, y, x) + logits.at(9, y, x), halfH), warped, 1);
                for (int64_t c = 0; c < 4; ++c) {
                    const float cc = act[c * rowLength + x], a = act[(4 + c) * rowLength + x];
                    dst[c * plane + y * w + x] = cc * a + warped[c] * (1 - a);
                }
            }
        }
    });
    return out;
}

} // namespace ths::tha3
