// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/vmc_packet.h"

#include <lo/lo_lowlevel.h>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstring>
#include <optional>

namespace ths::mocap {

namespace {

constexpr int kMaxBundleDepth = 8;

struct LoMessage {
    lo_message m = nullptr;
    ~LoMessage()
    {
        if (m)
            lo_message_free(m);
    }
};

// Lower-case ARKit and preset names → index (ARKit 0…51, presets 100…).
int blendNameIndex(const QString &name)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < kBlendshapeCount; ++i)
            h.insert(QString::fromLatin1(blendshapeNames()[size_t(i)]).toLower(), i);
        for (int i = 0; i < kVrmPresetCount; ++i)
            h.insert(QString::fromLatin1(vrmPresetNames()[size_t(i)]).toLower(), 100 + i);
        return h;
    }();
    return index.value(name.toLower(), -1);
}

quint32 bigEndian32(const char *p)
{
    return (quint32(quint8(p[0])) << 24) | (quint32(quint8(p[1])) << 16) | (quint32(quint8(p[2])) << 8) | quint8(p[3]);
}

} // namespace

struct VmcParser::State {
    // Blend values since the last Apply (index as blendNameIndex()).
    QHash<int, double> pending;
    std::optional<std::array<double, 4>> head, neck, spine, chest;
};

VmcParser::VmcParser()
    : m_state(std::make_unique<State>())
{
}

VmcParser::~VmcParser() = default;
VmcParser::VmcParser(VmcParser &&) noexcept = default;
VmcParser &VmcParser::operator=(VmcParser &&) noexcept = default;

std::array<double, 3> headAnglesFromQuaternion(double qx, double qy, double qz, double qw)
{
    // Unity's Euler order (Z, then X, then Y). Unity is left-handed with the avatar facing +Z; ARKit's face frame
    // (iFacialMocap's) is right-handed with +Z out of the face: the same axes with X mirrored, so turn and tilt change
    // sign and the nod keeps it.
    const double pitch = std::asin(std::clamp(2.0 * (qw * qx - qy * qz), -1.0, 1.0));
    const double yaw = std::atan2(2.0 * (qw * qy + qx * qz), 1.0 - 2.0 * (qx * qx + qy * qy));
    const double roll = std::atan2(2.0 * (qw * qz + qx * qy), 1.0 - 2.0 * (qx * qx + qz * qz));
    return {pitch, -yaw, -roll};
}

