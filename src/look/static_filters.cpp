// SPDX-License-Identifier: GPL-3.0-or-later
// The filters that depend on the frame alone: bloom, chromatic_aberration, vignetting, translucency,
// analog_lowres, desaturate.
#include "look/filters.h"
#include "look/pixel_ops.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ths::look {

namespace {

constexpr int kBloomTaps = 21;
constexpr double kBloomSigma = 7.0;
constexpr int kAberrationTaps = 5;

} // namespace

// Fake HDR: the pixels at or above the luminance threshold, blurred wide, are added to the image (alpha too), then
// RGB is tone-mapped by 1 − e^(−x·exposure) and alpha is the larger of the sum and the blurred brights' alpha.
// The bright pixels are usually few, so only rows near one are blurred.
void bloom(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int w = f.width, h = f.height;
    const float threshold = float(s.number("luma_threshold"));
    const float exposure = float(s.number("hdr_exposure"));
    static const std::vector<float> kernel = gaussianKernel(kBloomTaps, kBloomSigma);
    constexpr int r = kBloomTaps / 2;
    const size_t n = size_t(w) * 4;

    // The brights, blurred along their rows (rows without any stay zero and are skipped below).
    std::vector<float> &rows = c.scratch;
    rows.resize(n * size_t(h)); // only the rows marked bright are written and read
    std::vector<char> bright(size_t(h), 0);
#pragma omp parallel
    {
        std::vector<float> padded(size_t(w + 2 * r) * 4);
#pragma omp for schedule(static)
        for (int y = 0; y < h; ++y) {
            const float *in = f.row(y);
            bool any = false;
            float *masked = padded.data() + size_t(r) * 4; // the row's own pixels, between the mirrored margins
            for (int x = 0; x < w; ++x) {
                const float *p = in + 4 * x;
                const bool on = luminance(p) >= threshold;
                any = any || on;
                for (int k = 0; k < 4; ++k)
                    masked[4 * x + k] = on ? p[k] : 0.0f;
            }
            if (!any)
                continue;
            for (int x = 1; x <= r; ++x)
                for (int k = 0; k < 4; ++k) {
                    masked[4 * -x + k] = masked[4 * reflect(-x, w) + k];
                    masked[4 * (w - 1 + x) + k] = masked[4 * reflect(w - 1 + x, w) + k];
                }
            bright[size_t(y)] = 1;
            float *out = rows.data() + size_t(y) * n;
            std::fill(out, out + n, 0.0f);
            for (int t = 0; t < kBloomTaps; ++t)
                addScaled(out, padded.data() + size_t(t) * 4, kernel[size_t(t)], n);
        }
    }
    // Down the columns, added and tone-mapped.
#pragma omp parallel
    {
        std::vector<float> blurred(n), alpha(static_cast<size_t>(w));
#pragma omp for schedule(static)
        for (int y = 0; y < h; ++y) {
            bool any = false;
            std::fill(blurred.begin(), blurred.end(), 0.0f);
            for (int t = 0; t < kBloomTaps; ++t) {
                const int src = reflect(y + t - r, h);
                if (!bright[size_t(src)])
                    continue;
                any = true;
                addScaled(blurred.data(), rows.data() + size_t(src) * n, kernel[size_t(t)], n);
            }
            float *px = f.row(y);
            if (any)
                addScaled(px, blurred.data(), 1.0f, n);
            // Alpha: max(a + b, b), which is a + b for a ≥ 0; kept aside while the row is tone-mapped whole.
            for (int x = 0; x < w; ++x)
                alpha[size_t(x)] = std::clamp(std::max(px[4 * x + 3], blurred[size_t(x) * 4 + 3]), 0.0f, 1.0f);
            toneMap(px, n, exposure);
            for (int x = 0; x < w; ++x)
                px[4 * x + 3] = alpha[size_t(x)];
        }
    }
}

