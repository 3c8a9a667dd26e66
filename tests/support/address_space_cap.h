// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test support shared by the tests of the render threads (live character, preview renderer).

#include "tha3/caching_cpu_allocator.h"

#include <QFile>
#include <QtGlobal>

#include <sys/resource.h>

#include <memory>
#include <new>
#include <vector>

// Makes the next large allocation (a render's tensors) fail, so libtorch throws c10::Error, not EngineError: caps
// the process's address space at what it uses now, then takes every free megabyte the allocator still holds (a
// render may otherwise run entirely in memory freed by the last one) except `reserveBytes`, which the rest of the
// process (event loop, status queries) keeps for its small allocations; the engine's cached tensor memory is released
// first for the same reason. The destructor gives everything back.
class AddressSpaceCap
{
public:
    explicit AddressSpaceCap(qint64 reserveBytes)
    {
        ths::tha3::releaseCachedCpuMemory();
        getrlimit(RLIMIT_AS, &m_saved);
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return;
        qint64 used = 0;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmSize:"))
                used = line.mid(7).trimmed().split(' ').first().toLongLong() * 1024;
        if (used <= 0)
            return;
        rlimit cap = m_saved;
        cap.rlim_cur = rlim_t(used);
        m_active = setrlimit(RLIMIT_AS, &cap) == 0;
        if (!m_active)
            return;
        constexpr size_t kBlock = 1 << 20;
        for (;;) {
            std::unique_ptr<char[]> block(new (std::nothrow) char[kBlock]);
            if (!block)
                break;
            m_taken.push_back(std::move(block));
        }
        for (qint64 given = 0; given < reserveBytes && !m_taken.empty(); given += kBlock)
            m_taken.pop_back();
    }
    ~AddressSpaceCap()
    {
        m_taken.clear();
        setrlimit(RLIMIT_AS, &m_saved);
    }
    bool active() const { return m_active; }

private:
    rlimit m_saved{};
    bool m_active = false;
    std::vector<std::unique_ptr<char[]>> m_taken;
};
