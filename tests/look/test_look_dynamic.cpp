// SPDX-License-Identifier: GPL-3.0-or-later
// The filters that move, with a seeded random source: which rows they touch, how far, how often, on the
// normalised frame clock (25 per second whatever the frame rate), with per-name state.
#include "look/filter_catalog.h"
#include "look/linear_frame.h"
#include "look/postprocessor.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace ths::look;

namespace {

LookChain chainOf(const char *text)
{
    QString error;
    auto chain = parseChain(QJsonDocument::fromJson(text).array(), &error);
    if (!chain)
        qFatal("%s", qPrintable(error));
    return *chain;
}

LinearFrame uniform(int w, int h, float r, float g, float b, float a)
{
    LinearFrame f{w, h, std::vector<float>(size_t(w) * h * 4)};
    for (size_t i = 0; i < f.rgba.size(); i += 4) {
        f.rgba[i] = r, f.rgba[i + 1] = g, f.rgba[i + 2] = b, f.rgba[i + 3] = a;
    }
    return f;
}

// Red rises linearly from 0 at the left to 1 at the right: a row's horizontal shift is readable from it.
LinearFrame rampX(int w, int h)
{
    LinearFrame f = uniform(w, h, 0, 0.5f, 0.5f, 1);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            f.row(y)[4 * x] = float(x) / float(w - 1);
    return f;
}

// How many pixels to the right row y's content moved (from the ramp's middle, away from the clamped edges).
double shiftOf(const LinearFrame &f, int y)
{
    const int x = f.width / 2;
    return x - f.row(y)[4 * x] * (f.width - 1);
}

// Equal up to the rounding of bilinear weights that add up to 1.
bool rowsEqual(const LinearFrame &a, const LinearFrame &b, int y)
{
    return std::equal(a.row(y), a.row(y) + a.width * 4, b.row(y), [](float u, float v) { return std::abs(u - v) < 1e-6f; });
}

} // namespace

