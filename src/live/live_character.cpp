// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/live_character.h"

#include "animation/animator.h"
#include "core/thread_priority.h"
#include "animation/steady_clock.h"
#include "tha3/engine_error.h"
#include "engine/image_import.h"
#include "engine/poser.h"
#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/timeline_mouth_source.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/wav_writer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcLive, "ths.live")

namespace ths {

namespace {
constexpr auto kAckTimeout = std::chrono::seconds(1);

// Speech and lip-sync run here, one request at a time: never on the global pool that load (and the studio) use,
// so a long synthesis cannot delay a character switch. Superseded requests return as soon as they notice.
QThreadPool *mouthPool()
{
    // Owned by the application, which waits for it when it ends (cancelSpeech() first makes that quick).
    static QPointer<QThreadPool> pool;
    static std::mutex creating;
    std::lock_guard lock(creating);
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setMaxThreadCount(1);
    }
    return pool;
}

const QString kSuperseded = QStringLiteral("superseded by a newer speak or lipsync request");
}

struct LiveCharacter::Impl {
    LiveCharacter *q;
    std::shared_ptr<Poser> poser;
    QString modelName;
    std::shared_ptr<SteadyClock> clock = std::make_shared<SteadyClock>();
    Animator animator{clock};

    // Plays `timeline` as the mouth from `startAtEpochMs` (or now), on the animator's clock.
    void playMouth(const MouthTimeline &timeline, std::optional<qint64> startAtEpochMs)
    {
        double start = clock->now();
        if (startAtEpochMs)
            start += (*startAtEpochMs - QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        animator.setMouthSource(timelineMouthSource(std::make_shared<const MouthTimeline>(timeline), start));
    }

    std::atomic<quint64> mouthRequests{0}; // speak/lipsync tickets: only the newest may still compute

    mutable std::mutex mutex;
    std::condition_variable wake;
    QImage pendingImage;         // a new character for the render thread to install
    QImage image;                // the installed character (render thread only)
    bool hasImage = false;
    bool paused = true;          // unloaded (or never loaded): no rendering, streams keep the last frame
    bool demand = false;
    bool oneFrameWanted = false; // a load or set_emotion while nobody watches still refreshes the current frame
    bool awaitingConsumer = false;
    bool stopping = false;
    quint64 settingsChanges = 0; // wakes the pacing wait
    // Figures for status()
    quint64 framesRendered = 0;
    double lastRenderMs = 0, renderFps = 0;
    NetworkTimings networkTimings; // of the last frame
    QString lastError;
    std::thread thread;

    bool mayRender() const
    {
        return !stopping && !paused && poser && (hasImage || !pendingImage.isNull()) && (demand || oneFrameWanted);
    }

    void run()
    {
        lowerCurrentThreadPriority(); // the GUI and HTTP threads come first
        using Clock = std::chrono::steady_clock;
        auto lastStart = Clock::now() - std::chrono::hours(1);
        auto lastEmit = lastStart;
        for (;;) {
            QImage newImage;
            std::shared_ptr<Poser> poser; // this frame's (setPoser() may swap it between frames)
            {
                std::unique_lock lock(mutex);
                const auto ready = [&] { return stopping || (mayRender() && !awaitingConsumer); };
                // A consumer that never acknowledges (none connected, or a stalled one) must not stop the
                // animation for good: after kAckTimeout the next frame is rendered anyway.
                while (!ready()) {
                    if (awaitingConsumer && mayRender()) {
                        if (!wake.wait_until(lock, lastEmit + kAckTimeout, ready))
                            awaitingConsumer = false;
                    } else {
                        wake.wait(lock); // re-check above: a change of demand must reach the timed wait
                    }
                }
                if (stopping)
                    return;
                oneFrameWanted = false;
                std::swap(newImage, pendingImage);
                poser = this->poser;
            }
            // Pace to target_fps when rendering is faster than that. New settings (another target_fps) restart
            // the wait with the new rate; a new character or stop cuts it short.
            for (std::unique_lock lock(mutex);;) {
                const double fps = animator.settings().targetFps;
                const auto next = lastStart + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / fps));
                const quint64 seen = settingsChanges;
                if (!wake.wait_until(lock, next, [&] { return stopping || settingsChanges != seen || !pendingImage.isNull(); }))
                    break;
                if (stopping)
                    return;
                if (!pendingImage.isNull()) {
                    newImage = std::exchange(pendingImage, QImage());
                    break;
                }
            }
            lastStart = Clock::now();
            QElapsedTimer timer;
            timer.start();
            try {
                if (!newImage.isNull()) {
                    poser->setImage(newImage);
                    image = newImage;
                    std::lock_guard lock(mutex);
                    hasImage = true;
                }
                const Pose pose = animator.nextFrame();
                // With our image every frame, in one step: the poser may be shared with others that set their own
                // (the same pixels again cost a comparison only and keep the poser's cached decomposition).
                QImage frame = poser->render(image, pose);
                const QRect crop = animator.settings().cropRect(frame.size());
                if (crop != frame.rect())
                    frame = frame.copy(crop);
                const double ms = timer.nsecsElapsed() / 1e6;
                const NetworkTimings timings = poser->lastTimings(); // copied here so that status() never waits
                {
                    std::lock_guard lock(mutex);
                    networkTimings = timings;
                    ++framesRendered;
                    lastRenderMs = ms;
                    renderFps = renderFps == 0 ? 1000.0 / ms : 0.8 * renderFps + 0.2 * (1000.0 / ms);
                    awaitingConsumer = true;
                }
                lastEmit = Clock::now();
                Q_EMIT q->frameRendered(frame);
            } catch (const EngineError &e) {
                fail(QString::fromUtf8(e.what()));
            } catch (const std::exception &e) {
                // libtorch throws c10::Error (e.g. out of memory): escaping this thread would end the program.
                fail(QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0));
            }
        }
    }

    void fail(const QString &error)
    {
        qCWarning(lcLive).noquote() << "paused:" << error; // the error names what failed
        std::lock_guard lock(mutex);
        lastError = error;
        paused = true; // a broken character must not spin; the next load resumes
    }

    template<class F>
    void update(F &&change)
    {
        {
            std::lock_guard lock(mutex);
            change();
        }
        wake.notify_all();
    }

    void setImage(const QImage &newImage, bool start)
    {
        update([&] {
            pendingImage = newImage;
            paused = !start;
            oneFrameWanted = true;
            lastError.clear();
        });
    }
};

