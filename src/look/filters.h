// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fifteen filters, one function each, called by Postprocessor in chain order. Internal to src/look.

#include "core/random_source.h"
#include "look/filter_catalog.h"
#include "look/linear_frame.h"

#include <map>
#include <vector>

namespace ths::look {

// What a named instance of a dynamic filter keeps between frames (the original's per-name caches).
struct NamedState {
    bool initialised = false;
    int width = 0, height = 0;     // the frame size the state was made for
    double lastChange = 0;         // the normalised frame number of the last re-randomisation
    double interval = 0;           // normalised frames until the next
    std::vector<float> noise;      // alphanoise, lumanoise: w × h
    std::vector<float> glitch;     // analog_vhsglitches: w × h noise, with mask ≥ 0 marking the glitch rows
    std::vector<char> glitchRows;  // analog_vhsglitches: 1 for a glitching row
    std::vector<float> rowShift;   // shift_distort: per row, the x offset in normalised units
};

struct FilterContext {
    LinearFrame &frame;
    double frameNo;       // 25 × seconds since the look started
    bool newFrame;        // int(frameNo) advanced since the last apply (or this is the first)
    RandomSource &random;
    std::map<QString, NamedState> &named; // keyed by "<filter>/<name>"
    const std::vector<float> &gx, &gy;     // the normalised coordinate of each column and row
    std::vector<float> &scratch;           // a frame-sized buffer any filter may use
};

void bloom(const FilterStep &s, FilterContext &c);
void chromaticAberration(const FilterStep &s, FilterContext &c);
void vignetting(const FilterStep &s, FilterContext &c);
void translucency(const FilterStep &s, FilterContext &c);
void alphaNoise(const FilterStep &s, FilterContext &c);
void lumaNoise(const FilterStep &s, FilterContext &c);
void analogLowres(const FilterStep &s, FilterContext &c);
void analogBadHsync(const FilterStep &s, FilterContext &c);
void analogDistort(const FilterStep &s, FilterContext &c);
void analogVhsGlitches(const FilterStep &s, FilterContext &c);
void analogVhsTracking(const FilterStep &s, FilterContext &c);
void shiftDistort(const FilterStep &s, FilterContext &c);
void desaturate(const FilterStep &s, FilterContext &c);
void banding(const FilterStep &s, FilterContext &c);
void scanlines(const FilterStep &s, FilterContext &c);

// The fractional part of frameNo·speed/height as the original takes it (truncation: negative for a negative speed).
double cyclePosition(double frameNo, double speed, int height);

} // namespace ths::look
