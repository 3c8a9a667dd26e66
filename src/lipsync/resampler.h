// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Streaming sample-rate conversion of mono float audio (windowed-sinc, band-limited to the lower rate's Nyquist).
// Output sample n lies at input time n · inRate/outRate, so the two streams stay aligned on the sample clock.
// Feeding a buffer in pieces gives exactly the same output as feeding it whole.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ths {

class Resampler
{
public:
    // Rates below 1 Hz are taken as 1 Hz (callers validate; this only keeps bad input from dividing by zero).
    Resampler(int inRate, int outRate);

    int inRate() const { return m_inRate; }
    int outRate() const { return m_outRate; }
    // How far ahead of an output sample the input must reach: the kernel's half-width, in seconds.
    double lookAheadSeconds() const;

    // Appends the output that the input so far fully determines.
    void push(const float *in, size_t count, std::vector<float> &out);
    // End of input: appends the rest (the input is taken as silent after its end), ceil(inCount · out/in) in all.
    void finish(std::vector<float> &out);

    // Whole-buffer convenience.
    static std::vector<float> convert(const std::vector<float> &in, int inRate, int outRate);

private:
    float tap(double distance) const;
    void produce(std::vector<float> &out, int64_t availableInput);

    int m_inRate;
    int m_outRate;
    int m_halfWidth = 0;          // kernel half-width in input samples
    double m_gain = 1.0;          // cutoff relative to the input Nyquist: scales the sinc
    std::vector<float> m_table;   // kernel at kPhases points per input sample, from distance 0 to m_halfWidth
    std::vector<float> m_history; // input samples from index m_historyStart on
    int64_t m_historyStart = 0;
    int64_t m_inCount = 0;
    int64_t m_outCount = 0;
};

} // namespace ths
