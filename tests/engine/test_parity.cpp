// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end parity with the original THA3 code: every pose in $THS_PARITY_DIR/poses rendered with the fixture
// weights on the fixture image must be within max 3 and mean 0.25 levels of the original's 8-bit output.

#include "engine/poser.h"

#include <QDir>
#include <QImage>
#include <QTest>

#include <cmath>

using namespace ths;

class TestParity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void separableFloat()
    {
        const QString dir = qEnvironmentVariable("THS_PARITY_DIR");
        if (dir.isEmpty() || !QDir(dir).exists(QStringLiteral("expected/separable_float")))
            QSKIP("parity fixtures not available: set THS_PARITY_DIR to shared/parity (.ci/run does)");
        PoserOptions options;
        options.modelsDir = dir + QStringLiteral("/models");
        options.threads = 2; // the fixtures were made with 2 threads; depthwise convolutions depend on the count
        Poser poser(options);
        const QImage input(dir + QStringLiteral("/input.png"));
        QVERIFY(!input.isNull());
        poser.setImage(input);

        const QStringList poses = QDir(dir + QStringLiteral("/poses")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(poses.size() >= 8);
        for (const QString &file : poses) {
            QString error;
            const auto pose = Pose::fromFile(dir + QStringLiteral("/poses/") + file, &error);
            QVERIFY2(pose, qPrintable(error));
            const QImage actual = poser.render(*pose);
            const QImage expected = QImage(dir + QStringLiteral("/expected/separable_float/") + QString(file).replace(QStringLiteral(".json"), QStringLiteral(".png")))
                                        .convertToFormat(QImage::Format_RGBA8888);
            QCOMPARE(actual.size(), expected.size());
            int maxDiff = 0;
            double sum = 0;
            for (int y = 0; y < actual.height(); ++y) {
                const uchar *a = actual.constScanLine(y), *e = expected.constScanLine(y);
                for (int x = 0; x < actual.width() * 4; ++x) {
                    const int d = std::abs(int(a[x]) - int(e[x]));
                    maxDiff = std::max(maxDiff, d);
                    sum += d;
                }
            }
            const double mean = sum / (actual.width() * actual.height() * 4.0);
            qInfo("%s: max %d mean %.4f", qPrintable(file), maxDiff, mean);
            QVERIFY2(maxDiff <= 3 && mean <= 0.25, qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestParity)
#include "test_parity.moc"
