// SPDX-License-Identifier: GPL-3.0-or-later
// The iFacialMocap and VMC parsers: what they accept, every kind of malformed packet they reject (changing nothing),
// and 10,000+ mutated packets each without a crash or a value out of range.

#include "mocap/face_input.h"
#include "mocap/face_stream.h"
#include "mocap/ifacialmocap_converter.h"
#include "mocap/ifacialmocap_packet.h"
#include "mocap/vmc_packet.h"
#include "osc_messages.h"
#include "packet_mutator.h"

#include <QTest>

#include <cmath>

using namespace ths;
using namespace ths::mocap;
using namespace ths::test;

namespace {

QByteArray phonePacket(double blinkL, double jaw, double headX)
{
    QByteArray p;
    for (const char *n : blendshapeNames()) {
        QByteArray name(n);
        if (name.endsWith("Left"))
            name = name.chopped(4) + "_L";
        else if (name.endsWith("Right"))
            name = name.chopped(5) + "_R";
        const double v = name == "eyeBlink_L" ? blinkL : name == "jawOpen" ? jaw : 0.0;
        p += name + '&' + QByteArray::number(v) + '|';
    }
    return p + "=head#" + QByteArray::number(headX) + ",0,0,0.01,0.02,0.03|rightEye#1,2,0|leftEye#1,2,0|";
}

bool inRange(const FaceInput &f)
{
    for (const double v : f.blendshapes)
        if (!(v >= 0 && v <= 1))
            return false;
    for (const double v : f.presets)
        if (!(v >= 0 && v <= 1))
            return false;
    for (const double v : f.head)
        if (!std::isfinite(v) || std::abs(v) > 4 * 3.15)
            return false;
    for (const double v : f.body)
        if (!std::isfinite(v) || std::abs(v) > 4 * 3.15)
            return false;
    return true;
}

QByteArray vmcFrame(float blink, float jaw, float qx)
{
    const float qw = std::sqrt(1.0f - qx * qx);
    return bundle({blendVal("EyeBlinkLeft", blink), blendVal("jawOpen", jaw), blendVal("A", 0.5f), blendVal("Joy", 0.25f),
                   blendApply(), bonePos("Head", qx, 0, 0, qw), bonePos("Neck", 0, 0, 0, 1), bonePos("Spine", 0, 0.1f, 0, std::sqrt(0.99f))});
}

} // namespace

