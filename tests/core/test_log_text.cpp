// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded log lines: long client values are shortened with their length, repeated messages rate-limited.

#include "core/log_text.h"

#include <QTest>

using namespace ths;

class TestLogText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void boundedValues()
    {
        QCOMPARE(boundedForLog(QStringLiteral("joy")), QStringLiteral("joy"));
        QCOMPARE(boundedForLog(QString(120, QLatin1Char('a'))), QString(120, QLatin1Char('a')));
        QCOMPARE(boundedForLog(QString(1000000, QLatin1Char('b')), 5), QStringLiteral("bbbbb… (1000000 characters)"));
    }

    void rateLimit()
    {
        LogRateLimit limit(3, 200);
        int suppressed = -1;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(limit.allow(&suppressed));
            QCOMPARE(suppressed, 0);
        }
        for (int i = 0; i < 50; ++i)
            QVERIFY(!limit.allow(&suppressed));
        QTest::qWait(250); // the next window
        QVERIFY(limit.allow(&suppressed));
        QCOMPARE(suppressed, 50); // the first message after a burst says what was dropped
        QVERIFY(limit.allow(&suppressed));
        QCOMPARE(suppressed, 0);
    }
};

QTEST_MAIN(TestLogText)
#include "test_log_text.moc"
