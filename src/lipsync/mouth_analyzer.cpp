// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/mouth_analyzer.h"

#include "lipsync/pitch_estimator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ths {

namespace {

constexpr int kLpcOrder = 12;              // 10 kHz: five resonances + tilt
constexpr float kPreEmphasis = 0.9f;
constexpr int kFloorWindowFrames = 200;    // noise floor = quietest frame of the last 2 s
constexpr float kPeakDecayDbPerFrame = 0.02f;
constexpr float kInitialPeakDb = -60.0f;
constexpr float kGateAboveFloorDb = 10.0f;
constexpr float kGateBelowPeakMaxDb = 50.0f; // quieter than this under the peak is always silence …
constexpr float kGateBelowPeakMinDb = 20.0f; // … and louder than this under the peak is always sound
constexpr float kAbsoluteGateDb = -75.0f;    // digital near-silence never opens the mouth
constexpr float kKneeDb = 6.0f;              // the target fades in over this much above the gate
constexpr float kCompression = 0.7f;         // openness = (amplitude / peak)^kCompression
constexpr float kSonorantCorrelation = 0.4f; // lag-1 autocorrelation of voiced vowels is ~0.9; fricatives < 0.3
constexpr float kAttackMs = 15.0f, kReleaseMs = 35.0f, kVowelMs = 30.0f;
constexpr float kPitchFollow = 0.05f;        // per voiced frame: ~200 ms of voice to settle
constexpr float kClosedOpenness = 0.05f;     // below this the mouth reads as shut
constexpr float kVowelFloor = 0.35f;         // vowels under this share of the dominant one are left out

float coefficient(float ms)
{
    return 1.0f - std::exp(-10.0f / ms);
}

const std::vector<float> &hannWindow()
{
    static const std::vector<float> w = [] {
        std::vector<float> v(MouthAnalyzer::kWindow);
        for (int i = 0; i < MouthAnalyzer::kWindow; ++i)
            v[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * (i + 0.5) / MouthAnalyzer::kWindow));
        return v;
    }();
    return w;
}

} // namespace

MouthAnalyzer::MouthAnalyzer(int inputRate)
    : m_resampler(inputRate, kAnalysisRate)
    , m_formants(kAnalysisRate, kLpcOrder)
    , m_peakDb(kInitialPeakDb)
{
}

double MouthAnalyzer::lookAheadSeconds() const
{
    return double(kWindow / 2 + kLookAheadFrames * kHop) / kAnalysisRate + m_resampler.lookAheadSeconds();
}

float MouthAnalyzer::sampleAt(int64_t i) const
{
    if (i < m_signalStart || i >= m_signalCount)
        return 0.0f; // before the start and after the end the audio is silent
    return m_signal[size_t(i - m_signalStart)];
}

MouthAnalyzer::Pending MouthAnalyzer::analyseFrame(int64_t index)
{
    const std::vector<float> &window = hannWindow();
    const int64_t first = index * kHop - kWindow / 2;
    float raw[kWindow];
    float shaped[kWindow];
    double r0 = 0.0, r1 = 0.0;
    float previous = sampleAt(first - 1);
    for (int i = 0; i < kWindow; ++i) {
        raw[i] = sampleAt(first + i);
        shaped[i] = (raw[i] - kPreEmphasis * previous) * window[size_t(i)];
        previous = raw[i];
        r0 += double(raw[i]) * raw[i];
        if (i > 0)
            r1 += double(raw[i]) * raw[i - 1];
    }
    // Loudness over just the frame's own 10 ms (centred on t), so that the gate shuts where the sound stops
    // rather than half a formant window later.
    double energy = 0.0;
    for (int i = (kWindow - kHop) / 2; i < (kWindow + kHop) / 2; ++i)
        energy += double(raw[i]) * raw[i];
    const float levelDb = float(10.0 * std::log10(energy / kHop + 1e-12));

    // Noise floor: running minimum over the last kFloorWindowFrames frames (monotonic queue).
    while (!m_floorWindow.empty() && m_floorWindow.back().second >= levelDb)
        m_floorWindow.pop_back();
    m_floorWindow.emplace_back(index, levelDb);
    while (m_floorWindow.front().first <= index - kFloorWindowFrames)
        m_floorWindow.pop_front();
    const float floorDb = m_floorWindow.front().second;
    m_peakDb = std::max(levelDb, m_peakDb - kPeakDecayDbPerFrame);

    const float gateDb = std::max({std::min(floorDb + kGateAboveFloorDb, m_peakDb - kGateBelowPeakMinDb),
                                   m_peakDb - kGateBelowPeakMaxDb, kAbsoluteGateDb});
    Pending p;
    if (levelDb <= gateDb)
        return p; // silence
    const float knee = std::clamp((levelDb - gateDb) / kKneeDb, 0.0f, 1.0f);
    p.target = std::min(1.0f, std::pow(10.0f, (levelDb - m_peakDb) / 20.0f * kCompression)) * knee;

    const bool sonorant = r0 > 0.0 && r1 / r0 > kSonorantCorrelation;
    if (sonorant) {
        // The voice's typical pitch, followed slowly so that intonation and the odd octave error barely move it.
        const Pitch pitch = PitchEstimator::estimate(raw, kWindow, kAnalysisRate);
        if (pitch.hz > 0.0f) {
            const float logPitch = std::log(pitch.hz);
            m_speakerLogPitch = m_havePitch ? m_speakerLogPitch + kPitchFollow * (logPitch - m_speakerLogPitch) : logPitch;
            m_havePitch = true;
        }
        const Formants f = m_formants.estimate(shaped, kWindow);
        if (f.valid) {
            p.vowelValid = true;
            const float scale = m_havePitch ? VowelClassifier::speakerScale(std::exp(m_speakerLogPitch)) : 1.0f;
            p.vowel = VowelClassifier::classify(f, scale);
        }
    }
    return p;
}

