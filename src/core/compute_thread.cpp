// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compute_thread.h"

#include "core/thread_priority.h"

#include <alloca.h>
#include <pthread.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace ths {

namespace {

// libgomp's spin-wait. A worker that finishes its share of a parallel region spins this many iterations (about 30 µs)
// for the next region before it sleeps. libgomp's own default (300,000, some milliseconds) wins only while the team has
// the cores to itself: as soon as anything else wants a core — the GUI thread, the PNG encoder, a local language
// model — the spinning worker takes the time slice its partner needs, at each of a frame's hundreds of regions, and a
// frame took ten times as long (serve next to one busy process: 0.4 frames/s against 2.8; the studio while a slider is
// dragged: 0.4 against 2.6). No spinning at all (OMP_WAIT_POLICY=passive) costs 15 % on idle cores (221–228 against
// 190–196 ms a frame) in sleeps and wake-ups. A user's GOMP_SPINCOUNT or OMP_WAIT_POLICY wins.
constexpr char kSpinCount[] = "3000";
constexpr char kSpinCountVariable[] = "GOMP_SPINCOUNT=3000";
constexpr char kMarkerName[] = "THS_OPENMP_SPINCOUNT";
constexpr char kMarkerVariable[] = "THS_OPENMP_SPINCOUNT=1";
bool g_spinCountSet = false;

bool startsWith(const char *text, const char *prefix)
{
    return std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

// libgomp reads its environment once, in its initialiser, and nothing can change the spin-wait after that; libc's
// initialiser, which runs first, discards a setenv() made before it. So the executable starts itself once more with
// the variable, before any initialiser has run: the functions in an executable's .preinit_array run right after the
// dynamic loader (what is repeated, the kernel's exec and the loader's relocations, costs about 0.2 s; the libraries'
// initialisers run once). The file restarted is the one the kernel was asked to execute (AT_EXECFN), or
// /proc/self/exe where that was a descriptor (fexecve), closed by now. No restart, and libgomp's default stays: where
// the dynamic loader was started by hand with the program as its argument (no AT_BASE: the loader is the executable,
// and a restart would run it without its arguments), under valgrind (a restart would leave valgrind: it follows no
// exec by default), and where the restart fails.
void restartWithSpinCount(int, char **argv, char **envp)
{
    const char *executable = reinterpret_cast<const char *>(getauxval(AT_EXECFN));
    if (getauxval(AT_BASE) == 0 || !executable)
        return;
    if (startsWith(executable, "/dev/fd/"))
        executable = "/proc/self/exe";
    size_t count = 0;
    for (char **e = envp; *e; ++e, ++count)
        if (startsWith(*e, "GOMP_SPINCOUNT=") || startsWith(*e, "OMP_WAIT_POLICY=") || startsWith(*e, kMarkerVariable)
            || (startsWith(*e, "LD_PRELOAD=") && std::strstr(*e, "vgpreload")))
            return;
    auto **env = static_cast<char **>(alloca((count + 3) * sizeof(char *)));
    std::memcpy(env, envp, count * sizeof(char *));
    env[count] = const_cast<char *>(kSpinCountVariable);
    env[count + 1] = const_cast<char *>(kMarkerVariable);
    env[count + 2] = nullptr;
    execve(executable, argv, env);
}
// This file is linked statically into every executable that computes (ths_core is a static library).
[[gnu::section(".preinit_array"), gnu::used]] void (*const g_restartWithSpinCount)(int, char **, char **) =
    &restartWithSpinCount;

// By the time ordinary constructors run, libgomp has read it: take it back out of the environment, so that child
// processes (the original's Python code in the parity tests, say) keep their own defaults.
[[gnu::constructor]] void clearSpinCountVariables()
{
    if (std::getenv(kMarkerName)) {
        g_spinCountSet = true;
        unsetenv(kMarkerName);
        unsetenv("GOMP_SPINCOUNT");
    }
}

struct Job {
    const std::function<void()> *run = nullptr;
    std::exception_ptr error;
    bool done = false;
};

class ComputeThread
{
public:
    ComputeThread()
        : m_thread([this] { loop(); })
    {
        m_id = m_thread.get_id();
        // Never joined: it lives as long as the process (see instance()), and at exit it waits for work that no
        // longer comes.
        m_thread.detach();
    }

    [[nodiscard]] std::thread::id id() const { return m_id; }

    void run(const std::function<void()> &fn)
    {
        Job job;
        job.run = &fn;
        std::unique_lock lock(m_mutex);
        m_queue.push_back(&job);
        m_posted.notify_one();
        m_finished.wait(lock, [&] { return job.done; });
        lock.unlock();
        if (job.error)
            std::rethrow_exception(job.error);
    }

private:
    void loop()
    {
        lowerCurrentThreadPriority(); // the GUI and HTTP threads come first; the OpenMP workers inherit it
        pthread_setname_np(pthread_self(), "ths-compute"); // for top and debuggers; the workers inherit it too
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_posted.wait(lock, [&] { return !m_queue.empty(); });
            Job *job = m_queue.front();
            m_queue.pop_front();
            lock.unlock();
            try {
                (*job->run)();
            } catch (...) {
                job->error = std::current_exception();
            }
            lock.lock();
            job->done = true;
            m_finished.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_posted;
    std::condition_variable m_finished;
    std::deque<Job *> m_queue;
    std::thread m_thread;
    std::thread::id m_id;
};

ComputeThread &instance()
{
    // Deliberately never destroyed: posers and looks held by static or late-destroyed objects may still hand it work
    // while the process ends.
    static ComputeThread *thread = new ComputeThread;
    return *thread;
}

} // namespace

void runComputeJob(const std::function<void()> &job)
{
    if (isComputeThread())
        job();
    else
        instance().run(job);
}

const char *openMpSpinCountDefault()
{
    return g_spinCountSet ? kSpinCount : nullptr;
}

bool isComputeThread()
{
    return std::this_thread::get_id() == instance().id();
}

} // namespace ths
