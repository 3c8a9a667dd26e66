// SPDX-License-Identifier: GPL-3.0-or-later
// The converter and the iFacialMocap parser against the original THA3 puppeteer: every fixture case is a packet that
// the original parsed and converted (tests/mocap/data/make_converter_fixtures.py); we parse and convert the same text
// and compare all 45 parameters within 1e-4.

#include "mocap/face_input.h"
#include "mocap/ifacialmocap_converter.h"
#include "mocap/ifacialmocap_packet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ths;
using namespace ths::mocap;

namespace {

QString phoneName(const QString &name)
{
    if (name.endsWith(QLatin1String("Left")))
        return name.chopped(4) + QLatin1String("_L");
    if (name.endsWith(QLatin1String("Right")))
        return name.chopped(5) + QLatin1String("_R");
    return name;
}

// The packet text the oracle built: all 52 names in order, then the head and both eyes.
QByteArray packetOf(const QJsonObject &c)
{
    const bool v2 = c[QStringLiteral("version")].toInt() == 2;
    const QJsonObject values = c[QStringLiteral("values")].toObject();
    QStringList parts;
    for (const char *n : blendshapeNames()) {
        const QString name = QString::fromLatin1(n);
        parts << phoneName(name) + (v2 ? QLatin1Char('&') : QLatin1Char('-')) + values.value(name).toString(QStringLiteral("0"));
    }
    QStringList head;
    for (const QJsonValue v : c[QStringLiteral("head")].toArray())
        head << v.toString();
    const QString angles = head.mid(0, 3).join(QLatin1Char(','));
    return (parts.join(QLatin1Char('|')) + QStringLiteral("|=head#%1|rightEye#%2|leftEye#%2|").arg(head.join(QLatin1Char(',')), angles)).toUtf8();
}

} // namespace

class TestConverter : public QObject
{
    Q_OBJECT

private:
    QJsonArray m_cases;
    QStringList m_poseNames;

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(THS_TEST_DATA_DIR "/converter_fixtures.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        m_cases = root[QStringLiteral("cases")].toArray();
        for (const QJsonValue v : root[QStringLiteral("pose_names")].toArray())
            m_poseNames << v.toString();
        QVERIFY(m_cases.size() > 400);
        QCOMPARE(m_poseNames.size(), Pose::kCount);
        // The original's names are ours without the "_index" suffix.
        for (int i = 0; i < Pose::kCount; ++i)
            QCOMPARE(Pose::names()[i].remove(QLatin1String("_index")), m_poseNames[i]);
        QStringList names;
        for (const QJsonValue v : root[QStringLiteral("blendshape_names")].toArray())
            names << v.toString();
        QCOMPARE(names.size(), kBlendshapeCount);
        for (int i = 0; i < kBlendshapeCount; ++i)
            QCOMPARE(names[i], QString::fromLatin1(blendshapeNames()[size_t(i)]));
    }

