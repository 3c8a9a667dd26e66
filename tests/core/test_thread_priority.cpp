// SPDX-License-Identifier: GPL-3.0-or-later
// Inference threads run below the GUI and HTTP threads, and only the calling thread is lowered.

#include "core/thread_priority.h"

#include <QTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

namespace {
int niceOfThisThread()
{
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}
} // namespace

class TestThreadPriority : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lowersOnlyTheCallingThreadAndItsChildren()
    {
        const int mainBefore = niceOfThisThread();
        int lowered = -100, child = -100, again = -100;
        std::thread worker([&] {
            ths::lowerCurrentThreadPriority();
            lowered = niceOfThisThread();
            std::thread([&] { child = niceOfThisThread(); }).join(); // e.g. the OpenMP workers it starts
            ths::lowerCurrentThreadPriority();
            again = niceOfThisThread();
        });
        worker.join();
        QVERIFY2(lowered > mainBefore, qPrintable(QStringLiteral("nice %1 → %2").arg(mainBefore).arg(lowered)));
        QCOMPARE(child, lowered);
        QCOMPARE(again, lowered); // idempotent
        QCOMPARE(niceOfThisThread(), mainBefore);
    }
};

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "test_thread_priority.moc"
