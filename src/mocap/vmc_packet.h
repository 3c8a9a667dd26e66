// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// VMC protocol packets (OSC over UDP, Unity's coordinates): the messages a face tracker sends us.
//   /VMC/Ext/Blend/Val  s:name f:value    a blendshape (the 52 ARKit "perfect sync" names, any case) or a VRM preset
//                                         (A I U E O Blink Blink_L Blink_R Joy Angry Sorrow Fun)
//   /VMC/Ext/Blend/Apply                  the values since the last Apply take effect together
//   /VMC/Ext/Bone/Pos   s:bone f:px f:py f:pz f:qx f:qy f:qz f:qw   Head and Neck → head angles, Spine/Chest → body
// in single messages or bundles (nested too). Other VMC addresses (root, camera, status, …) are valid and ignored;
// other names (a model's own expressions, bones we do not use) are counted, not applied.
//
// OSC decoding is liblo's (lo_message_deserialise: type tags, padding, arguments); we walk the bundle framing
// ("#bundle", time tag, sized elements) around it. A packet is rejected whole, changing nothing, when liblo cannot
// decode a message, a bundle's sizes do not add up, a VMC message we use has the wrong argument types, or a value is
// not finite (or a blendshape outside -0.01…1.01, a quaternion not of unit length within 1%).

#include "mocap/face_input.h"
#include "mocap/ifacialmocap_packet.h" // ParseResult

#include <QByteArray>

#include <array>
#include <memory>

namespace ths::mocap {

constexpr quint16 kVmcPort = 39539;
constexpr int kMaxVmcPacket = 65507; // a UDP datagram

class VmcParser
{
public:
    VmcParser();
    ~VmcParser();
    VmcParser(const VmcParser &) = delete;
    VmcParser &operator=(const VmcParser &) = delete;
    VmcParser(VmcParser &&) noexcept;
    VmcParser &operator=(VmcParser &&) noexcept;

    // Applies one packet to `face` (all or nothing). Blendshapes wait in the parser until an Apply.
    ParseResult parse(const QByteArray &packet, FaceInput *face);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Unity quaternion → the iFacialMocap head angles (radians): x nods, y turns, z tilts (docs/mocap.md).
std::array<double, 3> headAnglesFromQuaternion(double qx, double qy, double qz, double qw);

} // namespace ths::mocap
