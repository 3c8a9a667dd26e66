// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CPU allocator for libtorch that keeps large freed blocks for reuse. Internal to the engine.
//
// Why: a frame allocates the same large tensors every time (the editor's 512² feature maps are 32–64 MB each), and
// glibc hands every block above 32 MB — and, after trimming, smaller ones too — back to the kernel when it is freed.
// The next frame then takes a page fault for every 4 kB it writes and the kernel zeroes each page first: measured
// with `perf` on a 2-core machine, 13 % of a frame's time in the kernel and about 45,000 page faults per frame.
// Keeping the blocks makes those writes ordinary stores. Blocks of 1 MB and more are cached by exact size (a frame
// asks for the same sizes every time; a kept block serves a request of more than half its size), within a bound on the
// bytes kept; smaller ones go to libtorch's own allocator, whose glibc free lists already reuse them.

#include <cstddef>

namespace ths::tha3 {

// Makes the caching allocator libtorch's CPU allocator for every tensor allocated from now on (tensors already
// allocated keep their own deleter). Idempotent and thread-safe.
void installCachingCpuAllocator();

// Frees every kept block (memory back to the system; the next frame allocates afresh).
void releaseCachedCpuMemory();

struct CachingCpuAllocatorStats {
    std::size_t hits = 0, misses = 0;
    std::size_t cachedBytes = 0; // freed and kept
};
CachingCpuAllocatorStats cachingCpuAllocatorStats();

} // namespace ths::tha3
