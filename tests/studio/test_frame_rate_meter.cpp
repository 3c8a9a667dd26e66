// SPDX-License-Identifier: GPL-3.0-or-later
// The previews' fps read-out: frames within the last two seconds, and a decayed() signal once they have passed.

#include "studio/frame_rate_meter.h"

#include <QSignalSpy>
#include <QTest>

using namespace ths;

class TestFrameRateMeter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsTheWindowThenDecays()
    {
        FrameRateMeter meter;
        QCOMPARE(meter.fps(), 0.0);
        QSignalSpy decayed(&meter, &FrameRateMeter::decayed);
        for (int i = 0; i < 4; ++i)
            meter.frame();
        QCOMPARE(meter.fps(), 4 * 1000.0 / FrameRateMeter::kWindowMs);
        QVERIFY(decayed.wait(int(FrameRateMeter::kWindowMs) + 2000));
        QCOMPARE(decayed.count(), 1);
        QCOMPARE(meter.fps(), 0.0);
        meter.frame(); // older frames have left the window
        QCOMPARE(meter.fps(), 1000.0 / FrameRateMeter::kWindowMs);
    }
};

QTEST_GUILESS_MAIN(TestFrameRateMeter)
#include "test_frame_rate_meter.moc"
