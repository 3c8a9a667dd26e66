// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/fused_separable.h"

#include "tha3/cpu_kernels.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <cstring>
#include <vector>

namespace ths::tha3 {

namespace {

struct Geometry {
    int64_t height, width; // of the output (= the upsampled input: stride 1, padding 1)
};

// 16 floats: GCC's vector extension, so the kernel is written once for every instruction set it is compiled for
// (one zmm register on AVX-512, two ymm on AVX2, four xmm on SSE2).
typedef float Vec __attribute__((vector_size(64)));
typedef uint16_t Half16 __attribute__((vector_size(32)));
typedef uint32_t Bits16 __attribute__((vector_size(64)));
constexpr int kLanes = 16;
constexpr int kBlock = 8; // output pixels per pointwise block: each weight vector loaded once serves 8 pixels

THS_INLINE Vec load16(const float *p)
{
    Vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
THS_INLINE Vec load16(const c10::BFloat16 *p)
{
    Half16 h;
    std::memcpy(&h, p, sizeof h);
    const Bits16 bits = __builtin_convertvector(h, Bits16) << 16;
    Vec v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}
THS_INLINE void store16(float *p, Vec v)
{
    std::memcpy(p, &v, sizeof v);
}
THS_INLINE void store16(c10::BFloat16 *p, Vec v)
{
    Bits16 bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits += 0x7fffu + ((bits >> 16) & 1u); // round to nearest even, as c10 does
    const Half16 h = __builtin_convertvector(bits >> 16, Half16);
    std::memcpy(p, &h, sizeof h);
}

// One output row. taps: [9][C1+C2] fp32, tap-major; mix: [C1+C2][COUT] fp32. The channel counts are compile-time
// constants (multiples of 16), so the loops unroll and the sums stay in vector registers.
template<int C1, int C2, int COUT, class T>
THS_INLINE void row(const T *small, const T *skip, T *out, const float *taps, const float *mix, const Geometry &g,
                    int64_t y)
{
    static_assert(C1 % kLanes == 0 && C2 % kLanes == 0 && COUT % kLanes == 0);
    constexpr int C = C1 + C2;
    alignas(64) static const T zeros[C1 > C2 ? C1 : C2] = {};
    alignas(64) float depth[kBlock][C];
    const int64_t smallWidth = g.width / 2;
    for (int64_t x0 = 0; x0 < g.width; x0 += kBlock) {
        // Depthwise: the 3×3 neighbourhood of each pixel, zeros outside the image.
        for (int p = 0; p < kBlock; ++p) {
            const int64_t x = x0 + p;
            const T *fromSmall[9], *fromSkip[9];
            for (int t = 0; t < 9; ++t) {
                const int64_t yy = y + t / 3 - 1, xx = x + t % 3 - 1;
                const bool inside = yy >= 0 && yy < g.height && xx >= 0 && xx < g.width;
                fromSmall[t] = inside ? small + ((yy / 2) * smallWidth + xx / 2) * C1 : zeros;
                fromSkip[t] = inside && C2 ? skip + (yy * g.width + xx) * C2 : zeros;
            }
#pragma GCC unroll 32
            for (int cb = 0; cb < C1 / kLanes; ++cb) {
                Vec sum = {};
#pragma GCC unroll 9
                for (int t = 0; t < 9; ++t)
                    sum += load16(taps + t * C + cb * kLanes) * load16(fromSmall[t] + cb * kLanes);
                store16(&depth[p][cb * kLanes], sum);
            }
#pragma GCC unroll 32
            for (int cb = 0; cb < C2 / kLanes; ++cb) {
                Vec sum = {};
#pragma GCC unroll 9
                for (int t = 0; t < 9; ++t)
                    sum += load16(taps + t * C + C1 + cb * kLanes) * load16(fromSkip[t] + cb * kLanes);
                store16(&depth[p][C1 + cb * kLanes], sum);
            }
        }
        // Pointwise: [kBlock × C] · [C × COUT].
        for (int jb = 0; jb < COUT / kLanes; ++jb) {
            Vec acc[kBlock] = {};
            for (int k = 0; k < C; ++k) {
                const Vec w = load16(mix + k * COUT + jb * kLanes);
#pragma GCC unroll 8
                for (int p = 0; p < kBlock; ++p)
                    acc[p] += depth[p][k] * w;
            }
#pragma GCC unroll 8
            for (int p = 0; p < kBlock; ++p)
                store16(out + (y * g.width + x0 + p) * COUT + jb * kLanes, acc[p]);
        }
    }
}

using RowF32 = void (*)(const float *, const float *, float *, const float *, const float *, const Geometry &, int64_t);
using RowBf16 = void (*)(const c10::BFloat16 *, const c10::BFloat16 *, c10::BFloat16 *, const float *, const float *,
                         const Geometry &, int64_t);

// The decoders of the separable THA3 networks: the editor's (small + skip → out) and the rotator's (small → out).
#define THS_SEPARABLE_SHAPES(X) X(64, 32, 32) X(128, 64, 64) X(256, 128, 128) X(128, 0, 64) X(256, 0, 128) X(512, 0, 256)

#define THS_DEFINE_ROWS(c1, c2, cout)                                                                                  \
    THS_CLONES void rowF32_##c1##_##c2##_##cout(const float *s, const float *k, float *o, const float *t,             \
                                                const float *m, const Geometry &g, int64_t y)                          \
    {                                                                                                                  \
        row<c1, c2, cout>(s, k, o, t, m, g, y);                                                                        \
    }                                                                                                                  \
    THS_CLONES void rowBf16_##c1##_##c2##_##cout(const c10::BFloat16 *s, const c10::BFloat16 *k, c10::BFloat16 *o,   \
                                                 const float *t, const float *m, const Geometry &g, int64_t y)         \
    {                                                                                                                  \
        row<c1, c2, cout>(s, k, o, t, m, g, y);                                                                        \
    }
THS_SEPARABLE_SHAPES(THS_DEFINE_ROWS)
#undef THS_DEFINE_ROWS

struct Kernel {
    int64_t c1, c2, cout;
    RowF32 f32;
    RowBf16 bf16;
};

const Kernel *findKernel(int64_t c1, int64_t c2, int64_t cout)
{
#define THS_KERNEL_ENTRY(a, b, c) {a, b, c, rowF32_##a##_##b##_##c, rowBf16_##a##_##b##_##c},
    static const Kernel kernels[] = {THS_SEPARABLE_SHAPES(THS_KERNEL_ENTRY)};
#undef THS_KERNEL_ENTRY
    for (const Kernel &k : kernels)
        if (k.c1 == c1 && k.c2 == c2 && k.cout == cout)
            return &k;
    return nullptr;
}

} // namespace

