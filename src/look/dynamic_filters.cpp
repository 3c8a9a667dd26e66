// SPDX-License-Identifier: GPL-3.0-or-later
// The filters that move with the frame clock (the normalised frame number: 25 per second whatever the frame rate):
// alphanoise, lumanoise, analog_badhsync, analog_distort, analog_vhsglitches, analog_vhstracking, shift_distort,
// banding, scanlines.
#include "look/filters.h"
#include "look/pixel_ops.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ths::look {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr int kNoiseTaps = 5;      // the noise blur of alphanoise and lumanoise (sigma from the filter)
constexpr double kVhsNoiseSigma = 2.0; // VHS noise: runs along the row

uint64_t seedFrom(RandomSource &random)
{
    const auto half = [&] { return uint64_t(random.uniform() * 4294967296.0); };
    return half() << 32 | half();
}

// A band of blank-tape noise, `rows` × w: uniform noise blurred along its rows (5 taps, σ = 2).
std::vector<float> vhsNoise(int w, int rows, RandomSource &random)
{
    std::vector<float> noise(size_t(w) * size_t(rows));
    noiseField(noise.data(), w, rows, seedFrom(random));
    static const std::vector<float> kernel = gaussianKernel(kNoiseTaps, kVhsNoiseSigma);
    blur(noise.data(), w, rows, 1, kernel, {});
    return noise;
}

NamedState &stateFor(const FilterStep &s, FilterContext &c)
{
    NamedState &state = c.named[QLatin1String(s.spec->name) + QLatin1Char('/') + s.text("name")];
    if (state.width != c.frame.width || state.height != c.frame.height) {
        state = NamedState();
        state.width = c.frame.width;
        state.height = c.frame.height;
    }
    return state;
}

// The noise field of alphanoise and lumanoise: new whenever the normalised frame number's integer part advances.
const std::vector<float> &noiseFor(const FilterStep &s, FilterContext &c)
{
    NamedState &state = stateFor(s, c);
    if (!state.initialised || c.newFrame) {
        const int w = c.frame.width, h = c.frame.height;
        state.noise.resize(size_t(w) * size_t(h));
        noiseField(state.noise.data(), w, h, seedFrom(c.random));
        const double sigma = s.number("sigma");
        if (sigma > 0) {
            const std::vector<float> kernel = gaussianKernel(kNoiseTaps, sigma);
            blur(state.noise.data(), w, h, 1, kernel, kernel);
        }
        state.initialised = true;
    }
    return state.noise;
}

// Whether a glitch filter draws a new pattern now: every `interval` normalised frames.
bool glitchDue(const NamedState &state, double frameNo)
{
    return !state.initialised || double(int64_t(frameNo) - int64_t(state.lastChange)) >= state.interval;
}

// The glitch filters' random pattern: how many bands, where, how tall. Calls `band(firstRow, rows)` for each.
template<typename Band>
void drawGlitches(const FilterStep &s, FilterContext &c, NamedState &state, Band band)
{
    const int h = c.frame.height;
    const int count = int(s.integer("max_glitches") * std::pow(c.random.uniform(), s.number("unboost")));
    const int minHeight = s.integer("min_glitch_height"), maxHeight = s.integer("max_glitch_height");
    for (int i = 0; i < count; ++i) {
        const int first = std::max(0, int((h - (maxHeight - 1)) * c.random.uniform()));
        const int rows = int(minHeight + (maxHeight - minHeight) * c.random.uniform());
        band(first, std::min(rows, h - first));
    }
    const double holdMin = s.integer("hold_min"), holdMax = s.integer("hold_max");
    state.interval = std::nearbyint(holdMin + c.random.uniform() * (holdMax - holdMin));
    state.lastChange = c.frameNo;
    state.initialised = true;
}

// Resamples the frame with a per-row horizontal offset `dx` and a vertical offset `dy` (normalised units).
void shiftRows(FilterContext &c, const float *dx, float dy)
{
    LinearFrame &f = c.frame;
    std::vector<float> gy(c.gy);
    for (float &v : gy)
        v += dy;
    c.scratch.resize(f.rgba.size());
    resample(f.rgba.data(), c.scratch.data(), f.width, f.height, c.gx.data(), dx, gy.data());
    f.rgba.swap(c.scratch);
}

} // namespace

double cyclePosition(double frameNo, double speed, int height)
{
    const double cycle = frameNo / height * speed;
    return cycle - std::trunc(cycle);
}

