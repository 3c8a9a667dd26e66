// SPDX-License-Identifier: GPL-3.0-or-later
// `record`: the animated character to a video file or PNG frames, headless and offline (see recording/recorder.h).

#include "app/character_image.h"
#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "engine/poser.h"
#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/viseme_mapper.h"
#include "recording/recorder.h"
#include "recording/recording_output.h"
#include "tha3/engine_error.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <csignal>
#include <cstdio>

namespace ths {

namespace {

constexpr int kAudioRate = 22050;   // what the speech synthesizer produces; uploads are decoded to it too
constexpr double kTail = 0.5;       // seconds after the speech when no --duration is given
constexpr int kMaxFps = 120;
constexpr double kMaxDuration = 3600;

// Ctrl-C or SIGTERM during a recording cancels it, so the temporary file is removed rather than left behind.
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

int usage(const char *message)
{
    std::fprintf(stderr, "error: %s (see 'talkinghead-studio record --help')\n", message);
    return 2;
}

int failure(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int runRecordCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Record the animated character, rendered offline at a fixed frame rate, to OUT.webm (VP9 with alpha), "
        "OUT.mp4 (H.264 on a background colour) or OUT (a new directory of PNG frames). With --say or --audio the "
        "mouth follows the speech and the audio is muxed in. The file appears under its name only when complete."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("output"), QStringLiteral("Where to write: OUT.webm, OUT.mp4 or a directory."), QStringLiteral("OUT")},
        {QStringLiteral("duration"), QStringLiteral("Seconds to record (default: the speech and half a second)."), QStringLiteral("S")},
        {QStringLiteral("emotion"), QStringLiteral("The emotion (default neutral)."), QStringLiteral("E"), QStringLiteral("neutral")},
        {QStringLiteral("say"), QStringLiteral("Speak this text (espeak-ng)."), QStringLiteral("TEXT")},
        {QStringLiteral("voice"), QStringLiteral("The espeak-ng voice for --say (default en)."), QStringLiteral("V"), QStringLiteral("en")},
        {QStringLiteral("audio"), QStringLiteral("Lip-sync to this audio file."), QStringLiteral("FILE")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second (default 25)."), QStringLiteral("N"), QStringLiteral("25")},
        {QStringLiteral("image"), QStringLiteral("The character image."), QStringLiteral("PNG"), defaultCharacterImage()},
        {QStringLiteral("animator-settings"), QStringLiteral("Animator settings (a character's _animator.json): crop, "
                                                             "postprocessor_chain and the animation's own."), QStringLiteral("JSON")},
        {QStringLiteral("background"), QStringLiteral("MP4 background colour (default #000000)."), QStringLiteral("COLOR"), QStringLiteral("#000000")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the animation's randomness (default 1)."), QStringLiteral("N"), QStringLiteral("1")},
    });
    addPoserOptions(parser);
    parser.process(QStringList{QStringLiteral("talkinghead-studio record")} + args);
    const auto poserOptions = poserOptionsFrom(parser);
    if (!poserOptions)
        return 2;

    RecordingRequest request;
    request.output = parser.value(QStringLiteral("output"));
    if (request.output.isEmpty())
        return usage("--output is required");
    QString error;
    if (!RecordingFormat::fromPath(request.output, &error))
        return failure(error);
    bool ok = false;
    request.fps = parser.value(QStringLiteral("fps")).toInt(&ok);
    if (!ok || request.fps < 1 || request.fps > kMaxFps)
        return usage("--fps must be a whole number in [1, 120]");
    request.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return usage("--seed must be a non-negative whole number");
    request.background = QColor(parser.value(QStringLiteral("background")));
    if (!request.background.isValid())
        return usage("--background must be a colour such as #102030 or black");
    request.emotion = parser.value(QStringLiteral("emotion"));
    if (parser.isSet(QStringLiteral("say")) && parser.isSet(QStringLiteral("audio")))
        return usage("give --say or --audio, not both");
    if (parser.isSet(QStringLiteral("animator-settings"))) {
        const auto settings = AnimatorSettings::fromFile(parser.value(QStringLiteral("animator-settings")), &error);
        if (!settings)
            return failure(error);
        request.settings = *settings;
    }

    if (parser.isSet(QStringLiteral("say"))) {
        const auto speech = SpeechSynthesizer::synthesize(parser.value(QStringLiteral("say")), parser.value(QStringLiteral("voice")), &error);
        if (!speech)
            return failure(error);
        request.audio = speech->audio;
        request.mouth = VisemeMapper::map(speech->phonemes, qint64(speech->audio.samples.size()), speech->audio.sampleRate);
    } else if (parser.isSet(QStringLiteral("audio"))) {
        const auto pcm = AudioFile::decode(parser.value(QStringLiteral("audio")), kAudioRate, &error);
        if (!pcm)
            return failure(error);
        const auto timeline = AudioLipSync::analyze(*pcm, &error);
        if (!timeline)
            return failure(error);
        request.audio = *pcm;
        request.mouth = *timeline;
    }
    if (parser.isSet(QStringLiteral("duration"))) {
        request.duration = parser.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || !(request.duration > 0) || request.duration > kMaxDuration)
            return usage("--duration must be a number of seconds in (0, 3600]");
    } else if (!request.audio.isEmpty()) {
        request.duration = request.audio.duration() + kTail;
    } else {
        return usage("--duration is required without --say or --audio");
    }

    const auto image = loadCharacterImage(parser.value(QStringLiteral("image")));
    if (!image)
        return 1;
    request.character = *image;
    try {
        Poser poser(*poserOptions);
        const int total = Recorder::frameCount(request);
        QElapsedTimer timer;
        timer.start();
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        const bool done = Recorder::record(poser, request, [&](int frame, int frames) {
            std::fprintf(stderr, "\rframe %d/%d (%.1f s)", frame, frames, timer.elapsed() / 1000.0);
            return !g_interrupted;
        }, &error);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        std::fprintf(stderr, "\n");
        if (!done) {
            failure(error);
            return g_interrupted ? 130 : 1;
        }
        std::printf("%s: %d frames at %d fps (%.2f s)%s\n", qPrintable(request.output), total, request.fps,
                    double(total) / request.fps, request.audio.isEmpty() ? "" : ", with audio");
    } catch (const EngineError &e) {
        return failure(QString::fromUtf8(e.what()));
    }
    return 0;
}

} // namespace ths