bool fusedSeparableApplies(const at::Tensor &small, const at::Tensor &skip, const at::Tensor &depthwise,
                           const at::Tensor &pointwise)
{
    if (!isCpuChannelsLastImage(small))
        return false;
    if (skip.defined()
        && (!isCpuChannelsLastImage(skip) || skip.scalar_type() != small.scalar_type() || skip.size(2) != 2 * small.size(2)
            || skip.size(3) != 2 * small.size(3)))
        return false;
    const int64_t c1 = small.size(1), c2 = skip.defined() ? skip.size(1) : 0;
    return depthwise.dim() == 4 && depthwise.size(0) == c1 + c2 && depthwise.size(1) == 1 && depthwise.size(2) == 3
           && depthwise.size(3) == 3 && pointwise.dim() == 4 && pointwise.size(1) == c1 + c2
           && pointwise.size(2) == 1 && pointwise.size(3) == 1 && small.size(3) * 2 % kBlock == 0
           && findKernel(c1, c2, pointwise.size(0));
}

at::Tensor upsampledSeparable3x3(const at::Tensor &small, const at::Tensor &skip, const at::Tensor &depthwise,
                                 const at::Tensor &pointwise)
{
    RECORD_FUNCTION("ths::upsampled_separable3x3", std::vector<c10::IValue>{small, skip});
    const int64_t c1 = small.size(1), c2 = skip.defined() ? skip.size(1) : 0, c = c1 + c2, cout = pointwise.size(0);
    const Kernel *kernel = findKernel(c1, c2, cout);
    TORCH_CHECK(kernel, "upsampledSeparable3x3: no kernel for these channel counts");
    const Geometry g{2 * small.size(2), 2 * small.size(3)};
    const at::Tensor taps = depthwise.to(at::kFloat).reshape({c, 9}).t().contiguous();   // [9][C]
    const at::Tensor mix = pointwise.to(at::kFloat).reshape({cout, c}).t().contiguous(); // [C][Cout]
    at::Tensor out = at::empty({1, cout, g.height, g.width}, small.options().memory_format(at::MemoryFormat::ChannelsLast));
    const float *t = taps.data_ptr<float>(), *m = mix.data_ptr<float>();
    at::parallel_for(0, g.height, 1, [&](int64_t begin, int64_t end) {
        for (int64_t y = begin; y < end; ++y) {
            if (small.scalar_type() == at::kBFloat16)
                kernel->bf16(small.data_ptr<c10::BFloat16>(), skip.defined() ? skip.data_ptr<c10::BFloat16>() : nullptr,
                             out.data_ptr<c10::BFloat16>(), t, m, g, y);
            else
                kernel->f32(small.data_ptr<float>(), skip.defined() ? skip.data_ptr<float>() : nullptr,
                            out.data_ptr<float>(), t, m, g, y);
        }
    });
    return out;
}

} // namespace ths::tha3