// Alpha × ((1 − magnitude) + magnitude·noise).
void alphaNoise(const FilterStep &s, FilterContext &c)
{
    const std::vector<float> &noise = noiseFor(s, c);
    const float m = float(s.number("magnitude"));
    float *p = c.frame.rgba.data();
    const size_t pixels = noise.size();
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < pixels; ++i)
        p[4 * i + 3] *= (1.0f - m) + m * noise[i];
}

// Luminance × ((1 − magnitude) + magnitude·noise), chroma kept: in BT.709 YCbCr a change of Y alone moves R, G
// and B by the same amount. RGB is clamped to [0, 1] afterwards, as the original's conversion back does.
void lumaNoise(const FilterStep &s, FilterContext &c)
{
    const std::vector<float> &noise = noiseFor(s, c);
    const float m = float(s.number("magnitude"));
    float *p = c.frame.rgba.data();
    const size_t pixels = noise.size();
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < pixels; ++i) {
        float *px = p + 4 * i;
        const float delta = ((1.0f - m) + m * noise[i] - 1.0f) * luminance(px);
        for (int k = 0; k < 3; ++k)
            px[k] = std::clamp(px[k] + delta, 0.0f, 1.0f);
    }
}

// A horizontal ripple travelling down: x reads from x + Σ amplitude_k·sin(density_k·(y + c)·π), c = 2(1 − cycle).
// The three waves add up (the original kept only the last one enabled); a wave with amplitude or density 0 is off.
void analogBadHsync(const FilterStep &s, FilterContext &c)
{
    const int h = c.frame.height;
    const float offset = float(2.0 * (1.0 - cyclePosition(c.frameNo, s.number("speed"), h)));
    std::vector<float> dx(size_t(h), 0.0f);
    for (int k = 1; k <= 3; ++k) {
        const std::string amplitudeKey = "amplitude" + std::to_string(k), densityKey = "density" + std::to_string(k);
        const float amplitude = float(s.number(amplitudeKey.c_str())), density = float(s.number(densityKey.c_str()));
        if (k > 1 && (amplitude == 0 || density == 0))
            continue;
        for (int y = 0; y < h; ++y)
            dx[size_t(y)] += amplitude * std::sin(density * (c.gy[size_t(y)] + offset) * kPi);
    }
    shiftRows(c, dx.data(), 0.0f);
}

// A runaway hsync: rows in the eighth of the height nearest `edge` are pushed right, by
// ((1 − ripple_amplitude)·strength + ripple_amplitude·Σ sin(density_k·c·π))·profile, c = 2·cycle, the profile
// falling quadratically from 1 at the edge to 0.
void analogDistort(const FilterStep &s, FilterContext &c)
{
    const int h = c.frame.height;
    const double cycle = 2.0 * cyclePosition(c.frameNo, s.number("speed"), h);
    double ripple = std::sin(s.number("ripple_density1") * cycle * std::numbers::pi);
    for (const char *key : {"ripple_density2", "ripple_density3"})
        if (s.number(key) != 0)
            ripple += std::sin(s.number(key) * cycle * std::numbers::pi);
    const double amplitude = s.number("ripple_amplitude");
    const float strength = float((1.0 - amplitude) * s.number("strength") + amplitude * ripple);
    const bool top = s.text("edge") == QLatin1String("top");
    std::vector<float> dx(static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
        const float g = c.gy[size_t(y)];
        const float d = top ? std::min(g + 0.75f, 0.0f) * 4.0f : std::max(g - 0.75f, 0.0f) * 4.0f;
        dx[size_t(y)] = -strength * d * d;
    }
    shiftRows(c, dx.data(), 0.0f);
}

// Damaged tape: every hold_min…hold_max normalised frames a new set of int(max_glitches·u^unboost) bands of rows
// (min…max glitch height tall), each filled with blank-tape noise blended into RGB by `strength`; alpha is kept.
void analogVhsGlitches(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int w = f.width;
    NamedState &state = stateFor(s, c);
    if (glitchDue(state, c.frameNo)) {
        state.glitchRows.assign(size_t(f.height), 0);
        state.glitch.assign(size_t(w) * size_t(f.height), 0.0f);
        drawGlitches(s, c, state, [&](int first, int rows) {
            const std::vector<float> noise = vhsNoise(w, rows, c.random);
            std::copy(noise.begin(), noise.end(), state.glitch.begin() + ptrdiff_t(first) * w);
            std::fill_n(state.glitchRows.begin() + first, rows, 1);
        });
    }
    const float strength = float(s.number("strength"));
    for (int y = 0; y < f.height; ++y) {
        if (!state.glitchRows[size_t(y)])
            continue;
        float *p = f.row(y);
        const float *noise = state.glitch.data() + size_t(y) * size_t(w);
        for (int x = 0; x < w; ++x)
            for (int k = 0; k < 3; ++k)
                p[4 * x + k] = (1.0f - strength) * p[4 * x + k] + strength * noise[x];
    }
}

