// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/log_text.h"

namespace ths {

QString boundedForLog(const QString &value, qsizetype max)
{
    if (value.size() <= max)
        return value;
    return value.left(max) + QStringLiteral("… (%1 characters)").arg(value.size());
}

bool LogRateLimit::allow(int *suppressed)
{
    std::lock_guard lock(m_mutex);
    if (!m_window.isValid() || m_window.elapsed() >= m_windowMs) {
        m_window.start();
        m_passed = 0;
    }
    if (m_passed >= m_burst) {
        ++m_dropped;
        return false;
    }
    ++m_passed;
    if (suppressed)
        *suppressed = m_dropped;
    m_dropped = 0;
    return true;
}

} // namespace ths