LiveCharacter::LiveCharacter(std::shared_ptr<Poser> poser, const QString &modelName, QObject *parent)
    : TalkingheadBackend(parent)
    , d(std::make_shared<Impl>())
{
    d->q = this;
    d->poser = std::move(poser);
    d->modelName = modelName;
    d->thread = std::thread([this] { d->run(); });
}

void LiveCharacter::setPoser(std::shared_ptr<Poser> poser, const QString &modelName)
{
    d->update([&] {
        d->poser = std::move(poser);
        d->modelName = modelName;
        d->oneFrameWanted = true; // show the new weights' picture even while nobody watches
        if (!d->lastError.isEmpty()) { // paused by a failed render: the new weights get their chance
            d->lastError.clear();
            d->paused = false;
        }
    });
}

LiveCharacter::~LiveCharacter()
{
    d->update([&] { d->stopping = true; });
    d->thread.join();
    d->q = nullptr; // workers still running keep d (and finish on it), never this object
}

Animator &LiveCharacter::animator()
{
    return d->animator;
}

void LiveCharacter::setImage(const QImage &image, bool start)
{
    d->setImage(image, start);
}

void LiveCharacter::setDemand(bool wanted)
{
    d->update([&] { d->demand = wanted; });
}

void LiveCharacter::frameConsumed()
{
    d->update([&] { d->awaitingConsumer = false; });
}

QFuture<LoadImageResult> LiveCharacter::loadImage(const QByteArray &data, const QString &fileName)
{
    return QtConcurrent::run([d = d, data, fileName] {
        const ImportedImage imported = importImageData(data, fileName);
        LoadImageResult result;
        result.report = imported.report.toJson();
        result.ok = imported.report.ok();
        if (!result.ok) {
            for (const ImageIssue &issue : imported.report.issues())
                if (issue.severity == ImageIssueSeverity::Error) {
                    result.error = issue.code + QStringLiteral(": ") + issue.message;
                    break;
                }
            return result;
        }
        d->setImage(imported.image, true);
        return result;
    });
}

QFuture<SpeechAudio> LiveCharacter::speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs)
{
    const quint64 ticket = ++d->mouthRequests;
    auto superseded = [d = d, ticket] { return d->mouthRequests.load() != ticket; };
    return QtConcurrent::run(mouthPool(), [d = d, text, voice, startAtEpochMs, superseded] {
        SpeechAudio speech;
        const auto result = SpeechSynthesizer::synthesize(text, voice, &speech.error, superseded);
        if (!result) {
            if (superseded()) {
                speech.error = kSuperseded;
                speech.status = 409;
            }
            return speech;
        }
        const MouthTimeline timeline = VisemeMapper::map(result->phonemes, qint64(result->audio.samples.size()),
                                                         result->audio.sampleRate);
        speech.wav = WavWriter::toBytes(result->audio);
        speech.seconds = result->audio.duration();
        d->playMouth(timeline, startAtEpochMs);
        return speech;
    });
}

