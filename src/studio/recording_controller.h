// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Record / Stop on the preview: records the character as the live preview animates it (its animator settings,
// with the look and crop, and its emotion) to a .webm (alpha), .mp4 or a PNG folder with recording::Recorder on a
// worker thread, offline at `fps` for `duration` seconds. `progress` follows on the GUI thread; cancel() stops
// after the current frame and nothing is left under the file's name (nor when recording fails).

#include "animation/animator_settings.h"

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace ths {

class Poser;

class RecordingController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(double duration READ duration WRITE setDuration NOTIFY optionsChanged)
    Q_PROPERTY(int fps READ fps WRITE setFps NOTIFY optionsChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY finished)
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY finished)

public:
    explicit RecordingController(QObject *parent = nullptr);
    // Cancels a running recording and waits for its current frame.
    ~RecordingController() override;

    bool running() const { return m_running; }
    double progress() const { return m_progress; }
    double duration() const { return m_duration; }
    void setDuration(double seconds);
    int fps() const { return m_fps; }
    void setFps(int fps);
    QString lastError() const { return m_lastError; }
    QString lastFile() const { return m_lastFile; }

    // Starts a recording; false (with lastError) when one runs or there is nothing to record.
    bool start(const QString &path, std::shared_ptr<Poser> poser, const QImage &character,
               const AnimatorSettings &settings, const QString &emotion);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void runningChanged();
    void progressChanged();
    void optionsChanged();
    void finished(bool ok, bool cancelled, const QString &message);

private:
    void finish(bool ok, const QString &error, const QString &path);

    bool m_running = false;
    double m_progress = 0;
    double m_duration = 5.0;
    int m_fps = 25;
    QString m_lastError, m_lastFile;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QFuture<void> m_future;
};

} // namespace ths
