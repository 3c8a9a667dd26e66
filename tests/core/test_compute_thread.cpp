// SPDX-License-Identifier: GPL-3.0-or-later
// All OpenMP work runs on one thread, whichever thread asks: one team of workers for the process.

#include "core/compute_thread.h"

#include <QFile>
#include <QTest>

#include <omp.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

pid_t tid()
{
    return pid_t(syscall(SYS_gettid));
}

// The threads that ran the body of one parallel region, added to `seen`.
void parallelRegion(std::set<pid_t> &seen, std::mutex &m)
{
#pragma omp parallel
    {
        std::lock_guard lock(m);
        seen.insert(tid());
    }
}

// Two callers that stay alive (like the live character's render thread and the studio's preview thread) each open
// parallel regions, through `run`, alternately. Returns the threads that ran region bodies.
template<class Run>
std::set<pid_t> twoLiveCallers(Run run)
{
    std::set<pid_t> seen;
    std::mutex m;
    std::mutex turn;
    std::thread a([&] {
        for (int i = 0; i < 3; ++i) {
            std::lock_guard t(turn);
            run([&] { parallelRegion(seen, m); });
        }
    });
    std::thread b([&] {
        for (int i = 0; i < 3; ++i) {
            std::lock_guard t(turn);
            run([&] { parallelRegion(seen, m); });
        }
    });
    a.join();
    b.join();
    return seen;
}

// Voluntary context switches of thread `t` of this process so far.
long voluntarySwitches(pid_t t)
{
    QFile f(QStringLiteral("/proc/self/task/%1/status").arg(t));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(24).trimmed().toLong();
    return -1;
}

} // namespace

class TestComputeThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobsFromAnyThreadRunOnTheSameThread()
    {
        QVERIFY(!ths::isComputeThread());
        const pid_t first = ths::onComputeThread([] { return tid(); });
        QVERIFY(first != tid());
        std::vector<pid_t> others(4);
        std::vector<std::thread> callers;
        for (size_t i = 0; i < others.size(); ++i)
            callers.emplace_back([&, i] { others[i] = ths::onComputeThread([] { return tid(); }); });
        for (auto &t : callers)
            t.join();
        for (const pid_t t : others)
            QCOMPARE(t, first);
        QVERIFY(ths::onComputeThread([] { return ths::isComputeThread(); }));
    }

    void resultsAndSideEffectsReachTheCaller()
    {
        auto owned = ths::onComputeThread([] { return std::make_unique<int>(42); }); // move-only result
        QCOMPARE(*owned, 42);
        int counter = 0;
        ths::onComputeThread([&] { ++counter; });
        QCOMPARE(counter, 1);
    }

    void anExceptionReachesTheCallerAndTheThreadGoesOn()
    {
        bool caught = false;
        try {
            ths::onComputeThread([]() -> int { throw std::runtime_error("weights: bad key"); });
        } catch (const std::runtime_error &e) {
            caught = QByteArray(e.what()) == "weights: bad key";
        }
        QVERIFY(caught);
        QCOMPARE(ths::onComputeThread([] { return 7; }), 7);
    }

    void aJobPostedFromTheComputeThreadRunsAtOnce()
    {
        // A poser's render inside a look job (or the reverse) must not wait for itself.
        const int inner = ths::onComputeThread([] { return ths::onComputeThread([] { return 3; }) + 1; });
        QCOMPARE(inner, 4);
    }

    void concurrentCallersAllGetTheirOwnResult()
    {
        std::atomic<int> wrong{0};
        std::vector<std::thread> callers;
        for (int c = 0; c < 8; ++c)
            callers.emplace_back([&, c] {
                for (int i = 0; i < 200; ++i)
                    if (ths::onComputeThread([&] { return c * 1000 + i; }) != c * 1000 + i)
                        ++wrong;
            });
        for (auto &t : callers)
            t.join();
        QCOMPARE(wrong.load(), 0);
    }

    void oneOpenMpTeamWhateverThreadAsks()
    {
        const int team = omp_get_max_threads();
        const std::set<pid_t> viaComputeThread = twoLiveCallers([](auto region) { ths::onComputeThread(region); });
        QVERIFY2(int(viaComputeThread.size()) <= team,
                 qPrintable(QStringLiteral("%1 threads ran parallel regions; one team has %2")
                                .arg(viaComputeThread.size()).arg(team)));
        // What it prevents: each live caller gets a team of its own.
        const std::set<pid_t> direct = twoLiveCallers([](auto region) { region(); });
        QCOMPARE(int(direct.size()), 2 * team);
    }

    void theWorkersSleepSoonAfterARegion()
    {
        // The process's spin-wait reached libgomp (it reads its environment before any constructor of ours runs).
        if (!ths::openMpSpinCountDefault())
            QSKIP("GOMP_SPINCOUNT or OMP_WAIT_POLICY is set: the user's choice stands");
        QCOMPARE(ths::openMpSpinCountDefault(), "3000");
        // The environment this process was started with (the restart's), which libgomp read:
        QFile startEnvironment(QStringLiteral("/proc/self/environ"));
        QVERIFY(startEnvironment.open(QIODevice::ReadOnly));
        QVERIFY(startEnvironment.readAll().split('\0').contains("GOMP_SPINCOUNT=3000"));
        QVERIFY(!qEnvironmentVariableIsSet("GOMP_SPINCOUNT")); // not passed on to child processes
        if (ths::onComputeThread([] { return omp_get_max_threads(); }) < 2)
            QSKIP("one core: no workers");
        // Regions 2 ms apart: a worker spinning some 30 µs sleeps in every gap; libgomp's default of some milliseconds
        // would keep it spinning (and off the core another thread needs) through most of them.
        std::set<pid_t> workers;
        std::mutex m;
        const pid_t master = ths::onComputeThread([] { return tid(); });
        auto regions = [&](int n) {
            ths::onComputeThread([&] {
                for (int i = 0; i < n; ++i) {
#pragma omp parallel
                    {
                        std::lock_guard lock(m);
                        if (tid() != master)
                            workers.insert(tid());
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
            });
        };
        regions(1);
        QVERIFY(!workers.empty());
        const pid_t worker = *workers.begin();
        const long before = voluntarySwitches(worker);
        regions(100);
        const long slept = voluntarySwitches(worker) - before;
        QVERIFY2(slept >= 50, qPrintable(QStringLiteral("the worker slept %1 times in 100 gaps").arg(slept)));
    }
};

QTEST_GUILESS_MAIN(TestComputeThread)
#include "test_compute_thread.moc"
