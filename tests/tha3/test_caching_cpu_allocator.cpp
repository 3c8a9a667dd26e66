// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's caching CPU allocator: large blocks come back for reuse (no fresh pages for the next frame), small
// ones are left to libtorch, a kept block serves a somewhat smaller request, and the cache can be emptied.

#include "tha3/caching_cpu_allocator.h"

#include <torch/torch.h>

#include <QTest>

using namespace ths::tha3;

class TestCachingCpuAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installCachingCpuAllocator(); }

    void largeBlocksAreReused()
    {
        releaseCachedCpuMemory();
        const void *first = nullptr;
        {
            at::Tensor t = at::empty({1, 64, 128, 128}); // 4 MB
            first = t.data_ptr();
            t.fill_(3.0f);
        }
        QCOMPARE(cachingCpuAllocatorStats().cachedBytes, size_t(4) << 20);
        const CachingCpuAllocatorStats before = cachingCpuAllocatorStats();
        at::Tensor again = at::empty({1, 64, 128, 128});
        QCOMPARE(static_cast<const void *>(again.data_ptr()), first);
        QCOMPARE(cachingCpuAllocatorStats().hits, before.hits + 1);
        QCOMPARE(cachingCpuAllocatorStats().cachedBytes, size_t(0));
        // Memory that comes back is ordinary tensor memory: it computes.
        again.fill_(2.0f);
        QCOMPARE(again.sum().item<float>(), 2.0f * 64 * 128 * 128);
    }

    void aKeptBlockServesASmallerRequestButNotAMuchSmallerOne()
    {
        releaseCachedCpuMemory();
        { at::Tensor t = at::empty({4 << 20}, at::kByte); }
        const CachingCpuAllocatorStats before = cachingCpuAllocatorStats();
        { at::Tensor t = at::empty({3 << 20}, at::kByte); } // more than half of 4 MB: reused
        QCOMPARE(cachingCpuAllocatorStats().hits, before.hits + 1);
        { at::Tensor t = at::empty({(3 << 20) / 2}, at::kByte); } // less than half of the 4 MB block: a new block
        QCOMPARE(cachingCpuAllocatorStats().misses, before.misses + 1);
    }

    void smallBlocksAreNotKept()
    {
        releaseCachedCpuMemory();
        const CachingCpuAllocatorStats before = cachingCpuAllocatorStats();
        { at::Tensor t = at::empty({1000}); }
        QCOMPARE(cachingCpuAllocatorStats().cachedBytes, size_t(0));
        QCOMPARE(cachingCpuAllocatorStats().hits + cachingCpuAllocatorStats().misses, before.hits + before.misses);
    }

    void releaseEmptiesTheCache()
    {
        { at::Tensor t = at::empty({2 << 20}, at::kByte); }
        QVERIFY(cachingCpuAllocatorStats().cachedBytes > 0);
        releaseCachedCpuMemory();
        QCOMPARE(cachingCpuAllocatorStats().cachedBytes, size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCachingCpuAllocator)
#include "test_caching_cpu_allocator.moc"
