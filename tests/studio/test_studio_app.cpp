// SPDX-License-Identifier: GPL-3.0-or-later
// The whole studio as users start it (StudioLauncher: the same code as `talkinghead-studio studio`), offscreen:
// loads the real networks and the example character, drags a pose slider with the mouse, waits for the preview to
// show the new pose, saves a screenshot of the window and checks that the character's pixels are in the preview.

#include "engine/poser.h"
#include "studio/studio_launcher.h"

#include "support/real_weights.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

using namespace ths;

namespace {

void collect(QQuickItem *item, QList<QQuickItem *> &out)
{
    out << item;
    for (QQuickItem *child : item->childItems())
        collect(child, out);
}

QList<QQuickItem *> allItems(QQuickWindow *window)
{
    QList<QQuickItem *> items;
    collect(window->contentItem(), items);
    return items;
}

bool shown(QQuickItem *item)
{
    return item->isVisible() && item->width() > 0 && item->height() > 0 && item->opacity() > 0;
}

// The Image that shows the preview: its source is image://studio/preview… or image://studio/live….
QQuickItem *previewImage(QQuickWindow *window)
{
    for (QQuickItem *item : allItems(window)) {
        const QString source = item->property("source").toUrl().toString();
        if (shown(item) && (source.startsWith(QLatin1String("image://studio/preview"))
                            || source.startsWith(QLatin1String("image://studio/live"))))
            return item;
    }
    return nullptr;
}

// Enabled sliders lying wholly inside the window (a scrolled-away one is outside it).
QList<QQuickItem *> visibleSliders(QQuickWindow *window)
{
    QList<QQuickItem *> sliders;
    const QRectF windowRect(0, 0, window->width(), window->height());
    for (QQuickItem *item : allItems(window))
        if (shown(item) && item->inherits("QQuickSlider") && item->isEnabled()
            && windowRect.contains(item->mapRectToScene(QRectF(0, 0, item->width(), item->height()))))
            sliders << item;
    return sliders;
}

} // namespace

class TestStudioApp : public QObject
{
    Q_OBJECT

    std::unique_ptr<StudioLauncher> m_launcher;

private Q_SLOTS:
    void initTestCase()
    {
        THS_REQUIRE_REAL_WEIGHTS();
        // Settings, recent files and presets go to throw-away test locations, starting empty.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();

        StudioOptions options;
        options.modelsDirs = QStringList{QStringLiteral(THS_MODELS_DIR)};
        options.imagePath = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
        m_launcher = std::make_unique<StudioLauncher>(options);
        QString error;
        QVERIFY2(m_launcher->open(&error), qPrintable(error));
        QVERIFY(m_launcher->window());
        m_launcher->window()->resize(1280, 800);
        m_launcher->window()->show();
    }

    void cleanupTestCase()
    {
        m_launcher.reset();
    }

    void startsWithTheCharacterInThePreview()
    {
        Studio *studio = m_launcher->studio();
        QTRY_COMPARE_WITH_TIMEOUT(studio->engine()->state(), EngineController::Ready, 180000);
        QTRY_VERIFY_WITH_TIMEOUT(studio->character()->usable(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(studio->preview()->rendered() >= 1, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(previewImage(m_launcher->window()) != nullptr, 10000);
    }

    void draggingASliderUpdatesThePreview()
    {
        Studio *studio = m_launcher->studio();
        QQuickWindow *window = m_launcher->window();
        // The pose editor (Ctrl+2), then the first slider whose drag changes the pose.
        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!visibleSliders(window).isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!studio->preview()->busy(), 120000);
        const QImage before = studio->preview()->lastFrame();
        const int renderedBefore = studio->preview()->rendered();
        const QVariantMap poseBefore = studio->poseEditor()->pose();

        QQuickItem *slider = visibleSliders(window).first();
        const QPointF start = slider->mapToScene(QPointF(4, slider->height() / 2));
        const QPointF end = slider->mapToScene(QPointF(slider->width() * 0.8, slider->height() / 2));
        QTest::mousePress(window, Qt::LeftButton, {}, start.toPoint());
        for (int step = 1; step <= 10; ++step) {
            QTest::mouseMove(window, (start + (end - start) * step / 10.0).toPoint());
            QTest::qWait(20);
        }
        QTest::mouseRelease(window, Qt::LeftButton, {}, end.toPoint());
        QVERIFY2(studio->poseEditor()->pose() != poseBefore, "dragging the slider did not change the pose");

        // The preview catches up with the last pose: a new frame, different from before.
        QTRY_VERIFY_WITH_TIMEOUT(studio->preview()->rendered() > renderedBefore && !studio->preview()->busy(), 120000);
        const QImage after = studio->preview()->lastFrame();
        QVERIFY(!after.isNull());
        QVERIFY2(after != before, "the preview frame did not change after the slider moved");
        // The GUI never waited for a render: at most one render per distinct pose, usually fewer.
        QVERIFY(studio->preview()->rendered() - renderedBefore <= 11);
    }

    void screenshotShowsTheCharacter()
    {
        Studio *studio = m_launcher->studio();
        QQuickWindow *window = m_launcher->window();
        QQuickItem *image = previewImage(window);
        QVERIFY(image);
        const QImage frame = studio->preview()->lastFrame().convertToFormat(QImage::Format_RGBA8888);
        // Wait until the Image shows the latest frame, then grab the window.
        QTRY_VERIFY_WITH_TIMEOUT(image->property("status").toInt() == 1 /* Image.Ready */, 10000);
        QTest::qWait(200);
        const QImage shot = window->grabWindow().convertToFormat(QImage::Format_RGBA8888);
        QVERIFY(!shot.isNull());
        const QString path = QDir::current().filePath(QStringLiteral("studio_startup.png"));
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s (%dx%d)", qPrintable(path), shot.width(), shot.height());

        // Where the frame is drawn: the Image's painted area (fit, centred), in window pixels.
        const qreal dpr = shot.width() / qreal(window->width());
        const qreal paintedW = image->property("paintedWidth").toReal();
        const qreal paintedH = image->property("paintedHeight").toReal();
        QVERIFY(paintedW > 64 && paintedH > 64);
        const QPointF topLeft = image->mapToScene(QPointF((image->width() - paintedW) / 2, (image->height() - paintedH) / 2));
        // Sample the character's opaque pixels and compare them with the screenshot.
        int samples = 0, matching = 0;
        for (int y = 8; y < frame.height(); y += 16) {
            for (int x = 8; x < frame.width(); x += 16) {
                const QColor c = frame.pixelColor(x, y);
                if (c.alpha() < 255)
                    continue;
                const QPoint p = ((topLeft + QPointF(x * paintedW / frame.width(), y * paintedH / frame.height())) * dpr).toPoint();
                if (!shot.rect().contains(p))
                    continue;
                const QColor s = shot.pixelColor(p);
                ++samples;
                if (qAbs(s.red() - c.red()) + qAbs(s.green() - c.green()) + qAbs(s.blue() - c.blue()) < 60)
                    ++matching;
            }
        }
        QVERIFY2(samples > 100, qPrintable(QStringLiteral("only %1 opaque character samples in view").arg(samples)));
        QVERIFY2(matching > samples * 0.8, qPrintable(QStringLiteral("%1 of %2 character pixels found in the preview area")
                                                          .arg(matching).arg(samples)));
    }
};

QTEST_MAIN(TestStudioApp)
#include "test_studio_app.moc"
