// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/speech_synthesizer.h"

#include <QPromise>

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace ths {

namespace {

// The one thread that ever calls into espeak-ng. Jobs run in the order they were posted.
class EspeakThread
{
public:
    static EspeakThread &instance()
    {
        static EspeakThread thread;
        return thread;
    }

    void post(std::function<void()> job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

    // Only on the espeak thread: initialises espeak-ng on first use. Returns the sample rate, or 0.
    int ensureInitialised()
    {
        if (!m_initTried) {
            m_initTried = true;
            // DONT_EXIT: without it espeak-ng calls exit() when its data directory is missing.
            const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr,
                                               espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_DONT_EXIT);
            m_rate = rate > 0 ? rate : 0;
            if (m_rate > 0)
                espeak_SetSynthCallback(&EspeakThread::onSynth);
        }
        return m_rate;
    }

    // Only on the espeak thread, during espeak_Synth: where the callback collects audio and events.
    static inline SpeechResult *s_collecting = nullptr;
    static inline const SpeechSynthesizer::CancelCheck *s_cancelled = nullptr;

private:
    // The thread starts in the body, after every member it uses has been constructed.
    EspeakThread() { m_thread = std::thread([this] { run(); }); }

    ~EspeakThread()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    void run()
    {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
                if (m_jobs.empty())
                    break; // stopping, and nothing left to do
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job();
        }
        if (m_rate > 0)
            espeak_Terminate();
    }

    static int onSynth(short *wav, int count, espeak_EVENT *events)
    {
        SpeechResult *r = s_collecting;
        if (!r)
            return 0;
        if (s_cancelled && (*s_cancelled)())
            return 1; // abort the synthesis
        // push_back grows geometrically: reserving the exact new size on every callback made synthesis quadratic
        // in the length of the text.
        if (wav && count > 0)
            for (int i = 0; i < count; ++i)
                r->audio.samples.push_back(float(wav[i]) / 32768.0f);
        for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
            if (e->type != espeakEVENT_PHONEME)
                continue;
            // The name is up to 8 bytes and not terminated when it uses all 8.
            const QString name = QString::fromUtf8(e->id.string, qsizetype(strnlen(e->id.string, 8)));
            if (name.isEmpty() || name.startsWith(QLatin1Char('(')))
                continue; // "(en)", "(cmn)": language switches, not sounds
            r->phonemes.push_back({name, qint64(e->sample)});
        }
        return 0; // continue
    }

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stop = false;
    // Touched only on the espeak thread.
    bool m_initTried = false;
    int m_rate = 0;
};

QString espeakVoiceName(const QString &voice)
{
    const QString v = voice.trimmed();
    if (v.compare(QLatin1String("cmn"), Qt::CaseInsensitive) == 0 || v.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("cmn-Latn-pinyin");
    return v;
}

// Runs on the espeak thread.
SpeechResult synthesizeNow(const QString &text, const QString &voice, const SpeechSynthesizer::CancelCheck &cancelled)
{
    SpeechResult result;
    if (cancelled && cancelled()) {
        result.error = SpeechSynthesizer::kCancelled;
        return result;
    }
    EspeakThread &thread = EspeakThread::instance();
    const int rate = thread.ensureInitialised();
    if (rate <= 0) {
        result.error = QStringLiteral("espeak-ng could not be initialised (is its data, espeak-ng-data, installed?)");
        return result;
    }
    const QString name = espeakVoiceName(voice);
    const QByteArray nameUtf8 = name.toUtf8();
    if (espeak_SetVoiceByName(nameUtf8.constData()) != EE_OK) {
        result.error = QStringLiteral("unknown voice \"%1\": espeak-ng has no such voice or language "
                                      "(examples: en, en-us, cmn, ja, de, fr)").arg(voice);
        return result;
    }
    result.voice = name;
    result.audio.sampleRate = rate;
    const QByteArray utf8 = text.toUtf8();
    EspeakThread::s_collecting = &result;
    EspeakThread::s_cancelled = cancelled ? &cancelled : nullptr;
    const espeak_ERROR status = espeak_Synth(utf8.constData(), size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8 | espeakPHONEMES, nullptr, nullptr);
    espeak_Synchronize();
    EspeakThread::s_collecting = nullptr;
    EspeakThread::s_cancelled = nullptr;
    if (cancelled && cancelled()) {
        SpeechResult failed;
        failed.error = SpeechSynthesizer::kCancelled;
        return failed;
    }
    if (status != EE_OK) {
        SpeechResult failed;
        failed.error = QStringLiteral("espeak-ng failed to synthesise the text (error %1)").arg(int(status));
        return failed;
    }
    if (result.audio.samples.empty()) {
        SpeechResult failed;
        failed.error = QStringLiteral("espeak-ng produced no audio for the text \"%1\"").arg(text.left(80));
        return failed;
    }
    // Keep the events on the audio's sample clock: in order and inside the buffer.
    const qint64 total = qint64(result.audio.samples.size());
    qint64 last = 0;
    for (PhonemeEvent &e : result.phonemes) {
        e.sample = std::clamp(e.sample, last, total);
        last = e.sample;
    }
    return result;
}

QString validate(const QString &text, const QString &voice)
{
    if (text.trimmed().isEmpty())
        return QStringLiteral("the text to speak is empty");
    if (voice.trimmed().isEmpty())
        return QStringLiteral("no voice given (examples: en, cmn, ja)");
    return {};
}

} // namespace

const QString SpeechSynthesizer::kCancelled = QStringLiteral("speech synthesis was cancelled");

QFuture<SpeechResult> SpeechSynthesizer::synthesizeAsync(const QString &text, const QString &voice,
                                                         const CancelCheck &cancelled)
{
    auto promise = std::make_shared<QPromise<SpeechResult>>();
    QFuture<SpeechResult> future = promise->future();
    promise->start();
    if (const QString problem = validate(text, voice); !problem.isEmpty()) {
        SpeechResult failed;
        failed.error = problem;
        promise->addResult(failed);
        promise->finish();
        return future;
    }
    EspeakThread::instance().post([promise, text, voice, cancelled] {
        promise->addResult(synthesizeNow(text, voice, cancelled));
        promise->finish();
    });
    return future;
}

std::optional<SpeechResult> SpeechSynthesizer::synthesize(const QString &text, const QString &voice, QString *error,
                                                          const CancelCheck &cancelled)
{
    QFuture<SpeechResult> future = synthesizeAsync(text, voice, cancelled);
    future.waitForFinished();
    SpeechResult result = future.result();
    if (!result.error.isEmpty()) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    return result;
}

QStringList SpeechSynthesizer::availableVoices()
{
    auto promise = std::make_shared<QPromise<QStringList>>();
    QFuture<QStringList> future = promise->future();
    promise->start();
    EspeakThread::instance().post([promise] {
        QStringList languages;
        if (EspeakThread::instance().ensureInitialised() > 0) {
            for (const espeak_VOICE **v = espeak_ListVoices(nullptr); v && *v; ++v) {
                // `languages` is a list of (priority byte, name) pairs ending with an empty name.
                for (const char *p = (*v)->languages; p && *p; p += 1 + std::strlen(p + 1) + 1)
                    languages.append(QString::fromUtf8(p + 1));
            }
            languages.removeDuplicates();
            languages.sort();
        }
        promise->addResult(languages);
        promise->finish();
    });
    future.waitForFinished();
    return future.result();
}

} // namespace ths
