// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/lipsync_commands.h"

#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/wav_writer.h"

#include <QCommandLineParser>

#include <cstdio>
#include <optional>

namespace ths {

namespace {

// Parses without QCommandLineParser::process(), which would exit() on its own terms.
// Returns an exit status when the command should stop here (help shown: 0, usage error: 2).
std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("talkinghead-studio ") + command} + args)) {
        std::fprintf(stderr, "error: %s\n\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "error: unexpected argument \"%s\"\n\n%s", qPrintable(parser.positionalArguments().first()),
                     qPrintable(parser.helpText()));
        return 2;
    }
    return std::nullopt;
}

int usageError(const QCommandLineParser &parser, const char *message)
{
    std::fprintf(stderr, "error: %s\n\n%s", message, qPrintable(parser.helpText()));
    return 2;
}

std::optional<QAudioFormat::SampleFormat> rawSampleFormat(const QString &name)
{
    if (name == QLatin1String("u8"))
        return QAudioFormat::UInt8;
    if (name == QLatin1String("s16le"))
        return QAudioFormat::Int16;
    if (name == QLatin1String("s32le"))
        return QAudioFormat::Int32;
    if (name == QLatin1String("f32le"))
        return QAudioFormat::Float;
    return std::nullopt;
}

bool writeTimeline(const MouthTimeline &timeline, const QString &path, QString *error)
{
    if (path == QLatin1String("-")) {
        const QByteArray bytes = timeline.toJsonBytes();
        return std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
    }
    return timeline.save(path, error);
}

} // namespace

int runLipsyncCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Analyse speech audio into a mouth timeline (THA3 mouth_aaa/iii/uuu/eee/ooo every 10 ms, JSON).\n"
        "Reads anything Qt Multimedia decodes (WAV, MP3, OGG, FLAC …) or raw PCM with --raw."));
    parser.addOptions({
        {QStringLiteral("audio"), QStringLiteral("The audio file to analyse."), QStringLiteral("IN")},
        {QStringLiteral("output"), QStringLiteral("Where to write the timeline JSON (\"-\" for stdout)."),
         QStringLiteral("TIMELINE.json")},
        {QStringLiteral("raw"), QStringLiteral("Read IN as headerless PCM in this format: u8, s16le, s32le or f32le."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("rate"), QStringLiteral("Sample rate of raw PCM in Hz."), QStringLiteral("HZ")},
        {QStringLiteral("channels"), QStringLiteral("Channels of raw PCM (interleaved; default 1)."),
         QStringLiteral("N"), QStringLiteral("1")},
    });
    if (const auto status = parseArguments(parser, QStringLiteral("lipsync"), args))
        return *status;
    const QString in = parser.value(QStringLiteral("audio")), out = parser.value(QStringLiteral("output"));
    if (in.isEmpty() || out.isEmpty())
        return usageError(parser, "give --audio IN and --output TIMELINE.json");

    QString error;
    std::optional<PcmBuffer> pcm;
    if (parser.isSet(QStringLiteral("raw"))) {
        const auto format = rawSampleFormat(parser.value(QStringLiteral("raw")));
        bool rateOk = false, channelsOk = false;
        const int rate = parser.value(QStringLiteral("rate")).toInt(&rateOk);
        const int channels = parser.value(QStringLiteral("channels")).toInt(&channelsOk);
        if (!format)
            return usageError(parser, "--raw must be one of u8, s16le, s32le, f32le");
        if (!rateOk || rate <= 0 || rate > 1000000)
            return usageError(parser, "raw PCM needs --rate HZ (a positive whole number)");
        if (!channelsOk || channels <= 0 || channels > 64)
            return usageError(parser, "--channels must be a whole number from 1 to 64");
        QAudioFormat f;
        f.setSampleFormat(*format);
        f.setSampleRate(rate);
        f.setChannelCount(channels);
        pcm = AudioFile::readRawPcm(in, f, 0, &error);
    } else {
        if (parser.isSet(QStringLiteral("rate")))
            return usageError(parser, "--rate applies to raw PCM only (with --raw)");
        pcm = AudioFile::decode(in, 0, &error);
    }
    if (!pcm) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    const auto timeline = AudioLipSync::analyze(*pcm, &error);
    if (!timeline) {
        std::fprintf(stderr, "error: %s: %s\n", qPrintable(in), qPrintable(error));
        return 1;
    }
    if (!writeTimeline(*timeline, out, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    if (out != QLatin1String("-"))
        std::printf("%s: %d frames, %.2f s of audio\n", qPrintable(out), timeline->size(), pcm->duration());
    return 0;
}

int runSayCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Speak text with espeak-ng into a WAV file and/or write the matching mouth timeline (JSON, every 10 ms)."));
    parser.addOptions({
        {QStringLiteral("text"), QStringLiteral("What to say (UTF-8; phoneme mnemonics in [[ ]] are allowed)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("voice"), QStringLiteral("espeak-ng voice or language, e.g. en, en-us, cmn, ja (default en)."),
         QStringLiteral("VOICE"), QStringLiteral("en")},
        {QStringLiteral("output"), QStringLiteral("Where to write the speech (16-bit mono WAV, 22050 Hz)."),
         QStringLiteral("OUT.wav")},
        {QStringLiteral("timeline"), QStringLiteral("Where to write the mouth timeline JSON (\"-\" for stdout)."),
         QStringLiteral("TIMELINE.json")},
        {QStringLiteral("list-voices"), QStringLiteral("List the languages espeak-ng offers and exit.")},
    });
    if (const auto status = parseArguments(parser, QStringLiteral("say"), args))
        return *status;
    if (parser.isSet(QStringLiteral("list-voices"))) {
        const QStringList voices = SpeechSynthesizer::availableVoices();
        if (voices.isEmpty()) {
            std::fprintf(stderr, "error: espeak-ng could not be initialised\n");
            return 1;
        }
        for (const QString &v : voices)
            std::printf("%s\n", qPrintable(v));
        return 0;
    }
    if (!parser.isSet(QStringLiteral("text")))
        return usageError(parser, "give --text \"…\"");
    const QString wavPath = parser.value(QStringLiteral("output")), timelinePath = parser.value(QStringLiteral("timeline"));
    if (wavPath.isEmpty() && timelinePath.isEmpty())
        return usageError(parser, "give --output OUT.wav, --timeline TIMELINE.json or both");

    QString error;
    const auto speech = SpeechSynthesizer::synthesize(parser.value(QStringLiteral("text")),
                                                      parser.value(QStringLiteral("voice")), &error);
    if (!speech) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    const MouthTimeline timeline = VisemeMapper::map(speech->phonemes, qint64(speech->audio.samples.size()),
                                                     speech->audio.sampleRate);
    if (!wavPath.isEmpty() && !WavWriter::write(wavPath, speech->audio, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    if (!timelinePath.isEmpty() && !writeTimeline(timeline, timelinePath, &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    if (timelinePath != QLatin1String("-"))
        std::printf("%.2f s of speech (voice %s, %zu phonemes), %d mouth frames\n", speech->audio.duration(),
                    qPrintable(speech->voice), speech->phonemes.size(), timeline.size());
    return 0;
}

} // namespace ths
