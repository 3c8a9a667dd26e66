// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inference threads yield to the threads people wait on (the GUI, the HTTP server): a render takes most of a second
// of both cores, and without this the window's frames and the server's answers queue behind it.

namespace ths {

// Lowers the calling thread's scheduling priority (Linux: nice +5 for this thread only; the OpenMP workers it
// starts afterwards inherit it). Safe to call more than once; does nothing where unsupported.
void lowerCurrentThreadPriority();

} // namespace ths