    // Every parameter of every case within 1e-4 of the original, except the vowels of the few open mouths where the
    // original's optimiser stopped early: there our fit must be at least as good (its loss no higher) and the rest of
    // the pose must still agree.
    void matchesTheOriginal()
    {
        int compared = 0, earlyStops = 0, vowelFits = 0;
        const int vowels[] = {Pose::indexOf(QStringLiteral("mouth_aaa_index")), Pose::indexOf(QStringLiteral("mouth_iii_index")),
                              Pose::indexOf(QStringLiteral("mouth_uuu_index")), Pose::indexOf(QStringLiteral("mouth_ooo_index"))};
        for (int n = 0; n < m_cases.size(); ++n) {
            const QJsonObject c = m_cases[n].toObject();
            const QByteArray packet = packetOf(c);
            FaceInput face;
            const ParseResult parsed = parseIfacialmocapPacket(packet, &face);
            QVERIFY2(parsed.ok, qPrintable(QStringLiteral("case %1: %2").arg(n).arg(parsed.error)));
            QCOMPARE(parsed.unknownNames, 0);
            QString error;
            const auto settings = ConverterSettings::fromJson(c[QStringLiteral("settings")].toObject(), &error);
            QVERIFY2(settings, qPrintable(error));
            std::optional<double> breathing;
            if (c.contains(QStringLiteral("breathing_seconds")))
                breathing = c[QStringLiteral("breathing_seconds")].toDouble();
            const Pose pose = convertFace(face, *settings, breathing);
            const QJsonArray expected = c[QStringLiteral("pose")].toArray();

            bool earlyStop = false;
            if (c.contains(QStringLiteral("mouth_fit"))) {
                ++vowelFits;
                const QJsonObject fit = c[QStringLiteral("mouth_fit")].toObject();
                earlyStop = fit[QStringLiteral("loss")].toDouble() - fit[QStringLiteral("optimum_loss")].toDouble() > 1e-7;
                earlyStops += earlyStop;
            }
            for (int i = 0; i < Pose::kCount; ++i) {
                const bool vowel = std::find(std::begin(vowels), std::end(vowels), i) != std::end(vowels);
                if (earlyStop && vowel)
                    continue;
                const double want = expected[i].toDouble();
                if (std::abs(pose[i] - want) > 1e-4)
                    QFAIL(qPrintable(QStringLiteral("case %1, %2: ours %3, the original %4\npacket: %5")
                                         .arg(n).arg(Pose::names()[i]).arg(pose[i]).arg(want).arg(QString::fromUtf8(packet.left(300)))));
                ++compared;
            }
        }
        qInfo("%d parameters compared, %d vowel fits, %d where the original stopped early", compared, vowelFits, earlyStops);
        QVERIFY(vowelFits > 200);
        QVERIFY(earlyStops < vowelFits / 10);
    }

    // Where the original stopped early, our fit is better: the loss of our vowels is the oracle's optimum.
    void vowelFitIsTheOptimum()
    {
        int checked = 0;
        for (const QJsonValue v : m_cases) {
            const QJsonObject c = v.toObject();
            if (!c.contains(QStringLiteral("mouth_fit")))
                continue;
            FaceInput face;
            QVERIFY(parseIfacialmocapPacket(packetOf(c), &face).ok);
            ConverterSettings s;
            const double open = std::clamp((face.blendshape("jawOpen") - s.jawOpenMin) / (s.jawOpenMax - s.jawOpenMin), 0.0, 1.0);
            const std::array<double, 4> point = {open, std::clamp(face.blendshape("mouthLowerDownLeft") + face.blendshape("mouthLowerDownRight"), 0.0, 1.0),
                                                 face.blendshape("mouthFunnel"), face.blendshape("mouthPucker")};
            const QJsonObject fit = c[QStringLiteral("mouth_fit")].toObject();
            const double ours = mouthFitLoss(point, fitMouthVowels(point));
            QVERIFY2(std::abs(ours - fit[QStringLiteral("optimum_loss")].toDouble()) < 1e-9,
                     qPrintable(QStringLiteral("ours %1, optimum %2").arg(ours).arg(fit[QStringLiteral("optimum_loss")].toDouble())));
            QVERIFY(ours <= fit[QStringLiteral("loss")].toDouble() + 1e-12);
            ++checked;
        }
        QVERIFY(checked > 200);
    }

    void settingsRoundTripAndErrors()
    {
        ConverterSettings s;
        s.eyebrowDownMode = EyebrowDownMode::Serious;
        s.winkMode = WinkMode::Relaxed;
        s.jawOpenMax = 0.55;
        QString error;
        QCOMPARE(ConverterSettings::fromJson(s.toJson(), &error), s);
        QVERIFY(!ConverterSettings::fromJson(QJsonObject{{QStringLiteral("wink_mode"), QStringLiteral("sleepy")}}, &error));
        QVERIFY(error.contains(QLatin1String("wink_mode")));
        QVERIFY(!ConverterSettings::fromJson(QJsonObject{{QStringLiteral("jaw_open_min_value"), 0.5}}, &error));
        QVERIFY(error.contains(QLatin1String("jaw_open_max_value")));
        QVERIFY(!ConverterSettings::fromJson(QJsonObject{{QStringLiteral("eye_wink_max_value"), QStringLiteral("1")}}, &error));
        QVERIFY(error.contains(QLatin1String("eye_wink_max_value")));
        QVERIFY(!ConverterSettings::fromJson(QJsonObject{{QStringLiteral("colour"), 1}}, &error));
        QVERIFY(error.contains(QLatin1String("colour")));
    }
};

QTEST_GUILESS_MAIN(TestConverter)
#include "test_converter.moc"
