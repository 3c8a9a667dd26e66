// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace ths {

// SIGINT and SIGTERM end the Qt event loop (QCoreApplication::quit) instead of killing the process, so servers
// close their sockets and threads join. Call after the QCoreApplication exists.
void quitOnShutdownSignals();

} // namespace ths
