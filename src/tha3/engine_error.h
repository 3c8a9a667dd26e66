// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace ths {

// The one exception type the engine throws across its API. The message (UTF-8, what()) is complete and
// user-facing: it names the file, key or parameter and says what was expected and what was found.
// Qt-free, so the engine also builds on machines that have libtorch alone.
class EngineError : public std::runtime_error
{
public:
    explicit EngineError(const std::string &message)
        : std::runtime_error(message)
    {
    }
};

} // namespace ths
