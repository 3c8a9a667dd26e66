// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The manual-pose preview: renders the pose being edited on one worker thread with a latest-wins queue. A render
// takes most of a second on a CPU while a slider drag sends dozens of poses a second, so a newer request replaces
// the pending one (counted in `dropped`) and request() never waits for the poser: the GUI stays fluid and the
// preview catches up with the last pose as soon as the current render ends.

#include "pose/pose.h"
#include "studio/frame_rate_meter.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class Poser;
class StudioImages;

class PreviewRenderer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PreviewRenderer is owned by Studio")
    Q_PROPERTY(QUrl frameUrl READ frameUrl NOTIFY frameUrlChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double msPerFrame READ msPerFrame NOTIFY statsChanged)
    Q_PROPERTY(double fps READ fps NOTIFY statsChanged)
    // From the request() of the pose shown to its frame arriving on the GUI thread (queue wait + render).
    Q_PROPERTY(double latencyMs READ latencyMs NOTIFY statsChanged)
    Q_PROPERTY(int rendered READ rendered NOTIFY statsChanged)
    Q_PROPERTY(int dropped READ dropped NOTIFY statsChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    // `images` receives each frame as "preview"; may be null.
    explicit PreviewRenderer(std::shared_ptr<StudioImages> images, QObject *parent = nullptr);
    ~PreviewRenderer() override; // stops the worker after the render in progress

    QUrl frameUrl() const;
    bool busy() const { return m_busy; }
    double msPerFrame() const { return m_msPerFrame; }
    double latencyMs() const { return m_latencyMs; }
    double fps() const;
    int rendered() const { return m_rendered; }
    int dropped() const { return m_dropped; }
    QString error() const { return m_error; }
    QImage lastFrame() const { return m_lastFrame; }

    // The poser and the character; nothing renders until both are set. A pending request renders with them.
    void setPoser(std::shared_ptr<Poser> poser);
    void setImage(const QImage &image);
    // Queues `pose` for rendering, replacing a pending one; returns at once.
    void request(const Pose &pose);

Q_SIGNALS:
    void frameReady(const QImage &frame);
    void frameUrlChanged();
    void busyChanged();
    void statsChanged();
    void errorChanged();

private:
    struct Worker;
    void deliver(const QImage &frame, double ms, double latencyMs, const QString &error);

    std::shared_ptr<StudioImages> m_images;
    std::unique_ptr<Worker> m_worker;
    bool m_busy = false;
    double m_msPerFrame = 0;
    double m_latencyMs = 0;
    int m_rendered = 0;
    int m_dropped = 0;
    quint64 m_serial = 0;
    QString m_error;
    QImage m_lastFrame;
    FrameRateMeter m_fps; // over the last 2 s
};

} // namespace ths
