// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/caching_cpu_allocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>
#include <torch/version.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace ths::tha3 {

namespace {

constexpr std::size_t kMinCachedBytes = std::size_t(1) << 20;
// The most freed bytes kept; a frame's working set at 512² is a few hundred MB, so this is rarely reached.
constexpr std::size_t kMaxCachedBytes = std::size_t(512) << 20;
constexpr std::size_t kAlignment = 64; // as libtorch's own allocator: what its vector kernels expect

class CachingCpuAllocator final : public at::Allocator
{
public:
    static CachingCpuAllocator &instance()
    {
        static CachingCpuAllocator *allocator = new CachingCpuAllocator; // never destroyed: tensors may outlive main()
        return *allocator;
    }

    // libtorch 2.3 made allocate() non-const and added copy_data().
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
    at::DataPtr allocate(std::size_t n) override { return allocateBlock(n); }
    void copy_data(void *dest, const void *src, std::size_t count) const override { default_copy_data(dest, src, count); }
#else
    at::DataPtr allocate(std::size_t n) const override { return allocateBlock(n); }
#endif
    at::DeleterFnPtr raw_deleter() const override { return &release; }

    void releaseCached()
    {
        std::lock_guard lock(m_mutex);
        dropCachedLocked();
    }

    CachingCpuAllocatorStats stats()
    {
        std::lock_guard lock(m_mutex);
        return m_stats;
    }

private:
    CachingCpuAllocator() : m_fallback(c10::GetDefaultCPUAllocator()) {}

    at::DataPtr allocateBlock(std::size_t n) const
    {
        if (n < kMinCachedBytes)
            return m_fallback->allocate(n);
        const std::size_t size = (n + kAlignment - 1) / kAlignment * kAlignment;
        void *block = nullptr;
        {
            std::lock_guard lock(m_mutex);
            // The smallest kept block that fits and wastes less than half of itself: a frame's sizes vary a little
            // between networks, and exact sizes alone would keep a block of every size at once.
            const auto fit = m_free.lower_bound(size);
            if (fit != m_free.end() && fit->first < 2 * size) {
                block = fit->second.back();
                fit->second.pop_back();
                m_stats.cachedBytes -= fit->first;
                if (fit->second.empty())
                    m_free.erase(fit);
                ++m_stats.hits;
            } else {
                ++m_stats.misses;
                if (m_stats.cachedBytes + size > kMaxCachedBytes)
                    dropCachedLocked();
            }
        }
        if (!block) {
            block = std::aligned_alloc(kAlignment, size);
            // c10::Error, as libtorch's own allocator reports it: callers already turn those into messages.
            TORCH_CHECK(block, "out of memory: cannot allocate ", size, " bytes of CPU memory for a tensor");
            std::lock_guard lock(m_mutex);
            m_sizes[block] = size;
        }
        return {block, block, &release, at::Device(at::kCPU)};
    }

    static void release(void *block)
    {
        CachingCpuAllocator &self = instance();
        std::lock_guard lock(self.m_mutex);
        const auto it = self.m_sizes.find(block);
        if (it == self.m_sizes.end()) { // cannot happen: only our blocks carry this deleter
            std::free(block);
            return;
        }
        const std::size_t size = it->second;
        if (self.m_stats.cachedBytes + size > kMaxCachedBytes) {
            self.m_sizes.erase(it);
            std::free(block);
            return;
        }
        self.m_free[size].push_back(block);
        self.m_stats.cachedBytes += size;
    }

    // Frees every kept block (sizes no longer asked for would otherwise sit in the cache for good).
    void dropCachedLocked() const
    {
        for (auto &[size, blocks] : m_free)
            for (void *block : blocks) {
                m_sizes.erase(block);
                std::free(block);
            }
        m_free.clear();
        m_stats.cachedBytes = 0;
    }

    at::Allocator *m_fallback;
    mutable std::mutex m_mutex;
    mutable std::map<std::size_t, std::vector<void *>> m_free; // by block size
    mutable std::unordered_map<void *, std::size_t> m_sizes; // every block handed out or kept
    mutable CachingCpuAllocatorStats m_stats;
};

} // namespace

void installCachingCpuAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Priority above the default allocator's, so it stays ours whatever registers later at the default level.
        c10::SetCPUAllocator(&CachingCpuAllocator::instance(), 1);
    });
}

void releaseCachedCpuMemory()
{
    CachingCpuAllocator::instance().releaseCached();
}

CachingCpuAllocatorStats cachingCpuAllocatorStats()
{
    return CachingCpuAllocator::instance().stats();
}

} // namespace ths::tha3
