// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The iFacialMocap phone app's UDP packets, both formats:
//   v2: "eyeBlink_L&37|…|mouthSmile_R&0|=head#rx,ry,rz,tx,ty,tz|rightEye#x,y,z|leftEye#x,y,z|"
//   v1: "eyeBlink_L-37|…"
// Blendshapes are sent as 0…100 with _L/_R for the sides; angles in degrees. Like the original puppeteer we keep the
// ARKit names (…Left/…Right) on a 0…1 scale and the head's angles in radians, and ignore names we do not know (the app
// may send more than the 52). Anything malformed rejects the whole packet and changes nothing: not UTF-8, over 8 KiB
// (the original reads 8192 bytes), a part that is neither name/value nor a known bone, a wrong number of components,
// a number that does not parse or is not finite, a blendshape outside 0…100, an angle beyond ±360°.

#include "mocap/face_input.h"

#include <QByteArray>
#include <QString>

namespace ths::mocap {

// The string the computer sends to the phone's UDP port 49983 to make it stream v2 packets to us.
QByteArray ifacialmocapStartString();
constexpr quint16 kIfacialmocapPort = 49983;
constexpr int kMaxIfacialmocapPacket = 8192;

struct ParseResult {
    bool ok = false;
    QString error;         // why a packet was rejected
    int unknownNames = 0;  // names ignored in an accepted packet
    bool frame = false;    // the face changed (a VMC packet may only carry values waiting for their Apply)
};

// Applies one packet to `face` (all or nothing).
ParseResult parseIfacialmocapPacket(const QByteArray &packet, FaceInput *face);

} // namespace ths::mocap
