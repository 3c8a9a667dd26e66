// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the live preview's frame rate while a slider is dragged with Animate on, offscreen with the
// real networks. With Animate on the preview pane shows only the live frames, so every render of the static preview
// during the drag competes for the one poser for nothing (docs/architecture.md, "One render path per frame").
// Prints, for an idle phase (Animate on, no drag) and a drag phase (a pose change every 16 ms, as a slider under the
// mouse gives):
//   - live frames shown per second, and distinct ones (a frame equal to the previous one is not counted);
//   - static preview renders in the same time (wasted while animating).
// Run: QT_QPA_PLATFORM=offscreen build/tests/studio/bench_live_drag [--seconds 20] [--threads N]
// Measure on a quiet machine: two inference threads slow down badly when anything else uses a core.

#include "bench_studio_start.h"
#include "pose/pose.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

using namespace ths;

namespace {

struct Counts {
    int shown = 0;
    int distinct = 0;
    int staticRenders = 0;
};

void printPhase(const char *name, const Counts &c, double seconds)
{
    std::printf("%-28s %5.1f s: live %4d frames (%.2f fps), distinct %4d (%.2f fps); static preview renders %3d "
                "(%.2f/s)\n",
                name, seconds, c.shown, c.shown / seconds, c.distinct, c.distinct / seconds, c.staticRenders,
                c.staticRenders / seconds);
}

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

int main(int argc, char **argv)
{
    bench::preferOffscreen();
    QGuiApplication app(argc, argv);
    std::optional<bench::BenchStudio> bench = bench::openBenchStudio(app, QStringLiteral("Length of each phase."));
    if (!bench)
        return 1;
    const int seconds = bench->seconds;
    Studio *studio = bench->launcher->studio();

    waitFor([&] { return studio->preview()->rendered() > 0; }, 300000);
    if (studio->preview()->rendered() == 0) {
        std::fprintf(stderr, "error: no preview frame within 300 s (engine: %s)\n", qPrintable(studio->engine()->error()));
        return 1;
    }

    Counts counts;
    QByteArray lastHash;
    QObject::connect(studio->live(), &LivePreview::frameReady, [&](const QImage &frame) {
        ++counts.shown;
        const QByteArray hash = QCryptographicHash::hash(
            QByteArrayView(reinterpret_cast<const char *>(frame.constBits()), frame.sizeInBytes()), QCryptographicHash::Md5);
        if (hash != lastHash)
            ++counts.distinct;
        lastHash = hash;
    });
    studio->live()->setAnimating(true);
    // Warm-up: the first live frames (thread start, caches).
    waitFor([&] { return counts.shown >= 3; }, 120000);

    const auto phase = [&](const char *name, bool drag) {
        counts = {};
        const int staticBefore = studio->preview()->rendered();
        const int row = Pose::indexOf(QStringLiteral("mouth_aaa_index"));
        QElapsedTimer clock;
        clock.start();
        QTimer mover;
        mover.setInterval(16);
        QObject::connect(&mover, &QTimer::timeout, [&] {
            const double p = (clock.elapsed() % 2000) / 2000.0;
            studio->poseEditor()->setValue(row, p < 0.5 ? p * 2 : 2 - p * 2);
        });
        if (drag)
            mover.start();
        while (clock.elapsed() < seconds * 1000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        mover.stop();
        if (drag)
            studio->poseEditor()->commitEdit();
        counts.staticRenders = studio->preview()->rendered() - staticBefore;
        printPhase(name, counts, clock.elapsed() / 1000.0);
    };
    phase("Animate on, no drag:", false);
    phase("Animate on, dragging:", true);
    studio->live()->setAnimating(false);
    return 0;
}