// Bad tracking: the picture floats up and down by max_dynamic_offset·sin(2π·cycle) (2 = the height), and the
// bottom int(offset/2·H) + int(base_offset/2·H) rows become blank-tape noise in all four channels.
void analogVhsTracking(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int h = f.height, w = f.width;
    const double cycle = 2.0 * cyclePosition(c.frameNo, s.number("speed"), h);
    const double offset = s.number("max_dynamic_offset") * std::sin(cycle * std::numbers::pi);
    shiftRows(c, nullptr, float(offset));
    const int rows = std::min(h, int(offset / 2.0 * h) + int(s.number("base_offset") / 2.0 * h));
    if (rows <= 0)
        return;
    const std::vector<float> noise = vhsNoise(w, rows, c.random);
    for (int y = 0; y < rows; ++y) {
        float *p = f.row(h - rows + y);
        for (int x = 0; x < w; ++x)
            std::fill_n(p + 4 * x, 4, noise[size_t(y) * size_t(w) + size_t(x)]);
    }
}

// Glitchy digital transport: every hold_min…hold_max normalised frames a new set of bands of rows (as in
// analog_vhsglitches) whose content moves right by `strength` (2 = the width; negative: left).
void shiftDistort(const FilterStep &s, FilterContext &c)
{
    NamedState &state = stateFor(s, c);
    if (glitchDue(state, c.frameNo)) {
        state.rowShift.assign(size_t(c.frame.height), 0.0f);
        const float strength = float(s.number("strength"));
        drawGlitches(s, c, state, [&](int first, int rows) {
            for (int y = first; y < first + rows; ++y)
                state.rowShift[size_t(y)] -= strength;
        });
    }
    shiftRows(c, state.rowShift.data(), 0.0f);
}

// Bright bands travelling down: RGB × (1 + strength·sin²(density·y' + (1 − cycle)·π)), y' = 0…π over the rows;
// everything clamped to [0, 1].
void banding(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int h = f.height;
    const double phase = (1.0 - cyclePosition(c.frameNo, s.number("speed"), h)) * std::numbers::pi;
    const double strength = s.number("strength"), density = s.number("density");
#pragma omp parallel for schedule(static)
    for (int y = 0; y < h; ++y) {
        const double yy = h > 1 ? std::numbers::pi * y / (h - 1) : 0.0;
        const double band = std::sin(density * yy + phase);
        const float gain = float(1.0 + strength * band * band);
        float *p = f.row(y);
        for (int x = 0; x < f.width; ++x) {
            for (int k = 0; k < 3; ++k)
                p[4 * x + k] = std::clamp(p[4 * x + k] * gain, 0.0f, 1.0f);
            p[4 * x + 3] = std::clamp(p[4 * x + 3], 0.0f, 1.0f);
        }
    }
}

// Every other row darkened to half: the luminance ("Y", chroma kept, RGB then clamped) or the alpha ("A"). The
// first darkened row is `field`, or with `dynamic` (field + int(frame number)) mod 2, flipping every 1/25 s.
void scanlines(const FilterStep &s, FilterContext &c)
{
    LinearFrame &f = c.frame;
    const int start = s.flag("dynamic") ? int(((s.integer("field") + int64_t(c.frameNo)) % 2 + 2) % 2) : s.integer("field");
    const bool alpha = s.text("channel") == QLatin1String("A");
#pragma omp parallel for schedule(static)
    for (int y = 0; y < f.height; ++y) {
        const bool dark = y >= start && (y - start) % 2 == 0;
        float *p = f.row(y);
        if (alpha) {
            if (dark)
                for (int x = 0; x < f.width; ++x)
                    p[4 * x + 3] *= 0.5f;
            continue;
        }
        for (int x = 0; x < f.width; ++x) {
            float *px = p + 4 * x;
            const float delta = dark ? -0.5f * luminance(px) : 0.0f;
            for (int k = 0; k < 3; ++k)
                px[k] = std::clamp(px[k] + delta, 0.0f, 1.0f);
        }
    }
}

} // namespace ths::look
