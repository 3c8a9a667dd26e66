// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The live character: the poser and the animator driven by one render thread, exposed to the HTTP API as a
// TalkingheadBackend (and to the studio's live preview).
//
// Rendering runs only while some source holds demand (TalkingheadBackend::addDemand / DemandToken: result_feed
// viewers, the studio's preview, speech, the puppeteer, …; a load always yields one frame) and never runs more than
// one frame ahead of its consumers: it renders the next frame while the consumer handles the last one, and waits when
// no consumer has called frameConsumed() (the ApiService's FrameHub, or the studio's preview) since the frame before —
// or for one second — so it renders only frames that will be sent or shown. It is paced to the animator's
// target_fps when rendering is faster than that. No method blocks on rendering.

#include "api/talkinghead_backend.h"

#include <QImage>

#include <memory>
#include <optional>

namespace ths {

class Animator;
class MouthTimeline;
class Poser;
namespace mocap {
class Puppeteer;
}

class LiveCharacter : public TalkingheadBackend
{
    Q_OBJECT

public:
    // Takes a ready poser (loading weights can fail, so callers do it first and report errors). `modelName` and
    // the poser's device appear in status(). The poser may be shared (the studio's preview and batch exporter use
    // the same loaded weights); Poser is thread-safe, and the character sets its image before rendering.
    LiveCharacter(std::shared_ptr<Poser> poser, const QString &modelName, QObject *parent = nullptr);
    ~LiveCharacter() override;

    // Other weights (the studio's engine reloaded with another variant, device or thread count) from the next frame
    // on; the animation, the character image, talking and speech, and the viewers all carry on. Null: no weights
    // (nothing renders; status() reports no model) until a poser is set again.
    void setPoser(std::shared_ptr<Poser> poser, const QString &modelName);

    Animator &animator();

    // Sets the character directly (an already validated 512×512 RGBA image). `start`: resume rendering now;
    // false keeps the animation paused until the next load (the original server's start-up behaviour).
    void setImage(const QImage &image, bool start = true);
    // The speech atlas (speech_atlas.h): while the mouth speaks and the character is otherwise at rest, frames are
    // taken from cells rendered ahead of time (the head holds still while speaking: Animator::setHoldStillWhileSpeaking),
    // so the mouth moves at the target frame rate even where a render takes longer than a frame (it stays unused where
    // rendering keeps up with the target rate, e.g. on a GPU). Cells are rendered
    // when missing, while idle (one after every few frames shown) and with nobody watching, and kept in `cacheDir`
    // (empty: memory only) within `maxCacheBytes`. Off by default.
    void setSpeechAtlas(bool enabled, const QString &cacheDir = QString(), qint64 maxCacheBytes = 512LL << 20);
    // A face tracker drives the character (mocap/puppeteer.h): every frame, the channels it provides replace the
    // animator's (easing in and out with tracking); status() adds "mocap" and "pose". Null: the animator alone.
    void setPuppeteer(std::shared_ptr<mocap::Puppeteer> puppeteer);
    // The consumer has taken the last frame; the next one may be rendered.
    void frameConsumed() override;

    // TalkingheadBackend
    QFuture<LoadImageResult> loadImage(const QByteArray &data, const QString &fileName) override;
    void unload() override;
    void startTalking() override;
    void stopTalking() override;
    QString setEmotion(const QString &name) override;
    BackendResult loadEmotionTemplates(const QJsonValue &templates) override;
    BackendResult loadAnimatorSettings(const QJsonObject &settings) override;
    double targetFps() const override;
    // Speech with espeak-ng (voices en, cmn, ja, …) and lip-sync of uploaded audio: the mouth follows the clip's
    // timeline on the animator's clock from `startAtEpochMs` (the client's clock is assumed to agree with ours;
    // none = now), replacing random talking while the clip lasts. They run one at a time on their own worker (not
    // the global pool that loadImage() uses); each new request supersedes those still computing (409).
    QFuture<SpeechAudio> speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs,
                               std::shared_ptr<const std::atomic<bool>> clientGone = {}) override;
    QFuture<BackendResult> lipSync(const QByteArray &audio, const QString &fileName, std::optional<qint64> startAtEpochMs,
                                   std::shared_ptr<const std::atomic<bool>> clientGone = {}) override;
    // Supersedes every speech and lip-sync request still computing (at shutdown: they stop within milliseconds).
    void cancelSpeech();
    // What speak() and lipSync() do once their audio is analysed, for callers that analysed it themselves (the
    // studio's speech panel, which also draws the timeline): the mouth follows `timeline` from `startAtEpochMs`
    // (none = now), replacing random talking while it lasts. Returns at once.
    void playMouth(const MouthTimeline &timeline, std::optional<qint64> startAtEpochMs = std::nullopt);
    QJsonObject status() const override;

protected:
    void demandChanged(bool wanted) override;

private:
    struct Impl;
    // Shared with the workers of speak(), lipSync() and loadImage(): they may outlive the character (the studio
    // replaces it on an engine reload while a request is in flight).
    std::shared_ptr<Impl> d;
};

} // namespace ths
