// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Random damage to tracker packets for the parsers' fuzz tests: flipped, inserted (favouring the characters the
// formats turn on: | & - # , = and OSC's type tags and padding), removed and duplicated bytes, truncation, corrupted
// 32-bit sizes and numbers, and now and then a long run past the size limits.

#include <QByteArray>
#include <QRandomGenerator>

namespace ths::test {

inline QByteArray mutatePacket(QByteArray bytes, QRandomGenerator &random, int maxEdits)
{
    static const QByteArray interesting = QByteArray("|&-#,=.e+-0123456789\x00\x7f\xff\xc3sfi#bundle/", 38);
    const int edits = 1 + int(random.bounded(maxEdits));
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = qsizetype(random.bounded(quint32(bytes.size())));
        switch (random.bounded(9)) {
        case 0: bytes[at] = char(random.bounded(256)); break;
        case 1: bytes.insert(at, interesting[qsizetype(random.bounded(quint32(interesting.size())))]); break;
        case 2: bytes.remove(at, 1 + qsizetype(random.bounded(4))); break;
        case 3: bytes.insert(at, bytes.mid(at, 1 + qsizetype(random.bounded(16)))); break;
        case 4: bytes.truncate(at); break;
        case 5: { // a 32-bit big-endian field (OSC sizes, floats) set to something extreme
            static const quint32 extremes[] = {0u, 1u, 3u, 0x7fffffffu, 0xffffffffu, 0x7fc00000u /* NaN */,
                                               0x7f800000u /* inf */, 0x80000000u, 0x10000u};
            const quint32 v = extremes[random.bounded(quint32(std::size(extremes)))];
            const qsizetype aligned = at & ~qsizetype(3);
            for (int k = 0; k < 4 && aligned + k < bytes.size(); ++k)
                bytes[aligned + k] = char(v >> (24 - 8 * k));
            break;
        }
        case 6: bytes.insert(at, QByteArray::number(random.generateDouble() * 1e6 - 5e5, 'g', 12)); break;
        case 7:
            if (random.bounded(20) == 0) {
                bytes.insert(at, QByteArray(int(random.bounded(70000)), 'A'));
                break;
            }
            [[fallthrough]];
        default: bytes[at] = char(bytes[at] ^ char(1 << random.bounded(8))); break;
        }
    }
    return bytes;
}

} // namespace ths::test
