// SPDX-License-Identifier: GPL-3.0-or-later
// The deterministic filters against the original postprocessor: data/make_look_fixtures.py ran the original on a
// fixed 32×24 frame (static filters with default and tuned parameters; dynamic ones at fixed frame numbers where
// no randomness is involved) and stored its output. Ours must match within one 8-bit level after encoding (sRGB
// for colour, linear for alpha), the encoding a viewer sees.
#include "look/filter_catalog.h"
#include "look/linear_frame.h"
#include "look/postprocessor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace ths::look;

namespace {

const QString kData = QStringLiteral(THS_TEST_DATA_DIR "/");

std::vector<float> readFloats(const QString &file, size_t count)
{
    QFile f(kData + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (size_t(bytes.size()) != count * 4)
        return {};
    std::vector<float> v(count);
    std::memcpy(v.data(), bytes.constData(), bytes.size());
    return v;
}

int level(float v, int channel)
{
    return channel == 3 ? int(std::lrint(std::clamp(v, 0.0f, 1.0f) * 255.0f)) : linearToSrgb(v);
}

} // namespace

class TestLookParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheOriginal_data()
    {
        QFile f(kData + QStringLiteral("cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
        QTest::addColumn<QJsonArray>("chain");
        QTest::addColumn<double>("frameNo");
        QTest::addColumn<QString>("file");
        const QJsonArray cases = manifest.value("cases").toArray();
        QVERIFY(cases.size() >= 20);
        for (const QJsonValue &c : cases) {
            const QJsonObject o = c.toObject();
            QTest::newRow(qPrintable(o.value("name").toString()))
                << o.value("chain").toArray() << o.value("frame_no").toDouble() << o.value("file").toString();
        }
    }

    void matchesTheOriginal()
    {
        QFETCH(QJsonArray, chain);
        QFETCH(double, frameNo);
        QFETCH(QString, file);
        constexpr int w = 32, h = 24;
        const size_t count = size_t(w) * h * 4;
        const std::vector<float> input = readFloats(QStringLiteral("input.f32"), count);
        const std::vector<float> expected = readFloats(file, count);
        QVERIFY(!input.empty() && !expected.empty());

        QString error;
        auto parsed = parseChain(chain, &error);
        QVERIFY2(parsed, qPrintable(error));
        Postprocessor post(1);
        post.setChain(*parsed);
        LinearFrame frame{w, h, input};
        post.apply(frame, frameNo / 25.0);

        int worst = 0;
        float worstLinear = 0;
        for (size_t i = 0; i < count; ++i) {
            const int c = int(i % 4);
            worst = std::max(worst, std::abs(level(frame.rgba[i], c) - level(expected[i], c)));
            worstLinear = std::max(worstLinear, std::abs(frame.rgba[i] - expected[i]));
        }
        QVERIFY2(worst <= 1, qPrintable(QStringLiteral("%1 levels apart (linear %2)").arg(worst).arg(worstLinear)));
        // Float rounding only: far below a level anywhere.
        QVERIFY2(worstLinear < 2e-4f, qPrintable(QStringLiteral("linear difference %1").arg(worstLinear)));
        // The case changes something (a fixture equal to its input would prove nothing).
        float change = 0;
        for (size_t i = 0; i < count; ++i)
            change = std::max(change, std::abs(expected[i] - input[i]));
        QVERIFY(change > 0.01f);
    }
};

QTEST_GUILESS_MAIN(TestLookParity)
#include "test_look_parity.moc"
