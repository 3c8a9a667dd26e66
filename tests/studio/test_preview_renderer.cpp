// SPDX-License-Identifier: GPL-3.0-or-later
// The manual-pose preview with the real poser: rapid requests (a slider drag) are coalesced latest-wins on the
// worker (fewer renders than requests, the rest counted as dropped), request() never waits for a render, and the
// frame finally shown is exactly what the poser renders for the last pose.

#include "image/image_import.h"
#include "engine/poser.h"
#include "studio/preview_renderer.h"
#include "studio/studio_image_provider.h"
#include "support/address_space_cap.h"

#include "support/real_weights.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace ths;

namespace {
const int kHeadX = Pose::indexOf(QStringLiteral("head_x_index"));
const int kAaa = Pose::indexOf(QStringLiteral("mouth_aaa_index"));

bool idle(PreviewRenderer &preview)
{
    return QTest::qWaitFor([&] { return !preview.busy(); }, 180000);
}
} // namespace

class TestPreviewRenderer : public QObject
{
    Q_OBJECT

    std::shared_ptr<Poser> m_poser;
    QImage m_image;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        PoserOptions options;
        options.modelsDir = QStringLiteral(THS_MODELS_DIR);
        m_poser = std::make_shared<Poser>(options);
        const ImportedImage imported = importImageFile(QStringLiteral(THS_IMAGES_DIR "/lambda_00.png"));
        QVERIFY(imported.report.ok());
        m_image = imported.image;
    }

    void waitsForPoserAndImage()
    {
        PreviewRenderer preview(nullptr);
        QSignalSpy frames(&preview, &PreviewRenderer::frameReady);
        preview.setPoser(m_poser);
        preview.request(Pose());
        QVERIFY(preview.busy());
        QVERIFY(preview.frameUrl().isEmpty());
        QTest::qWait(500); // no image yet: nothing can render
        QCOMPARE(frames.count(), 0);
        // The pending request renders as soon as the character arrives.
        preview.setImage(m_image);
        QVERIFY(frames.wait(120000));
        QVERIFY(idle(preview));
        QCOMPARE(preview.rendered(), 1);
        QCOMPARE(preview.dropped(), 0);
        QVERIFY(preview.error().isEmpty());
    }

    void rapidRequestsAreCoalescedLatestWins()
    {
        auto images = std::make_shared<StudioImages>();
        PreviewRenderer preview(images);
        preview.setPoser(m_poser);
        preview.setImage(m_image);
        QSignalSpy frames(&preview, &PreviewRenderer::frameReady);
        QSignalSpy busy(&preview, &PreviewRenderer::busyChanged);

        // A slider drag: 40 poses in a row, faster than any render.
        const int requests = 40;
        Pose pose;
        for (int i = 0; i < requests; ++i) {
            pose[kHeadX] = -1.0f + 2.0f * i / (requests - 1);
            pose[kAaa] = float(i) / (requests - 1);
            preview.request(pose);
            // request() came back before any frame was ready: it never waits for the poser.
            QCOMPARE(frames.count(), 0);
            QCOMPARE(preview.rendered(), 0);
            QVERIFY(preview.busy());
        }
        QCOMPARE(busy.count(), 1); // busy from the first request on
        QVERIFY(idle(preview));
        QCOMPARE(busy.count(), 2);

        QVERIFY(preview.rendered() >= 1);
        QVERIFY2(preview.rendered() < requests, qPrintable(QString::number(preview.rendered())));
        QVERIFY(preview.dropped() > 0);
        QCOMPARE(preview.rendered() + preview.dropped(), requests); // every request was rendered or replaced
        QCOMPARE(frames.count(), preview.rendered());
        QVERIFY(preview.msPerFrame() > 0);
        QVERIFY(preview.fps() > 0);

        // The last frame is the last pose, exactly as the poser renders it.
        const QImage last = frames.last().at(0).value<QImage>();
        QCOMPARE(last, preview.lastFrame());
        m_poser->setImage(m_image);
        const QImage direct = m_poser->render(pose);
        QCOMPARE(last.size(), QSize(512, 512));
        QVERIFY(last == direct);

        // …and it is what image://studio/preview shows.
        QCOMPARE(preview.frameUrl().path(), QStringLiteral("/preview"));
        StudioImageProvider provider(images);
        QSize size;
        QVERIFY(provider.requestImage(QStringLiteral("preview?") + preview.frameUrl().query(), &size, {}) == direct);

        // A request while a render runs returns at once as well; the frame comes later.
        const QUrl before = preview.frameUrl();
        pose[kHeadX] = 0.0f;
        preview.request(pose);
        QVERIFY(preview.busy());
        QCOMPARE(preview.frameUrl(), before);
        QVERIFY(idle(preview));
        QVERIFY(preview.frameUrl() != before);

        // Once no frame has come for the fps window, fps is announced again and reads 0 (the display does not
        // keep showing the drag's rate).
        QSignalSpy stats(&preview, &PreviewRenderer::statsChanged);
        QVERIFY(stats.wait(10000));
        QCOMPARE(preview.fps(), 0.0);
    }

    void destroyedWhileRendering()
    {
        // Deleting the renderer mid-render waits for that render and drops its result; nothing crashes.
        auto preview = std::make_unique<PreviewRenderer>(nullptr);
        preview->setPoser(m_poser);
        preview->setImage(m_image);
        preview->request(Pose());
        QTest::qWait(50);
        preview.reset();
        QTest::qWait(100);
    }
    // A render that fails with anything libtorch throws (here: out of memory) is reported, and the worker lives on.
    void aFailingRenderIsReportedNotFatal()
    {
        PreviewRenderer preview(nullptr);
        preview.setPoser(m_poser);
        preview.setImage(m_image);
        preview.request(Pose());
        QVERIFY(idle(preview));
        QCOMPARE(preview.rendered(), 1);
        {
            AddressSpaceCap cap(4 << 20);
            QVERIFY(cap.active());
            Pose pose;
            pose[kHeadX] = 0.5f;
            preview.request(pose);
            QVERIFY(idle(preview));
        }
        QVERIFY2(!preview.error().isEmpty(), "the failed render was not reported");
        QCOMPARE(preview.rendered(), 1);
        // Memory is back: the next request renders again and clears the error.
        preview.request(Pose());
        QVERIFY(idle(preview));
        QCOMPARE(preview.rendered(), 2);
        QVERIFY(preview.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPreviewRenderer)
#include "test_preview_renderer.moc"
