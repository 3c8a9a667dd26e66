// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/face_stream.h"

namespace ths::mocap {

namespace {
constexpr int kFilteredValues = kBlendshapeCount + kVrmPresetCount + 3 + 2;
} // namespace

FaceStream::FaceStream(SourceKind kind, const PuppeteerSettings &settings)
    : m_kind(kind)
{
    setSettings(settings);
}

void FaceStream::setSettings(const PuppeteerSettings &settings)
{
    const bool refilter = m_filters.empty() || settings.minCutoff != m_settings.minCutoff || settings.beta != m_settings.beta
                          || settings.smoothing != m_settings.smoothing;
    m_settings = settings;
    if (refilter)
        m_filters.assign(size_t(kFilteredValues), OneEuroFilter(settings.minCutoff, settings.beta));
}

ParseResult FaceStream::feed(const QByteArray &packet, double t)
{
    ++m_packets;
    ParseResult r = m_kind == SourceKind::Vmc ? m_vmc.parse(packet, &m_raw) : parseIfacialmocapPacket(packet, &m_raw);
    m_unknownNames += quint64(r.unknownNames);
    if (!r.ok) {
        ++m_rejected;
        m_lastError = r.error;
        return r;
    }
    if (r.frame)
        smooth(t);
    return r;
}

void FaceStream::smooth(double t)
{
    FaceInput out = m_raw;
    if (m_settings.smoothing) {
        size_t k = 0;
        for (double &v : out.blendshapes)
            v = m_filters[k++].filter(v, t);
        for (double &v : out.presets)
            v = m_filters[k++].filter(v, t);
        for (double &v : out.head)
            v = m_filters[k++].filter(v, t);
        for (double &v : out.body)
            v = m_filters[k++].filter(v, t);
    }
    m_smoothed = out;
    m_lastFrame = t;
}

bool FaceStream::calibrate()
{
    if (!m_smoothed)
        return false;
    m_settings.neutral = *m_smoothed;
    return true;
}

std::optional<Pose> FaceStream::pose(std::optional<double> breathingSeconds) const
{
    if (!m_smoothed)
        return std::nullopt;
    return puppetPose(*m_smoothed, m_settings, m_settings.converterBreathing ? breathingSeconds : std::nullopt);
}

std::vector<bool> FaceStream::providedChannels() const
{
    std::vector<bool> provided(size_t(Pose::kCount), false);
    if (!m_smoothed)
        return provided;
    const FaceInput &f = *m_smoothed;
    // iFacialMocap drives the whole face as the original did; a VMC sender what it has sent.
    const bool all = m_kind != SourceKind::Vmc;
    const bool face = all || f.hasBlendshapes || f.hasPresets;
    const bool head = all || f.hasHead;
    const bool body = all || f.hasHead || f.hasBody;
    for (int i = 0; i < Pose::kCount; ++i) {
        switch (Pose::parameters()[size_t(i)].group) {
        case PoseGroup::Eyebrow:
        case PoseGroup::Eye:
        case PoseGroup::IrisMorph:
        case PoseGroup::Mouth:
        case PoseGroup::IrisRotation: provided[size_t(i)] = face; break;
        case PoseGroup::FaceRotation: provided[size_t(i)] = head; break;
        case PoseGroup::BodyRotation: provided[size_t(i)] = body; break;
        case PoseGroup::Breathing: provided[size_t(i)] = m_settings.converterBreathing; break;
        }
    }
    return provided;
}

} // namespace ths::mocap
