// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The state a worker thread shares with its owner: a mutex, the condition variable the worker sleeps on, and
// update(), which changes the state under the lock and then wakes the worker. Used as the base of a worker's state
// (the live character's render loop, the studio's preview renderer), whose own fields the mutex guards.

#include <condition_variable>
#include <mutex>

namespace ths {

struct GuardedState {
    mutable std::mutex mutex;
    std::condition_variable wake;

    // Runs `change` under `mutex`, then wakes every waiter (after unlocking, so they do not wake into a held lock).
    template<class F>
    void update(F &&change)
    {
        {
            std::lock_guard lock(mutex);
            change();
        }
        wake.notify_all();
    }
};

} // namespace ths