QFuture<BackendResult> LiveCharacter::lipSync(const QByteArray &audio, const QString &fileName,
                                              std::optional<qint64> startAtEpochMs)
{
    const quint64 ticket = ++d->mouthRequests;
    auto superseded = [d = d, ticket] { return d->mouthRequests.load() != ticket; };
    const double maxSeconds = maxAudioSeconds();
    return QtConcurrent::run(mouthPool(), [d = d, audio, fileName, startAtEpochMs, superseded, maxSeconds] {
        BackendResult result;
        auto refuse = [&](int status, const QString &error) {
            result.status = status;
            result.error = error;
            return result;
        };
        if (superseded())
            return refuse(409, kSuperseded);
        if (audio.isEmpty())
            return refuse(400, QStringLiteral("file: the audio upload \"%1\" is empty").arg(fileName));
        // QAudioDecoder reads from a file (or a device it may read on another thread); a private temporary file is
        // the simple, safe route.
        QTemporaryFile file;
        if (!file.open() || file.write(audio) != audio.size() || !file.flush())
            return refuse(400, QStringLiteral("cannot buffer the upload: %1").arg(file.errorString()));
        QString error;
        bool overLimit = false;
        const auto pcm = AudioFile::decode(file.fileName(), 0, &error, AudioFile::kDefaultTimeoutMs,
                                           {maxSeconds, superseded}, &overLimit);
        if (!pcm) {
            if (superseded())
                return refuse(409, kSuperseded);
            if (overLimit)
                return refuse(413, QStringLiteral("file: \"%1\" is longer than the limit of %2 s (--max-audio-seconds)")
                                       .arg(fileName).arg(maxSeconds));
            return refuse(400, QStringLiteral("file: \"%1\" is not audio that can be decoded (%2)").arg(fileName, error));
        }
        const auto timeline = AudioLipSync::analyze(*pcm, &error);
        if (!timeline)
            return refuse(400, QStringLiteral("file: %1").arg(error));
        d->playMouth(*timeline, startAtEpochMs);
        return result;
    });
}

void LiveCharacter::cancelSpeech()
{
    ++d->mouthRequests;
}

void LiveCharacter::playMouth(const MouthTimeline &timeline, std::optional<qint64> startAtEpochMs)
{
    d->playMouth(timeline, startAtEpochMs);
}

void LiveCharacter::unload()
{
    d->update([&] { d->paused = true; });
}

void LiveCharacter::startTalking()
{
    d->animator.startTalking();
}

void LiveCharacter::stopTalking()
{
    d->animator.stopTalking();
}

QString LiveCharacter::setEmotion(const QString &name)
{
    const QString applied = d->animator.setEmotion(name);
    d->update([&] { d->oneFrameWanted = true; });
    return applied;
}

BackendResult LiveCharacter::loadEmotionTemplates(const QJsonValue &templates)
{
    BackendResult result;
    d->animator.loadEmotionTemplates(templates, &result.error);
    return result;
}

BackendResult LiveCharacter::loadAnimatorSettings(const QJsonObject &settings)
{
    BackendResult result;
    QStringList ignored;
    if (d->animator.loadAnimatorSettings(settings, &result.error, &ignored)) {
        for (const QString &key : ignored)
            result.warnings << QStringLiteral("unknown setting \"%1\" ignored").arg(key);
        d->update([&] { ++d->settingsChanges; });
    }
    return result;
}

double LiveCharacter::targetFps() const
{
    return d->animator.settings().targetFps;
}

QJsonObject LiveCharacter::status() const
{
    std::lock_guard lock(d->mutex);
    // Only copies: the poser's own figures would wait for a render in progress (up to seconds).
    const NetworkTimings t = d->networkTimings;
    return QJsonObject{
        {QStringLiteral("model"), d->poser ? QJsonValue(d->modelName) : QJsonValue()},
        {QStringLiteral("device"), d->poser ? QJsonValue(d->poser->deviceName()) : QJsonValue()},
        {QStringLiteral("loaded"), d->hasImage || !d->pendingImage.isNull()},
        {QStringLiteral("paused"), d->paused},
        {QStringLiteral("emotion"), d->animator.emotion()},
        {QStringLiteral("talking"), d->animator.isTalking()},
        {QStringLiteral("frames_rendered"), double(d->framesRendered)},
        {QStringLiteral("render_fps"), d->renderFps},
        {QStringLiteral("render_ms"), d->lastRenderMs},
        {QStringLiteral("network_ms"), QJsonObject{{QStringLiteral("eyebrow_decomposer"), t.decomposer},
                                                   {QStringLiteral("eyebrow_morphing_combiner"), t.combiner},
                                                   {QStringLiteral("face_morpher"), t.faceMorpher},
                                                   {QStringLiteral("two_algo_face_body_rotator"), t.rotator},
                                                   {QStringLiteral("editor"), t.editor}}},
        {QStringLiteral("target_fps"), d->animator.settings().targetFps},
        {QStringLiteral("error"), d->lastError.isEmpty() ? QJsonValue() : QJsonValue(d->lastError)},
    };
}

} // namespace ths
