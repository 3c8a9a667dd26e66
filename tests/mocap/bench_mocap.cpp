// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test; prints figures): the puppeteer's
//  1. receive rate with rendering idle: a sender blasts iFacialMocap v2 packets (52 names + head, ~1.2 KB) over
//     loopback as fast as it can for 3 s; how many the receiver parses and converts per second (and how many the
//     kernel dropped), plus the parse+convert rate alone on one thread;
//  2. packet → frame latency: a simulated phone at 60 packets/s drives the live character with the real weights;
//     for every frame handed to the stream (LiveCharacter::frameRendered, what the frame hub encodes), the time since
//     the newest packet the frame shows arrived. Median and p95 over N frames (--frames, default 15).
// Run build/tests/mocap/bench_mocap [--frames N] [--skip-latency].

#include "animation/clock.h"
#include "animation/steady_clock.h"
#include "image/image_import.h"
#include "engine/poser.h"
#include "live/live_character.h"
#include "mocap/face_stream.h"
#include "mocap/puppeteer.h"
#include "simulated_trackers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace ths;
using namespace ths::mocap;

namespace {

// A steady clock that remembers when the render thread last asked (the moment apply() picks the newest face).
class WatchedClock : public Clock
{
public:
    double now() const override
    {
        const double t = m_steady.now();
        if (std::this_thread::get_id() == renderThread.load())
            lastRenderAsk = t;
        return t;
    }
    double steady() const { return m_steady.now(); }
    std::atomic<std::thread::id> renderThread{};
    mutable std::atomic<double> lastRenderAsk{0};

private:
    SteadyClock m_steady;
};

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

void receiveRate()
{
    // Parse + convert alone (what the receiving thread does per packet, and the conversion a frame does).
    {
        FaceStream stream(SourceKind::IFacialMocap, PuppeteerSettings{});
        std::vector<QByteArray> packets;
        for (int i = 0; i < 100; ++i)
            packets.push_back(test::phoneFrame(i));
        QElapsedTimer timer;
        timer.start();
        int n = 0;
        while (timer.elapsed() < 1000) {
            for (const QByteArray &p : packets) {
                stream.feed(p, n / 60.0);
                ++n;
            }
        }
        const double parse = n / (timer.nsecsElapsed() / 1e9);
        timer.restart();
        int converted = 0;
        while (timer.elapsed() < 1000) {
            for (int i = 0; i < 100; ++i)
                (void)stream.pose();
            converted += 100;
        }
        std::printf("parse (one thread, no socket): %.0f packets/s; conversion to the pose: %.0f poses/s\n", parse,
                    converted / (timer.nsecsElapsed() / 1e9));
    }
    MocapSource source;
    source.kind = SourceKind::IFacialMocap;
    source.phoneHost = QStringLiteral("127.0.0.1");
    source.phonePort = 9; // discard: the start string goes nowhere
    source.listenHost = QStringLiteral("127.0.0.1");
    Puppeteer puppeteer(source, PuppeteerSettings{});
    QString error;
    if (!puppeteer.start(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return;
    }
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(puppeteer.port());
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<QByteArray> packets;
    for (int i = 0; i < 100; ++i)
        packets.push_back(test::phoneFrame(i));
    QElapsedTimer timer;
    timer.start();
    quint64 sent = 0;
    while (timer.elapsed() < 3000) {
        const QByteArray &p = packets[sent % packets.size()];
        if (::sendto(fd, p.constData(), size_t(p.size()), 0, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) > 0)
            ++sent;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    QThread::msleep(300); // let the receiver drain
    const quint64 received = quint64(puppeteer.status()[QStringLiteral("packets")].toDouble());
    ::close(fd);
    std::printf("receiver over loopback: %llu sent in %.2f s, %llu received and parsed (%.0f packets/s, %.1f%% dropped by the "
                "kernel while the sender had the other core), %s rejected\n",
                static_cast<unsigned long long>(sent), seconds, static_cast<unsigned long long>(received), received / seconds,
                100.0 * double(sent - received) / double(sent),
                qPrintable(QString::number(puppeteer.status()[QStringLiteral("rejected")].toDouble())));
}

int latency(int frames)
{
    PoserOptions options;
    options.modelsDir = QStringLiteral(THS_MODELS_DIR);
    if (!Poser::missingWeightFiles(options.modelsDir, ModelVariant::SeparableFloat).isEmpty()) {
        std::printf("latency: skipped (real weights not installed)\n");
        return 0;
    }
    const ImportedImage lambda = importImageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
    auto clock = std::make_shared<WatchedClock>();
    test::SimulatedPhone phone(1 << 30, 60);
    MocapSource source;
    source.kind = SourceKind::IFacialMocap;
    source.phoneHost = QStringLiteral("127.0.0.1");
    source.phonePort = phone.port();
    source.listenHost = QStringLiteral("127.0.0.1");
    auto puppeteer = std::make_shared<Puppeteer>(source, PuppeteerSettings{}, clock);
    std::mutex mutex;
    std::vector<double> arrivals;
    puppeteer->setFrameObserver([&](const Pose &, double t) {
        std::lock_guard lock(mutex);
        arrivals.push_back(t);
    });
    QString error;
    if (!puppeteer->start(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    LiveCharacter live(std::make_shared<Poser>(options), QStringLiteral("separable_float"));
    live.setPuppeteer(puppeteer);
    std::vector<double> latencies, renderMs;
    std::atomic<int> shown{0};
    QObject::connect(&live, &TalkingheadBackend::frameRendered, &live, [&](const QImage &) {
        const double now = clock->steady(); // not now(): that would count as the render thread's ask
        if (clock->renderThread.load() == std::thread::id())
            clock->renderThread = std::this_thread::get_id(); // from the next frame on
        else {
            const double ask = clock->lastRenderAsk.load();
            std::lock_guard lock(mutex);
            const auto newest = std::upper_bound(arrivals.begin(), arrivals.end(), ask);
            if (newest != arrivals.begin())
                latencies.push_back((now - *(newest - 1)) * 1000.0);
            renderMs.push_back((now - ask) * 1000.0);
        }
        ++shown;
        live.frameConsumed();
    }, Qt::DirectConnection);
    live.setImage(lambda.image);
    live.addDemand(DemandSource::Puppeteer);
    QElapsedTimer timer;
    timer.start();
    while (shown.load() < frames + 1 && timer.elapsed() < 600000)
        QThread::msleep(20);
    live.removeDemand(DemandSource::Puppeteer);
    live.setPuppeteer(nullptr);
    puppeteer->stop(); // before taking the lock its observer takes
    std::lock_guard lock(mutex);
    if (latencies.empty()) {
        std::printf("latency: no frames\n");
        return 1;
    }
    std::printf("packet → frame on the stream, 60 packets/s, %zu frames: median %.0f ms, p95 %.0f ms (min %.0f, max %.0f); "
                "of which rendering: median %.0f ms. %zu packets arrived, %s rejected\n",
                latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95),
                *std::min_element(latencies.begin(), latencies.end()), *std::max_element(latencies.begin(), latencies.end()),
                percentile(renderMs, 0.5), arrivals.size(),
                qPrintable(QString::number(puppeteer->status()[QStringLiteral("rejected")].toDouble())));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures as they come, also into a file
    const QStringList args = app.arguments();
    int frames = 15;
    if (const qsizetype i = args.indexOf(QStringLiteral("--frames")); i > 0 && i + 1 < args.size())
        frames = std::max(2, args[i + 1].toInt());
    receiveRate();
    if (args.contains(QStringLiteral("--skip-latency")))
        return 0;
    return latency(frames);
}
