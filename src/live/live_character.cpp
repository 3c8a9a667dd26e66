// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/live_character.h"

#include "animation/animator.h"
#include "core/guarded_state.h"
#include "core/thread_priority.h"
#include "animation/steady_clock.h"
#include "tha3/engine_error.h"
#include "image/image_import.h"
#include "engine/poser.h"
#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/timeline_mouth_source.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/wav_writer.h"
#include "animation/talking_driver.h"
#include "live/atlas_cell.h"
#include "live/speech_atlas.h"
#include "look/live_look.h"
#include "mocap/puppeteer.h"

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
// The last frame may still be with the consumer while the next one renders; a second unconsumed frame waits.
constexpr int kFramesInFlight = 2;
// The atlas fills only for a rest pose that has held this long (the studio's pose editor moves it continuously).
constexpr auto kRestSettle = std::chrono::seconds(1);
// While idle with viewers, one atlas cell is rendered after this many shown frames, so the idle animation keeps
// two thirds of its rate while the atlas fills.
constexpr int kIdleFramesPerFill = 2;
// The atlas is used while rendering runs below this share of the target frame rate.
constexpr double kAtlasSpeedRatio = 0.8;
// With nobody watching, how often the render thread looks for atlas cells to fill.
constexpr auto kFillPoll = std::chrono::milliseconds(500);

// The cells filled ahead of speech, most used first: the eyes open before the eyes shut, the closed mouth, then the
// five vowels from the widest opening down (the "ə" mouth only when something asks for it).
const std::vector<int> &defaultFillOrder()
{
    static const std::vector<int> order = [] {
        std::vector<int> cells;
        for (const bool shut : {false, true}) {
            cells.push_back(AtlasCell{-1, 0, shut}.index());
            for (int level = AtlasCell::kLevels; level >= 1; --level)
                for (int mouth = 0; mouth < 5; ++mouth)
                    cells.push_back(AtlasCell{mouth, level, shut}.index());
        }
        return cells;
    }();
    return order;
}

// The eyes-open cells a timeline will show, most frequent first.
std::vector<int> cellsNeededBy(const MouthTimeline &timeline)
{
    std::array<int, AtlasCell::kCount> uses{};
    const Pose rest;
    for (double t = 0; t < timeline.duration(); t += 0.04) {
        const MouthFrame f = timeline.sample(t);
        Pose pose;
        const auto &mouth = TalkingDriver::mouthOpenMorphs();
        for (size_t i = 0; i < f.vowels.size(); ++i)
            pose[mouth[i]] = f.vowels[i];
        if (const auto cell = quantiseToCell(pose, rest))
            ++uses[size_t(cell->index())];
    }
    std::vector<int> cells;
    for (int i = 0; i < AtlasCell::kCount; ++i)
        if (uses[size_t(i)] > 0)
            cells.push_back(i);
    std::stable_sort(cells.begin(), cells.end(), [&](int a, int b) { return uses[size_t(a)] > uses[size_t(b)]; });
    return cells;
}

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
const QString kClientGone = QStringLiteral("cancelled: the client went away");

QString stopReason(const std::shared_ptr<const std::atomic<bool>> &clientGone)
{
    return clientGone && clientGone->load() ? kClientGone : kSuperseded;
}
}

struct LiveCharacter::Impl : GuardedState {
    LiveCharacter *q;
    std::shared_ptr<Poser> poser;
    QString modelName;
    std::shared_ptr<SteadyClock> clock = std::make_shared<SteadyClock>();
    Animator animator{clock};
    LiveLook look{clock->now()}; // the animator settings' postprocessor_chain (render thread only)

