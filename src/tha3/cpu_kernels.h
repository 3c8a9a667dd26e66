// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the engine's hand-written CPU kernels: the tensors they take, fp32/bf16 loads and stores that vectorise,
// and the attributes that compile a kernel for several instruction sets. Internal to the engine.

#include <ATen/core/Tensor.h>
#include <c10/util/BFloat16.h>

#include <cstdint>
#include <cstring>

// The hot loops are compiled for x86-64-v4 (AVX-512) and v3 (AVX2) too and chosen when the program loads, so the
// binary stays portable. GCC ignores target_clones on templates: kernels are templates inlined into plain
// functions that carry the attribute.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define THS_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define THS_CLONES
#endif
#define THS_INLINE inline __attribute__((always_inline))

namespace ths::tha3 {

// One image [1,C,H,W], channels-last, fp32 or bf16, on the CPU: what the kernels are written for.
inline bool isCpuChannelsLastImage(const at::Tensor &t)
{
    return t.device().is_cpu() && t.dim() == 4 && t.size(0) == 1
           && (t.scalar_type() == at::kFloat || t.scalar_type() == at::kBFloat16)
           && t.is_contiguous(at::MemoryFormat::ChannelsLast);
}

// bf16 ↔ fp32 by bit manipulation, so the loops vectorise (c10::BFloat16's conversions check for NaN per value and
// do not); rounding to nearest even as c10 does. The networks produce no NaN.
THS_INLINE float load(float v) { return v; }
THS_INLINE float load(c10::BFloat16 v)
{
    const uint32_t bits = uint32_t(v.x) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}
THS_INLINE void store(float &dst, float v) { dst = v; }
THS_INLINE void store(c10::BFloat16 &dst, float v)
{
    uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits += 0x7fffu + ((bits >> 16) & 1u);
    dst.x = uint16_t(bits >> 16);
}

} // namespace ths::tha3
