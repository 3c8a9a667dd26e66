// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test support shared by the tests of the render threads (live character, preview renderer).

#include <QFile>
#include <QtGlobal>

#include <sys/resource.h>

// Caps the process's address space a little above what it uses now, so the next large allocation (a render's
// tensors) fails: libtorch then throws c10::Error, not EngineError. The destructor lifts the cap again.
class AddressSpaceCap
{
public:
    explicit AddressSpaceCap(qint64 marginBytes)
    {
        getrlimit(RLIMIT_AS, &m_saved);
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmSize:"))
                m_used = line.mid(7).trimmed().split(' ').first().toLongLong() * 1024;
        if (m_used <= 0)
            return;
        rlimit cap = m_saved;
        cap.rlim_cur = rlim_t(m_used + marginBytes);
        m_active = setrlimit(RLIMIT_AS, &cap) == 0;
    }
    ~AddressSpaceCap() { setrlimit(RLIMIT_AS, &m_saved); }
    bool active() const { return m_active; }

private:
    rlimit m_saved{};
    qint64 m_used = 0;
    bool m_active = false;
};
