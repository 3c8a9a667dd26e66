// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/postprocessor.h"

#include "core/compute_thread.h"

#include "look/filters.h"
#include "look/pixel_ops.h"

#include <QElapsedTimer>

#include <omp.h>

#include <cmath>

namespace ths::look {

namespace {

// The original's design rate for dynamic effects.
constexpr double kCalibrationFps = 25.0;

using FilterFunction = void (*)(const FilterStep &, FilterContext &);

FilterFunction functionOf(FilterKind kind)
{
    switch (kind) {
    case FilterKind::Bloom: return bloom;
    case FilterKind::ChromaticAberration: return chromaticAberration;
    case FilterKind::Vignetting: return vignetting;
    case FilterKind::Translucency: return translucency;
    case FilterKind::AlphaNoise: return alphaNoise;
    case FilterKind::LumaNoise: return lumaNoise;
    case FilterKind::AnalogLowres: return analogLowres;
    case FilterKind::AnalogBadHsync: return analogBadHsync;
    case FilterKind::AnalogDistort: return analogDistort;
    case FilterKind::AnalogVhsGlitches: return analogVhsGlitches;
    case FilterKind::AnalogVhsTracking: return analogVhsTracking;
    case FilterKind::ShiftDistort: return shiftDistort;
    case FilterKind::Desaturate: return desaturate;
    case FilterKind::Banding: return banding;
    case FilterKind::Scanlines: return scanlines;
    }
    return nullptr;
}

} // namespace

Postprocessor::Postprocessor(quint32 seed)
    : m_random(seed)
{
}

Postprocessor::~Postprocessor() = default;

int Postprocessor::threads()
{
    return onComputeThread([] { return omp_get_max_threads(); });
}

void Postprocessor::setChain(LookChain chain)
{
    m_chain = std::move(chain);
    m_stepMs.assign(m_chain.steps.size(), 0.0);
}

void Postprocessor::apply(LinearFrame &frame, double seconds)
{
    const double frameNo = kCalibrationFps * seconds;
    const bool newFrame = !m_started || std::trunc(frameNo) > std::trunc(m_lastFrameNo);
    m_started = true;
    m_lastFrameNo = frameNo;
    if (int(m_gx.size()) != frame.width || int(m_gy.size()) != frame.height) {
        m_gx.resize(size_t(frame.width));
        m_gy.resize(size_t(frame.height));
        for (int i = 0; i < frame.width; ++i)
            m_gx[size_t(i)] = gridCoordinate(i, frame.width);
        for (int i = 0; i < frame.height; ++i)
            m_gy[size_t(i)] = gridCoordinate(i, frame.height);
    }
    FilterContext context{frame, frameNo, newFrame, m_random, m_named, m_gx, m_gy, m_scratch};
    m_stepMs.assign(m_chain.steps.size(), 0.0);
    onComputeThread([&] { // the filters' OpenMP loops: one team for the process (core/compute_thread.h)
        QElapsedTimer timer;
        for (size_t i = 0; i < m_chain.steps.size(); ++i) {
            timer.start();
            const FilterStep &step = m_chain.steps[i];
            functionOf(step.spec->kind)(step, context);
            m_stepMs[i] = timer.nsecsElapsed() / 1e6;
        }
    });
}

QImage Postprocessor::apply(const QImage &frame, double seconds)
{
    if (m_chain.isEmpty() || frame.isNull())
        return frame;
    LinearFrame linear = LinearFrame::fromSrgb(frame);
    apply(linear, seconds);
    return linear.toSrgb();
}

} // namespace ths::look
