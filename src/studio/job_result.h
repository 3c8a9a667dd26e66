// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The studio's one-shot jobs (engine load, image load and check, speech synthesis, audio decoding) run on a worker
// and are awaited in a coroutine: `const R r = co_await jobResult(QtConcurrent::run(…));`.
//
// QCoro 0.8 resumes a coroutine at once when the awaited QFuture has already finished, so a quick job (a small
// image) would finish inside the call that started it — its signals emitted before that call returns, where every
// caller (QML, tests waiting with QSignalSpy) expects them later. jobResult() first yields to the event loop, so the
// result always arrives from it, as a QFutureWatcher's did.

#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QFuture>

#include <chrono>

namespace ths {

template<typename T>
QCoro::Task<T> jobResult(QFuture<T> job)
{
    co_await QCoro::sleepFor(std::chrono::milliseconds(0));
    co_return co_await job;
}

} // namespace ths