// Axial aberration: red read from coordinates scaled by 1 + axial (it looks smaller), blue by 1 − axial (larger),
// green kept; transverse: the moved red and blue blurred (5 × 5). Alpha: the mean of the original and of the alpha
// moved and blurred like red and like blue.
void chromaticAberration(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int w = f.width, h = f.height;
    const float axial = float(s.number("axial_scale"));
    const double sigma = s.number("transverse_sigma");
    const std::vector<float> kernel = sigma > 0 ? gaussianKernel(kAberrationTaps, sigma) : std::vector<float>();
    const size_t pixels = size_t(w) * size_t(h);

    auto moved = [&](float scale, int channel) {
        std::vector<float> gx(c.gx), gy(c.gy);
        for (float &v : gx)
            v *= scale;
        for (float &v : gy)
            v *= scale;
        std::vector<float> &all = c.scratch;
        all.resize(pixels * 4);
        resample(f.rgba.data(), all.data(), w, h, gx.data(), nullptr, gy.data());
        std::vector<float> two(pixels * 2); // the channel and alpha
        for (size_t i = 0; i < pixels; ++i) {
            two[2 * i] = all[4 * i + size_t(channel)];
            two[2 * i + 1] = all[4 * i + 3];
        }
        blur(two.data(), w, h, 2, kernel, kernel);
        return two;
    };
    const std::vector<float> red = moved(1.0f + axial, 0);
    const std::vector<float> blue = moved(1.0f - axial, 2);
#pragma omp parallel for schedule(static)
    for (int y = 0; y < h; ++y) {
        float *p = f.row(y);
        for (int x = 0; x < w; ++x) {
            const size_t i = size_t(y) * size_t(w) + size_t(x);
            p[4 * x] = red[2 * i];
            p[4 * x + 2] = blue[2 * i];
            p[4 * x + 3] = (red[2 * i + 1] + p[4 * x + 3] + blue[2 * i + 1]) / 3.0f;
        }
    }
}

// RGB × cos²(strength·π·d), d the distance from the centre with d = 1 in the corners.
void vignetting(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const float strength = float(s.number("strength"));
    const float scale = strength * std::numbers::pi_v<float> / std::numbers::sqrt2_v<float>;
#pragma omp parallel for schedule(static)
    for (int y = 0; y < f.height; ++y) {
        float *p = f.row(y);
        const float gy2 = c.gy[size_t(y)] * c.gy[size_t(y)];
        for (int x = 0; x < f.width; ++x) {
            const float cs = std::cos(scale * std::sqrt(gy2 + c.gx[size_t(x)] * c.gx[size_t(x)]));
            const float b = cs * cs;
            for (int k = 0; k < 3; ++k)
                p[4 * x + k] *= b;
        }
    }
}

void translucency(const FilterStep &s, FilterContext &c)
{
    const float alpha = float(s.number("alpha"));
    float *p = c.frame.rgba.data();
    const size_t n = c.frame.rgba.size();
    for (size_t i = 3; i < n; i += 4)
        p[i] *= alpha;
}

// A Gaussian blur of all four channels (kernel_size², sigma; sigma 0 leaves the frame as it is).
void analogLowres(const FilterStep &s, FilterContext &c)
{
    const double sigma = s.number("sigma");
    if (sigma <= 0)
        return;
    const std::vector<float> kernel = gaussianKernel(s.integer("kernel_size"), sigma);
    blur(c.frame.rgba.data(), c.frame.width, c.frame.height, 4, kernel, kernel);
}

namespace {

// The hue of an RGB colour in [0, 1) (a polar approximation of HSL's hue, as in the original), and whether it has
// one (grey has none).
struct Hue {
    float hue;
    bool chromatic;
};

Hue hueOf(float r, float g, float b)
{
    const float a = 0.5f * (2.0f * r - g - b);
    const float be = 0.8660254f * (g - b);
    if (a == 0.0f && be == 0.0f)
        return {0.0f, false};
    float hue = std::atan2(be, a) / (2.0f * std::numbers::pi_v<float>);
    if (hue < 0)
        hue += 1.0f;
    return {hue, true};
}

} // namespace

// RGB blended towards its luminance times the tint, by `strength`. With bandpass_q > 0, hues within bandpass_q
// of the reference colour's hue (1 = the opposite hue) are kept, with a quadratic spike: the blend weight is
// strength·(1 − (1 − min(d/q, 1))²). Alpha is kept.
void desaturate(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const float strength = float(s.number("strength"));
    const auto &tint = s.rgb("tint_rgb");
    const float t[3] = {float(tint[0]), float(tint[1]), float(tint[2])};
    const float q = float(s.number("bandpass_q"));
    const auto &ref = s.rgb("bandpass_reference_rgb");
    const Hue refHue = hueOf(float(ref[0]), float(ref[1]), float(ref[2]));
    const bool bandpass = q > 0 && refHue.chromatic;
#pragma omp parallel for schedule(static)
    for (int y = 0; y < f.height; ++y) {
        float *p = f.row(y);
        for (int x = 0; x < f.width; ++x) {
            float *px = p + 4 * x;
            float weight = strength;
            if (bandpass) {
                const Hue h = hueOf(px[0], px[1], px[2]);
                if (h.chromatic) {
                    const float d = std::abs(h.hue - refHue.hue);
                    const float distance = 2.0f * std::min(d, 1.0f - d); // 0 … 1 (opposite hues)
                    const float keep = 1.0f - std::min(distance / q, 1.0f);
                    weight = strength * (1.0f - keep * keep);
                }
            }
            const float Y = luminance(px);
            for (int k = 0; k < 3; ++k)
                px[k] = (1.0f - weight) * px[k] + weight * Y * t[k];
        }
    }
}

} // namespace ths::look
