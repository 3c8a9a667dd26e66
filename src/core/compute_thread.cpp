// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compute_thread.h"

#include "core/thread_priority.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace ths {

namespace {

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
    ComputeThread &thread = instance();
    if (std::this_thread::get_id() == thread.id()) {
        job();
        return;
    }
    thread.run(job);
}

bool isComputeThread()
{
    return std::this_thread::get_id() == instance().id();
}

} // namespace ths