class TestLookDynamic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Noise is redrawn when the normalised frame number's integer part advances, not on every apply.
    void noiseFollowsTheNormalisedFrameClock()
    {
        Postprocessor post(7);
        post.setChain(chainOf(R"([["alphanoise",{"magnitude":1.0}]])"));
        auto alphaAt = [&](double seconds) {
            LinearFrame f = uniform(16, 8, 0.5f, 0.5f, 0.5f, 1);
            post.apply(f, seconds);
            std::vector<float> a;
            for (size_t i = 3; i < f.rgba.size(); i += 4)
                a.push_back(f.rgba[i]);
            return a;
        };
        const auto a0 = alphaAt(0.0);
        QCOMPARE(alphaAt(0.01), a0);  // frame 0.25
        QCOMPARE(alphaAt(0.039), a0); // frame 0.975
        const auto a1 = alphaAt(0.04); // frame 1
        QVERIFY(a1 != a0);
        QCOMPARE(alphaAt(0.05), a1);
        double mean = 0;
        for (float v : a1) {
            QVERIFY(v >= 0 && v < 1);
            mean += v / a1.size();
        }
        QVERIFY(mean > 0.3 && mean < 0.7);
    }

    // Named filters keep their own state, also across chain changes; a seed replays the same frames.
    void stateIsPerName()
    {
        auto alpha = [](Postprocessor &post, const char *chain, double seconds) {
            post.setChain(chainOf(chain));
            LinearFrame f = uniform(16, 8, 0.5f, 0.5f, 0.5f, 1);
            post.apply(f, seconds);
            return f.rgba;
        };
        Postprocessor post(3);
        const auto a = alpha(post, R"([["alphanoise",{"magnitude":1.0,"name":"a"}]])", 0.0);
        const auto b = alpha(post, R"([["alphanoise",{"magnitude":1.0,"name":"b"}]])", 0.01);
        QVERIFY(a != b);
        QCOMPARE(alpha(post, R"([["alphanoise",{"magnitude":1.0,"name":"a"}]])", 0.02), a);
        Postprocessor again(3);
        QCOMPARE(alpha(again, R"([["alphanoise",{"magnitude":1.0,"name":"a"}]])", 0.0), a);
    }

    // lumanoise scales the luminance only: chroma (B − Y, R − Y) and alpha stay.
    void lumanoiseKeepsColour()
    {
        Postprocessor post(5);
        post.setChain(chainOf(R"([["lumanoise",{"magnitude":0.5}]])"));
        LinearFrame f = uniform(16, 8, 0.6f, 0.4f, 0.3f, 0.7f);
        post.apply(f, 0.0);
        bool changed = false;
        for (size_t i = 0; i < f.rgba.size(); i += 4) {
            const float *p = &f.rgba[i];
            const float y = 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
            const float y0 = 0.2126f * 0.6f + 0.7152f * 0.4f + 0.0722f * 0.3f;
            QVERIFY(std::abs((p[2] - y) - (0.3f - y0)) < 1e-5f);
            QVERIFY(std::abs((p[0] - y) - (0.6f - y0)) < 1e-5f);
            QCOMPARE(p[3], 0.7f);
            QVERIFY(y >= 0.5f * y0 - 1e-5f && y <= y0 + 1e-5f);
            changed = changed || std::abs(y - y0) > 0.01f;
        }
        QVERIFY(changed);
    }

    // Glitch bands: 0 … max_glitches − 1 bands of min … max − 1 rows, RGB only, held for hold frames.
    void vhsGlitchesTouchBandsOfRowsAndHold()
    {
        Postprocessor post(11);
        post.setChain(chainOf(R"([["analog_vhsglitches",{"strength":0.5,"unboost":0,"max_glitches":2,
                                  "min_glitch_height":3,"max_glitch_height":6,"hold_min":2,"hold_max":2}]])"));
        const LinearFrame input = uniform(32, 64, 0.4f, 0.4f, 0.4f, 0.8f);
        std::vector<std::vector<int>> patterns;
        for (int frame = 0; frame < 40; ++frame) {
            LinearFrame f = input;
            post.apply(f, frame / 25.0);
            std::vector<int> changed;
            for (int y = 0; y < f.height; ++y) {
                const float *p = f.row(y);
                bool rowChanged = false;
                for (int x = 0; x < f.width; ++x) {
                    QCOMPARE(p[4 * x + 3], 0.8f); // alpha kept
                    QVERIFY(p[4 * x] >= 0.2f - 1e-6f && p[4 * x] <= 0.7f + 1e-6f); // (1−s)·0.4 + s·noise
                    QCOMPARE(p[4 * x], p[4 * x + 1]); // grey noise
                    rowChanged = rowChanged || p[4 * x] != 0.4f;
                }
                if (rowChanged)
                    changed.push_back(y);
            }
            // unboost 0: always int(2·1) = 2 bands, 3…5 rows each: 3 … 10 rows, in at most two runs.
            QVERIFY2(changed.size() >= 3 && changed.size() <= 10, qPrintable(QString::number(changed.size())));
            int runs = 1;
            for (size_t i = 1; i < changed.size(); ++i)
                runs += changed[i] != changed[i - 1] + 1;
            QVERIFY(runs <= 2);
            patterns.push_back(changed);
        }
        // hold 2: frames 2k and 2k+1 show the same pattern, and the patterns change.
        int changes = 0;
        for (size_t i = 0; i + 1 < patterns.size(); i += 2) {
            QCOMPARE(patterns[i + 1], patterns[i]);
            changes += i + 2 < patterns.size() && patterns[i + 2] != patterns[i];
        }
        QVERIFY(changes >= 15);
    }

    // How often: with unboost 1 and max_glitches 3, a new pattern has glitches when 3u ≥ 1 (two times in three).
    void vhsGlitchesAppearAsOftenAsTheFormulaSays()
    {
        Postprocessor post(13);
        post.setChain(chainOf(R"([["analog_vhsglitches",{"unboost":1,"hold_min":1,"hold_max":1}]])"));
        const LinearFrame input = uniform(16, 32, 0.4f, 0.4f, 0.4f, 1);
        int withGlitches = 0;
        constexpr int kFrames = 600;
        for (int frame = 0; frame < kFrames; ++frame) {
            LinearFrame f = input;
            post.apply(f, frame / 25.0);
            withGlitches += f.rgba != input.rgba;
        }
        const double share = double(withGlitches) / kFrames;
        QVERIFY2(share > 0.6 && share < 0.73, qPrintable(QString::number(share)));
    }

    // shift_distort moves whole bands of rows right by strength·W/2 pixels; the others stay where they were.
    void shiftDistortMovesBandsSideways()
    {
        Postprocessor post(17);
        post.setChain(chainOf(R"([["shift_distort",{"strength":0.125,"unboost":0,"max_glitches":2,
                                  "min_glitch_height":4,"max_glitch_height":9}]])"));
        const LinearFrame input = rampX(65, 96);
        for (int frame = 0; frame < 10; ++frame) {
            LinearFrame f = input;
            post.apply(f, frame / 25.0);
            int shifted = 0;
            for (int y = 0; y < f.height; ++y) {
                const double s = shiftOf(f, y);
                // 0.125 × 65 / 2 = 4.06 px, or twice that where two bands overlap; the original's sampling grid
                // stretches by W/(W−1), a few hundredths of a pixel.
                const bool one = std::abs(s - 4.0625) < 0.1, two = std::abs(s - 8.125) < 0.1, none = std::abs(s) < 0.1;
                QVERIFY2(one || two || none, qPrintable(QStringLiteral("row %1 shifted %2").arg(y).arg(s)));
                shifted += !none;
            }
            QVERIFY(shifted >= 4 && shifted <= 16);
        }
    }

    // The three waves of analog_badhsync add up (the original kept only the last).
    void badHsyncWavesAddUp()
    {
        Postprocessor post(1);
        post.setChain(chainOf(R"([["analog_badhsync",{"speed":8,"amplitude1":0.02,"density1":1,
                                  "amplitude2":0.02,"density2":2,"amplitude3":0.02,"density3":3}]])"));
        LinearFrame f = rampX(129, 64);
        const double frameNo = 10.0;
        post.apply(f, frameNo / 25.0);
        const double cycle = frameNo / 64 * 8 - std::trunc(frameNo / 64 * 8);
        const double c = 2 * (1 - cycle);
        double worst = 0;
        for (int y = 4; y < 60; ++y) {
            const double gy = -1 + 2.0 * y / 63;
            double dx = 0;
            for (int k = 1; k <= 3; ++k)
                dx += 0.02 * std::sin(k * (gy + c) * std::numbers::pi);
            // Reading at x + dx moves the content left by dx·W/2 pixels.
            worst = std::max(worst, std::abs(shiftOf(f, y) + dx * 129 / 2));
        }
        QVERIFY2(worst < 0.1, qPrintable(QString::number(worst)));
    }

    // Tracking: the bottom int(offset/2·H) + int(base/2·H) rows become grey noise in all four channels.
    void vhsTrackingNoiseBandAtTheBottom()
    {
        Postprocessor post(19);
        post.setChain(chainOf(R"([["analog_vhstracking",{"base_offset":0.25,"max_dynamic_offset":0.1,"speed":2.5}]])"));
        const LinearFrame input = uniform(32, 64, 0.3f, 0.5f, 0.7f, 1);
        for (double frameNo : {0.0, 3.0, 6.4, 12.8, 20.0}) {
            LinearFrame f = input;
            post.apply(f, frameNo / 25.0);
            const double cycle = 2 * (frameNo / 64 * 2.5 - std::trunc(frameNo / 64 * 2.5));
            const double offset = 0.1 * std::sin(cycle * std::numbers::pi);
            const int rows = int(offset / 2 * 64) + int(0.25 / 2 * 64);
            for (int y = 0; y < 64; ++y) {
                const float *p = f.row(y);
                if (y < 64 - rows) {
                    QVERIFY2(rowsEqual(f, input, y), qPrintable(QStringLiteral("row %1 at frame %2").arg(y).arg(frameNo)));
                    continue;
                }
                bool varies = false;
                for (int x = 0; x < 32; ++x) {
                    QCOMPARE(p[4 * x + 1], p[4 * x]);
                    QCOMPARE(p[4 * x + 3], p[4 * x]);
                    varies = varies || p[4 * x] != p[0];
                }
                QVERIFY(varies);
            }
        }
    }

    // Scanlines flip every 1/25 s of the look's clock, at any render rate.
    void scanlinesFlipOnTheNormalisedClock()
    {
        for (double fps : {12.0, 25.0, 60.0}) {
            Postprocessor post(1);
            post.setChain(chainOf(R"([["scanlines",{"channel":"A"}]])"));
            for (int i = 0; i < int(fps); ++i) {
                const double seconds = i / fps;
                LinearFrame f = uniform(4, 6, 0.5f, 0.5f, 0.5f, 1);
                post.apply(f, seconds);
                const int start = int(std::trunc(25 * seconds)) % 2;
                for (int y = 0; y < 6; ++y)
                    QCOMPARE(f.row(y)[3], (y - start) % 2 == 0 && y >= start ? 0.5f : 1.0f);
            }
        }
    }

    // Banding travels down: the brightest row moves by speed/H of the image per normalised frame.
    void bandingTravelsDown()
    {
        Postprocessor post(1);
        post.setChain(chainOf(R"([["banding",{"strength":0.5,"density":1,"speed":16}]])"));
        auto brightestRow = [&](double frameNo) {
            LinearFrame f = uniform(2, 256, 0.5f, 0.5f, 0.5f, 1);
            post.apply(f, frameNo / 25.0);
            int best = 0;
            for (int y = 0; y < 256; ++y)
                best = f.row(y)[0] > f.row(best)[0] ? y : best;
            return best;
        };
        const int a = brightestRow(0.5), b = brightestRow(2.5);
        // sin²(y' + (1 − 16·frame/256)·π) peaks where y' = π/2 + 16·frame/256·π: 2 frames later, 32 rows × 255/256 lower.
        QVERIFY2(std::abs((b - a) - 32) <= 1, qPrintable(QStringLiteral("%1 → %2").arg(a).arg(b)));
    }

    // desaturate with bandpass_q keeps hues near the reference colour (the original raised instead).
    void desaturateBandpassKeepsTheReferenceHue()
    {
        Postprocessor post(1);
        post.setChain(chainOf(R"([["desaturate",{"strength":1,"bandpass_reference_rgb":[1,0,0],"bandpass_q":0.3}]])"));
        LinearFrame f = uniform(3, 1, 0, 0, 0, 1);
        const float colours[3][3] = {{0.8f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.8f, 0.3f, 0.1f}};
        for (int x = 0; x < 3; ++x)
            std::copy(colours[x], colours[x] + 3, f.row(0) + 4 * x);
        post.apply(f, 0);
        const float *p = f.row(0);
        // Pure red hue: kept exactly.
        QCOMPARE(p[0], 0.8f);
        QCOMPARE(p[1], 0.1f);
        // Green (a third of the circle away, distance 0.67 > q): fully grey.
        QCOMPARE(p[4], p[5]);
        QCOMPARE(p[5], p[6]);
        // Orange (hue ≈ 0.06 from red, distance ≈ 0.12 < q): partly kept, still more red than green.
        QVERIFY(p[8] > p[9] && p[9] > p[10]);
        QVERIFY(p[8] < 0.8f);
    }
};

QTEST_GUILESS_MAIN(TestLookDynamic)
#include "test_look_dynamic.moc"
