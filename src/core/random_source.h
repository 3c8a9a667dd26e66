// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Seeded random numbers for the animation drivers and the look's dynamic filters, so that a given seed and clock replay
// the same frames.

#include <QRandomGenerator>

namespace ths {

class RandomSource
{
public:
    explicit RandomSource(quint32 seed)
        : m_generator(seed)
    {
    }

    // Uniform in [0, 1).
    double uniform() { return m_generator.generateDouble(); }
    // Uniform in [low, high); low when the interval is empty.
    double uniform(double low, double high) { return low + (high - low) * m_generator.generateDouble(); }

private:
    QRandomGenerator m_generator;
};

} // namespace ths