class TestPackets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ifacialmocapV2AndV1()
    {
        FaceInput face;
        ParseResult r = parseIfacialmocapPacket(phonePacket(40, 75, -12.5), &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.frame);
        QCOMPARE(face.blendshape("eyeBlinkLeft"), 0.40);
        QCOMPARE(face.blendshape("jawOpen"), 0.75);
        QVERIFY(std::abs(face.head[0] - (-12.5 * M_PI / 180)) < 1e-12);

        // v1, a part at a time: the rest is kept; unknown names are counted, not applied.
        r = parseIfacialmocapPacket("eyeBlink_R-55|hapihapi-3|mouthSmile_L-20|", &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.unknownNames, 1);
        QCOMPARE(face.blendshape("eyeBlinkRight"), 0.55);
        QCOMPARE(face.blendshape("mouthSmileLeft"), 0.20);
        QCOMPARE(face.blendshape("eyeBlinkLeft"), 0.40);
    }

    void ifacialmocapRejects_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "no blendshape";
        QTest::newRow("only bars") << QByteArray("|||  |") << "no blendshape";
        QTest::newRow("truncated value") << QByteArray("eyeBlink_L&|jawOpen&3|") << "not a finite number";
        QTest::newRow("truncated head") << QByteArray("jawOpen&3|=head#1,2,3,4,5") << "expected 6 numbers";
        QTest::newRow("head has 7") << QByteArray("=head#1,2,3,4,5,6,7|") << "expected 6";
        QTest::newRow("eye has 2") << QByteArray("rightEye#1,2|") << "expected 3";
        QTest::newRow("NaN") << QByteArray("jawOpen&nan|") << "not a finite";
        QTest::newRow("inf") << QByteArray("jawOpen&inf|") << "not a finite";
        QTest::newRow("head inf") << QByteArray("=head#inf,0,0,0,0,0|") << "not a finite";
        QTest::newRow("over 100") << QByteArray("jawOpen&100.5|") << "outside 0…100";
        QTest::newRow("negative") << QByteArray("jawOpen&-1|") << "outside 0…100";
        QTest::newRow("angle out of range") << QByteArray("=head#720,0,0,0,0,0|") << "±360";
        QTest::newRow("two separators") << QByteArray("jawOpen&1&2|") << "not name&value";
        QTest::newRow("no separator") << QByteArray("jawOpen|") << "not name&value";
        QTest::newRow("v1 negative") << QByteArray("jawOpen--3|") << "not name&value";
        QTest::newRow("word") << QByteArray("jawOpen&three|") << "not a finite";
        QTest::newRow("hex") << QByteArray("jawOpen&0x10|") << "not a finite";
        QTest::newRow("not UTF-8") << QByteArray("jawOpen&3|\xff\xfe&1|") << "not UTF-8";
        QTest::newRow("huge") << (QByteArray("jawOpen&3|").repeated(1000)) << "over 8192";
    }

    void ifacialmocapRejects()
    {
        QFETCH(QByteArray, packet);
        QFETCH(QString, reason);
        FaceInput face;
        QVERIFY(parseIfacialmocapPacket(phonePacket(10, 20, 3), &face).ok);
        const FaceInput before = face;
        const ParseResult r = parseIfacialmocapPacket(packet, &face);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(face == before);
    }

    void vmcMessagesAndBundles()
    {
        VmcParser parser;
        FaceInput face;
        // Values wait for their Apply, in separate packets as well.
        ParseResult r = parser.parse(serialise(blendVal("eyeBlinkRight", 0.75f)), &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.frame);
        QCOMPARE(face.blendshape("eyeBlinkRight"), 0.0);
        r = parser.parse(serialise(blendVal("Blink_L", 1.0f)), &face);
        QVERIFY(r.ok);
        r = parser.parse(serialise(blendApply()), &face);
        QVERIFY(r.ok && r.frame);
        QCOMPARE(face.blendshape("eyeBlinkRight"), 0.75);
        QCOMPARE(face.presets[size_t(VrmPreset::BlinkL)], 1.0);
        QVERIFY(face.hasBlendshapes && face.hasPresets && !face.hasHead);

        // A bundle: blendshapes (any case), presets, bones; the head nods 20° down (Unity +X).
        const double half = 10 * M_PI / 180;
        r = parser.parse(bundle({blendVal("JawOpen", 0.5f), blendVal("O", 0.8f), blendVal("MyModelSmirk", 1.0f), blendApply(),
                                 bonePos("Head", float(std::sin(half)), 0, 0, float(std::cos(half))), bonePos("LeftHand", 0, 0, 0, 1)}),
                         &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.unknownNames, 1);
        QVERIFY(std::abs(face.blendshape("jawOpen") - 0.5) < 1e-7);
        QVERIFY(std::abs(face.head[0] - 2 * half) < 1e-6);
        QVERIFY(face.hasHead);
        // The converter: head_x from the nod (as iFacialMocap's x: -20° clamps to… +15° → -1), vowel O raised.
        const Pose pose = convertFace(face, ConverterSettings{});
        QCOMPARE(pose.value(QStringLiteral("head_x_index")), -1.0f);
        QVERIFY(pose.value(QStringLiteral("mouth_ooo_index")) >= 0.8f - 1e-6f);
        QCOMPARE(pose.value(QStringLiteral("eye_wink_left_index")), 1.0f);

        // Yaw and roll, the spine → body; other VMC messages are valid and ignored.
        const double yaw = 6 * M_PI / 180;
        r = parser.parse(bundle({bonePos("Head", 0, float(std::sin(yaw / 2)), 0, float(std::cos(yaw / 2))),
                                 bonePos("Chest", 0, 0, float(std::sin(yaw / 2)), float(std::cos(yaw / 2)))}),
                         &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(std::abs(face.head[1] - (-yaw)) < 1e-6);
        QVERIFY(face.hasBody);
        QVERIFY(std::abs(face.body[1] - (-yaw)) < 1e-6);
        r = parser.parse(serialise({"/VMC/Ext/OK", [](lo_message m) { lo_message_add_int32(m, 1); }}), &face);
        QVERIFY(r.ok && !r.frame);
        // Nested bundles.
        QByteArray inner = bundle({blendVal("mouthSmileLeft", 0.3f), blendApply()});
        QByteArray outer = QByteArray("#bundle\0", 8) + QByteArray(8, '\0');
        outer += char(0) + QByteArray(1, 0) + char(inner.size() >> 8) + char(inner.size() & 0xff);
        outer += inner;
        r = parser.parse(outer, &face);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(std::abs(face.blendshape("mouthSmileLeft") - 0.3) < 1e-7);
    }

    void vmcRejects_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<QString>("reason");
        QTest::newRow("garbage") << QByteArray("hello world!") << "not an OSC";
        QTest::newRow("empty") << QByteArray() << "not an OSC";
        QTest::newRow("truncated") << serialise(blendVal("jawOpen", 0.5f)).chopped(3) << "not an OSC";
        QTest::newRow("bad type tag") << serialise({"/VMC/Ext/Blend/Val", [](lo_message m) {
                                                        lo_message_add_string(m, "jawOpen");
                                                        lo_message_add_int32(m, 1);
                                                    }})
                                      << "expected arguments sf";
        QTest::newRow("too few bone args") << serialise({"/VMC/Ext/Bone/Pos", [](lo_message m) {
                                                             lo_message_add_string(m, "Head");
                                                             lo_message_add_float(m, 1);
                                                         }})
                                           << "expected arguments sfffffff";
        QTest::newRow("NaN blend") << serialise(blendVal("jawOpen", std::nanf(""))) << "outside 0…1";
        QTest::newRow("out of range blend") << serialise(blendVal("jawOpen", 7.0f)) << "outside 0…1";
        QTest::newRow("inf bone") << serialise(bonePos("Head", INFINITY, 0, 0, 1)) << "not finite";
        QTest::newRow("not unit quaternion") << serialise(bonePos("Head", 0.5f, 0.5f, 0.5f, 0.9f)) << "unit quaternion";
        QByteArray b = bundle({blendVal("jawOpen", 0.5f), blendApply()});
        QByteArray oversize = b;
        oversize[16] = char(0x7f);
        QTest::newRow("bundle element too big") << oversize << "does not fit";
        QTest::newRow("bundle cut") << b.left(b.size() - 6) << "";
        QTest::newRow("bundle header only") << QByteArray("#bundle\0\0\0\0", 12) << "shorter than its header";
        QByteArray nested = bundle({blendApply()});
        for (int i = 0; i < 10; ++i) {
            QByteArray wrap = QByteArray("#bundle\0", 8) + QByteArray(8, '\0');
            wrap += char(0) + QByteArray(1, 0) + char(nested.size() >> 8) + char(nested.size() & 0xff);
            nested = wrap + nested;
        }
        QTest::newRow("nested too deep") << nested << "nested deeper";
        QTest::newRow("huge") << QByteArray(70000, '/') << "over 65507";
    }

    void vmcRejects()
    {
        QFETCH(QByteArray, packet);
        QFETCH(QString, reason);
        VmcParser parser;
        FaceInput face;
        QVERIFY(parser.parse(vmcFrame(0.5f, 0.25f, 0.1f), &face).ok);
        const FaceInput before = face;
        // A rejected bundle's values do not wait for a later Apply either.
        const ParseResult r = parser.parse(packet, &face);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(face == before);
        QVERIFY(parser.parse(serialise(blendApply()), &face).ok);
        QVERIFY(face == before);
    }

    // 12,000 mutated packets per parser, through the whole packet path (FaceStream): never a crash, every packet
    // counted as accepted or rejected, the face always in range and the pose finite.
    void fuzz_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("ifacialmocap") << int(SourceKind::IFacialMocap);
        QTest::newRow("vmc") << int(SourceKind::Vmc);
    }

    void fuzz()
    {
        QFETCH(int, kind);
        const auto source = SourceKind(kind);
        QRandomGenerator random(20261206u + quint32(kind));
        PuppeteerSettings settings;
        settings.smoothing = true;
        FaceStream stream(source, settings);
        const int count = 12000;
        quint64 accepted = 0;
        for (int i = 0; i < count; ++i) {
            const QByteArray seed = source == SourceKind::Vmc
                                        ? (i % 3 == 0 ? serialise(blendVal("jawOpen", float(random.generateDouble())))
                                                      : vmcFrame(float(random.generateDouble()), 0.3f, float(random.generateDouble() * 0.5)))
                                        : phonePacket(random.bounded(101), random.bounded(101), random.generateDouble() * 60 - 30);
            const QByteArray packet = i % 10 == 0 ? seed : mutatePacket(seed, random, 4);
            const ParseResult r = stream.feed(packet, i / 60.0);
            if (r.ok)
                ++accepted;
            else
                QVERIFY(!r.error.isEmpty());
            if (const auto face = stream.face())
                QVERIFY2(inRange(*face), qPrintable(QStringLiteral("packet %1").arg(i)));
            if (const auto pose = stream.pose())
                for (const float v : pose->values())
                    QVERIFY(std::isfinite(v));
        }
        QCOMPARE(stream.packets(), quint64(count));
        QCOMPARE(stream.packets() - stream.rejected(), accepted);
        qInfo("%d packets: %llu accepted, %llu rejected", count, accepted, stream.rejected());
        QVERIFY(accepted >= quint64(count / 10));
        QVERIFY(stream.rejected() > quint64(count / 10));
    }
};

QTEST_GUILESS_MAIN(TestPackets)
#include "test_packets.moc"
