// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Applies a look (a parsed postprocessor_chain) to frames, in chain order, in linear RGBA.
//
// Dynamic filters run on the original's normalised frame clock: frame number = 25 × the seconds since the look
// started, whatever the real frame rate, so a recording at 60 fps and a stream at 12 fps show the same motion. A
// filter "re-randomises" when the integer part of that number advances. Filters with a `name` keep their state
// per name across frames and chain changes (two instances of one dynamic filter need different names).
// Randomness comes from the injected seed, so a seed and a sequence of times replay the same frames.
//
// One thread at a time (the owner's render loop); not thread-safe.

#include "core/random_source.h"
#include "look/filter_catalog.h"
#include "look/linear_frame.h"

#include <QImage>

#include <map>
#include <vector>

namespace ths::look {

struct NamedState;

class Postprocessor
{
public:
    explicit Postprocessor(quint32 seed);
    ~Postprocessor();
    Postprocessor(const Postprocessor &) = delete;
    Postprocessor &operator=(const Postprocessor &) = delete;

    // The chain from the next frame on; the clock and the named state carry on.
    void setChain(LookChain chain);
    const LookChain &chain() const { return m_chain; }

    // Applies the chain to `frame` at `seconds` (on the caller's clock, since the look started; they should not
    // go backwards).
    void apply(LinearFrame &frame, double seconds);
    // The same on an 8-bit sRGB frame (decoded to linear, filtered, encoded); with an empty chain the frame itself.
    QImage apply(const QImage &frame, double seconds);

    // The OpenMP threads a filter uses.
    static int threads();

    // Milliseconds each step of the chain took in the last apply(), in chain order.
    const std::vector<double> &lastStepMs() const { return m_stepMs; }

private:
    LookChain m_chain;
    RandomSource m_random;
    double m_lastFrameNo = -1;
    bool m_started = false;
    std::map<QString, NamedState> m_named;
    std::vector<float> m_gx, m_gy, m_scratch;
    std::vector<double> m_stepMs;
};

} // namespace ths::look
