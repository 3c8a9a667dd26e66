// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for the HTTP layer (a benchmark: it prints, it asserts nothing about speed).
//   - PNG encoding of a 512×512 RGBA frame at the stream's level vs Qt's default and maximum;
//   - multipart parsing of a 20 MB upload;
//   - a 16 MB PNG upload over loopback, end to end (multipart + decode in the backend);
//   - request round trips (GET /api/modules) over one keep-alive connection;
//   - result_feed with 1 and 8 viewers at 25 fps: parts per second per viewer, encodes, process CPU.
// Uses images/lambda_00.png when present (THS_IMAGES_DIR), else a painted stand-in.

#include "http_test_client.h"
#include "keyword_classifier.h"
#include "painted_backend.h"

#include "http/api_server.h"
#include "api/frame_hub.h"
#include "api/multipart_parser.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace ths;
using namespace ths::test;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QImage character()
{
    QImage image(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
    if (!image.isNull())
        return image.convertToFormat(QImage::Format_RGBA8888).scaled(512, 512, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    image = QImage(512, 512, QImage::Format_RGBA8888);
    image.fill(Qt::transparent);
    QPainter p(&image);
    QRadialGradient g(256, 200, 180);
    g.setColorAt(0, QColor(255, 220, 200));
    g.setColorAt(1, QColor(120, 60, 140));
    p.setBrush(g);
    p.drawEllipse(QRect(96, 40, 320, 440));
    return image;
}

QByteArray encode(const QImage &image, int quality)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(quality);
    writer.write(image);
    return png;
}

double medianMs(const std::function<void()> &work, int runs)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void benchPng(const QImage &frame)
{
    std::printf("PNG encoding, 512x512 RGBA (%s):\n", QFile::exists(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"))
                                                         ? "images/lambda_00.png" : "painted stand-in");
    for (const auto &[quality, label] : {std::pair{FrameHub::kPngQuality, "stream (zlib 1)"},
                                         std::pair{-1, "Qt default (zlib 6)"}, std::pair{0, "maximum (zlib 9)"}}) {
        QByteArray png;
        const double ms = medianMs([&] { png = encode(frame, quality); }, 15);
        std::printf("  %-20s %7.1f ms  %8lld bytes\n", label, ms, qlonglong(png.size()));
    }
}

void benchMultipart()
{
    QByteArray data(20 * 1000 * 1000, Qt::Uninitialized);
    auto *rng = QRandomGenerator::global();
    rng->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    const QByteArray body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talkinghead.png\"\r\n"
                            "Content-Type: image/png\r\n\r\n" + data + "\r\n--b0undary--\r\n";
    const double ms = medianMs([&] { MultipartParser::parse(body, "multipart/form-data; boundary=b0undary"); }, 7);
    std::printf("multipart parse, 20 MB file part: %.1f ms (%.0f MB/s)\n", ms, 20.0 / ms * 1000.0);
}

void benchHttp()
{
    PaintedBackend backend(QSize(512, 512));
    KeywordClassifier classifier;
    ServerOptions options;
    options.port = 0;
    ApiServer server(options, &backend, &classifier);
    server.listen();
    HttpTestClient client(server.baseUrl());

    // A big upload: 2048x2048 noise → ~16 MB PNG.
    QImage noise(2048, 2048, QImage::Format_RGBA8888);
    for (int y = 0; y < noise.height(); ++y)
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.scanLine(y)), noise.width());
    const QByteArray big = encode(noise, FrameHub::kPngQuality);
    QElapsedTimer t;
    t.start();
    const HttpReply r = client.postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("big.png"), "image/png", big);
    std::printf("upload of a %.1f MB PNG (multipart + decode, loopback): %lld ms, status %d\n", big.size() / 1e6,
                qlonglong(t.elapsed()), r.status);

    client.get(QStringLiteral("/api/modules"));
    const double ms = medianMs([&] { client.get(QStringLiteral("/api/modules")); }, 500);
    std::printf("GET /api/modules round trip (QNetworkAccessManager, keep-alive): median %.3f ms\n", ms);

    // Streams: the backend renders 512x512 frames of the real character at 30 fps.
    QByteArray png = encode(character(), 100);
    client.postFile(QStringLiteral("/api/talkinghead/load"), "file", QStringLiteral("c.png"), "image/png", png);
    backend.setRenderFps(30);
    for (const int count : {1, 8}) {
        std::vector<std::unique_ptr<FeedViewer>> viewers;
        for (int i = 0; i < count; ++i)
            viewers.push_back(std::make_unique<FeedViewer>(server.port()));
        for (auto &v : viewers)
            v->waitForParts(1);
        const FrameHub::Stats before = server.frameHub()->stats();
        QList<qsizetype> partsBefore;
        for (auto &v : viewers)
            partsBefore.append(v->parts().size());
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        waitUntil([&] {
            for (auto &v : viewers)
                v->poll();
            return wall.elapsed() >= 4000;
        }, 5000);
        const double seconds = wall.elapsed() / 1000.0;
        const FrameHub::Stats after = server.frameHub()->stats();
        double minRate = 1e9, maxRate = 0;
        for (size_t i = 0; i < viewers.size(); ++i) {
            const double rate = (viewers[i]->parts().size() - partsBefore[qsizetype(i)]) / seconds;
            minRate = std::min(minRate, rate);
            maxRate = std::max(maxRate, rate);
        }
        std::printf("result_feed, %d viewer(s), target 25 fps, render 30 fps: %.1f-%.1f parts/s per viewer, "
                    "%.1f encodes/s (%.1f ms each, %lld bytes), process CPU %.0f%% (test client included)\n",
                    count, minRate, maxRate, (after.encoded - before.encoded) / seconds, after.lastEncodeMs,
                    qlonglong(after.lastPngBytes), (cpuSeconds() - cpu0) / seconds * 100.0);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QImage frame = character();
    benchPng(frame);
    benchMultipart();
    benchHttp();
    return 0;
}
