// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync_test_support.h"

#include "lipsync/audio_file.h"
#include "lipsync/wav_writer.h"

#include <QDir>

#include <algorithm>
#include <cmath>

namespace ths::test {

const std::vector<Sentence> &sentences()
{
    static const std::vector<Sentence> s{
        {"en", "The quick brown fox jumps over the lazy dog. Hello, how are you today? I am fine, thank you."},
        {"cmn", "你好，我是一个机器人。今天天气很好，我们一起去公园吧。"},
        {"ja", "こんにちは、わたしは ろぼっと です。きょうは いい てんき ですね。"},
    };
    return s;
}

std::optional<DecodedSpeech> speakThroughFile(const QString &text, const QString &voice, const QString &dir,
                                              QString *error)
{
    auto speech = SpeechSynthesizer::synthesize(text, voice, error);
    if (!speech)
        return std::nullopt;
    const QString path = QDir(dir).filePath(QStringLiteral("speech-%1.wav").arg(voice));
    if (!WavWriter::write(path, speech->audio, error))
        return std::nullopt;
    auto decoded = AudioFile::decode(path, 0, error);
    if (!decoded)
        return std::nullopt;
    return DecodedSpeech{std::move(*speech), std::move(*decoded), path};
}

std::vector<double> rmsEnvelope(const PcmBuffer &pcm, int frameCount)
{
    std::vector<double> env(size_t(frameCount), 0.0);
    const int half = pcm.sampleRate / 200;
    for (int f = 0; f < frameCount; ++f) {
        const long long centre = (long long)f * pcm.sampleRate / 100;
        double sum = 0.0;
        int n = 0;
        for (long long i = centre - half; i < centre + half; ++i, ++n)
            if (i >= 0 && i < (long long)pcm.samples.size())
                sum += double(pcm.samples[size_t(i)]) * pcm.samples[size_t(i)];
        env[size_t(f)] = std::sqrt(sum / std::max(n, 1));
    }
    return env;
}

std::vector<double> openness(const MouthTimeline &timeline)
{
    std::vector<double> out;
    for (const MouthFrame &f : timeline.frames())
        out.push_back(f.maxVowel());
    return out;
}

double pearson(const std::vector<double> &a, const std::vector<double> &b)
{
    const size_t n = std::min(a.size(), b.size());
    if (n < 2)
        return 0.0;
    double ma = 0.0, mb = 0.0;
    for (size_t i = 0; i < n; ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= double(n);
    mb /= double(n);
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (size_t i = 0; i < n; ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0.0 && sbb > 0.0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

std::vector<std::pair<int, int>> silentRuns(const std::vector<double> &envelope, double threshold, int minFrames)
{
    std::vector<std::pair<int, int>> runs;
    int start = -1;
    for (int i = 0; i <= int(envelope.size()); ++i) {
        const bool silent = i < int(envelope.size()) && envelope[size_t(i)] < threshold;
        if (silent && start < 0)
            start = i;
        if (!silent && start >= 0) {
            if (i - start > minFrames)
                runs.emplace_back(start, i - 1);
            start = -1;
        }
    }
    return runs;
}

} // namespace ths::test
