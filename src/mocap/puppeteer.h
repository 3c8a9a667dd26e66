// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The puppeteer: a face tracker's packets, received on their own thread (UDP) or replayed from a take, turned into
// the pose the live character shows.
//
// - iFacialMocap: after start() the start string goes to the phone (and again every 2 s while no packet arrives), as
//   the original sends it when its button is pressed; the phone then streams to our port.
// - Tracking: while packets arrive, apply() hands the animator's pose back with the channels the source drives
//   replaced by the tracked pose; others (breathing, by default) keep the idle animation. After 1 s without a
//   packet tracking is lost and the face eases back to the animation within kEaseSeconds; it eases in again when
//   packets return.
// - Recording: every packet with its arrival time, into a take (take_file.h).
//
// apply() and status() may be called from any thread; they never wait for the network.

#include "animation/clock.h"
#include "pose/pose.h"
#include "mocap/face_stream.h"
#include "mocap/mocap_source.h"
#include "mocap/puppeteer_settings.h"
#include "mocap/tracking_blend.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ths::mocap {

class Puppeteer
{
public:
    static constexpr double kTrackingTimeout = TrackingBlend::kTrackingTimeout;
    static constexpr double kEaseSeconds = TrackingBlend::kEaseSeconds;

    // `clock` (default: a steady clock) times packets, tracking and the easing.
    Puppeteer(const MocapSource &source, const PuppeteerSettings &settings, std::shared_ptr<const Clock> clock = nullptr);
    ~Puppeteer();
    Puppeteer(const Puppeteer &) = delete;
    Puppeteer &operator=(const Puppeteer &) = delete;

    // Binds the port (or reads the take) and starts receiving. False with an error naming the port or file
    // ("UDP port 39539 is in use: …").
    bool start(QString *error);
    void stop();
    bool isRunning() const;
    // The UDP port received on (the one bound where the source asked for any); 0 for a replay.
    quint16 port() const;
    MocapSource source() const;

    // The animator's pose with the puppeteer's channels over it, eased by tracking. `animated` unchanged while
    // nothing was tracked yet.
    Pose apply(const Pose &animated);
    // Whether apply() changes anything now (tracking, or easing out).
    bool active() const;
    // The tracked pose (before the idle animation); none before the first face.
    std::optional<Pose> inputPose() const;
    // {source, packets, rejected, last_packet_age_ms, tracking, packets_per_second, unknown_names, last_error,
    //  recording}
    QJsonObject status() const;

    PuppeteerSettings settings() const;
    void setSettings(const PuppeteerSettings &settings);
    // Neutral-pose calibration from the face tracked now; false before the first face.
    bool calibrate();

    // Records every packet from now on into `path` (a take); false with an error naming the file.
    bool startRecording(const QString &path, QString *error);
    // Stops recording; false if the take could not be written whole (error names the file).
    bool stopRecording(QString *error = nullptr);
    QString recordingPath() const;

    // Called on the receiving thread after each packet that changed the face, with its arrival time (tests,
    // benchmarks, the studio's bars).
    void setFrameObserver(std::function<void(const Pose &pose, double arrival)> observer);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ths::mocap
