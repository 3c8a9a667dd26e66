// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/speech_controller.h"

#include "core/local_file_path.h"
#include "studio/job_result.h"
#include "animation/animator.h"
#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/mouth_timeline.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/wav_writer.h"
#include "live/live_character.h"

#include <QAudioDevice> // QMediaDevices::audioOutputs() needs the complete type in Qt 6.4
#include <QAudioOutput>
#include <QDateTime>
#include <QFile>
#include <QPointer>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QSettings>
#include <QtConcurrent>

#include <cmath>

namespace ths {

namespace {

const QString kGroup = QStringLiteral("speech/");
constexpr int kMaxOffsetMs = 2000;
constexpr int kTickMs = 40; // position updates: smooth enough for a playhead, cheap for QML bindings

// The languages the studio is translated for come first; the panel's combo box shows them on top.
QStringList orderedVoices()
{
    QStringList voices{QStringLiteral("en"), QStringLiteral("cmn"), QStringLiteral("ja")};
    for (const QString &v : SpeechSynthesizer::availableVoices()) {
        if (!voices.contains(v))
            voices.append(v);
    }
    return voices;
}

QString vowelLetter(const MouthFrame &frame)
{
    if (frame.maxVowel() < SpeechController::kClosedBelow)
        return {};
    static const char *letters[] = {"a", "i", "u", "e", "o"};
    return QString::fromLatin1(letters[int(frame.dominantVowel())]);
}

} // namespace

// What the worker hands back: the clip to play and what the panel draws.
struct SpeechController::Prepared {
    quint64 request = 0;
    QString error;
    bool isSpeech = false;
    QString audioPath;        // what the player plays
    MouthTimeline timeline;   // what the mouth plays (LiveCharacter::playMouth)
    QVariantList waveform, openness, vowels;
    double duration = 0;

    void fill(const PcmBuffer &pcm, const MouthTimeline &mouth)
    {
        timeline = mouth;
        waveform = SpeechController::peaks(pcm, timeline.size());
        openness.reserve(timeline.size());
        vowels.reserve(timeline.size());
        for (const MouthFrame &f : timeline.frames()) {
            openness.append(double(std::clamp(f.maxVowel(), 0.0f, 1.0f)));
            vowels.append(vowelLetter(f));
        }
        duration = pcm.duration();
    }
};

SpeechController::SpeechController(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
    , m_voices(orderedVoices())
{
    if (m_persist) {
        const QSettings s;
        m_voice = s.value(kGroup + QStringLiteral("voice"), m_voice).toString();
        m_avOffsetMs = std::clamp(s.value(kGroup + QStringLiteral("avOffsetMs"), 0).toInt(), -kMaxOffsetMs, kMaxOffsetMs);
    }
    m_silentEnd.setSingleShot(true);
    connect(&m_silentEnd, &QTimer::timeout, this, [this] { endPlayback(true); });
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &SpeechController::positionChanged);
}

SpeechController::~SpeechController() = default;

void SpeechController::setLiveCharacter(LiveCharacter *live)
{
    m_live = live;
}

void SpeechController::setVoice(const QString &voice)
{
    if (voice == m_voice)
        return;
    m_voice = voice;
    if (m_persist)
        QSettings().setValue(kGroup + QStringLiteral("voice"), m_voice);
    Q_EMIT voiceChanged();
}

void SpeechController::setAvOffsetMs(int ms)
{
    ms = std::clamp(ms, -kMaxOffsetMs, kMaxOffsetMs);
    if (ms == m_avOffsetMs)
        return;
    m_avOffsetMs = ms;
    if (m_persist)
        QSettings().setValue(kGroup + QStringLiteral("avOffsetMs"), m_avOffsetMs);
    Q_EMIT avOffsetMsChanged();
}

double SpeechController::position() const
{
    if (!m_playing)
        return 0;
    if (m_audible && m_player)
        return std::min(m_duration, double(m_player->position()) / 1000.0);
    return std::min(m_duration, double(m_sinceStart.elapsed()) / 1000.0);
}

QVariantList SpeechController::peaks(const PcmBuffer &pcm, int frames)
{
    QVariantList out;
    out.reserve(frames);
    const double hop = pcm.sampleRate * kFrameSeconds;
    const auto count = qint64(pcm.samples.size());
    for (int i = 0; i < frames; ++i) {
        const auto from = std::min(count, qint64(std::floor(i * hop)));
        const auto to = std::min(count, std::max(from + 1, qint64(std::floor((i + 1) * hop))));
        float peak = 0;
        for (qint64 s = from; s < to; ++s)
            peak = std::max(peak, std::abs(pcm.samples[size_t(s)]));
        out.append(double(std::min(peak, 1.0f)));
    }
    return out;
}

void SpeechController::speak(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        setError(tr("Type some text to speak."));
        return;
    }
    if (m_voice.isEmpty()) {
        setError(tr("Choose a voice first."));
        return;
    }
    stop();
    setError({});
    const quint64 request = ++m_request;
    setBusy(true);
    const QString wavPath = m_tempDir.filePath(QStringLiteral("speech-%1.wav").arg(request));
    const QString voice = m_voice;
    // Synthesis, the viseme timeline and the WAV for the player on a worker: espeak-ng takes a while for long text.
    finishWhenPrepared(QtConcurrent::run([request, trimmed, voice, wavPath] {
        auto clip = std::make_shared<Prepared>();
        clip->request = request;
        clip->isSpeech = true;
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(trimmed, voice, &error);
        if (!speech) {
            clip->error = tr("Cannot speak with voice \"%1\": %2").arg(voice, error);
            return clip;
        }
        const MouthTimeline timeline = VisemeMapper::map(speech->phonemes, qint64(speech->audio.samples.size()),
                                                         speech->audio.sampleRate);
        clip->fill(speech->audio, timeline);
        if (!WavWriter::write(wavPath, speech->audio, &error)) {
            clip->error = tr("Cannot prepare the speech for playback: %1").arg(error);
            return clip;
        }
        clip->audioPath = wavPath;
        return clip;
    }));
}

