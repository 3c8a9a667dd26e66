// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Real VMC packets for the tests, serialised by liblo (the same library a C sender would use).

#include <lo/lo.h>

#include <QByteArray>

#include <functional>
#include <memory>
#include <vector>

namespace ths::test {

struct OscMessage {
    QByteArray path;
    std::function<void(lo_message)> fill; // adds the arguments
};

inline QByteArray serialise(const OscMessage &m)
{
    lo_message msg = lo_message_new();
    m.fill(msg);
    size_t size = 0;
    void *data = lo_message_serialise(msg, m.path.constData(), nullptr, &size);
    QByteArray out(static_cast<const char *>(data), qsizetype(size));
    free(data);
    lo_message_free(msg);
    return out;
}

inline QByteArray bundle(const std::vector<OscMessage> &messages)
{
    lo_bundle b = lo_bundle_new(LO_TT_IMMEDIATE);
    std::vector<lo_message> owned;
    for (const OscMessage &m : messages) {
        lo_message msg = lo_message_new();
        m.fill(msg);
        lo_bundle_add_message(b, m.path.constData(), msg);
        owned.push_back(msg);
    }
    size_t size = 0;
    void *data = lo_bundle_serialise(b, nullptr, &size);
    QByteArray out(static_cast<const char *>(data), qsizetype(size));
    free(data);
    lo_bundle_free_recursive(b); // frees the messages too
    return out;
}

inline OscMessage blendVal(const char *name, float value)
{
    const QByteArray n(name);
    return {"/VMC/Ext/Blend/Val", [n, value](lo_message m) {
                lo_message_add_string(m, n.constData());
                lo_message_add_float(m, value);
            }};
}

inline OscMessage blendApply()
{
    return {"/VMC/Ext/Blend/Apply", [](lo_message) {}};
}

inline OscMessage bonePos(const char *bone, float qx, float qy, float qz, float qw)
{
    const QByteArray b(bone);
    return {"/VMC/Ext/Bone/Pos", [b, qx, qy, qz, qw](lo_message m) {
                lo_message_add_string(m, b.constData());
                for (const float v : {0.0f, 1.5f, 0.0f, qx, qy, qz, qw})
                    lo_message_add_float(m, v);
            }};
}

} // namespace ths::test
