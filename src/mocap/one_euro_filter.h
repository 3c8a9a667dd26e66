// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The One Euro filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass filter whose cut-off rises with the signal's
// speed, so a still face does not jitter and a fast one does not lag. Two parameters: the cut-off at rest
// (`minCutoff`, Hz; lower = smoother) and how fast it rises with speed (`beta`; higher = less lag).

namespace ths::mocap {

class OneEuroFilter
{
public:
    OneEuroFilter(double minCutoff = 1.0, double beta = 0.0, double derivativeCutoff = 1.0);
    // The filtered value of `x` sampled at `t` seconds (times must not go backwards; equal times repeat the output).
    double filter(double x, double t);
    void reset();

private:
    double m_minCutoff, m_beta, m_derivativeCutoff;
    bool m_started = false;
    double m_x = 0, m_dx = 0, m_t = 0;
};

} // namespace ths::mocap