void SpeechController::playFile(const QUrl &audio)
{
    const QString path = localFilePath(audio);
    if (path.isEmpty()) {
        setError(tr("Only local audio files can be played (%1).").arg(audio.toDisplayString()));
        return;
    }
    stop();
    setError({});
    const quint64 request = ++m_request;
    setBusy(true);
    // Decoding (QAudioDecoder in its own event loop) and the audio analysis on a worker, as LiveCharacter does.
    finishWhenPrepared(QtConcurrent::run([request, path] {
        auto clip = std::make_shared<Prepared>();
        clip->request = request;
        clip->audioPath = path;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            clip->error = tr("Cannot open %1: %2").arg(path, file.errorString());
            return clip;
        }
        file.close();
        QString error;
        const auto pcm = AudioFile::decode(path, 0, &error);
        if (!pcm) {
            clip->error = tr("Cannot play this file: %1").arg(error);
            return clip;
        }
        const auto timeline = AudioLipSync::analyze(*pcm, &error);
        if (!timeline) {
            clip->error = tr("Cannot analyse %1: %2").arg(path, error);
            return clip;
        }
        clip->fill(*pcm, *timeline);
        return clip;
    }));
}

QCoro::Task<void> SpeechController::finishWhenPrepared(QFuture<std::shared_ptr<Prepared>> job)
{
    const QPointer<SpeechController> self(this);
    const std::shared_ptr<Prepared> clip = co_await jobResult(std::move(job));
    if (self)
        prepared(clip);
}

void SpeechController::prepared(const std::shared_ptr<Prepared> &clip)
{
    if (!clip || clip->request != m_request)
        return; // stopped, or replaced by a newer request
    setBusy(false);
    if (!clip->error.isEmpty()) {
        setError(clip->error);
        return;
    }
    // The previous speech's WAV is no longer needed (files the user chose are never touched).
    if (m_clip && m_clip->isSpeech && m_clip->audioPath != clip->audioPath)
        QFile::remove(m_clip->audioPath);
    m_clip = clip;
    m_waveform = clip->waveform;
    m_openness = clip->openness;
    m_vowels = clip->vowels;
    m_duration = clip->duration;
    Q_EMIT clipChanged();
    beginPlayback();
}

void SpeechController::beginPlayback()
{
    // Without an output device QMediaPlayer cannot play (and some backends misbehave): go silent at once.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        onPlayerError(tr("No audio output device: playing silently, the mouth still moves."));
        return;
    }
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
            if (!m_clip || !m_audible)
                return;
            if (state == QMediaPlayer::PlayingState && !m_playing) {
                // The sound starts now: the mouth follows from here (+ the A/V offset).
                startMouth();
                m_sinceStart.start();
                m_tick.start();
                setPlaying(true);
                Q_EMIT started();
            }
        });
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
            if (status == QMediaPlayer::EndOfMedia && m_audible && m_playing)
                endPlayback(true);
            else if (status == QMediaPlayer::InvalidMedia && m_audible)
                onPlayerError(tr("The audio output cannot play this clip: playing silently, the mouth still moves."));
        });
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &message) {
            if (m_audible)
                onPlayerError(tr("Audio playback failed (%1): playing silently, the mouth still moves.").arg(message));
        });
    }
    m_audible = true;
    m_player->setSource(QUrl::fromLocalFile(m_clip->audioPath));
    m_player->play();
}

void SpeechController::onPlayerError(const QString &message)
{
    // The animation must not depend on the sound: the rest of the clip runs on a timer.
    setError(message);
    if (!m_clip)
        return;
    const bool wasAudible = m_audible && m_playing;
    m_audible = false;
    if (m_player)
        m_player->stop();
    const double elapsed = wasAudible ? double(m_sinceStart.elapsed()) / 1000.0 : 0.0;
    if (!wasAudible) {
        startMouth();
        m_sinceStart.start();
    }
    m_silentEnd.start(int(std::ceil(std::max(0.0, m_duration - elapsed) * 1000.0)));
    m_tick.start();
    if (!m_playing) {
        setPlaying(true);
        Q_EMIT started();
    }
}

void SpeechController::startMouth()
{
    if (!m_live || !m_clip)
        return;
    // The timeline the panel shows, on the render thread's clock from now + the A/V offset.
    m_live->playMouth(m_clip->timeline, QDateTime::currentMSecsSinceEpoch() + m_avOffsetMs);
}

void SpeechController::stop()
{
    ++m_request; // a preparation still running is dropped when it finishes
    setBusy(false);
    if (m_player)
        m_player->stop();
    if (m_playing) {
        // Hand the mouth back to the animator (it would otherwise finish the clip without sound).
        if (m_live)
            m_live->animator().setMouthSource({});
        endPlayback(false);
    }
}

void SpeechController::endPlayback(bool ok)
{
    m_silentEnd.stop();
    m_tick.stop();
    if (!m_playing)
        return;
    setPlaying(false);
    Q_EMIT positionChanged();
    Q_EMIT finished(ok);
}

void SpeechController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void SpeechController::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    Q_EMIT playingChanged();
}

void SpeechController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace ths
