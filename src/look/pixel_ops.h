// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The building blocks the look's filters share: Gaussian blurs, bilinear resampling, luminance, noise, exp.
// Internal to src/look. Every loop runs over rows, split between OpenMP threads.
//
// Conventions of the original (so that the filters match it): a blur kernel is the sampled, normalised Gaussian of
// an odd size, with mirror padding that does not repeat the edge pixel; a geometric filter describes where each
// output pixel reads in normalised coordinates x, y ∈ [−1, 1], x = −1 + 2j/(W−1) over the columns (likewise y
// over the rows), and reads the source at pixel ((x + 1)·W − 1)/2, clamped to the image, bilinearly.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ths::look {

// BT.709 luminance of linear RGB.
constexpr float kLumaR = 0.2126f, kLumaG = 0.7152f, kLumaB = 0.0722f;
inline float luminance(const float *rgb)
{
    return kLumaR * rgb[0] + kLumaG * rgb[1] + kLumaB * rgb[2];
}

// The normalised Gaussian of `size` taps (odd) and `sigma` > 0.
std::vector<float> gaussianKernel(int size, double sigma);

// Blurs `data` (`channels` interleaved floats per pixel, w × h) in place: `kx` along rows, then `ky` along
// columns (either may be empty: no pass). channels ∈ {1, 2, 4}.
void blur(float *data, int w, int h, int channels, const std::vector<float> &kx, const std::vector<float> &ky);

// The mirror index of i in [0, n).
inline int reflect(int i, int n)
{
    if (n == 1)
        return 0;
    while (i < 0 || i >= n)
        i = i < 0 ? -i : 2 * (n - 1) - i;
    return i;
}

// The normalised coordinate of column (row) i of n: −1 + 2i/(n−1).
inline float gridCoordinate(int i, int n)
{
    return n > 1 ? -1.0f + 2.0f * float(i) / float(n - 1) : -1.0f;
}

// The source pixel coordinate a normalised coordinate reads.
inline float sourcePixel(float g, int n)
{
    return ((g + 1.0f) * float(n) - 1.0f) / 2.0f;
}

// Bilinear resampling of 4-channel `src` (w × h) into `dst`: output (i, j) reads the source at normalised
// x = gx[j] + dx[i] (dx may be null: 0) and y = gy[i].
void resample(const float *src, float *dst, int w, int h, const float *gx, const float *dx, const float *gy);

// out[i] += k·in[i] for i < n: the inner loop of every blur (vectorised for the CPU it runs on).
void addScaled(float *out, const float *in, float k, size_t n);

// The tone map of bloom over n values: v[i] ← clamp(1 − e^(−max(v[i], 0)·exposure), 0, 1).
void toneMap(float *v, size_t n, float exposure);

// A fast generator for noise fields (the slow, injected RandomSource seeds it once per field): splitmix64.
class NoiseGenerator
{
public:
    explicit NoiseGenerator(uint64_t seed)
        : m_state(seed)
    {
    }
    // Uniform in [0, 1).
    float uniform()
    {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return float(z >> 40) * (1.0f / 16777216.0f);
    }

private:
    uint64_t m_state;
};

// A w × h field of uniform noise in [0, 1) from `seed` (each row its own stream, so threads do not change it).
void noiseField(float *out, int w, int h, uint64_t seed);

} // namespace ths::look
