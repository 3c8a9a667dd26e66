// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a render's time goes, per libtorch operator: while an OpProfile lives, every top-level ATen call made on the
// constructing thread is timed (wall clock, including the intra-op worker threads it waits for) and grouped by
// operator and input shapes. For benchmarks; torch-free header.

#include <memory>
#include <string>

namespace ths::tha3 {

class OpProfile
{
public:
    OpProfile();  // starts recording on this thread
    ~OpProfile(); // stops
    OpProfile(const OpProfile &) = delete;
    OpProfile &operator=(const OpProfile &) = delete;

    // The `rows` most expensive (operator, shapes) groups: ms per frame, share, calls per frame; `frames` divides.
    std::string table(int frames, int rows = 40) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ths::tha3
