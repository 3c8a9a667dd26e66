// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/pixel_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ths::look {

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

template<int C>
void blurRows(float *data, int w, int h, const std::vector<float> &k)
{
    const int r = int(k.size()) / 2;
    const int taps = int(k.size());
#pragma omp parallel
    {
        std::vector<float> padded(size_t(w + 2 * r) * C);
#pragma omp for schedule(static)
        for (int y = 0; y < h; ++y) {
            float *row = data + size_t(y) * size_t(w) * C;
            for (int x = -r; x < w + r; ++x)
                std::memcpy(&padded[size_t(x + r) * C], row + size_t(reflect(x, w)) * C, sizeof(float) * C);
            for (int x = 0; x < w; ++x) {
                float acc[C] = {};
                const float *p = &padded[size_t(x) * C];
                for (int t = 0; t < taps; ++t)
                    for (int c = 0; c < C; ++c)
                        acc[c] += k[size_t(t)] * p[t * C + c];
                for (int c = 0; c < C; ++c)
                    row[size_t(x) * C + c] = acc[c];
            }
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
        for (int t = 0; t < int(k.size()); ++t) {
            const float *in = src.data() + size_t(reflect(y + t - r, h)) * n;
            const float kt = k[size_t(t)];
            for (size_t i = 0; i < n; ++i)
                out[i] += kt * in[i];
        }
    }
}

} // namespace

void blur(float *data, int w, int h, int channels, const std::vector<float> &kx, const std::vector<float> &ky)
{
    if (kx.size() > 1) {
        switch (channels) {
        case 1: blurRows<1>(data, w, h, kx); break;
        case 2: blurRows<2>(data, w, h, kx); break;
        default: blurRows<4>(data, w, h, kx); break;
        }
    }
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

float expNonPositive(float x)
{
    // e^x = 2^n · e^r with n = round(x·log2 e) and |r| ≤ ln2/2; e^r by its Taylor polynomial (degree 7).
    x = std::max(x, -87.0f);
    const float t = x * 1.44269504f - 0.5f;
    const int n = int(t) - (t < float(int(t)) ? 1 : 0) + 1; // floor(t) + 1 = round(x·log2 e) for x ≤ 0
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
    bits += n << 23;
    std::memcpy(&p, &bits, 4);
    return p;
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
