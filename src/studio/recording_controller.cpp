// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/recording_controller.h"

#include "engine/poser.h"
#include "recording/recorder.h"

#include <QDateTime>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace ths {

RecordingController::RecordingController(QObject *parent)
    : QObject(parent)
{
}

RecordingController::~RecordingController()
{
    *m_cancel = true;
    m_future.waitForFinished();
}

void RecordingController::setDuration(double seconds)
{
    seconds = std::clamp(seconds, 0.1, 3600.0);
    if (seconds == m_duration)
        return;
    m_duration = seconds;
    Q_EMIT optionsChanged();
}

void RecordingController::setFps(int fps)
{
    fps = std::clamp(fps, 1, 120);
    if (fps == m_fps)
        return;
    m_fps = fps;
    Q_EMIT optionsChanged();
}

bool RecordingController::start(const QString &path, std::shared_ptr<Poser> poser, const QImage &character,
                                const AnimatorSettings &settings, const QString &emotion)
{
    if (m_running || !poser || character.isNull()) {
        m_lastError = m_running ? tr("A recording is already running.") : tr("Load the models and a character first.");
        Q_EMIT finished(false, false, m_lastError);
        return false;
    }
    RecordingRequest request;
    request.character = character;
    request.settings = settings;
    request.emotion = emotion;
    request.duration = m_duration;
    request.fps = m_fps;
    request.output = path;
    request.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    m_progress = 0;
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    QPointer<RecordingController> self(this);
    const auto cancel = m_cancel;
    m_future = QtConcurrent::run([self, cancel, poser, request] {
        QString error;
        const bool ok = Recorder::record(*poser, request, [&](int done, int total) {
            QMetaObject::invokeMethod(self, [self, done, total] {
                if (self) {
                    self->m_progress = double(done) / total;
                    Q_EMIT self->progressChanged();
                }
            }, Qt::QueuedConnection);
            return !*cancel;
        }, &error);
        QMetaObject::invokeMethod(self, [self, ok, error, path = request.output] {
            if (self)
                self->finish(ok, error, path);
        }, Qt::QueuedConnection);
    });
    return true;
}

void RecordingController::cancel()
{
    *m_cancel = true;
}

void RecordingController::finish(bool ok, const QString &error, const QString &path)
{
    const bool cancelled = !ok && *m_cancel;
    m_running = false;
    m_lastError = ok || cancelled ? QString() : error;
    m_lastFile = ok ? path : QString();
    Q_EMIT runningChanged();
    Q_EMIT finished(ok, cancelled, ok ? path : cancelled ? tr("Recording cancelled.") : error);
}

} // namespace ths