void MouthAnalyzer::analyseAvailable(int64_t frameLimit)
{
    // A frame can be analysed once its whole window has arrived (or the input has ended).
    while (m_nextAnalysed < frameLimit
           && (m_finished || m_nextAnalysed * kHop + kWindow / 2 <= m_signalCount)) {
        m_pending.push_back(analyseFrame(m_nextAnalysed));
        ++m_nextAnalysed;
    }
    // Keep only the samples that frames still to come can reach.
    const int64_t keepFrom = m_nextAnalysed * kHop - kWindow / 2 - 1;
    if (keepFrom - m_signalStart > 8192) {
        m_signal.erase(m_signal.begin(), m_signal.begin() + (keepFrom - m_signalStart));
        m_signalStart = keepFrom;
    }
}

void MouthAnalyzer::emitReady(std::vector<MouthFrame> &out, int64_t frameLimit)
{
    const float attack = coefficient(kAttackMs), release = coefficient(kReleaseMs), follow = coefficient(kVowelMs);
    while (m_nextEmitted < frameLimit
           && (m_nextEmitted + kLookAheadFrames < m_nextAnalysed || (m_finished && m_nextEmitted < m_nextAnalysed))) {
        const Pending &p = m_pending.front();

        // Close in time for a coming silence: if frames k … kLookAheadFrames ahead are all silent (or so quiet
        // that the mouth would show shut), the mouth may be at most k / (kLookAheadFrames + 1) open. Frames past
        // the end of the input count as silent.
        float cap = 1.0f;
        for (int k = kLookAheadFrames; k >= 0; --k) {
            const size_t ahead = size_t(k);
            const bool silent = ahead >= m_pending.size() || m_pending[ahead].target < kClosedOpenness;
            if (!silent)
                break;
            cap = float(k) / float(kLookAheadFrames + 1);
        }

        const bool wasClosed = m_open < kClosedOpenness;
        m_open += (p.target > m_open ? attack : release) * (p.target - m_open);
        m_open = std::min(m_open, cap);

        if (p.vowelValid) {
            // After a closed mouth the new syllable takes its own vowel at once instead of morphing from the last.
            if (!m_haveVowel || wasClosed) {
                m_vowel = p.vowel;
                m_haveVowel = true;
            } else {
                for (int v = 0; v < MouthFrame::kVowelCount; ++v)
                    m_vowel[size_t(v)] += follow * (p.vowel[size_t(v)] - m_vowel[size_t(v)]);
            }
        }

        MouthFrame frame;
        frame.t = double(m_nextEmitted) * 0.01;
        frame.openness = m_open;
        if (m_haveVowel) {
            const float top = *std::max_element(m_vowel.begin(), m_vowel.end());
            for (int v = 0; v < MouthFrame::kVowelCount; ++v) {
                const float share = std::clamp((m_vowel[size_t(v)] / top - kVowelFloor) / (1.0f - kVowelFloor), 0.0f, 1.0f);
                frame.vowels[size_t(v)] = m_open * share;
            }
        } else {
            // No vowel heard yet: a neutral, slightly open "a".
            frame[Vowel::A] = m_open;
        }
        out.push_back(frame);
        m_pending.pop_front();
        ++m_nextEmitted;
    }
}

void MouthAnalyzer::push(const float *samples, size_t count, std::vector<MouthFrame> &out)
{
    if (m_finished || count == 0)
        return;
    m_inputSamples += int64_t(count);
    m_scratch.clear();
    m_resampler.push(samples, count, m_scratch);
    m_signal.insert(m_signal.end(), m_scratch.begin(), m_scratch.end());
    m_signalCount += int64_t(m_scratch.size());
    analyseAvailable(INT64_MAX);
    emitReady(out, INT64_MAX);
}

void MouthAnalyzer::finish(std::vector<MouthFrame> &out)
{
    if (m_finished)
        return;
    m_scratch.clear();
    m_resampler.finish(m_scratch);
    m_signal.insert(m_signal.end(), m_scratch.begin(), m_scratch.end());
    m_signalCount += int64_t(m_scratch.size());
    m_finished = true;
    // Frames at 0, 10, 20 … ms up to (not including) the end of the input.
    const int64_t rate = m_resampler.inRate();
    const int64_t total = (m_inputSamples * 100 + rate - 1) / rate;
    analyseAvailable(total);
    emitReady(out, total);
}

} // namespace ths
