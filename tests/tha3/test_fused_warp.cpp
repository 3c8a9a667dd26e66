// SPDX-License-Identifier: GPL-3.0-or-later
// The fused fast-mode warp and editor output stage against the op-by-op path they replace (the original's ops):
// random images and offsets that reach past every border, both memory formats, square and non-square sizes.

#include "tha3/fused_warp.h"
#include "tha3/networks.h"

#include <torch/torch.h>

#include <QTest>

using namespace ths::tha3;

namespace {

float maxDifference(const at::Tensor &a, const at::Tensor &b)
{
    return (a - b).abs().max().item<float>();
}

// Offsets in grid units (2 = the whole image): ±0.6 sends many samples past the borders.
at::Tensor randomGridChange(int64_t h, int64_t w)
{
    return (at::rand({1, 2, h, w}) - 0.5) * 1.2;
}

} // namespace

class TestFusedWarp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        at::manual_seed(7);
        at::set_num_threads(2);
    }

    void warpEqualsGridSample_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("channels");
        QTest::addColumn<bool>("channelsLast");
        QTest::newRow("128² rgba, channels-last") << 128 << 128 << 4 << true;
        QTest::newRow("192² rgba, planar") << 192 << 192 << 4 << false;
        QTest::newRow("40×72, 3 channels, channels-last") << 40 << 72 << 3 << true;
        QTest::newRow("1×1") << 1 << 1 << 4 << false;
    }
    void warpEqualsGridSample()
    {
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(int, channels);
        QFETCH(bool, channelsLast);
        at::Tensor image = at::rand({1, channels, height, width}) * 2 - 1;
        at::Tensor grid = randomGridChange(height, width);
        if (channelsLast) {
            image = image.contiguous(at::MemoryFormat::ChannelsLast);
            grid = grid.contiguous(at::MemoryFormat::ChannelsLast);
        }
        QVERIFY(fusedWarpApplies(grid, image));
        const at::Tensor fused = warpByGridChange(grid, image);
        QVERIFY(fused.is_contiguous());
        QCOMPARE(fused.sizes().vec(), image.sizes().vec());
        // The original rounds identity + offset to fp32 near ±1 before scaling by W/2: up to ~W·6e-8 pixels of
        // position, times a slope of up to 2 per pixel here. The fused kernel computes x + offset·W/2 directly.
        const float difference = maxDifference(fused, applyGridChange(grid, image));
        QVERIFY2(difference < 4e-7f * float(std::max(width, height)), qPrintable(QString::number(difference)));
    }

    void zeroOffsetsGiveTheImageBack()
    {
        const at::Tensor image = at::rand({1, 4, 33, 17});
        QCOMPARE(maxDifference(warpByGridChange(at::zeros({1, 2, 33, 17}), image), image), 0.0f);
    }

    // A NaN offset (which the networks never produce) must read inside the image, not anywhere in memory.
    void aNanOffsetStaysInsideTheImage()
    {
        at::Tensor grid = at::zeros({1, 2, 8, 8});
        grid.index_put_({0, 0, 3, 3}, std::numeric_limits<float>::quiet_NaN());
        grid.index_put_({0, 1, 4, 4}, std::numeric_limits<float>::infinity());
        const at::Tensor out = warpByGridChange(grid, at::ones({1, 4, 8, 8}));
        QVERIFY(at::isfinite(out).all().item<bool>());
    }

    void whatDoesNotApply()
    {
        const at::Tensor image = at::rand({1, 4, 16, 16});
        QVERIFY(!fusedWarpApplies(at::zeros({1, 2, 16, 8}), image));
        QVERIFY(!fusedWarpApplies(at::zeros({1, 3, 16, 16}), image));
        QVERIFY(!fusedWarpApplies(at::zeros({1, 2, 16, 16}), image.to(at::kBFloat16)));
        QVERIFY(!fusedWarpApplies(at::zeros({2, 2, 16, 16}), at::rand({2, 4, 16, 16})));
        QVERIFY(!fusedEditorOutputApplies(at::zeros({1, 9, 16, 16}), at::zeros({1, 2, 16, 16}), image));
    }

    void editorOutputEqualsTheOpByOpStage()
    {
        for (const auto format : {at::MemoryFormat::ChannelsLast, at::MemoryFormat::Contiguous}) {
            const int64_t h = 96, w = 80;
            // Logits up to ±12 cover the saturated ends of tanh and sigmoid.
            const at::Tensor heads = ((at::rand({1, 10, h, w}) - 0.5) * 24).contiguous(format);
            const at::Tensor original = (at::rand({1, 4, h, w}) * 2 - 1).contiguous(format);
            const at::Tensor grid = randomGridChange(h, w);
            const at::Tensor scaledHeads = at::cat({heads.narrow(1, 0, 8), heads.narrow(1, 8, 2) * 0.05}, 1).contiguous(format);
            QVERIFY(fusedEditorOutputApplies(scaledHeads, grid, original));
            const at::Tensor fused = composeEditorOutput(scaledHeads, grid, original);
            const at::Tensor alpha = at::sigmoid(scaledHeads.narrow(1, 4, 4));
            const at::Tensor expected = applyColorChange(alpha, at::tanh(scaledHeads.narrow(1, 0, 4)),
                                                         applyGridChange(grid + scaledHeads.narrow(1, 8, 2), original));
            QVERIFY2(maxDifference(fused, expected) < 4e-7f * 96, qPrintable(QString::number(maxDifference(fused, expected))));
        }
    }
};

QTEST_GUILESS_MAIN(TestFusedWarp)
#include "test_fused_warp.moc"