    // Plays `timeline` as the mouth from `startAtEpochMs` (or now), on the animator's clock.
    void playMouth(const MouthTimeline &timeline, std::optional<qint64> startAtEpochMs)
    {
        double start = clock->now();
        if (startAtEpochMs)
            start += (*startAtEpochMs - QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const std::vector<int> needed = cellsNeededBy(timeline);
        update([&] {
            wantedCells = needed;
            atlasComplete = false;
        });
        animator.setMouthSource(timelineMouthSource(std::make_shared<const MouthTimeline>(timeline), start));
    }

    std::atomic<quint64> mouthRequests{0}; // speak/lipsync tickets: only the newest may still compute

    QImage pendingImage;         // a new character for the render thread to install
    QImage image;                // the installed character (render thread only)
    bool hasImage = false;       // the render thread has installed a character
    bool imageGiven = false;     // a character was given (status "loaded" from the moment the load succeeds)
    bool paused = true;          // unloaded (or never loaded): no rendering, streams keep the last frame
    bool demand = false;
    bool oneFrameWanted = false; // a load or set_emotion while nobody watches still refreshes the current frame
    // Back-pressure with one frame in flight: the next frame renders while the consumer encodes and sends the last
    // one (on 2 cores that hand-over cost 10–50 ms a frame when the render thread waited for it); only a consumer
    // still busy with the frame before that makes the render thread wait.
    int unconsumedFrames = 0; // emitted since the consumer last called frameConsumed(), counted up to kFramesInFlight
    bool awaitingConsumer() const { return unconsumedFrames >= kFramesInFlight; }
    bool stopping = false;
    std::shared_ptr<mocap::Puppeteer> puppeteer; // drives the face over the animation (setPuppeteer)
    // The speech atlas (speech_atlas.h): while the mouth speaks at rest, frames come from pre-rendered cells.
    bool atlasEnabled = false;
    QString atlasDir;               // empty: memory only
    qint64 atlasMaxBytes = 0;
    std::vector<int> wantedCells;   // announced by a timeline, most needed first
    bool atlasComplete = false;     // nothing left to fill for the current rest pose (render thread writes)
    quint64 settingsChanges = 0; // wakes the pacing wait
    // Figures for status()
    quint64 framesRendered = 0;     // shown frames that were rendered for the animator's exact pose or a new cell
    quint64 framesShown = 0;        // every frame handed out (rendered or from the atlas)
    quint64 distinctFramesShown = 0;
    quint64 framesFromAtlas = 0;
    quint64 cellsRendered = 0;
    int atlasCells = 0;
    double atlasPoseErrorSum = 0, atlasPoseErrorMax = 0, atlasMouthErrorSum = 0;
    double lastRenderMs = 0, renderFps = 0, shownInterval = 0;
    NetworkTimings networkTimings; // of the last rendered frame
    QString lastError;
    std::thread thread;

    // Render thread only
    QByteArray imageDigest;
    std::unique_ptr<SpeechAtlas> atlas; // the current rest pose's
    std::optional<Pose> observedRest;
    std::chrono::steady_clock::time_point observedRestSince;
    int shownSinceFill = 0;
    int lastShownCell = -2; // the atlas cell last shown; -1: a rendered frame
    // Cropped atlas cells, so a cell shown again is the same QImage (the frame hub reuses its PNG by cacheKey()).
    std::array<QImage, AtlasCell::kCount> croppedCells;
    QRect croppedRect;
    QByteArray croppedKey;

    QImage cropped(const QImage &frame, int cell, const QRect &crop)
    {
        if (crop == frame.rect())
            return frame;
        if (cell < 0)
            return frame.copy(crop);
        if (crop != croppedRect || !atlas || atlas->key() != croppedKey) {
            croppedCells = {};
            croppedRect = crop;
            croppedKey = atlas ? atlas->key() : QByteArray();
        }
        QImage &c = croppedCells[size_t(cell)];
        if (c.isNull())
            c = frame.copy(crop);
        return c;
    }

    bool mayRender() const
    {
        return !stopping && !paused && poser && (hasImage || !pendingImage.isNull()) && (demand || oneFrameWanted);
    }
    // Under mutex: atlas cells may be filled although no frame is wanted.
    bool mayFill() const
    {
        return !stopping && !paused && poser && hasImage && atlasUseful() && !atlasComplete;
    }
    // Under mutex: the atlas pays only where rendering cannot keep up with the target rate (a CPU, not a fast GPU);
    // before the first render the speed is unknown and the atlas is assumed to pay.
    bool atlasUseful() const
    {
        return atlasEnabled && !(renderFps >= kAtlasSpeedRatio * animator.settings().targetFps);
    }

    SpeechAtlas &atlasFor(const Pose &rest, const Poser &poser)
    {
        const QByteArray key = SpeechAtlas::keyFor(imageDigest, rest, poser.rendererId());
        if (!atlas || atlas->key() != key) {
            QString dir;
            qint64 maxBytes;
            {
                std::lock_guard lock(mutex);
                dir = atlasDir;
                maxBytes = atlasMaxBytes;
            }
            atlas.reset(); // one atlas in memory (up to 50 MB); the disk keeps the others
            atlas = std::make_unique<SpeechAtlas>(key, dir);
            if (!dir.isEmpty())
                SpeechAtlas::pruneLater(dir, maxBytes);
            std::lock_guard lock(mutex);
            atlasComplete = false;
            atlasCells = atlas->readyCount();
        }
        return *atlas;
    }

    // The next cell worth rendering ahead of speech, or -1.
    int nextCellToFill(SpeechAtlas &target)
    {
        std::vector<int> order;
        {
            std::lock_guard lock(mutex);
            order = wantedCells;
        }
        order.insert(order.end(), defaultFillOrder().begin(), defaultFillOrder().end());
        for (const int cell : order)
            if (!target.has(cell))
                return cell;
        return -1;
    }

    // Renders one missing cell of the current rest pose's atlas (not shown). False when there was nothing to do yet.
    bool fillOneCell(Poser &poser)
    {
        const Pose rest = animator.restPose();
        const auto now = std::chrono::steady_clock::now();
        if (!observedRest || !(*observedRest == rest)) {
            observedRest = rest;
            observedRestSince = now;
        }
        if (now - observedRestSince < kRestSettle)
            return false;
        SpeechAtlas &target = atlasFor(rest, poser);
        const int cell = nextCellToFill(target); // may read cells from disk
        if (cell >= 0)
            target.store(cell, poser.render(image, cellPose(rest, AtlasCell::fromIndex(cell))));
        std::lock_guard lock(mutex);
        atlasComplete = cell < 0;
        cellsRendered += cell >= 0;
        atlasCells = target.readyCount();
        return cell >= 0;
    }

    // The frame for `frame`: its cell from the atlas (rendered now if missing) while it speaks at rest, else a render
    // of its exact pose. `cellShown` is the cell's index, or -1 for a rendered pose.
    QImage frameFor(const AnimatedFrame &frame, Poser &poser, bool useAtlas, int *cellShown, bool *rendered)
    {
        *cellShown = -1;
        *rendered = true;
        if (useAtlas && frame.speaking) {
            if (const auto cell = quantiseToCell(frame.pose, frame.rest)) {
                SpeechAtlas &target = atlasFor(frame.rest, poser);
                const Pose shown = cellPose(frame.rest, *cell);
                QImage picture = target.cell(cell->index());
                *rendered = picture.isNull();
                if (picture.isNull()) {
                    picture = poser.render(image, shown);
                    target.store(cell->index(), picture);
                }
                *cellShown = cell->index();
                const double error = cellError(frame.pose, shown);
                const double mouth = mouthError(frame.pose, shown);
                std::lock_guard lock(mutex);
                ++framesFromAtlas;
                atlasMouthErrorSum += mouth;
                atlasPoseErrorSum += error;
                atlasPoseErrorMax = std::max(atlasPoseErrorMax, error);
                atlasCells = target.readyCount();
                return picture;
            }
        }
        return poser.render(image, frame.pose);
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
            std::shared_ptr<mocap::Puppeteer> puppeteer;
            bool useAtlas = false;
            {
                std::unique_lock lock(mutex);
                const auto ready = [&] { return stopping || (mayRender() && !awaitingConsumer()); };
                // A consumer that never acknowledges (none connected, or a stalled one) must not stop the
                // animation for good: after kAckTimeout the next frame is rendered anyway.
                while (!ready()) {
                    if (awaitingConsumer() && mayRender()) {
                        if (!wake.wait_until(lock, lastEmit + kAckTimeout, ready))
                            unconsumedFrames = 0;
                    } else if (mayFill() && pendingImage.isNull()) {
                        // Nobody watching: the spare time goes to the atlas (this thread runs at low priority).
                        poser = this->poser;
                        lock.unlock();
                        const bool filled = fillSafely(*poser);
                        poser.reset();
                        lock.lock();
                        if (!filled)
                            wake.wait_for(lock, kFillPoll);
                    } else {
                        wake.wait(lock); // re-check above: a change of demand must reach the timed wait
                    }
                }
                if (stopping)
                    return;
                oneFrameWanted = false;
                std::swap(newImage, pendingImage);
                poser = this->poser;
                puppeteer = this->puppeteer;
                useAtlas = atlasUseful();
            }
            animator.setHoldStillWhileSpeaking(useAtlas);
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
                    imageDigest = SpeechAtlas::imageDigest(newImage);
                    std::lock_guard lock(mutex);
                    hasImage = true;
                    atlasComplete = false;
                }
                AnimatedFrame animated = animator.advance();
                if (puppeteer) {
                    // The tracked face at render time (latest wins); a driven face is never at rest for the atlas.
                    animated.pose = puppeteer->apply(animated.pose);
                    animated.speaking = animated.speaking && !puppeteer->active();
                }
                // With our image every frame, in one step: the poser may be shared with others that set their own
                // (the same pixels again cost a comparison only and keep the poser's cached decomposition).
                int cell = -1;
                bool rendered = true;
                QImage frame = frameFor(animated, *poser, useAtlas, &cell, &rendered);
                frame = cropped(frame, cell, animator.settings().cropRect(frame.size()));
                frame = look.apply(frame, animator.settings().postprocessorChain, clock->now());
                const double ms = timer.nsecsElapsed() / 1e6;
                const auto now = Clock::now();
                const NetworkTimings timings = poser->lastTimings(); // copied here so that status() never waits
                {
                    std::lock_guard lock(mutex);
                    if (rendered) {
                        networkTimings = timings;
                        ++framesRendered;
                        lastRenderMs = ms;
                        renderFps = renderFps == 0 ? 1000.0 / ms : 0.8 * renderFps + 0.2 * (1000.0 / ms);
                    }
                    if (framesShown > 0) {
                        const double interval = std::chrono::duration<double>(now - lastEmit).count();
                        shownInterval = shownInterval == 0 ? interval : 0.8 * shownInterval + 0.2 * interval;
                    }
                    ++framesShown;
                    if (cell < 0 || cell != lastShownCell)
                        ++distinctFramesShown;
                    unconsumedFrames = std::min(unconsumedFrames + 1, kFramesInFlight);
                }
                lastShownCell = cell;
                lastEmit = now;
                Q_EMIT q->frameRendered(frame);
                // Idle with viewers: every few frames, one atlas cell for the speech to come.
                if (useAtlas && !animated.speaking && ++shownSinceFill >= kIdleFramesPerFill && fillOneCell(*poser))
                    shownSinceFill = 0;
            } catch (const EngineError &e) { // the poser reports libtorch's failures (out of memory…) as EngineError
                fail(QString::fromUtf8(e.what()));
            }
        }
    }

    // fillOneCell() with the render loop's error handling. False when nothing was filled.
    bool fillSafely(Poser &poser)
    {
        try {
            return fillOneCell(poser);
        } catch (const EngineError &e) {
            fail(QString::fromUtf8(e.what()));
        }
        return false;
    }

    void fail(const QString &error)
    {
        qCWarning(lcLive).noquote() << "paused:" << error; // the error names what failed
        std::lock_guard lock(mutex);
        lastError = error;
        paused = true; // a broken character must not spin; the next load resumes
    }


    void setImage(const QImage &newImage, bool start)
    {
        update([&] {
            pendingImage = newImage;
            imageGiven = true;
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
    SpeechAtlas::flushWrites(); // cells rendered are kept: the last few writes finish before the folder may go
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

void LiveCharacter::setSpeechAtlas(bool enabled, const QString &cacheDir, qint64 maxCacheBytes)
{
    d->update([&] {
        d->atlasEnabled = enabled;
        d->atlasDir = cacheDir;
        d->atlasMaxBytes = maxCacheBytes;
        d->atlasComplete = false;
    });
}

void LiveCharacter::demandChanged(bool wanted)
{
    d->update([&] { d->demand = wanted; });
}

void LiveCharacter::setPuppeteer(std::shared_ptr<mocap::Puppeteer> puppeteer)
{
    d->update([&] { d->puppeteer = std::move(puppeteer); });
}

void LiveCharacter::frameConsumed()
{
    d->update([&] { d->unconsumedFrames = 0; });
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

QFuture<SpeechAudio> LiveCharacter::speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs,
                                          std::shared_ptr<const std::atomic<bool>> clientGone)
{
    const quint64 ticket = ++d->mouthRequests;
    auto superseded = [d = d, ticket, clientGone] {
        return d->mouthRequests.load() != ticket || (clientGone && clientGone->load());
    };
    return QtConcurrent::run(mouthPool(), [d = d, text, voice, startAtEpochMs, superseded, clientGone] {
        SpeechAudio speech;
        const auto result = SpeechSynthesizer::synthesize(text, voice, &speech.error, superseded);
        if (!result) {
            if (superseded()) {
                speech.error = stopReason(clientGone);
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
                                              std::optional<qint64> startAtEpochMs,
                                              std::shared_ptr<const std::atomic<bool>> clientGone)
{
    const quint64 ticket = ++d->mouthRequests;
    auto superseded = [d = d, ticket, clientGone] {
        return d->mouthRequests.load() != ticket || (clientGone && clientGone->load());
    };
    const double maxSeconds = maxAudioSeconds();
    return QtConcurrent::run(mouthPool(), [d = d, audio, fileName, startAtEpochMs, superseded, maxSeconds, clientGone] {
        BackendResult result;
        auto refuse = [&](int status, const QString &error) {
            result.status = status;
            result.error = error;
            return result;
        };
        if (superseded())
            return refuse(409, stopReason(clientGone));
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
                return refuse(409, stopReason(clientGone));
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
    QJsonObject status{
        {QStringLiteral("model"), d->poser ? QJsonValue(d->modelName) : QJsonValue()},
        {QStringLiteral("device"), d->poser ? QJsonValue(d->poser->deviceName()) : QJsonValue()},
        {QStringLiteral("loaded"), d->imageGiven},
        {QStringLiteral("paused"), d->paused},
        {QStringLiteral("emotion"), d->animator.emotion()},
        {QStringLiteral("talking"), d->animator.isTalking()},
        {QStringLiteral("frames_rendered"), double(d->framesRendered)},
        {QStringLiteral("frames_shown"), double(d->framesShown)},
        {QStringLiteral("distinct_frames_shown"), double(d->distinctFramesShown)},
        {QStringLiteral("shown_fps"), d->shownInterval > 0 ? 1.0 / d->shownInterval : 0.0},
        {QStringLiteral("render_fps"), d->renderFps},
        {QStringLiteral("speech_atlas"),
         QJsonObject{{QStringLiteral("enabled"), d->atlasEnabled},
                     {QStringLiteral("cells_ready"), d->atlasCells},
                     {QStringLiteral("cells_rendered"), double(d->cellsRendered)},
                     {QStringLiteral("frames_from_atlas"), double(d->framesFromAtlas)},
                     {QStringLiteral("pose_error_mean"),
                      d->framesFromAtlas ? d->atlasPoseErrorSum / double(d->framesFromAtlas) : 0.0},
                     {QStringLiteral("pose_error_max"), d->atlasPoseErrorMax},
                     {QStringLiteral("mouth_error_mean"),
                      d->framesFromAtlas ? d->atlasMouthErrorSum / double(d->framesFromAtlas) : 0.0}}},
        {QStringLiteral("render_ms"), d->lastRenderMs},
        {QStringLiteral("network_ms"), QJsonObject{{QStringLiteral("eyebrow_decomposer"), t.decomposer},
                                                   {QStringLiteral("eyebrow_morphing_combiner"), t.combiner},
                                                   {QStringLiteral("face_morpher"), t.faceMorpher},
                                                   {QStringLiteral("two_algo_face_body_rotator"), t.rotator},
                                                   {QStringLiteral("editor"), t.editor}}},
        {QStringLiteral("target_fps"), d->animator.settings().targetFps},
        {QStringLiteral("error"), d->lastError.isEmpty() ? QJsonValue() : QJsonValue(d->lastError)},
    };
    if (d->puppeteer) {
        // The puppeteer's figures and the pose it hands to the animator (before the idle animation).
        status.insert(QStringLiteral("mocap"), d->puppeteer->status());
        const auto pose = d->puppeteer->inputPose();
        status.insert(QStringLiteral("pose"), pose ? QJsonValue(pose->toJson()) : QJsonValue());
    }
    return status;
}

} // namespace ths
