// SPDX-License-Identifier: GPL-3.0-or-later
// `render-take`: a recorded puppeteer take rendered frame by frame to numbered PNGs, with the idle animation under
// it as live (seeded, so the same take renders the same frames).

#include "app/character_image.h"
#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "animation/animator.h"
#include "animation/manual_clock.h"
#include "engine/poser.h"
#include "mocap/face_stream.h"
#include "mocap/take_file.h"
#include "mocap/tracking_blend.h"
#include "tha3/engine_error.h"

#include <QCommandLineParser>
#include <QDir>

#include <cmath>
#include <cstdio>

namespace ths {

int runRenderTakeCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render a recorded puppeteer take (serve --mocap-record, the studio's Puppeteer panel) to numbered PNG files, "
        "frame_000000.png …, at a fixed frame rate."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("input"), QStringLiteral("The take file."), QStringLiteral("FILE")},
        {QStringLiteral("output-dir"), QStringLiteral("Where the frames go (created if missing)."), QStringLiteral("DIR")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second (default 30)."), QStringLiteral("N"), QStringLiteral("30")},
        {QStringLiteral("image"), QStringLiteral("The character image (default: the example character, images/lambda_00.png in the data folders)."),
         QStringLiteral("PNG"), defaultCharacterImage()},
    });
    addPoserOptions(parser);
    parser.process(QStringList{QStringLiteral("talkinghead-studio render-take")} + args);

    if (!parser.isSet(QStringLiteral("input")) || !parser.isSet(QStringLiteral("output-dir"))) {
        std::fprintf(stderr, "error: give --input FILE (a take) and --output-dir DIR\n");
        return 2;
    }
    bool fpsOk = false;
    const double fps = parser.value(QStringLiteral("fps")).toDouble(&fpsOk);
    if (!fpsOk || !(fps >= 1 && fps <= 240)) {
        std::fprintf(stderr, "error: --fps: expected a number from 1 to 240, got \"%s\"\n", qPrintable(parser.value(QStringLiteral("fps"))));
        return 2;
    }
    const auto options = poserOptionsFrom(parser);
    if (!options)
        return 2;
    QString error;
    const auto take = mocap::Take::read(parser.value(QStringLiteral("input")), &error);
    if (!take) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    if (take->packets.empty()) {
        std::fprintf(stderr, "error: %s: the take has no packets\n", qPrintable(parser.value(QStringLiteral("input"))));
        return 1;
    }
    const auto image = loadCharacterImage(parser.value(QStringLiteral("image")));
    if (!image)
        return 1;
    const QDir out(parser.value(QStringLiteral("output-dir")));
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "error: cannot create directory %s\n", qPrintable(out.path()));
        return 1;
    }

    try {
        Poser poser(*options);
        printPoserNotices(poser);
        poser.setImage(*image);
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        mocap::FaceStream stream(take->source, take->settings);
        mocap::TrackingBlend blend;
        // The face shows from the first packet on (a take starts tracked: no ease-in from the animation).
        // From the first packet to the last (the silence before the first is not rendered).
        const double first = take->packets.front().t;
        const double duration = take->packets.back().t - first;
        const int frames = int(std::floor(duration * fps)) + 1;
        size_t next = 0;
        blend.apply(Pose(), std::nullopt, {}, true, first - mocap::TrackingBlend::kEaseSeconds);
        for (int f = 0; f < frames; ++f) {
            const double t = first + f / fps;
            for (; next < take->packets.size() && take->packets[next].t <= t; ++next)
                stream.feed(take->packets[next].data, take->packets[next].t);
            clock->set(t);
            const Pose animated = animator.poseAt(t);
            const Pose pose = blend.apply(animated, stream.pose(t), stream.providedChannels(),
                                          mocap::TrackingBlend::tracking(stream.lastFrameTime(), t), t);
            const QString path = out.filePath(QStringLiteral("frame_%1.png").arg(f, 6, 10, QLatin1Char('0')));
            if (!poser.render(pose).save(path, "PNG")) {
                std::fprintf(stderr, "error: cannot write %s\n", qPrintable(path));
                return 1;
            }
        }
        std::printf("%d frames (%.2f s at %g fps) in %s; %llu packets, %llu rejected\n", frames, duration, fps,
                    qPrintable(out.path()), static_cast<unsigned long long>(stream.packets()),
                    static_cast<unsigned long long>(stream.rejected()));
    } catch (const EngineError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ths
