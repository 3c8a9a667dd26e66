// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one thread that runs the process's OpenMP work: the poser's networks (libtorch parallelises its operators with
// OpenMP, and so do our kernels) and the look filters.
//
// Why one thread: libgomp keeps a team of worker threads for every thread that has opened a parallel region, for as
// long as that thread lives. As soon as the workers of all teams outnumber the cores, it shortens every worker's
// spin-wait at the end of a region to 100 iterations (fixed inside libgomp; GOMP_SPINCOUNT does not reach it), so the
// workers fall asleep and have to be woken at each of the hundreds of parallel regions of a frame. That happened as
// soon as a second thread had opened one: `serve` loaded the weights on its main thread and rendered on the live
// character's thread, and lost 15–20 % of every frame to 4,000 context switches a second (the studio, with its
// preview, exporter and live character on three threads, more). With all such work on this
// thread there is one team, whatever thread asks. How long the team's workers spin for the next region before they
// sleep is set in compute_thread.cpp.
//
// Callers block until their job has run. Jobs run one at a time, in the order they were posted; a job posted from
// the compute thread itself runs at once. A job's exception is rethrown to its caller. Never post from inside a
// parallel region: a worker of the compute thread's team would wait for the compute thread, which waits for it at the
// region's end. The thread runs below the GUI and HTTP threads (thread_priority.h), and so do the OpenMP workers it
// starts.

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace ths {

// Runs `job` on the compute thread and waits for it.
void runComputeJob(const std::function<void()> &job);

// The spin-wait this process gave libgomp at start (see compute_thread.cpp), or null where the user's environment
// chose one (GOMP_SPINCOUNT, OMP_WAIT_POLICY).
const char *openMpSpinCountDefault();

// Whether the caller is the compute thread.
bool isComputeThread();

// `f()` on the compute thread; its result (or exception) to the caller.
template<class F>
auto onComputeThread(F &&f) -> std::invoke_result_t<F &>
{
    using Result = std::invoke_result_t<F &>;
    if constexpr (std::is_void_v<Result>) {
        runComputeJob(std::function<void()>(std::ref(f)));
    } else {
        std::optional<Result> result;
        runComputeJob([&] { result.emplace(f()); });
        return std::move(*result);
    }
}

} // namespace ths
