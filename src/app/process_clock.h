// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ths {

// Seconds since this process was started by the kernel (so dynamic loading counts), 10 ms resolution on Linux;
// falls back to the time since first call where /proc is unavailable.
double secondsSinceProcessStart();

} // namespace ths
