// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Random damage to HTTP requests for the fuzz tests of the request reader and of the whole transport: flipped and
// inserted bytes (favouring the characters HTTP framing turns on), removed bytes, duplicated lines, truncation, hex
// numbers and, optionally, long runs that cross the size limits.

#include <QByteArray>
#include <QRandomGenerator>

namespace ths::test {

// 1 to `maxEdits` edits of `bytes`; `longRuns` adds runs of up to 3,000 bytes.
inline QByteArray mutateHttp(QByteArray bytes, QRandomGenerator &random, int maxEdits, bool longRuns)
{
    static const QByteArray interesting = QByteArray(" \t\r\n:;0fF-+,\x00\x7f\xff/?%", 19);
    const int edits = 1 + int(random.bounded(maxEdits));
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = qsizetype(random.bounded(quint32(bytes.size())));
        switch (random.bounded(longRuns ? 7 : 6)) {
        case 0: bytes[at] = char(random.bounded(256)); break;
        case 1: bytes.insert(at, interesting[qsizetype(random.bounded(quint32(interesting.size())))]); break;
        case 2: bytes.remove(at, 1 + qsizetype(random.bounded(3))); break;
        case 3: { // duplicate a line
            const qsizetype start = bytes.lastIndexOf('\n', at) + 1;
            const qsizetype end = bytes.indexOf('\n', at);
            if (end > start)
                bytes.insert(end + 1, bytes.mid(start, end + 1 - start));
            break;
        }
        case 4: bytes.truncate(at); break;
        case 5:
            if (longRuns) {
                bytes.insert(at, QByteArray(int(random.bounded(3000)), 'A'));
                break;
            }
            [[fallthrough]];
        default: bytes.insert(at, QByteArray::number(quint64(random.generate64()), 16)); break;
        }
    }
    return bytes;
}

} // namespace ths::test
