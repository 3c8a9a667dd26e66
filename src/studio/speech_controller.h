// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The speech panel's backend (issue 5): speaks text with espeak-ng or plays an audio file, through the audio
// output (QMediaPlayer + QAudioOutput), while the live character's mouth follows it; and shows what it plays as a
// waveform with the mouth timeline under it.
//
// Flow: synthesis or decoding and the analysis run on a worker thread (never the GUI thread); then playback
// starts, and at that moment the live character is told to move its mouth from now + avOffsetMs
// (LiveCharacter::playMouth() with the analysed timeline), so the mouth lines up with the sound (a positive offset
// makes the mouth later, for output latency). Without an audio output device — or when the player fails — the
// clip is "played" silently on a timer: `error` says so and the mouth still moves.

#include <QCoroFwd>
#include <QFuture>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QAudioOutput;
class QMediaPlayer;

namespace ths {

class LiveCharacter;
class MouthTimeline;
struct PcmBuffer;

class SpeechController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(QStringList voices READ voices CONSTANT)
    Q_PROPERTY(QString voice READ voice WRITE setVoice NOTIFY voiceChanged)
    Q_PROPERTY(int avOffsetMs READ avOffsetMs WRITE setAvOffsetMs NOTIFY avOffsetMsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QVariantList waveform READ waveform NOTIFY clipChanged)
    Q_PROPERTY(QVariantList mouthOpenness READ mouthOpenness NOTIFY clipChanged)
    Q_PROPERTY(QVariantList mouthVowels READ mouthVowels NOTIFY clipChanged)
    Q_PROPERTY(double duration READ duration NOTIFY clipChanged)
    Q_PROPERTY(double position READ position NOTIFY positionChanged)

public:
    // One entry of waveform / mouthOpenness / mouthVowels per 10 ms.
    static constexpr double kFrameSeconds = 0.01;
    // Below this openness the mouth counts as closed (mouthVowels gives "").
    static constexpr double kClosedBelow = 0.05;

    // `persist`: read and write voice and avOffsetMs in QSettings (group "speech").
    explicit SpeechController(bool persist = true, QObject *parent = nullptr);
    ~SpeechController() override;

    // The character whose mouth moves (not owned; may be null: then only the sound plays).
    void setLiveCharacter(LiveCharacter *live);

    // en, cmn, ja first (the ones the studio is translated for), then the rest espeak-ng offers.
    [[nodiscard]] QStringList voices() const { return m_voices; }
    [[nodiscard]] QString voice() const { return m_voice; }
    void setVoice(const QString &voice);
    [[nodiscard]] int avOffsetMs() const { return m_avOffsetMs; }
    void setAvOffsetMs(int ms);
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] bool playing() const { return m_playing; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QVariantList waveform() const { return m_waveform; }
    [[nodiscard]] QVariantList mouthOpenness() const { return m_openness; }
    [[nodiscard]] QVariantList mouthVowels() const { return m_vowels; }
    [[nodiscard]] double duration() const { return m_duration; }
    [[nodiscard]] double position() const;
    // Whether the last playback went to an audio device (false: played silently on a timer).
    [[nodiscard]] bool audible() const { return m_audible; }

    // Speaks `text` with `voice`. Errors (empty text, unknown voice, espeak-ng missing) land in `error`.
    Q_INVOKABLE void speak(const QString &text);
    // Plays an audio file (anything Qt Multimedia decodes). Errors (missing, corrupt) land in `error`.
    Q_INVOKABLE void playFile(const QUrl &audio);
    // Stops the sound and hands the mouth back to the animator (it closes); drops a clip still being prepared.
    Q_INVOKABLE void stop();

    // The peak of |sample| per 10 ms frame, `frames` entries (missing tail samples count as silence).
    static QVariantList peaks(const PcmBuffer &pcm, int frames);

Q_SIGNALS:
    void voiceChanged();
    void avOffsetMsChanged();
    void busyChanged();
    void playingChanged();
    void errorChanged();
    void clipChanged();
    void positionChanged();
    // Playback (audible or silent) has begun / ended; `ok` false when it was cut short by stop() or an error.
    void started();
    void finished(bool ok);

private:
    struct Prepared;
    // speak() and playFile() prepare their clip on a worker (synthesis, decoding, analysis); this coroutine awaits
    // it and applies it unless a newer request replaced it or the controller is gone.
    QCoro::Task<void> finishWhenPrepared(QFuture<std::shared_ptr<Prepared>> job);
    void prepared(const std::shared_ptr<Prepared> &clip);
    void beginPlayback();
    void startMouth();
    void endPlayback(bool ok);
    void setBusy(bool busy);
    void setPlaying(bool playing);
    void setError(const QString &error);
    void onPlayerError(const QString &message);

    bool m_persist;
    QStringList m_voices;
    QString m_voice = QStringLiteral("en");
    int m_avOffsetMs = 0;
    bool m_busy = false;
    bool m_playing = false;
    bool m_audible = false;
    QString m_error;
    QVariantList m_waveform;
    QVariantList m_openness;
    QVariantList m_vowels;
    double m_duration = 0;
    quint64 m_request = 0; // newer requests win over a preparation still running
    std::shared_ptr<Prepared> m_clip;
    QPointer<LiveCharacter> m_live;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QTimer m_silentEnd;     // ends a silent playback after the clip's duration
    QTimer m_tick;          // position updates while playing
    QElapsedTimer m_sinceStart;
    QTemporaryDir m_tempDir; // speech WAVs for the player
};

} // namespace ths
