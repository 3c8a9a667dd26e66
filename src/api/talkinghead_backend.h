// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the HTTP API needs from the talkinghead animation: the /api/talkinghead/* control calls and the rendered
// frames. The server implements the wire contract (routing, auth, CORS, multipart, JSON checks, the
// result_feed stream, PNG encoding); an implementation of this interface supplies the behaviour (the engine and
// animator in the application, a small QImage painter in the server tests).
//
// Threading: every method is called on the thread that owns the ApiServer (the main thread) and must return
// quickly, because that thread also serves every other request and writes the streams. Slow work (decoding a
// large upload, rendering) belongs on the backend's own threads; loadImage() is asynchronous for that reason.

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <mutex>
#include <optional>

namespace ths {

struct LoadImageResult {
    bool ok = false;
    // When !ok: why the image cannot be used, one line ("decode-failed: …"); the HTTP status is then 400.
    QString error;
    // The validation report (ImageImportReport::toJson() in the application); sent with the 400, and to clients
    // that ask for JSON (Accept: application/json) on success. May be empty.
    QJsonObject report;
};

struct SpeechAudio {
    QByteArray wav;       // the speech as a WAV file
    double seconds = 0;   // its duration
    QString error;        // set (and wav empty) when it cannot be spoken; names the field at fault
    int status = 400;     // the HTTP status for `error`: 413 over a limit, 409 when superseded by a newer request
};

struct BackendResult {
    QString error;        // empty on success; otherwise names the field at fault (sent with `status`)
    int status = 400;     // the HTTP status for `error`: 413 over a limit, 409 when superseded by a newer request
    QStringList warnings; // accepted with reservations (ignored keys…); logged, the client still gets 200
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Who wants the backend's frames continuously (docs/architecture.md, "Demand and back-pressure"). Each source
// holds its own demand; the backend renders while any source holds some.
enum class DemandSource : quint8 {
    StreamViewers, // result_feed viewers (ApiService, through its FrameHub)
    Preview,       // the studio's Animate switch
    Speech,        // the studio's speech panel while it plays (the mouth moves in the preview)
    Puppeteer,     // a live puppeteering input
    Recording,     // a recording or export of the live frames
};
inline constexpr int kDemandSourceCount = 5;

class TalkingheadBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~TalkingheadBackend() override = default;

    // POST load: decode and validate `data` (any image format, sniffed from the bytes; `fileName` is the upload's
    // name, for messages only). When usable it becomes the character and rendering resumes (also after unload);
    // the pose and emotion carry over. The future may finish on any thread.
    virtual QFuture<LoadImageResult> loadImage(const QByteArray &data, const QString &fileName) = 0;
    // GET unload: pause rendering. Open streams keep sending the last frame.
    virtual void unload() = 0;
    // GET start_talking / stop_talking: idempotent, the last call wins.
    virtual void startTalking() = 0;
    virtual void stopTalking() = 0;
    // POST set_emotion (also called with the top label after POST /api/classify). Returns the emotion actually
    // applied: `name` if known (case-sensitive), else "neutral" — never an error.
    virtual QString setEmotion(const QString &name) = 0;
    // POST load_emotion_templates: an object of emotion → {morph: number}; {} or [] resets to the defaults.
    virtual BackendResult loadEmotionTemplates(const QJsonValue &templates) = 0;
    // POST load_animator_settings: a flat object of settings; {} resets to the defaults.
    virtual BackendResult loadAnimatorSettings(const QJsonObject &settings) = 0;
    // The rate result_feed sends at (animator setting target_fps, default 25). Read after every
    // loadAnimatorSettings() call and at start.
    [[nodiscard]] virtual double targetFps() const = 0;
    // POST speak (ours): speak `text` with `voice` and move the mouth in sync from `startAtEpochMs` (ms since the
    // Unix epoch; none = when the answer is sent). The default says the backend has no speech. `clientGone` (may be
    // null) turns true when the client stops waiting: the work stops.
    virtual QFuture<SpeechAudio> speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs,
                                       std::shared_ptr<const std::atomic<bool>> clientGone = {});
    // POST lipsync (ours): move the mouth to this audio (any format Qt Multimedia decodes) from `startAtEpochMs`.
    // Audio longer than maxAudioSeconds() is refused with 413. A newer speak or lipsync supersedes one still
    // being computed (409), so abandoned requests do not keep the worker busy.
    virtual QFuture<BackendResult> lipSync(const QByteArray &audio, const QString &fileName,
                                           std::optional<qint64> startAtEpochMs,
                                           std::shared_ptr<const std::atomic<bool>> clientGone = {});
    // The server's --max-audio-seconds (set by ApiService at start).
    void setMaxAudioSeconds(double seconds) { m_maxAudioSeconds = seconds; }
    [[nodiscard]] double maxAudioSeconds() const { return m_maxAudioSeconds; }
    // GET status: anything useful about the animation (loaded, paused, talking, emotion, render times…).
    [[nodiscard]] virtual QJsonObject status() const = 0;

    // Demand, counted per source: every addDemand() is matched by one removeDemand() — or hold a DemandToken. A
    // removeDemand() without its addDemand() is a programming error (a warning, then ignored). Any thread.
    void addDemand(DemandSource source);
    void removeDemand(DemandSource source);
    [[nodiscard]] int demand(DemandSource source) const;
    [[nodiscard]] bool hasDemand() const;
    // Back-pressure: a consumer has taken (sent or shown) the last frame, so the next one may be rendered. The
    // ApiService calls it for every frame its FrameHub publishes, the studio's preview for every frame it shows.
    // The default does nothing (a backend that does not wait for its consumers).
    virtual void frameConsumed() {}

protected:
    // The demand went from none to some (true) or back to none (false). Called with the demand lock held, from the
    // thread that changed it: set a flag, wake a thread, return. The default does nothing.
    virtual void demandChanged(bool wanted) {}

Q_SIGNALS:
    // A newly rendered frame, preferably QImage::Format_RGBA8888 with straight alpha. May be emitted from any
    // thread. The server encodes only as many as it sends (see FrameHub::framePublished for back-pressure).
    void frameRendered(const QImage &frame);

private:
    bool hasDemandLocked() const;

    std::atomic<double> m_maxAudioSeconds{600.0};
    mutable std::mutex m_demandMutex;
    std::array<int, kDemandSourceCount> m_demand{};
};

// One unit of a source's demand, held for the token's lifetime (moved, not copied). Safe to outlive the backend.
//     DemandToken recording(&live, DemandSource::Recording); // frames now … until `recording` goes or reset()
class DemandToken
{
public:
    DemandToken() = default;
    DemandToken(TalkingheadBackend *backend, DemandSource source);
    DemandToken(DemandToken &&other) noexcept;
    DemandToken &operator=(DemandToken &&other) noexcept;
    DemandToken(const DemandToken &) = delete;
    DemandToken &operator=(const DemandToken &) = delete;
    ~DemandToken();

    // Gives the demand back now.
    void reset();
    [[nodiscard]] bool held() const { return !m_backend.isNull(); }

private:
    QPointer<TalkingheadBackend> m_backend;
    DemandSource m_source = DemandSource::StreamViewers;
};

} // namespace ths
