// SPDX-License-Identifier: GPL-3.0-or-later
// The poser with the real THA3 weights on the example character: what poses do to the picture, determinism, the
// caches (which networks run, and that they never change a pixel), and the errors of a bad set-up.

#include "tha3/engine_error.h"
#include "engine/poser.h"

#include "core/compute_thread.h"
#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <ATen/Parallel.h>

#include <QThread>

#include <cmath>
#include <memory>
#include <thread>

using namespace ths;

namespace {

const QString kModels = QStringLiteral(THS_MODELS_DIR);
const QString kCharacter = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");

// Per-pixel change mask: the largest channel difference exceeds `threshold`.
struct Change {
    int inside = 0, outside = 0;
    double meanAbs = 0;
    double rowCentroid = 0;
};

Change compare(const QImage &a, const QImage &b, const QRect &box, int threshold)
{
    Change c;
    double sum = 0, rows = 0;
    for (int y = 0; y < a.height(); ++y) {
        const uchar *pa = a.constScanLine(y), *pb = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x) {
            int d = 0;
            for (int k = 0; k < 4; ++k) {
                const int dk = std::abs(int(pa[4 * x + k]) - int(pb[4 * x + k]));
                d = std::max(d, dk);
                sum += dk;
            }
            if (d > threshold) {
                (box.contains(x, y) ? c.inside : c.outside)++;
                rows += y;
            }
        }
    }
    c.meanAbs = sum / (a.width() * a.height() * 4.0);
    const int changed = c.inside + c.outside;
    c.rowCentroid = changed ? rows / changed : -1;
    return c;
}

Pose poseWith(std::initializer_list<std::pair<const char *, float>> values)
{
    Pose p;
    for (const auto &[name, v] : values)
        p.setValue(QString::fromLatin1(name), v);
    return p;
}

} // namespace

class TestPoser : public QObject
{
    Q_OBJECT

