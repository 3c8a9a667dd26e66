// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real TalkingheadBackend for the server tests, without the THA3 engine: it decodes uploads with QImage
// (asynchronously, like the real one), validates alpha, and renders frames on its own thread — the character
// image scaled into the frame with an emotion-coloured border and a mouth bar while talking — at its own rate,
// emitting them across threads as the engine's animator will.

#include "api/talkinghead_backend.h"

#include <QMutex>
#include <QSet>
#include <QSize>
#include <QThread>

#include <atomic>

namespace ths::test {

class PaintedBackend : public TalkingheadBackend
{
    Q_OBJECT

public:
    explicit PaintedBackend(QSize frameSize = QSize(128, 128), QObject *parent = nullptr);
    ~PaintedBackend() override;

    // How often the render thread produces a frame while running (default 50 per second).
    void setRenderFps(double fps) { m_renderFps = fps; }
    // Random pixels instead of the picture: PNG cannot compress them, so frames are large (slow-viewer tests).
    void setNoise(bool noise) { m_noise = noise; }

    // Speech that computes until its client goes away (the transport's cancellation), instead of "no speech".
    void setEndlessSpeech(bool endless) { m_endlessSpeech = endless; }
    int speechStarted() const { return m_speechStarted; }
    int speechCancelled() const { return m_speechCancelled; }
    QFuture<SpeechAudio> speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs,
                               std::shared_ptr<const std::atomic<bool>> clientGone = {}) override;

    QString emotion() const;
    bool talking() const;
    bool paused() const;
    QImage character() const;
    int framesRendered() const { return m_frames; }
    // How often a consumer acknowledged a frame (frameConsumed()); this backend does not wait for it.
    int framesConsumed() const { return m_consumed; }
    void frameConsumed() override { ++m_consumed; }

    QFuture<LoadImageResult> loadImage(const QByteArray &data, const QString &fileName) override;
    void unload() override;
    void startTalking() override;
    void stopTalking() override;
    QString setEmotion(const QString &name) override;
    BackendResult loadEmotionTemplates(const QJsonValue &templates) override;
    BackendResult loadAnimatorSettings(const QJsonObject &settings) override;
    double targetFps() const override;
    QJsonObject status() const override;

private:
    void renderLoop();
    QImage render(quint32 frame) const;

    const QSize m_size;
    mutable QMutex m_mutex; // guards the state below against the render thread and the decode workers
    QImage m_character;
    bool m_paused = true;   // like Extras: nothing is rendered before the first load
    bool m_talking = false;
    QString m_emotion = QStringLiteral("neutral");
    QSet<QString> m_customEmotions;
    double m_targetFps = 25.0;

    std::atomic<double> m_renderFps{50.0};
    std::atomic<bool> m_noise{false};
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_frames{0};
    std::atomic<int> m_consumed{0};
    std::atomic<bool> m_endlessSpeech{false};
    std::atomic<int> m_speechStarted{0};
    std::atomic<int> m_speechCancelled{0};
    QThread *m_thread;
};

} // namespace ths::test