ParseResult VmcParser::parse(const QByteArray &packet, FaceInput *face)
{
    ParseResult result;
    if (packet.size() > kMaxVmcPacket) {
        result.error = QStringLiteral("packet of %1 bytes is over %2").arg(packet.size()).arg(kMaxVmcPacket);
        return result;
    }
    State next = *m_state;
    FaceInput nextFace = *face;
    bool applied = false;
    QByteArray data = packet; // liblo reads (and byte-swaps into its own copy of) a mutable buffer

    // Returns false (with result.error) on anything malformed.
    std::function<bool(char *, size_t, int)> element = [&](char *p, size_t size, int depth) -> bool {
        if (size >= 8 && std::memcmp(p, "#bundle", 8) == 0) {
            if (depth >= kMaxBundleDepth) {
                result.error = QStringLiteral("bundles nested deeper than %1").arg(kMaxBundleDepth);
                return false;
            }
            if (size < 16) {
                result.error = QStringLiteral("bundle shorter than its header");
                return false;
            }
            size_t at = 16;
            while (at < size) {
                if (size - at < 4) {
                    result.error = QStringLiteral("bundle element size cut off");
                    return false;
                }
                const quint32 n = bigEndian32(p + at);
                at += 4;
                if (n == 0 || n % 4 != 0 || n > size - at) {
                    result.error = QStringLiteral("bundle element of %1 bytes does not fit (%2 left) or is not a multiple of 4")
                                       .arg(n).arg(size - at);
                    return false;
                }
                if (!element(p + at, n, depth + 1))
                    return false;
                at += n;
            }
            return true;
        }
        int error = 0;
        LoMessage msg;
        msg.m = lo_message_deserialise(p, size, &error);
        if (!msg.m || error != 0) {
            result.error = QStringLiteral("not an OSC message or bundle (liblo error %1)").arg(error);
            return false;
        }
        // lo_message_deserialise has validated the path: a terminated string at the start.
        const QByteArray path(p, qsizetype(strnlen(p, size)));
        if (!path.startsWith("/VMC/Ext/"))
            return true; // another OSC application's message: not ours to judge
        const char *types = lo_message_get_types(msg.m);
        lo_arg **argv = lo_message_get_argv(msg.m);
        const QByteArray typeTags(types ? types : "");
        if (path == "/VMC/Ext/Blend/Val") {
            if (typeTags != "sf") {
                result.error = QStringLiteral("/VMC/Ext/Blend/Val: expected arguments sf, got %1").arg(QString::fromLatin1(typeTags));
                return false;
            }
            const QString name = QString::fromUtf8(&argv[0]->s);
            const double value = argv[1]->f;
            if (!std::isfinite(value) || value < -0.01 || value > 1.01) {
                result.error = QStringLiteral("/VMC/Ext/Blend/Val %1: %2 is outside 0…1").arg(name.left(60)).arg(value);
                return false;
            }
            const int index = blendNameIndex(name);
            if (index < 0)
                ++result.unknownNames;
            else
                next.pending.insert(index, std::clamp(value, 0.0, 1.0));
        } else if (path == "/VMC/Ext/Blend/Apply") {
            for (auto it = next.pending.begin(); it != next.pending.end(); ++it) {
                if (it.key() < 100) {
                    nextFace.blendshapes[size_t(it.key())] = it.value();
                    nextFace.hasBlendshapes = true;
                } else {
                    nextFace.presets[size_t(it.key() - 100)] = it.value();
                    nextFace.hasPresets = true;
                }
            }
            next.pending.clear();
            applied = true;
        } else if (path == "/VMC/Ext/Bone/Pos") {
            if (typeTags != "sfffffff") {
                result.error = QStringLiteral("/VMC/Ext/Bone/Pos: expected arguments sfffffff, got %1").arg(QString::fromLatin1(typeTags));
                return false;
            }
            std::array<double, 4> q{};
            double norm = 0;
            for (int i = 0; i < 7; ++i) {
                if (!std::isfinite(argv[1 + i]->f)) {
                    result.error = QStringLiteral("/VMC/Ext/Bone/Pos: argument %1 is not finite").arg(i + 2);
                    return false;
                }
            }
            for (int i = 0; i < 4; ++i) {
                q[size_t(i)] = argv[4 + i]->f;
                norm += q[size_t(i)] * q[size_t(i)];
            }
            const QByteArray bone(&argv[0]->s);
            if (std::abs(std::sqrt(norm) - 1.0) > 0.01) {
                result.error = QStringLiteral("/VMC/Ext/Bone/Pos %1: the rotation is not a unit quaternion").arg(QString::fromUtf8(bone.left(60)));
                return false;
            }
            if (bone == "Head")
                next.head = q;
            else if (bone == "Neck")
                next.neck = q;
            else if (bone == "Spine")
                next.spine = q;
            else if (bone == "Chest")
                next.chest = q;
            else
                return true; // the rest of the skeleton
            applied = true;
        }
        return true;
    };
    if (!element(data.data(), size_t(data.size()), 0))
        return result;

    // Head = neck + head (both local rotations), body = spine + chest, as angle sums (the rotations are small).
    const auto angles = [](const std::optional<std::array<double, 4>> &q) -> std::array<double, 3> {
        return q ? headAnglesFromQuaternion((*q)[0], (*q)[1], (*q)[2], (*q)[3]) : std::array<double, 3>{};
    };
    if (next.head || next.neck) {
        const auto h = angles(next.head), n = angles(next.neck);
        for (int i = 0; i < 3; ++i)
            nextFace.head[size_t(i)] = h[size_t(i)] + n[size_t(i)];
        nextFace.hasHead = true;
    }
    if (next.spine || next.chest) {
        const auto s = angles(next.spine), c = angles(next.chest);
        nextFace.body = {s[1] + c[1], s[2] + c[2]};
        nextFace.hasBody = true;
    }
    *m_state = next;
    if (applied)
        *face = nextFace;
    result.ok = true;
    result.frame = applied;
    return result;
}

} // namespace ths::mocap
