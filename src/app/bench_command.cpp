// SPDX-License-Identifier: GPL-3.0-or-later
// `bench`: rendering speed on random full poses and on rotation-only poses, with the per-network split and the time
// from process start to the first frame.

#include "app/bench_look.h"
#include "app/character_image.h"
#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "app/process_clock.h"
#include "look/chain_file.h"
#include "tha3/engine_error.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>
#include <optional>

namespace ths {

namespace {

Pose randomPose(QRandomGenerator &rng, bool rotationOnly, const Pose &base)
{
    Pose pose = base;
    for (int i = 0; i < Pose::kCount; ++i) {
        if (rotationOnly && i < Pose::kRotationBegin)
            continue;
        const auto &p = Pose::parameters()[i];
        pose[i] = float(p.minimum + (p.maximum - p.minimum) * rng.generateDouble());
    }
    return pose;
}

void report(const char *label, int frames, double totalMs, const NetworkTimings &sum)
{
    const double ms = totalMs / frames;
    std::printf("%s: frames=%d fps=%.3f ms_per_frame=%.1f decomposer_ms=%.1f combiner_ms=%.1f face_morpher_ms=%.1f "
                "rotator_ms=%.1f editor_ms=%.1f\n",
                label, frames, 1000.0 / ms, ms, sum.decomposer / frames, sum.combiner / frames, sum.faceMorpher / frames,
                sum.rotator / frames, sum.editor / frames);
}

} // namespace

int runBenchCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measure rendering speed."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("image"), QStringLiteral("The character image."), QStringLiteral("PNG"), defaultCharacterImage()},
        {QStringLiteral("frames"), QStringLiteral("Frames to time per mode (default 10)."), QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("postprocess"), QStringLiteral("Time this look instead (a postprocessor_chain, or an animator "
                                                       "settings file with one) on the character's rendered frame."),
         QStringLiteral("CHAIN.json")},
    });
    addPoserOptions(parser);
    parser.process(QStringList{QStringLiteral("talkinghead-studio bench")} + args);
    const auto options = poserOptionsFrom(parser);
    bool ok = false;
    const int frames = parser.value(QStringLiteral("frames")).toInt(&ok);
    if (!options || !ok || frames < 1) {
        if (options)
            std::fprintf(stderr, "error: --frames must be a positive whole number\n");
        return 2;
    }
    const auto image = loadCharacterImage(parser.value(QStringLiteral("image")));
    if (!image)
        return 1;
    std::optional<look::LookChain> chain;
    if (parser.isSet(QStringLiteral("postprocess"))) {
        QString error;
        chain = look::readChainFile(parser.value(QStringLiteral("postprocess")), &error);
        if (!chain) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
    }

    try {
        QElapsedTimer loadTimer;
        loadTimer.start();
        Poser poser(*options);
        const double loadMs = loadTimer.elapsed();
        poser.setImage(*image);
        poser.render(Pose());
        std::printf("startup: first_frame_s=%.2f (from process start) model_load_ms=%.0f first_render_ms=%.0f "
                    "device=%s precision=%s threads=%d\n",
                    secondsSinceProcessStart(), loadMs, poser.lastTimings().total, qPrintable(poser.deviceName()),
                    tha3::precisionName(poser.precision()), options->threads);
        printPoserNotices(poser);
        if (chain) {
            benchLook(*chain, poser.render(Pose()), std::max(frames, 50));
            return 0;
        }

        QRandomGenerator rng(42);
        for (const bool rotationOnly : {false, true}) {
            const Pose base = randomPose(rng, false, Pose());
            poser.render(randomPose(rng, rotationOnly, base)); // warm-up
            NetworkTimings sum;
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < frames; ++i) {
                poser.render(randomPose(rng, rotationOnly, base));
                sum += poser.lastTimings();
            }
            report(rotationOnly ? "rotation-only poses" : "full random poses", frames, double(timer.nsecsElapsed()) / 1e6, sum);
        }
    } catch (const EngineError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ths