    std::unique_ptr<Poser> m_poser;
    QImage m_input;
    QImage m_rest;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = kModels;
        m_poser = std::make_unique<Poser>(options);
        m_input = QImage(kCharacter).convertToFormat(QImage::Format_RGBA8888);
        m_poser->setImage(m_input);
        m_rest = m_poser->render(Pose());
    }

    void restPoseKeepsTheCharacter()
    {
        QCOMPARE(m_rest.size(), QSize(512, 512));
        QCOMPARE(m_rest.format(), QImage::Format_RGBA8888);
        // Compare with the input where the input is visible (its transparent pixels' colour is meaningless).
        int opaqueInput = 0, opaqueBoth = 0;
        double colourDiff = 0;
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x) {
                const QRgb a = m_input.pixel(x, y), b = m_rest.pixel(x, y);
                if (qAlpha(a) > 128) {
                    ++opaqueInput;
                    if (qAlpha(b) > 128) {
                        ++opaqueBoth;
                        colourDiff += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
                    }
                }
            }
        const double overlap = double(opaqueBoth) / opaqueInput, meanColour = colourDiff / (3.0 * opaqueBoth);
        qInfo("rest pose: %.4f of the opaque input stays opaque; mean colour difference %.2f levels", overlap, meanColour);
        QVERIFY(opaqueInput > 20000);
        QVERIFY(overlap > 0.97);
        QVERIFY(meanColour < 6.0);
    }

    void mouthChangesOnlyTheFace()
    {
        const QImage open = m_poser->render(poseWith({{"mouth_aaa_index", 1.0f}}));
        const QRect face(160, 32, 192, 192); // the face morpher's crop
        const Change c = compare(m_rest, open, face, 16);
        qInfo("mouth_aaa=1: %d pixels changed inside the face box, %d outside", c.inside, c.outside);
        QVERIFY(c.inside > 150);
        QVERIFY(c.outside <= c.inside / 50);
    }

    void headTurnMovesTheHead()
    {
        const QImage turned = m_poser->render(poseWith({{"head_y_index", 1.0f}}));
        const QImage tilted = m_poser->render(poseWith({{"head_x_index", 1.0f}}));
        const QRect head(128, 0, 256, 256);
        for (const QImage &moved : {turned, tilted}) {
            const Change c = compare(m_rest, moved, head, 32);
            qInfo("head rotation: %d changed pixels in the head area, %d elsewhere, centroid row %.0f", c.inside, c.outside, c.rowCentroid);
            QVERIFY(c.inside > 2000);
            QVERIFY(c.rowCentroid < 256);
        }
    }

    void deterministic()
    {
        const Pose p = poseWith({{"eye_wink_left_index", 0.7f}, {"head_y_index", -0.3f}, {"breathing_index", 0.5f}});
        QCOMPARE(m_poser->render(p), m_poser->render(p));
        QCOMPARE(m_poser->render(Pose()), m_rest);
    }

    void renderWithImageIsOneStep()
    {
        // Two users sharing the poser with different images each get their own character.
        QImage other = m_input.mirrored(true, false);
        const QImage mirroredRest = m_poser->render(other, Pose());
        QVERIFY(mirroredRest != m_rest);
        QCOMPARE(m_poser->render(m_input, Pose()), m_rest);
        // Same pixels again: the decomposition is reused.
        const NetworkRuns before = m_poser->runs();
        QCOMPARE(m_poser->render(m_input.copy(), Pose()), m_rest);
        QCOMPARE(m_poser->runs().decomposer, before.decomposer);
        QVERIFY_THROWS_EXCEPTION(EngineError, m_poser->render(QImage(256, 256, QImage::Format_RGBA8888), Pose()));
    }

    void everyRenderUsesItsPosersThreadCount()
    {
        // A render of another poser made with one thread sets libtorch's count (on the compute thread, where every
        // poser renders, whoever calls); a render of the first poser still runs with its own count, asked from this
        // thread and from a fresh one.
        const int ours = std::max(1, QThread::idealThreadCount());
        auto computeThreads = [] { return onComputeThread([] { return at::get_num_threads(); }); };
        PoserOptions single;
        single.modelsDir = kModels;
        single.threads = 1;
        Poser other(single);
        other.render(m_input, Pose());
        QCOMPARE(computeThreads(), 1);
        QCOMPARE(m_poser->render(m_input, Pose()), m_rest);
        QCOMPARE(computeThreads(), ours);
        onComputeThread([] { at::set_num_threads(1); });
        int onWorker = -1;
        std::thread worker([&] {
            m_poser->render(m_input, Pose());
            onWorker = computeThreads();
        });
        worker.join();
        QCOMPARE(onWorker, ours);
    }

    void cachesSkipUnchangedStages()
    {
        NetworkRuns before = m_poser->runs();
        m_poser->setImage(m_input.copy()); // same content, another buffer
        m_poser->render(Pose());
        NetworkRuns after = m_poser->runs();
        QCOMPARE(after.decomposer, before.decomposer);

        // Rotation and breathing only: the eyebrow and face stages are reused.
        before = after;
        m_poser->render(poseWith({{"head_y_index", 0.4f}, {"breathing_index", 0.8f}}));
        after = m_poser->runs();
        QCOMPARE(after.combiner, before.combiner);
        QCOMPARE(after.faceMorpher, before.faceMorpher);
        QCOMPARE(after.rotator, before.rotator + 1);
        QCOMPARE(after.editor, before.editor + 1);
        QCOMPARE(m_poser->lastTimings().faceMorpher, 0.0);

        // A face parameter re-runs the face morpher but not the eyebrow combiner.
        before = after;
        m_poser->render(poseWith({{"head_y_index", 0.4f}, {"mouth_ooo_index", 0.6f}}));
        after = m_poser->runs();
        QCOMPARE(after.combiner, before.combiner);
        QCOMPARE(after.faceMorpher, before.faceMorpher + 1);

        // New content in the same buffer (the original's stale-cache pitfall): the decomposer runs again.
        QImage buffer = m_input.copy();
        m_poser->setImage(buffer);
        m_poser->render(Pose());
        before = m_poser->runs();
        buffer.setPixel(250, 100, qRgba(255, 0, 0, 255));
        m_poser->setImage(buffer);
        m_poser->render(Pose());
        QCOMPARE(m_poser->runs().decomposer, before.decomposer + 1);
        m_poser->setImage(m_input);
    }

    void cachesNeverChangePixels()
    {
        PoserOptions options;
        options.modelsDir = kModels;
        options.caching = false;
        Poser uncached(options);
        uncached.setImage(m_input);
        const Pose sequence[] = {Pose(), poseWith({{"head_y_index", 0.5f}}), poseWith({{"head_y_index", 0.5f}, {"neck_z_index", -0.2f}}),
                                 poseWith({{"eyebrow_happy_left_index", 1.0f}, {"neck_z_index", -0.2f}})};
        for (const Pose &p : sequence)
            QCOMPARE(uncached.render(p), m_poser->render(p));
        QCOMPARE(uncached.runs().decomposer, 4);
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(EngineError, m_poser->setImage(QImage(256, 256, QImage::Format_RGBA8888)));

        QTemporaryDir empty;
        PoserOptions options;
        options.modelsDir = empty.path();
        try {
            Poser p(options);
            QFAIL("loaded from an empty directory");
        } catch (const EngineError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(empty.path() + QStringLiteral("/separable_float/eyebrow_decomposer.pt is missing"))
                         && QString::fromUtf8(e.what()).contains(QStringLiteral("talking-head-anime-3-demo")),
                     qPrintable(QString::fromUtf8(e.what())));
        }
        QCOMPARE(Poser::missingWeightFiles(empty.path(), ModelVariant::StandardHalf).size(), 5);

        // The separable files placed where the standard ones belong: the error names the file and the key.
        QTemporaryDir wrong;
        QVERIFY(QDir(wrong.path()).mkpath(QStringLiteral("standard_float")));
        for (const QString &n : Poser::networkNames())
            QVERIFY(QFile::copy(kModels + QStringLiteral("/separable_float/") + n + QStringLiteral(".pt"),
                                wrong.path() + QStringLiteral("/standard_float/") + n + QStringLiteral(".pt")));
        options.modelsDir = wrong.path();
        options.variant = ModelVariant::StandardFloat;
        try {
            Poser p(options);
            QFAIL("loaded separable weights as standard");
        } catch (const EngineError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("standard_float/eyebrow_decomposer.pt: key \"body.downsample_blocks.0.0.weight\" has shape [4, 1, 3, 3]; expected [64, 4, 3, 3]")), qPrintable(QString::fromUtf8(e.what())));
        }

        options.modelsDir = kModels;
        options.variant = ModelVariant::SeparableFloat;
        options.device = QStringLiteral("cuda");
        try {
            Poser p(options);
            QSKIP("CUDA is available here; the unavailable-device error cannot be checked");
        } catch (const EngineError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("CUDA is not available")), qPrintable(QString::fromUtf8(e.what())));
        }
        options.device = QStringLiteral("tpu");
        QVERIFY_THROWS_EXCEPTION(EngineError, Poser{options});

        PoserOptions fresh;
        fresh.modelsDir = kModels;
        Poser noImage(fresh);
        QVERIFY_THROWS_EXCEPTION(EngineError, noImage.render(Pose()));
    }
};

QTEST_GUILESS_MAIN(TestPoser)
#include "test_poser.moc"
