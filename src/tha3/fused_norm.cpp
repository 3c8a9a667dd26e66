// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/fused_norm.h"

#include "tha3/cpu_kernels.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace ths::tha3 {

namespace {

// Pixels summed in fp32 before the sums move into fp64: short enough that fp32 keeps the variance accurate, long
// enough that the inner loop (over channels) vectorises.
constexpr int64_t kChunk = 64;

template<class T>
THS_INLINE void accumulate(const T *x, int64_t pixels, int64_t channels, const float *shift, double *sum, double *sumSq)
{
    std::vector<float> sums(static_cast<size_t>(2 * channels));
    float *__restrict s = sums.data();
    float *__restrict q = s + channels;
    const float *__restrict origin = shift;
    for (int64_t p0 = 0; p0 < pixels; p0 += kChunk) {
        std::fill(sums.begin(), sums.end(), 0.f);
        const int64_t p1 = std::min(pixels, p0 + kChunk);
        for (int64_t p = p0; p < p1; ++p) {
            const T *__restrict row = x + p * channels;
            for (int64_t c = 0; c < channels; ++c) {
                const float d = load(row[c]) - origin[c];
                s[c] += d;
                q[c] += d * d;
            }
        }
        for (int64_t c = 0; c < channels; ++c) {
            sum[c] += s[c];
            sumSq[c] += q[c];
        }
    }
}

template<class T>
THS_INLINE void apply(T *x, const T *residual, int64_t pixels, int64_t channels, const float *scale,
                      const float *offset, int act)
{
    const float *__restrict a = scale;
    const float *__restrict b = offset;
    // One loop per case, so each inner loop is branch-free and vectorises.
    const auto each = [&](auto op) {
        for (int64_t p = 0; p < pixels; ++p) {
            T *__restrict row = x + p * channels;
            const T *__restrict res = residual ? residual + p * channels : row;
            for (int64_t c = 0; c < channels; ++c)
                store(row[c], op(load(row[c]) * a[c] + b[c], res[c]));
        }
    };
    if (residual)
        each([](float v, T r) { return v + load(r); });
    else if (act == 1)
        each([](float v, T) { return v > 0.f ? v : 0.f; });
    else if (act == 2)
        each([](float v, T) { return v > 0.f ? v : 0.1f * v; });
    else
        each([](float v, T) { return v; });
}

// One overload per element type: GCC clones plain functions only (cpu_kernels.h).
THS_CLONES void accumulateRows(const float *x, int64_t pixels, int64_t channels, const float *shift, double *sum,
                               double *sumSq)
{
    accumulate(x, pixels, channels, shift, sum, sumSq);
}
THS_CLONES void accumulateRows(const c10::BFloat16 *x, int64_t pixels, int64_t channels, const float *shift,
                               double *sum, double *sumSq)
{
    accumulate(x, pixels, channels, shift, sum, sumSq);
}
THS_CLONES void applyRows(float *x, const float *residual, int64_t pixels, int64_t channels, const float *scale,
                          const float *offset, int act)
{
    apply(x, residual, pixels, channels, scale, offset, act);
}
THS_CLONES void applyRows(c10::BFloat16 *x, const c10::BFloat16 *residual, int64_t pixels, int64_t channels,
                          const float *scale, const float *offset, int act)
{
    apply(x, residual, pixels, channels, scale, offset, act);
}

template<class T>
void run(at::Tensor &x, const at::Tensor &gamma, const at::Tensor &beta, int act, const at::Tensor &residual)
{
    const int64_t channels = x.size(1), pixels = x.size(2) * x.size(3);
    T *data = x.data_ptr<T>();
    const T *res = residual.defined() ? residual.data_ptr<T>() : nullptr;

    // Sums of (x − x₀) per channel, x₀ = the first pixel, so a large mean does not cancel the variance away.
    std::vector<float> shift(static_cast<size_t>(channels));
    for (int64_t c = 0; c < channels; ++c)
        shift[size_t(c)] = load(data[c]);
    const int threads = at::get_num_threads();
    std::vector<std::vector<double>> sums(size_t(threads), std::vector<double>(size_t(2 * channels), 0.0));
    const int64_t grain = std::max<int64_t>(kChunk, pixels / (4 * threads));
    at::parallel_for(0, pixels, grain, [&](int64_t begin, int64_t end) {
        std::vector<double> &mine = sums[size_t(at::get_thread_num())];
        accumulateRows(data + begin * channels, end - begin, channels, shift.data(), mine.data(), mine.data() + channels);
    });

    const at::Tensor g = gamma.to(at::kFloat).contiguous(), b = beta.to(at::kFloat).contiguous();
    const float *gp = g.data_ptr<float>(), *bp = b.data_ptr<float>();
    std::vector<float> scale(static_cast<size_t>(channels)), offset(static_cast<size_t>(channels));
    for (int64_t c = 0; c < channels; ++c) {
        double s = 0, q = 0;
        for (const auto &t : sums) {
            s += t[size_t(c)];
            q += t[size_t(channels + c)];
        }
        const double meanShifted = s / double(pixels);
        const double var = std::max(0.0, q / double(pixels) - meanShifted * meanShifted);
        const double invStd = 1.0 / std::sqrt(var + 1e-5);
        const double mean = meanShifted + shift[size_t(c)];
        scale[size_t(c)] = float(invStd * gp[c]);
        offset[size_t(c)] = float(bp[c] - mean * invStd * gp[c]);
    }
    at::parallel_for(0, pixels, grain, [&](int64_t begin, int64_t end) {
        applyRows(data + begin * channels, res ? res + begin * channels : nullptr, end - begin, channels, scale.data(),
                  offset.data(), act);
    });
}

} // namespace

bool fusedNormApplies(const at::Tensor &x)
{
    return isCpuChannelsLastImage(x) && x.size(1) > 1;
}

at::Tensor fusedInstanceNorm(at::Tensor x, const at::Tensor &gamma, const at::Tensor &beta,
                             std::optional<Activation> act, const at::Tensor &residual)
{
    RECORD_FUNCTION("ths::fused_instance_norm", std::vector<c10::IValue>{x});
    TORCH_CHECK(!(act && residual.defined()), "fusedInstanceNorm: an activation with a residual is not supported");
    const int code = !act ? 0 : *act == Activation::ReLU ? 1 : 2;
    const at::Tensor res = residual.defined() ? residual.contiguous(at::MemoryFormat::ChannelsLast) : residual;
    if (x.scalar_type() == at::kBFloat16)
        run<c10::BFloat16>(x, gamma, beta, code, res);
    else
        run<float>(x, gamma, beta, code, res);
    return x;
}

} // namespace ths::tha3
