// SPDX-License-Identifier: GPL-3.0-or-later
// The look's cost without the networks: `bench_look [CHAIN.json] [IMAGE] [THREADS]` runs a chain (default: the
// original README's "1980s VHS" look) over 100 frames of a character image (default: the first example character)
// and prints each filter's median and minimum ms per frame. Figures only, no assertions.
#include "look/chain_file.h"
#include "look/linear_frame.h"
#include "look/postprocessor.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>

#include <omp.h>

#include <algorithm>
#include <cstdio>

using namespace ths::look;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString chainPath = args.value(1);
    if (chainPath.isEmpty())
        chainPath = QStringLiteral(THS_SOURCE_DIR "/data/looks/vhs_1980s.json");
    QString imagePath = args.value(2);
    if (imagePath.isEmpty()) {
        const QStringList pngs = QDir(QStringLiteral(THS_IMAGES_DIR)).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        if (pngs.isEmpty()) { // scripts/test installs the example characters; without them there is nothing to time
            std::printf("bench_look: skipped, no image given and none in %s\n", THS_IMAGES_DIR);
            return 0;
        }
        imagePath = QStringLiteral(THS_IMAGES_DIR "/") + pngs.first();
    }
    if (args.size() > 3)
        omp_set_num_threads(args.at(3).toInt());
    QString error;
    const auto chain = readChainFile(chainPath, &error);
    if (!chain) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QImage image(imagePath);
    if (image.isNull()) {
        std::fprintf(stderr, "%s: cannot read\n", qPrintable(imagePath));
        return 1;
    }
    Postprocessor post(42);
    post.setChain(*chain);
    constexpr int kFrames = 100;
    std::vector<std::vector<double>> ms(chain->steps.size() + 2);
    QElapsedTimer timer;
    for (int i = 0; i < kFrames; ++i) {
        timer.start();
        LinearFrame frame = LinearFrame::fromSrgb(image);
        ms[0].push_back(timer.nsecsElapsed() / 1e6);
        post.apply(frame, i / 25.0);
        for (size_t k = 0; k < chain->steps.size(); ++k)
            ms[k + 1].push_back(post.lastStepMs()[k]);
        timer.start();
        const QImage out = frame.toSrgb();
        ms.back().push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("bench_look: %s on %s (%dx%d), %d frames, %d threads\n", qPrintable(chainPath), qPrintable(imagePath),
                image.width(), image.height(), kFrames, Postprocessor::threads());
    double medianSum = 0, minSum = 0;
    for (size_t k = 0; k < ms.size(); ++k) {
        std::vector<double> v = ms[k];
        std::sort(v.begin(), v.end());
        const char *name = k == 0 ? "srgb decode" : k == ms.size() - 1 ? "srgb encode" : chain->steps[k - 1].spec->name;
        std::printf("  %-20s median_ms=%6.2f min_ms=%6.2f\n", name, v[v.size() / 2], v.front());
        medianSum += v[v.size() / 2];
        minSum += v.front();
    }
    std::printf("  %-20s median_ms=%6.2f min_ms=%6.2f\n", "total", medianSum, minSum);
    return 0;
}
