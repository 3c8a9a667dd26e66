// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace ths {
Q_DECLARE_LOGGING_CATEGORY(lcAnimation)
} // namespace ths
