// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/thread_priority.h"

#if defined(Q_OS_LINUX) || defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ths {

namespace {
constexpr int kInferenceNice = 5;
}

void lowerCurrentThreadPriority()
{
#if defined(__linux__)
    // On Linux the nice value belongs to the thread (PRIO_PROCESS with a thread id), and new threads inherit it.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    const int current = getpriority(PRIO_PROCESS, tid);
    if (current < kInferenceNice)
        setpriority(PRIO_PROCESS, tid, kInferenceNice);
#endif
}

} // namespace ths
