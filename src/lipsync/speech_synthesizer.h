// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text → speech with libespeak-ng, synthesised into memory together with the phoneme timing.
//
// espeak-ng's API is one global, non-thread-safe state. Every call therefore runs on one dedicated synthesis
// thread owned by this class (started on first use, joined at exit); synthesize() blocks the caller until its
// turn is done, synthesizeAsync() does not. Calls from any thread are safe and are served one at a time.
//
// Voices are espeak-ng voice names or languages: "en", "en-us", "ja", "de", … "cmn" (and "zh") select
// espeak-ng's "cmn-Latn-pinyin" voice: in espeak-ng 1.51 (Debian 12) the plain "cmn" voice reads most Chinese
// characters as pinyin spelt out in English ("ni three hao three"), while cmn-Latn-pinyin reads them as Mandarin.
// Phoneme mnemonics in [[ ]] are spoken as phonemes (espeakPHONEMES), e.g. "[[a:]]".

#include "lipsync/pcm_buffer.h"

#include <QFuture>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace ths {

struct PhonemeEvent {
    QString name;       // espeak-ng phoneme mnemonic: "a", "aI", "t_s\\", pauses start with '_' ("_:", "_")
    qint64 sample = 0;  // where it starts, in samples from the beginning of the audio
};

struct SpeechResult {
    PcmBuffer audio;                      // mono, 22050 Hz
    std::vector<PhonemeEvent> phonemes;   // in time order
    QString voice;                        // the espeak-ng voice that spoke
    QString error;                        // set (and the rest empty) when synthesis failed
};

class SpeechSynthesizer
{
public:
    // Polled while the job waits for its turn and while espeak-ng synthesises (every few milliseconds of audio):
    // true stops it, and the result is the error kCancelled.
    using CancelCheck = std::function<bool()>;
    static const QString kCancelled;

    // Errors: empty text, empty or unknown voice, espeak-ng data missing, no audio produced, or cancelled.
    static std::optional<SpeechResult> synthesize(const QString &text, const QString &voice, QString *error,
                                                  const CancelCheck &cancelled = {});
    // The same on the synthesis thread, without blocking; the result's `error` says whether it worked.
    static QFuture<SpeechResult> synthesizeAsync(const QString &text, const QString &voice,
                                                 const CancelCheck &cancelled = {});

    // The languages espeak-ng offers ("en", "en-us", "ja", "cmn", …), sorted; empty if espeak-ng cannot start.
    static QStringList availableVoices();
};

} // namespace ths
