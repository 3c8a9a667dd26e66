// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The first two formants of a short speech frame, from linear prediction: autocorrelation LPC (Levinson–Durbin),
// then the roots of the prediction polynomial (Aberth iteration). A root's angle is a resonance frequency and its
// distance from the unit circle its bandwidth; F1 and F2 are the lowest two sharp resonances.
//
// Roots rather than peaks of the LPC spectrum, because back vowels (u, o) have F1 and F2 only ~300 Hz apart and
// the spectrum often shows them as one peak. The last frame's roots seed the next search, which then converges in
// a few iterations.

#include <complex>
#include <vector>

namespace ths {

struct Formants {
    bool valid = false;
    float f1 = 0.0f; // Hz
    float f2 = 0.0f; // Hz
};

class FormantEstimator
{
public:
    // `order` poles at `sampleRate`: about one resonance per kHz plus two for the glottal/radiation tilt.
    FormantEstimator(int sampleRate, int order);

    // `frame` is already pre-emphasised and windowed.
    Formants estimate(const float *frame, int length);

    // Exposed for tests: prediction coefficients a[1..order] (a[0] = 1) or empty for a silent frame.
    std::vector<double> lpc(const float *frame, int length) const;

private:
    bool findRoots(const std::vector<double> &poly);

    int m_sampleRate;
    int m_order;
    std::vector<std::complex<double>> m_roots;
    bool m_haveRoots = false;
};

} // namespace ths
