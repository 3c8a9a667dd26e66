// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The puppeteer's packet path without threads or sockets: packets in (with their arrival time), the tracked face
// and its pose out. The receiver, the replay and render-take all feed one of these, so a take replays the same
// poses it recorded.

#include "mocap/face_input.h"
#include "mocap/ifacialmocap_packet.h"
#include "mocap/mocap_source.h"
#include "mocap/one_euro_filter.h"
#include "mocap/puppeteer_settings.h"
#include "mocap/vmc_packet.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace ths::mocap {

class FaceStream
{
public:
    FaceStream(SourceKind kind, const PuppeteerSettings &settings);

    // One packet that arrived at `t` seconds (any fixed epoch; never decreasing). Malformed packets are counted and
    // change nothing.
    ParseResult feed(const QByteArray &packet, double t);

    SourceKind kind() const { return m_kind; }
    const PuppeteerSettings &settings() const { return m_settings; }
    // New settings from the next packet on (smoothing restarts when its parameters change).
    void setSettings(const PuppeteerSettings &settings);
    // Neutral-pose calibration: the face as tracked now counts as the rest. False before the first face.
    bool calibrate();

    // The smoothed face and when it last changed; none before the first face.
    std::optional<FaceInput> face() const { return m_smoothed; }
    std::optional<double> lastFrameTime() const { return m_lastFrame; }
    // The pose for the current face (calibration, conversion and gains applied); none before the first face.
    // `breathingSeconds`: the converter's breathing phase, where it breathes (PuppeteerSettings::converterBreathing).
    std::optional<Pose> pose(std::optional<double> breathingSeconds = std::nullopt) const;
    // The pose parameters this source drives: those of the face's groups it has sent (breathing only where the
    // converter breathes).
    std::vector<bool> providedChannels() const;

    quint64 packets() const { return m_packets; }
    quint64 rejected() const { return m_rejected; }
    quint64 unknownNames() const { return m_unknownNames; }
    QString lastError() const { return m_lastError; }

private:
    void smooth(double t);

    SourceKind m_kind;
    PuppeteerSettings m_settings;
    VmcParser m_vmc;
    FaceInput m_raw;
    std::optional<FaceInput> m_smoothed;
    std::optional<double> m_lastFrame;
    std::vector<OneEuroFilter> m_filters; // blendshapes, presets, head, body
    quint64 m_packets = 0, m_rejected = 0, m_unknownNames = 0;
    QString m_lastError;
};

} // namespace ths::mocap
