// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the studio's responsiveness with the real networks, offscreen.
//   - launch → first preview frame (from the start of main, i.e. after the libraries loaded);
//   - slider → preview latency while a slider is dragged continuously (a pose change every 16 ms for --seconds);
//   - the GUI thread's lateness (how late a 5 ms timer fires) and the window's frame intervals while inference runs.
// Run: QT_QPA_PLATFORM=offscreen build/tests/studio/bench_studio [--seconds 20]

#include "bench_studio_start.h"
#include "pose/pose.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMetaEnum>
#include <QMutex>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

using namespace ths;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[qMin(values.size() - 1, qsizetype(p * (values.size() - 1) + 0.5))];
}

void printSeries(const char *name, const QList<double> &values)
{
    std::printf("%s: n=%lld median=%.1f p95=%.1f max=%.1f ms\n", name, static_cast<long long>(values.size()),
                percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0));
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    bench::preferOffscreen();
    QGuiApplication app(argc, argv);
    std::optional<bench::BenchStudio> bench = bench::openBenchStudio(app, QStringLiteral("Length of the continuous drag."));
    if (!bench)
        return 1;
    const int dragSeconds = bench->seconds;
    Studio *studio = bench->launcher->studio();
    QQuickWindow *window = bench->launcher->window();
    const double windowMs = sinceStart.nsecsElapsed() / 1e6;

    // GUI-thread watchers: timer lateness and frame intervals.
    QList<double> tickGaps, frameGaps;
    QElapsedTimer tick;
    tick.start();
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] { tickGaps << tick.nsecsElapsed() / 1e6; tick.restart(); });
    // frameSwapped comes from the scene graph's render thread under the threaded render loop.
    QMutex frameMutex;
    QElapsedTimer frameClock;
    frameClock.start();
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        QMutexLocker lock(&frameMutex);
        frameGaps << frameClock.nsecsElapsed() / 1e6;
        frameClock.restart();
    }, Qt::DirectConnection);

    double firstFrameMs = -1;
    QList<double> latencies;
    QObject::connect(studio->preview(), &PreviewRenderer::frameReady, [&] {
        if (firstFrameMs < 0)
            firstFrameMs = sinceStart.nsecsElapsed() / 1e6;
    });
    while (firstFrameMs < 0 && sinceStart.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (firstFrameMs < 0) {
        std::fprintf(stderr, "error: no preview frame within 300 s (engine: %s %s)\n", QMetaEnum::fromType<EngineController::State>().valueToKey(studio->engine()->state()),
                     qPrintable(studio->engine()->error()));
        return 1;
    }
    std::printf("window shown after %.0f ms; first preview frame after %.0f ms (engine load %.2f s)\n", windowMs,
                firstFrameMs, studio->engine()->loadSeconds());

    // The continuous drag: the mouth opens and closes, one setValue every 16 ms, as a slider under the mouse does.
    const int row = Pose::indexOf(QStringLiteral("mouth_aaa_index"));
    QObject::connect(studio->preview(), &PreviewRenderer::frameReady, [&] { latencies << studio->preview()->latencyMs(); });
    ticker.start();
    tick.restart();
    tickGaps.clear();
    {
        QMutexLocker lock(&frameMutex);
        frameClock.restart();
        frameGaps.clear();
    }
    latencies.clear();
    const int renderedBefore = studio->preview()->rendered();
    const int droppedBefore = studio->preview()->dropped();
    QElapsedTimer drag;
    drag.start();
    QTimer mover;
    mover.setInterval(16);
    QObject::connect(&mover, &QTimer::timeout, [&] {
        const double phase = (drag.elapsed() % 2000) / 2000.0;
        studio->poseEditor()->setValue(row, phase < 0.5 ? phase * 2 : 2 - phase * 2);
    });
    mover.start();
    while (drag.elapsed() < dragSeconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    mover.stop();
    studio->poseEditor()->commitEdit();
    ticker.stop();
    // The figures outlive nothing: stop the render thread's reports before the window goes (after main's locals).
    QObject::disconnect(window, &QQuickWindow::frameSwapped, window, nullptr);

    std::printf("drag %d s: %d frames rendered (%.2f fps), %d requests dropped as stale, ms/frame %.0f\n", dragSeconds,
                studio->preview()->rendered() - renderedBefore,
                (studio->preview()->rendered() - renderedBefore) / double(dragSeconds),
                studio->preview()->dropped() - droppedBefore, studio->preview()->msPerFrame());
    printSeries("slider->preview latency", latencies);
    for (double &g : tickGaps)
        g = qMax(0.0, g - 5.0);
    printSeries("GUI thread: 5 ms timer lateness", tickGaps);
    QMutexLocker lock(&frameMutex);
    printSeries("window frame interval", frameGaps);
    return 0;
}
