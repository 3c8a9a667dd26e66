// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/viseme_mapper.h"

#include "lipsync/viseme_table.h"

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

constexpr double kVowelReach = 0.025;      // s: e-folding distance of a vowel's pull
constexpr double kConsonantReach = 0.020;  // s
constexpr double kClosureReach = 0.020;    // s: Gaussian width of the lip-closure gate outside its core
constexpr double kBilabialCoreShare = 0.5; // the middle half of a p/b/m has the lips fully shut
constexpr double kDiphthongFirstShare = 0.6;
constexpr double kHorizon = 0.25;          // s: segments further away have no visible influence

struct Segment {
    double begin = 0.0, end = 0.0; // seconds
    Viseme viseme;
};

double distanceTo(double t, double begin, double end)
{
    return t < begin ? begin - t : (t > end ? t - end : 0.0);
}

std::vector<Segment> segmentsFor(const std::vector<PhonemeEvent> &phonemes, qint64 totalSamples, int sampleRate)
{
    std::vector<Segment> segments;
    const double rate = sampleRate;
    for (size_t i = 0; i < phonemes.size(); ++i) {
        const qint64 from = std::clamp(phonemes[i].sample, qint64(0), totalSamples);
        const qint64 to = i + 1 < phonemes.size() ? std::clamp(phonemes[i + 1].sample, from, totalSamples) : totalSamples;
        if (to <= from)
            continue; // zero-length markers such as Mandarin's "_|" syllable boundary
        const std::vector<Viseme> parts = VisemeTable::lookup(phonemes[i].name);
        const double begin = from / rate, end = to / rate;
        if (parts.size() == 1) {
            segments.push_back({begin, end, parts.front()});
            continue;
        }
        // A glide: the first target holds a little longer, the rest share what is left.
        const double firstEnd = begin + (end - begin) * kDiphthongFirstShare;
        segments.push_back({begin, firstEnd, parts.front()});
        const double step = (end - firstEnd) / double(parts.size() - 1);
        for (size_t p = 1; p < parts.size(); ++p)
            segments.push_back({firstEnd + step * double(p - 1), firstEnd + step * double(p), parts[p]});
    }
    // Silence before the first sound.
    const double firstBegin = segments.empty() ? totalSamples / rate : segments.front().begin;
    if (firstBegin > 0.0) {
        Segment lead;
        lead.end = firstBegin;
        lead.viseme = VisemeTable::lookup(QStringLiteral("_")).front();
        segments.insert(segments.begin(), lead);
    }
    return segments;
}

} // namespace

MouthTimeline VisemeMapper::map(const std::vector<PhonemeEvent> &phonemes, qint64 totalSamples, int sampleRate)
{
    if (sampleRate <= 0 || totalSamples <= 0)
        return {};
    const std::vector<Segment> segments = segmentsFor(phonemes, totalSamples, sampleRate);
    const qint64 frameCount = (totalSamples * 100 + sampleRate - 1) / sampleRate;
    std::vector<MouthFrame> frames;
    frames.reserve(size_t(frameCount));
    size_t first = 0; // first segment that can still reach the current frame
    for (qint64 f = 0; f < frameCount; ++f) {
        const double t = double(f) * MouthTimeline::kFrameSeconds;
        while (first < segments.size() && segments[first].end < t - kHorizon)
            ++first;
        std::array<double, MouthFrame::kVowelCount> blend{};
        double totalPull = 0.0, closure = 0.0;
        for (size_t i = first; i < segments.size() && segments[i].begin <= t + kHorizon; ++i) {
            const Segment &s = segments[i];
            const double d = distanceTo(t, s.begin, s.end);
            if (s.viseme.closesLips) {
                // Pauses are shut throughout, bilabials in their middle part.
                const double coreShrink = s.viseme.isPause ? 0.0 : (s.end - s.begin) * (1.0 - kBilabialCoreShare) / 2.0;
                const double dc = distanceTo(t, s.begin + coreShrink, s.end - coreShrink);
                closure = std::max(closure, std::exp(-(dc / kClosureReach) * (dc / kClosureReach)));
                continue;
            }
            const double reach = s.viseme.isVowel ? kVowelReach : kConsonantReach;
            const double pull = s.viseme.dominance * std::exp(-d / reach);
            totalPull += pull;
            for (int v = 0; v < MouthFrame::kVowelCount; ++v)
                blend[size_t(v)] += pull * s.viseme.shape[size_t(v)];
        }
        MouthFrame frame;
        frame.t = t;
        if (totalPull > 1e-6) {
            for (int v = 0; v < MouthFrame::kVowelCount; ++v)
                frame.vowels[size_t(v)] = float(std::clamp(blend[size_t(v)] / totalPull * (1.0 - closure), 0.0, 1.0));
        }
        frame.openness = frame.maxVowel();
        frames.push_back(frame);
    }
    return MouthTimeline(std::move(frames));
}

} // namespace ths
