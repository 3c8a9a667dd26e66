// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/animation_log.h"

namespace ths {
Q_LOGGING_CATEGORY(lcAnimation, "ths.animation")
} // namespace ths
