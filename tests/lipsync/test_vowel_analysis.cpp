// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of the vowel estimate on signals with known answers: LPC formants of a synthetic vowel (a pulse train
// through resonators at chosen frequencies), pitch of harmonic tones, and the prototype classifier.

#include "lipsync/formant_estimator.h"
#include "lipsync/pitch_estimator.h"
#include "lipsync/vowel_classifier.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

using namespace ths;

namespace {

constexpr int kRate = 10000;

// A glottal pulse train at `pitch` through two-pole resonators at f1 and f2 (bandwidths 80 and 100 Hz).
std::vector<float> syntheticVowel(double pitch, double f1, double f2, int length)
{
    std::vector<double> x(size_t(length), 0.0);
    const int period = int(std::lround(kRate / pitch));
    for (int i = 0; i < length; i += period)
        x[size_t(i)] = 1.0;
    auto resonate = [&](double f, double bw) {
        const double r = std::exp(-std::numbers::pi * bw / kRate);
        const double a1 = 2 * r * std::cos(2 * std::numbers::pi * f / kRate), a2 = -r * r;
        double y1 = 0.0, y2 = 0.0;
        for (double &v : x) {
            const double y = v + a1 * y1 + a2 * y2;
            y2 = y1;
            y1 = y;
            v = y;
        }
    };
    resonate(f1, 80.0);
    resonate(f2, 100.0);
    std::vector<float> out;
    for (double v : x)
        out.push_back(float(v * 0.01));
    return out;
}

// The analyser's framing: pre-emphasis and a Hann window.
std::vector<float> shaped(const std::vector<float> &x, int from, int length)
{
    std::vector<float> out(static_cast<size_t>(length));
    for (int i = 0; i < length; ++i) {
        const float w = float(0.5 - 0.5 * std::cos(2 * std::numbers::pi * (i + 0.5) / length));
        out[size_t(i)] = (x[size_t(from + i)] - 0.9f * x[size_t(from + i - 1)]) * w;
    }
    return out;
}

} // namespace

class TestVowelAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formantsOfSyntheticVowels_data()
    {
        QTest::addColumn<double>("pitch");
        QTest::addColumn<double>("f1");
        QTest::addColumn<double>("f2");
        QTest::newRow("a, 110 Hz") << 110.0 << 800.0 << 1250.0;
        QTest::newRow("i, 110 Hz") << 110.0 << 300.0 << 2250.0;
        QTest::newRow("u, 110 Hz (F1, F2 close)") << 110.0 << 330.0 << 800.0;
        QTest::newRow("o, 130 Hz (F1, F2 close)") << 130.0 << 520.0 << 850.0;
        QTest::newRow("e, 220 Hz") << 220.0 << 560.0 << 2200.0;
    }
    void formantsOfSyntheticVowels()
    {
        QFETCH(double, pitch);
        QFETCH(double, f1);
        QFETCH(double, f2);
        const std::vector<float> x = syntheticVowel(pitch, f1, f2, 4000);
        FormantEstimator estimator(kRate, 12);
        // Several frames in a row: the warm-started root search must keep finding them.
        for (int from = 1000; from < 3500; from += 100) {
            const std::vector<float> frame = shaped(x, from, 250);
            const Formants f = estimator.estimate(frame.data(), 250);
            QVERIFY(f.valid);
            // LPC is drawn towards the nearest harmonic, up to half the pitch away; allow that or 10 %.
            const double tolerance1 = std::max(0.1 * f1, pitch / 2), tolerance2 = std::max(0.1 * f2, pitch / 2);
            QVERIFY2(std::abs(f.f1 - f1) < tolerance1 && std::abs(f.f2 - f2) < tolerance2,
                     qPrintable(QStringLiteral("got %1/%2").arg(f.f1).arg(f.f2)));
        }
    }

    void silenceHasNoFormants()
    {
        FormantEstimator estimator(kRate, 12);
        const std::vector<float> zeros(250, 0.0f);
        QVERIFY(!estimator.estimate(zeros.data(), 250).valid);
    }

    void pitchOfHarmonicTones_data()
    {
        QTest::addColumn<double>("pitch");
        for (double p : {80.0, 110.0, 160.0, 220.0, 300.0, 420.0})
            QTest::addRow("%.0f Hz", p) << p;
    }
    void pitchOfHarmonicTones()
    {
        QFETCH(double, pitch);
        // Five harmonics, the second strongest: the shape that tempts an estimator an octave off.
        std::vector<float> x(250);
        for (int i = 0; i < 250; ++i) {
            double v = 0.0;
            for (int h = 1; h <= 5; ++h)
                v += (h == 2 ? 1.0 : 0.5 / h) * std::sin(2 * std::numbers::pi * pitch * h * i / kRate + h);
            x[size_t(i)] = float(0.2 * v);
        }
        const Pitch p = PitchEstimator::estimate(x.data(), 250, kRate);
        QVERIFY2(std::abs(p.hz - pitch) < 0.03 * pitch, qPrintable(QString::number(p.hz)));
        QVERIFY(p.clarity > 0.8f);
    }

    void noiseHasNoPitch()
    {
        QRandomGenerator random(9);
        std::vector<float> x(250);
        for (float &v : x)
            v = float(random.generateDouble() - 0.5);
        QCOMPARE(PitchEstimator::estimate(x.data(), 250, kRate).hz, 0.0f);
    }

    // Each prototype is its own vowel, also when a higher voice shifts all formants up and its pitch says so.
    void prototypesClassifyAsThemselves_data()
    {
        QTest::addColumn<double>("pitch");
        QTest::addColumn<double>("formantScale");
        QTest::newRow("adult male") << 110.0 << 1.0;
        QTest::newRow("adult female") << 220.0 << 1.19;
        QTest::newRow("child") << 300.0 << 1.3;
    }
    void prototypesClassifyAsThemselves()
    {
        QFETCH(double, pitch);
        QFETCH(double, formantScale);
        const float scale = VowelClassifier::speakerScale(float(pitch));
        QVERIFY(std::abs(scale - formantScale) < 0.05);
        for (int v = 0; v < MouthFrame::kVowelCount; ++v) {
            Formants f = VowelClassifier::prototype(Vowel(v));
            QVERIFY(f.valid);
            f.f1 *= float(formantScale);
            f.f2 *= float(formantScale);
            const auto w = VowelClassifier::classify(f, scale);
            QCOMPARE(int(std::max_element(w.begin(), w.end()) - w.begin()), v);
            float sum = 0.0f;
            for (float x : w)
                sum += x;
            QVERIFY(std::abs(sum - 1.0f) < 1e-5f);
        }
    }

    // Vowels that are not among the five fall onto the nearest mouth shape.
    void otherVowels_data()
    {
        QTest::addColumn<double>("f1");
        QTest::addColumn<double>("f2");
        QTest::addColumn<int>("vowel");
        QTest::newRow("English goose [ʉ]") << 365.0 << 1580.0 << int(Vowel::U);
        QTest::newRow("open-mid back [ɔ]") << 600.0 << 900.0 << int(Vowel::O);
        QTest::newRow("near-open front [æ]") << 700.0 << 1700.0 << int(Vowel::A);
        QTest::newRow("near-close [ɪ]") << 390.0 << 1990.0 << int(Vowel::E);
    }
    void otherVowels()
    {
        QFETCH(double, f1);
        QFETCH(double, f2);
        QFETCH(int, vowel);
        const auto w = VowelClassifier::classify({true, float(f1), float(f2)});
        QCOMPARE(int(std::max_element(w.begin(), w.end()) - w.begin()), vowel);
    }
};

QTEST_GUILESS_MAIN(TestVowelAnalysis)
#include "test_vowel_analysis.moc"
