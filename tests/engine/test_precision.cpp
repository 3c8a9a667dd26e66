// SPDX-License-Identifier: GPL-3.0-or-later
// The arithmetic a poser computes in: bf16 on CPUs that have it stays within its error budget against fp32 with the
// real weights on the example characters (mean ≤ 0.5 levels, 99.9th percentile ≤ 8), the automatic choice, and the
// messages for precisions the machine cannot compute.

#include "engine/poser.h"
#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace ths;

namespace {

const QString kModels = QStringLiteral(THS_MODELS_DIR);

// Varied poses: every parameter at a random value in its range, half of them scaled down (milder expressions).
std::vector<Pose> variedPoses(int count)
{
    QRandomGenerator rng(2024);
    std::vector<Pose> poses{Pose()};
    while (int(poses.size()) < count) {
        Pose pose;
        const double scale = poses.size() % 2 ? 1.0 : 0.5;
        for (int i = 0; i < Pose::kCount; ++i) {
            const auto &p = Pose::parameters()[i];
            pose[i] = float((p.minimum + (p.maximum - p.minimum) * rng.generateDouble()) * scale);
        }
        poses.push_back(pose);
    }
    return poses;
}

PoserOptions optionsWith(tha3::Precision precision)
{
    PoserOptions options;
    options.modelsDir = kModels;
    options.precision = precision;
    return options;
}

} // namespace

class TestPrecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
    }

    void bf16StaysWithinItsBudget_data()
    {
        QTest::addColumn<QString>("character");
        for (const char *name : {"lambda_00.png", "lambda_01.png", "crypko_00.png"})
            QTest::newRow(name) << QStringLiteral(THS_IMAGES_DIR "/") + QLatin1String(name);
    }
    void bf16StaysWithinItsBudget()
    {
        QFETCH(QString, character);
        if (!tha3::cpuHasBf16())
            QSKIP("this CPU has no bf16 arithmetic (AVX512-BF16 or AMX)");
        if (!QFile::exists(character))
            QSKIP("example character not installed");
        Poser fp32(optionsWith(tha3::Precision::Float32)), bf16(optionsWith(tha3::Precision::BFloat16));
        QCOMPARE(bf16.precision(), tha3::Precision::BFloat16);
        const QImage image(character);
        std::vector<int> diffs; // every channel of every pixel of every pose
        double sum = 0;
        const auto poses = variedPoses(20);
        for (const Pose &pose : poses) {
            const QImage a = fp32.render(image, pose), b = bf16.render(image, pose);
            for (int y = 0; y < 512; ++y) {
                const uchar *pa = a.constScanLine(y), *pb = b.constScanLine(y);
                for (int i = 0; i < 512 * 4; ++i) {
                    const int d = std::abs(int(pa[i]) - int(pb[i]));
                    diffs.push_back(d);
                    sum += d;
                }
            }
        }
        const double mean = sum / double(diffs.size());
        const size_t rank = size_t(double(diffs.size()) * 0.999);
        std::nth_element(diffs.begin(), diffs.begin() + rank, diffs.end());
        const int p999 = diffs[rank];
        qInfo("bf16 against fp32 over %zu poses: mean %.4f levels, 99.9th percentile %d", poses.size(), mean, p999);
        QVERIFY2(mean <= 0.5, qPrintable(QStringLiteral("mean %1").arg(mean)));
        QVERIFY2(p999 <= 8, qPrintable(QStringLiteral("99.9th percentile %1").arg(p999)));
    }

    void automaticChoice()
    {
        Poser automatic(optionsWith(tha3::Precision::Auto));
        QCOMPARE(automatic.precision(), tha3::cpuHasBf16() ? tha3::Precision::BFloat16 : tha3::Precision::Float32);
        PoserOptions exact = optionsWith(tha3::Precision::Auto);
        exact.exactOps = true; // exact mode promises the original's fp32 bits
        QCOMPARE(Poser(exact).precision(), tha3::Precision::Float32);
    }

    void unavailablePrecisionsFallBackWithANotice()
    {
        Poser fp16(optionsWith(tha3::Precision::Float16)); // fp16 needs CUDA
        QCOMPARE(fp16.precision(), tha3::Precision::Float32);
        QVERIFY2(fp16.notices().join(QLatin1Char('\n')).contains(QStringLiteral("fp16 needs a CUDA device")),
                 qPrintable(fp16.notices().join(QLatin1Char('\n'))));
        if (!tha3::cpuHasBf16()) {
            Poser bf16(optionsWith(tha3::Precision::BFloat16));
            QCOMPARE(bf16.precision(), tha3::Precision::Float32);
            QVERIFY(bf16.notices().join(QLatin1Char('\n')).contains(QStringLiteral("no bf16 arithmetic")));
        }
        QCOMPARE(parsePrecision(QStringLiteral("bf16")), std::optional(tha3::Precision::BFloat16));
        QCOMPARE(parsePrecision(QStringLiteral("float64")), std::nullopt);
    }
};

QTEST_MAIN(TestPrecision)
#include "test_precision.moc"
