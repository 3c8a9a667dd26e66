// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/display_available.h"

#include <QtGlobal>

namespace ths {

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace ths
