// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the puppeteer's face comes from, as `serve --mocap` and the studio name it:
//   ifacialmocap:<phone address>[:port]   the phone's address (the start string goes to its port, 49983 by default);
//                                         we listen on `listenPort` (49983, as the original)
//   vmc[:port]                            a VMC sender (VSeeFace, VMagicMirror, Warudo, XR Animator…); port 39539
//   replay:FILE                           a recorded take

#include <QString>

#include <optional>

namespace ths::mocap {

enum class SourceKind { IFacialMocap, Vmc, Replay };
QString sourceKindName(SourceKind kind); // "ifacialmocap", "vmc", "replay"
std::optional<SourceKind> sourceKindFromName(const QString &name);

struct MocapSource {
    SourceKind kind = SourceKind::Vmc;
    QString phoneHost;       // iFacialMocap
    quint16 phonePort = 0;   // iFacialMocap
    quint16 listenPort = 0;  // iFacialMocap and VMC; 0 = any free port (tests)
    QString listenHost;      // empty: every interface (the phone is on the network)
    QString takeFile;        // replay

    static std::optional<MocapSource> parse(const QString &spec, QString *error);
    QString toString() const;
};

} // namespace ths::mocap
