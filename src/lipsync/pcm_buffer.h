// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mono audio as floats in [-1, 1] at a known sample rate: what the decoder, the synthesizer and the analysers
// hand each other.

#include <vector>

namespace ths {

struct PcmBuffer {
    int sampleRate = 0;
    std::vector<float> samples;

    double duration() const { return sampleRate > 0 ? double(samples.size()) / sampleRate : 0.0; }
    bool isEmpty() const { return samples.empty(); }
};

} // namespace ths
