// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether a GUI can open here; main uses it to pick the default command and to refuse the studio without a display.

namespace ths {

// True when DISPLAY or WAYLAND_DISPLAY is set, or QT_QPA_PLATFORM names a platform explicitly (offscreen included).
bool displayAvailable();

} // namespace ths
