// SPDX-License-Identifier: GPL-3.0-or-later
// bench_lipsync: how fast the audio → mouth analysis runs offline (as a multiple of real time) and how late the
// streaming analyser delivers a frame after its audio arrives. Speech comes from espeak-ng, so no input is needed.
//
//   bench_lipsync [--seconds N] [--chunk-ms M] [--repeat R]

#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/speech_synthesizer.h"
#include "lipsync/streaming_lip_sync.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/wav_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ths;

namespace {

const char *kText =
    "The quick brown fox jumps over the lazy dog. She sells sea shells by the sea shore, and the shells she sells "
    "are surely sea shells. Peter Piper picked a peck of pickled peppers; how many pickled peppers did he pick? "
    "A journey of a thousand miles begins with a single step, so take that step today and keep on walking.";

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("seconds"), QStringLiteral("Minimum seconds of speech to analyse (default 60)."),
         QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("chunk-ms"), QStringLiteral("Streaming chunk size in ms (default 10)."), QStringLiteral("M"),
         QStringLiteral("10")},
        {QStringLiteral("repeat"), QStringLiteral("Offline runs; the best is reported (default 5)."),
         QStringLiteral("R"), QStringLiteral("5")},
    });
    parser.process(app);
    const double wantSeconds = std::max(1.0, parser.value(QStringLiteral("seconds")).toDouble());
    const int chunkMs = std::max(1, parser.value(QStringLiteral("chunk-ms")).toInt());
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto speech = SpeechSynthesizer::synthesize(QString::fromLatin1(kText), QStringLiteral("en"), &error);
    if (!speech) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    const double synthMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const MouthTimeline textTimeline = VisemeMapper::map(speech->phonemes, qint64(speech->audio.samples.size()),
                                                         speech->audio.sampleRate);
    const double mapMs = double(timer.nsecsElapsed()) / 1e6;

    PcmBuffer pcm;
    pcm.sampleRate = speech->audio.sampleRate;
    while (pcm.duration() < wantSeconds)
        pcm.samples.insert(pcm.samples.end(), speech->audio.samples.begin(), speech->audio.samples.end());

    std::printf("speech: %.2f s synthesised by espeak-ng (voice en) in %.1f ms; viseme mapping %.2f ms (%d frames)\n",
                speech->audio.duration(), synthMs, mapMs, textTimeline.size());
    std::printf("audio under test: %.1f s at %d Hz\n\n", pcm.duration(), pcm.sampleRate);

    // Decoding through Qt Multimedia (GStreamer), for scale.
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("bench.wav"));
    if (WavWriter::write(wav, pcm, &error)) {
        timer.restart();
        const auto decoded = AudioFile::decode(wav, 0, &error);
        const double decodeMs = double(timer.nsecsElapsed()) / 1e6;
        if (decoded)
            std::printf("decode (QAudioDecoder, WAV):  %8.1f ms  = %6.0fx real time\n", decodeMs,
                        pcm.duration() * 1000.0 / decodeMs);
        else
            std::printf("decode: failed: %s\n", qPrintable(error));
    }

    // Offline: best of `repeat` runs.
    double bestMs = 1e300;
    int frames = 0;
    for (int r = 0; r < repeat; ++r) {
        timer.restart();
        const auto timeline = AudioLipSync::analyze(pcm, &error);
        bestMs = std::min(bestMs, double(timer.nsecsElapsed()) / 1e6);
        frames = timeline ? timeline->size() : 0;
    }
    std::printf("offline analysis:             %8.1f ms  = %6.0fx real time  (%d frames, %.1f us/frame)\n", bestMs,
                pcm.duration() * 1000.0 / bestMs, frames, bestMs * 1000.0 / std::max(frames, 1));

    // Streaming: push chunk by chunk as if live. A frame's latency is how much audio after its time had to arrive
    // before it came out (the look-ahead plus the chunk granularity) plus the time that push took to compute.
    StreamingLipSync stream(pcm.sampleRate);
    const size_t chunk = size_t(std::max(1, pcm.sampleRate * chunkMs / 1000));
    std::vector<double> latencies, pushMs;
    for (size_t at = 0; at < pcm.samples.size(); at += chunk) {
        const size_t n = std::min(chunk, pcm.samples.size() - at);
        timer.restart();
        const std::vector<MouthFrame> out = stream.push(pcm.samples.data() + at, n);
        const double computeMs = double(timer.nsecsElapsed()) / 1e6;
        pushMs.push_back(computeMs);
        const double arrived = double(at + n) / pcm.sampleRate;
        for (const MouthFrame &f : out)
            latencies.push_back((arrived - f.t) * 1000.0 + computeMs);
    }
    stream.finish();
    std::printf("streaming look-ahead:         %8.1f ms  (algorithmic: window half + 3 frames + resampler)\n",
                stream.lookAheadSeconds() * 1000.0);
    std::printf("streaming latency, %d ms chunks: median %.1f ms, p99 %.1f ms, max %.1f ms\n", chunkMs,
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::printf("streaming compute per push:   median %.3f ms, p99 %.3f ms, max %.3f ms\n", percentile(pushMs, 0.5),
                percentile(pushMs, 0.99), percentile(pushMs, 1.0));
    return 0;
}
