// SPDX-License-Identifier: GPL-3.0-or-later
// The puppeteer over real loopback sockets: a simulated iFacialMocap phone (answers the start string, streams v2), a
// VMC sender through liblo (messages and bundles), tracking lost and resumed, bad packets on the wire, a port in
// use, and record → replay giving the same pose sequence.

#include "mocap/face_stream.h"
#include "mocap/ifacialmocap_converter.h"
#include "mocap/puppeteer.h"
#include "mocap/take_file.h"
#include "osc_messages.h"
#include "simulated_trackers.h"

#include "animation/clock.h"
#include "animation/steady_clock.h"

#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace ths;
using namespace ths::mocap;
using namespace ths::test;

namespace {

// Time that moves only when the test says, safe to read from the receiving thread.
class SteppedClock : public Clock
{
public:
    double now() const override { return m_now.load(); }
    void advance(double seconds) { m_now = m_now.load() + seconds; }

private:
    std::atomic<double> m_now{100.0};
};

MocapSource phoneSource(quint16 phonePort)
{
    MocapSource s;
    s.kind = SourceKind::IFacialMocap;
    s.phoneHost = QStringLiteral("127.0.0.1");
    s.phonePort = phonePort;
    s.listenHost = QStringLiteral("127.0.0.1");
    return s;
}

MocapSource vmcSource(quint16 port = 0)
{
    MocapSource s;
    s.kind = SourceKind::Vmc;
    s.listenPort = port;
    s.listenHost = QStringLiteral("127.0.0.1");
    return s;
}

// The face the converter makes of phone frame i alone.
Pose expectedPose(int i)
{
    FaceInput face;
    parseIfacialmocapPacket(phoneFrame(i), &face);
    return convertFace(face, ConverterSettings{});
}

void sendUdp(quint16 port, const QByteArray &packet)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::sendto(fd, packet.constData(), size_t(packet.size()), 0, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    ::close(fd);
}

} // namespace

class TestReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phoneStreamsAfterTheStartString()
    {
        SimulatedPhone phone(120, 240);
        Puppeteer puppeteer(phoneSource(phone.port()), PuppeteerSettings{});
        QString error;
        QVERIFY2(puppeteer.start(&error), qPrintable(error));
        QVERIFY(puppeteer.port() != 0);
        QTRY_COMPARE_WITH_TIMEOUT(puppeteer.status()[QStringLiteral("packets")].toInt(), 120, 10000);
        QCOMPARE(phone.startStrings(), 1); // packets came: no repeat
        const QJsonObject status = puppeteer.status();
        QCOMPARE(status[QStringLiteral("rejected")].toInt(), 0);
        QCOMPARE(status[QStringLiteral("tracking")].toBool(), true);
        QVERIFY(status[QStringLiteral("last_packet_age_ms")].toDouble() < 1000);
        QVERIFY(status[QStringLiteral("source")].toString().startsWith(QLatin1String("ifacialmocap:127.0.0.1:")));
        // The pose is the last packet's, converted as the original does (every packet carries the whole face).
        QCOMPARE(*puppeteer.inputPose(), expectedPose(119));
    }

    void startStringRepeatsWhileThePhoneIsSilent()
    {
        SimulatedPhone phone(0, 0); // answers nothing
        Puppeteer puppeteer(phoneSource(phone.port()), PuppeteerSettings{});
        QString error;
        QVERIFY2(puppeteer.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(phone.startStrings() >= 2, 6000);
        QVERIFY(!puppeteer.inputPose());
        QCOMPARE(puppeteer.status()[QStringLiteral("tracking")].toBool(), false);
    }

    void vmcSenderThroughLiblo()
    {
        Puppeteer puppeteer(vmcSource(), PuppeteerSettings{});
        QString error;
        QVERIFY2(puppeteer.start(&error), qPrintable(error));
        lo_address target = lo_address_new("127.0.0.1", QByteArray::number(puppeteer.port()).constData());
        // Single messages, then a bundle with the Apply and the head bone.
        lo_send(target, "/VMC/Ext/Blend/Val", "sf", "jawOpen", 0.35f);
        lo_send(target, "/VMC/Ext/Blend/Val", "sf", "E", 0.6f);
        lo_send(target, "/VMC/Ext/Blend/Apply", "");
        QTRY_VERIFY_WITH_TIMEOUT(puppeteer.inputPose().has_value(), 5000);
        QVERIFY(puppeteer.inputPose()->value(QStringLiteral("mouth_eee_index")) >= 0.6f - 1e-6f);
        lo_bundle b = lo_bundle_new(LO_TT_IMMEDIATE);
        lo_message blink = lo_message_new();
        lo_message_add_string(blink, "Blink");
        lo_message_add_float(blink, 1.0f);
        lo_bundle_add_message(b, "/VMC/Ext/Blend/Val", blink);
        lo_bundle_add_message(b, "/VMC/Ext/Blend/Apply", lo_message_new());
        const double half = 5 * M_PI / 180; // a 10° turn
        lo_message head = lo_message_new();
        lo_message_add_string(head, "Head");
        for (const float v : {0.0f, 1.4f, 0.0f, 0.0f, float(std::sin(half)), 0.0f, float(std::cos(half))})
            lo_message_add_float(head, v);
        lo_bundle_add_message(b, "/VMC/Ext/Bone/Pos", head);
        QVERIFY(lo_send_bundle(target, b) > 0);
        lo_bundle_free_recursive(b);
        QTRY_VERIFY_WITH_TIMEOUT(puppeteer.inputPose()->value(QStringLiteral("eye_wink_left_index")) == 1.0f, 5000);
        // Turned 10° (Unity +Y) → iFacialMocap's y −10° → head_y = 1.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(puppeteer.inputPose()->value(QStringLiteral("head_y_index")) - 1.0f) < 1e-4f, 5000);
        // Garbage on the wire is counted, and the stream goes on.
        lo_send(target, "/VMC/Ext/Blend/Val", "si", "jawOpen", 3);
        sendUdp(puppeteer.port(), "not osc at all");
        QTRY_COMPARE_WITH_TIMEOUT(puppeteer.status()[QStringLiteral("rejected")].toInt(), 2, 5000);
        lo_send(target, "/VMC/Ext/Blend/Val", "sf", "jawOpen", 0.0f);
        lo_send(target, "/VMC/Ext/Blend/Val", "sf", "E", 0.0f);
        lo_send(target, "/VMC/Ext/Blend/Apply", "");
        QTRY_COMPARE_WITH_TIMEOUT(puppeteer.inputPose()->value(QStringLiteral("mouth_eee_index")), 0.0f, 5000);
        QVERIFY(puppeteer.status()[QStringLiteral("last_error")].toString().contains(QLatin1String("not an OSC message")));
        lo_address_free(target);
    }

    void portInUseIsNamed()
    {
        Puppeteer first(vmcSource(), PuppeteerSettings{});
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        Puppeteer second(vmcSource(first.port()), PuppeteerSettings{});
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("UDP port %1 is in use").arg(first.port())), qPrintable(error));
        QVERIFY(!second.isRunning());
    }

    // The source's channels replace the animation's while tracking; breathing stays the animation's. After 1 s of
    // silence the face eases back to the animation; packets bring it back.
    void trackingLostAndResumed()
    {
        auto clock = std::make_shared<SteppedClock>();
        SimulatedPhone phone(30, 300);
        Puppeteer puppeteer(phoneSource(phone.port()), PuppeteerSettings{}, clock);
        QString error;
        QVERIFY2(puppeteer.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(puppeteer.status()[QStringLiteral("packets")].toInt(), 30, 10000);
        Pose animated;
        animated.setValue(QStringLiteral("breathing_index"), 0.7f);
        animated.setValue(QStringLiteral("eyebrow_happy_left_index"), 0.9f);
        const Pose tracked = *puppeteer.inputPose();
        QCOMPARE(puppeteer.apply(animated), animated); // the first call starts the ease from the animation
        clock->advance(Puppeteer::kEaseSeconds / 2);
        Pose half = puppeteer.apply(animated);
        const int happy = Pose::indexOf(QStringLiteral("eyebrow_happy_left_index"));
        QVERIFY(std::abs(half[happy] - (0.9f + 0.5f * (tracked[happy] - 0.9f))) < 1e-6f);
        clock->advance(Puppeteer::kEaseSeconds / 2);
        Pose full = puppeteer.apply(animated);
        for (int i = 0; i < Pose::kCount; ++i)
            QCOMPARE(full[i], Pose::names()[i] == QLatin1String("breathing_index") ? 0.7f : tracked[i]);
        QVERIFY(puppeteer.active());

        clock->advance(Puppeteer::kTrackingTimeout + 0.01);
        QCOMPARE(puppeteer.status()[QStringLiteral("tracking")].toBool(), false);
        half = puppeteer.apply(animated); // lost: the ease back starts (this call moved a whole ease: done)
        QCOMPARE(half, animated);
        QVERIFY(!puppeteer.active());

        phone.resume(5);
        QTRY_COMPARE_WITH_TIMEOUT(puppeteer.status()[QStringLiteral("packets")].toInt(), 35, 10000);
        QCOMPARE(puppeteer.status()[QStringLiteral("tracking")].toBool(), true);
        QCOMPARE(puppeteer.apply(animated), animated); // eases in from here
        clock->advance(Puppeteer::kEaseSeconds);
        QCOMPARE(puppeteer.apply(animated)[happy], puppeteer.inputPose()->value(QStringLiteral("eyebrow_happy_left_index")));
    }

    // A take recorded from the phone replays the same poses, in order, at the original pace (with smoothing on, so
    // the arrival times matter too).
    void recordThenReplay()
    {
        QTemporaryDir dir;
        const QString takePath = dir.filePath(QStringLiteral("take.jsonl"));
        PuppeteerSettings settings;
        settings.smoothing = true;
        settings.minCutoff = 2.0;
        settings.beta = 0.3;
        settings.gainMouth = 1.5;

        std::mutex mutex;
        std::vector<Pose> live, replayed;
        std::vector<double> liveTimes, replayTimes;
        {
            SimulatedPhone phone(90, 90);
            Puppeteer puppeteer(phoneSource(phone.port()), settings);
            QString error;
            QVERIFY2(puppeteer.startRecording(takePath, &error), qPrintable(error));
            puppeteer.setFrameObserver([&](const Pose &pose, double t) {
                std::lock_guard lock(mutex);
                live.push_back(pose);
                liveTimes.push_back(t);
            });
            QVERIFY2(puppeteer.start(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(puppeteer.status()[QStringLiteral("packets")].toInt(), 90, 10000);
            QCOMPARE(puppeteer.recordingPath(), takePath);
            // Flushed as it goes: the packets are in the file before the take is closed.
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(takePath).size() > 90 * 1000, 3000);
            QVERIFY(puppeteer.stopRecording(&error));
        }
        QString error;
        const auto take = Take::read(takePath, &error);
        QVERIFY2(take, qPrintable(error));
        QCOMPARE(int(take->packets.size()), 90);
        QCOMPARE(take->source, SourceKind::IFacialMocap);
        QCOMPARE(take->settings, settings);

        MocapSource replay;
        replay.kind = SourceKind::Replay;
        replay.takeFile = takePath;
        Puppeteer player(replay, PuppeteerSettings{}); // the take's settings win
        player.setFrameObserver([&](const Pose &pose, double t) {
            std::lock_guard lock(mutex);
            replayed.push_back(pose);
            replayTimes.push_back(t);
        });
        QVERIFY2(player.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(player.status()[QStringLiteral("packets")].toInt(), 90, 10000);
        std::lock_guard lock(mutex);
        QCOMPARE(replayed.size(), live.size());
        for (size_t i = 0; i < live.size(); ++i)
            QVERIFY2(replayed[i] == live[i], qPrintable(QStringLiteral("pose %1 differs").arg(i)));
        // The original pace: the replay lasts as long as the recording, within scheduling noise.
        const double recorded = liveTimes.back() - liveTimes.front(), played = replayTimes.back() - replayTimes.front();
        QVERIFY2(std::abs(played - recorded) < 0.25, qPrintable(QStringLiteral("recorded %1 s, replayed %2 s").arg(recorded).arg(played)));
    }

    void badTakesAreNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"take\":\"talkinghead-studio\",\"version\":1,\"source\":\"vmc\",\"settings\":{}}\n{\"t\":0.5,\"packet\":\"%%%\"}\n");
        f.close();
        QString error;
        QVERIFY(!Take::read(path, &error));
        QVERIFY2(error.contains(path + QStringLiteral(":2: packet")), qPrintable(error));
        MocapSource replay;
        replay.kind = SourceKind::Replay;
        replay.takeFile = dir.filePath(QStringLiteral("missing.jsonl"));
        Puppeteer player(replay, PuppeteerSettings{});
        QVERIFY(!player.start(&error));
        QVERIFY2(error.contains(QLatin1String("missing.jsonl")), qPrintable(error));
    }

    void sourceSpecs()
    {
        QString error;
        auto s = MocapSource::parse(QStringLiteral("ifacialmocap:192.168.1.20"), &error);
        QVERIFY(s && s->kind == SourceKind::IFacialMocap && s->phoneHost == QLatin1String("192.168.1.20") && s->phonePort == 49983 && s->listenPort == 49983);
        s = MocapSource::parse(QStringLiteral("ifacialmocap:phone.local:50000"), &error);
        QVERIFY(s && s->phonePort == 50000);
        s = MocapSource::parse(QStringLiteral("vmc"), &error);
        QVERIFY(s && s->listenPort == 39539);
        s = MocapSource::parse(QStringLiteral("vmc:39540"), &error);
        QVERIFY(s && s->listenPort == 39540);
        s = MocapSource::parse(QStringLiteral("replay:/tmp/a.jsonl"), &error);
        QVERIFY(s && s->takeFile == QLatin1String("/tmp/a.jsonl"));
        QVERIFY(!MocapSource::parse(QStringLiteral("vmc:99999"), &error));
        QVERIFY(error.contains(QLatin1String("99999")));
        QVERIFY(!MocapSource::parse(QStringLiteral("ifacialmocap"), &error));
        QVERIFY(error.contains(QLatin1String("phone")));
        QVERIFY(!MocapSource::parse(QStringLiteral("webcam"), &error));
    }

    void settingsFileAndCalibration()
    {
        QTemporaryDir dir;
        PuppeteerSettings s;
        s.gainHead = 2.0;
        s.smoothing = true;
        s.converter.winkMode = WinkMode::Relaxed;
        FaceStream stream(SourceKind::IFacialMocap, s);
        QVERIFY(!stream.calibrate());
        QVERIFY(stream.feed("eyeBlink_L&20|=head#4,-2,1,0,0,0|", 0).ok);
        QVERIFY(stream.calibrate());
        // The calibrated face is the rest: no wink, head straight.
        const Pose rest = *stream.pose();
        QCOMPARE(rest.value(QStringLiteral("eye_relaxed_left_index")), 0.0f);
        QVERIFY(std::abs(rest.value(QStringLiteral("head_x_index"))) < 1e-6f);
        const QString path = dir.filePath(QStringLiteral("puppeteer.json"));
        QString error;
        QVERIFY2(stream.settings().save(path, &error), qPrintable(error));
        const auto loaded = PuppeteerSettings::fromFile(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->neutral.has_value());
        QCOMPARE(loaded->gainHead, 2.0);
        QCOMPARE(loaded->converter.winkMode, WinkMode::Relaxed);
        QVERIFY(std::abs(loaded->neutral->blendshape("eyeBlinkLeft") - 0.2) < 1e-12);
        QVERIFY(!PuppeteerSettings::fromJson(QJsonObject{{QStringLiteral("gain"), QJsonObject{{QStringLiteral("mouth"), 9}}}}, &error));
        QVERIFY2(error.contains(QLatin1String("gain.mouth")), qPrintable(error));
        QVERIFY(!PuppeteerSettings::fromJson(QJsonObject{{QStringLiteral("smoothing"), QJsonObject{{QStringLiteral("beta"), -1}}}}, &error));
        QVERIFY2(error.contains(QLatin1String("smoothing.beta")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestReceiver)
#include "test_receiver.moc"
