// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/preview_renderer.h"

#include "core/guarded_state.h"
#include "core/thread_priority.h"
#include "tha3/engine_error.h"
#include "engine/poser.h"
#include "studio/studio_image_provider.h"

#include <QElapsedTimer>
#include <QPointer>

#include <chrono>
#include <optional>
#include <thread>

namespace ths {

// The worker thread and the one-slot queue it drains. Only `pending`, `poser`, `image` and `stopping` are shared
// with the GUI thread (under `mutex`); results go back to the GUI thread as queued calls.
struct PreviewRenderer::Worker : GuardedState {
    PreviewRenderer *q;
    std::optional<Pose> pending;
    std::chrono::steady_clock::time_point pendingSince; // when the pending pose was requested
    std::shared_ptr<Poser> poser;
    QImage image;
    bool rendering = false; // a render is in progress (busy lasts until nothing is pending or rendering)
    bool stopping = false;
    std::thread thread;

    bool busy()
    {
        std::lock_guard lock(mutex);
        return rendering || pending;
    }

    void run()
    {
        lowerCurrentThreadPriority(); // the GUI and HTTP threads come first
        for (;;) {
            Pose pose;
            std::chrono::steady_clock::time_point requestedAt;
            std::shared_ptr<Poser> usePoser;
            QImage useImage;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return stopping || (pending && poser && !image.isNull()); });
                if (stopping)
                    return;
                pose = *pending;
                requestedAt = pendingSince;
                pending.reset();
                rendering = true;
                usePoser = poser;
                useImage = image;
            }
            QImage frame;
            QString error;
            QElapsedTimer timer;
            timer.start();
            try {
                // With the image every time: the poser is shared with the live preview and the exporter. The same
                // pixels again cost one comparison and keep the poser's cached decomposition.
                frame = usePoser->render(useImage, pose);
            } catch (const EngineError &e) { // the poser reports libtorch's failures (out of memory…) as EngineError
                error = QString::fromUtf8(e.what());
            }
            const double ms = timer.nsecsElapsed() / 1e6;
            {
                std::lock_guard lock(mutex);
                rendering = false;
            }
            QMetaObject::invokeMethod(q, [q = q, frame, ms, error, requestedAt] {
                const double latency = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - requestedAt).count();
                q->deliver(frame, ms, latency, error);
            }, Qt::QueuedConnection);
        }
    }
};

PreviewRenderer::PreviewRenderer(std::shared_ptr<StudioImages> images, QObject *parent)
    : QObject(parent)
    , m_images(std::move(images))
    , m_worker(std::make_unique<Worker>())
{
    m_worker->q = this;
    connect(&m_fps, &FrameRateMeter::decayed, this, &PreviewRenderer::statsChanged);
    m_worker->thread = std::thread([w = m_worker.get()] { w->run(); });
}

PreviewRenderer::~PreviewRenderer()
{
    m_worker->update([&] { m_worker->stopping = true; });
    m_worker->thread.join();
    // Results queued by the worker are discarded with this object (queued calls die with their context object).
}

QUrl PreviewRenderer::frameUrl() const
{
    return m_rendered == 0 ? QUrl() : StudioImages::url(QStringLiteral("preview"), m_serial);
}

double PreviewRenderer::fps() const
{
    return m_fps.fps();
}

void PreviewRenderer::setPoser(std::shared_ptr<Poser> poser)
{
    m_worker->update([&] { m_worker->poser = std::move(poser); });
}

void PreviewRenderer::setImage(const QImage &image)
{
    m_worker->update([&] { m_worker->image = image; });
}

void PreviewRenderer::request(const Pose &pose)
{
    bool replaced = false;
    m_worker->update([&] {
        replaced = m_worker->pending.has_value();
        m_worker->pending = pose;
        m_worker->pendingSince = std::chrono::steady_clock::now();
    });
    if (replaced) {
        ++m_dropped;
        Q_EMIT statsChanged();
    }
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged();
    }
}

void PreviewRenderer::deliver(const QImage &frame, double ms, double latencyMs, const QString &error)
{
    if (error != m_error) {
        m_error = error;
        Q_EMIT errorChanged();
    }
    if (!frame.isNull()) {
        m_fps.frame();
        m_msPerFrame = ms;
        m_latencyMs = latencyMs;
        ++m_rendered;
        ++m_serial;
        m_lastFrame = frame;
        if (m_images)
            m_images->set(QStringLiteral("preview"), frame);
        Q_EMIT statsChanged();
        Q_EMIT frameUrlChanged();
        Q_EMIT frameReady(frame);
    }
    // Read now, not when the frame was made: a request() may have come in since, or the next render started.
    const bool busy = m_worker->busy();
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

} // namespace ths
