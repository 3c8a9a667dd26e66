// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Log lines that a client cannot blow up: values it sent are shortened (saying how long they were), and a message
// it can trigger at will passes a rate limit (saying how many were dropped).

#include <QElapsedTimer>
#include <QString>

#include <mutex>

namespace ths {

// `value` as is up to `max` characters; longer: its first `max` characters, then "… (N characters)".
QString boundedForLog(const QString &value, qsizetype max = 120);

// At most `burst` messages pass per `windowMs`; the rest are counted and reported by the next one that passes.
// Thread-safe.
class LogRateLimit
{
public:
    LogRateLimit(int burst, int windowMs) : m_burst(burst), m_windowMs(windowMs) {}
    // True when this message may be logged; then *suppressed is how many were dropped before it (else untouched).
    bool allow(int *suppressed);

private:
    std::mutex m_mutex;
    QElapsedTimer m_window;
    const int m_burst;
    const int m_windowMs;
    int m_passed = 0;
    int m_dropped = 0;
};

} // namespace ths
