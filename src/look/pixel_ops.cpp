// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/pixel_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ths::look {

// The hot loops get a second copy for x86-64-v3 (AVX2, FMA), picked at load time where the CPU has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define THS_LOOK_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define THS_LOOK_CLONES
#endif

THS_LOOK_CLONES void addScaled(float *__restrict out, const float *__restrict in, float k, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        out[i] += k * in[i];
}

namespace {

// e^x for x ≤ 0, to about 2e-7 relative: e^x = 2^n · e^r, n = round(x·log2 e), |r| ≤ ln2/2, e^r by its Taylor
// polynomial of degree 7. Branch-free, so the loop below vectorises (std::exp does not).
inline float expNonPositive(float x)
{
    x = x < -87.0f ? -87.0f : x;
    const float t = x * 1.44269504f - 0.5f;
    const int ti = int(t);
    const int n = ti - (t < float(ti) ? 1 : 0) + 1; // floor(t) + 1
    const float r = (x - float(n) * 0.693145752f) - float(n) * 1.42860677e-6f;
    float p = 1.0f / 5040;
    p = p * r + 1.0f / 720;
    p = p * r + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    int32_t bits;
    std::memcpy(&bits, &p, 4);
    bits += n * (1 << 23);
    std::memcpy(&p, &bits, 4);
    return p;
}

} // namespace

THS_LOOK_CLONES void toneMap(float *v, size_t n, float exposure)
{
    for (size_t i = 0; i < n; ++i) {
        const float x = v[i] > 0.0f ? v[i] : 0.0f;
        const float y = 1.0f - expNonPositive(-x * exposure);
        v[i] = y < 0.0f ? 0.0f : (y > 1.0f ? 1.0f : y);
    }
}

std::vector<float> gaussianKernel(int size, double sigma)
{
    std::vector<float> k(static_cast<size_t>(size));
    const float half = float(size - 1) * 0.5f;
    float sum = 0;
    for (int i = 0; i < size; ++i) {
        const float x = (-half + float(i)) / float(sigma);
        k[size_t(i)] = std::exp(-0.5f * x * x);
        sum += k[size_t(i)];
    }
    for (float &v : k)
        v /= sum;
    return k;
}

namespace {

// Along the rows: each output row is the sum of the tap-shifted padded row, scaled.
void blurRows(float *data, int w, int h, int channels, const std::vector<float> &k)
{
    const int r = int(k.size()) / 2;
    const size_t n = size_t(w) * size_t(channels);
#pragma omp parallel
    {
        std::vector<float> padded(size_t(w + 2 * r) * size_t(channels));
#pragma omp for schedule(static)
        for (int y = 0; y < h; ++y) {
            float *row = data + size_t(y) * n;
            for (int x = -r; x < w + r; ++x)
                std::memcpy(&padded[size_t(x + r) * size_t(channels)], row + size_t(reflect(x, w)) * size_t(channels),
                            sizeof(float) * size_t(channels));
            std::fill(row, row + n, 0.0f);
            for (size_t t = 0; t < k.size(); ++t)
                addScaled(row, padded.data() + t * size_t(channels), k[t], n);
        }
    }
}

void blurColumns(float *data, int w, int h, int channels, const std::vector<float> &k)
{
    const int r = int(k.size()) / 2;
    const size_t n = size_t(w) * size_t(channels);
    std::vector<float> src(data, data + n * size_t(h));
#pragma omp parallel for schedule(static)
    for (int y = 0; y < h; ++y) {
        float *out = data + size_t(y) * n;
        std::fill(out, out + n, 0.0f);
        for (int t = 0; t < int(k.size()); ++t)
            addScaled(out, src.data() + size_t(reflect(y + t - r, h)) * n, k[size_t(t)], n);
    }
}

} // namespace

void blur(float *data, int w, int h, int channels, const std::vector<float> &kx, const std::vector<float> &ky)
{
    if (kx.size() > 1)
        blurRows(data, w, h, channels, kx);
    if (ky.size() > 1)
        blurColumns(data, w, h, channels, ky);
}

void resample(const float *src, float *dst, int w, int h, const float *gx, const float *dx, const float *gy)
{
    const size_t stride = size_t(w) * 4;
#pragma omp parallel for schedule(static)
    for (int i = 0; i < h; ++i) {
        const float py = std::clamp(sourcePixel(gy[i], h), 0.0f, float(h - 1));
        const int y0 = int(py);
        const int y1 = std::min(y0 + 1, h - 1);
        const float fy = py - float(y0);
        const float *r0 = src + size_t(y0) * stride;
        const float *r1 = src + size_t(y1) * stride;
        const float shift = dx ? dx[i] : 0.0f;
        float *out = dst + size_t(i) * stride;
        for (int j = 0; j < w; ++j) {
            const float px = std::clamp(sourcePixel(gx[j] + shift, w), 0.0f, float(w - 1));
            const int x0 = int(px);
            const int x1 = std::min(x0 + 1, w - 1);
            const float fx = px - float(x0);
            const float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
            for (int c = 0; c < 4; ++c)
                out[4 * j + c] = w00 * r0[4 * x0 + c] + w01 * r0[4 * x1 + c] + w10 * r1[4 * x0 + c] + w11 * r1[4 * x1 + c];
        }
    }
}


void noiseField(float *out, int w, int h, uint64_t seed)
{
#pragma omp parallel for schedule(static)
    for (int y = 0; y < h; ++y) {
        NoiseGenerator g(seed ^ (0xd1b54a32d192ed03ull * uint64_t(y + 1)));
        float *row = out + size_t(y) * size_t(w);
        for (int x = 0; x < w; ++x)
            row[x] = g.uniform();
    }
}

} // namespace ths::look
