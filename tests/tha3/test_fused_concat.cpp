// SPDX-License-Identifier: GPL-3.0-or-later
// The fused input assembly against the op sequence it replaces: cat with expanded pose planes, channels-last copy,
// type conversion — bit for bit, in fp32 and bf16, from inputs in either memory format and type.

#include "tha3/fused_concat.h"
#include "tha3/networks.h"

#include <torch/torch.h>

#include <QTest>

using namespace ths::tha3;

class TestFusedConcat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        at::manual_seed(11);
        at::set_num_threads(2);
    }

    void equalsCatThenConvert_data()
    {
        QTest::addColumn<bool>("bf16");
        QTest::newRow("fp32") << false;
        QTest::newRow("bf16") << true;
    }
    void equalsCatThenConvert()
    {
        QFETCH(bool, bf16);
        const at::ScalarType dtype = bf16 ? at::kBFloat16 : at::kFloat;
        const std::vector<at::Tensor> images{at::rand({1, 4, 37, 50}).contiguous(at::MemoryFormat::ChannelsLast),
                                             at::rand({1, 4, 37, 50}), at::rand({1, 2, 37, 50}).to(at::kBFloat16)};
        const at::Tensor pose = at::rand({1, 6}) * 2 - 1;
        QVERIFY(fusedConcatApplies(images, pose, dtype));
        const at::Tensor fused = concatWithPosePlanes(images, pose, dtype);
        QVERIFY(fused.is_contiguous(at::MemoryFormat::ChannelsLast));
        QCOMPARE(fused.scalar_type(), dtype);
        std::vector<at::Tensor> parts{images[0], images[1], images[2].to(at::kFloat), posePlanes(pose, 37, 50)};
        const at::Tensor expected = at::cat(parts, 1).to(dtype);
        QVERIFY(at::equal(fused, expected));
    }

    void withoutPose()
    {
        const at::Tensor image = at::rand({1, 3, 5, 7});
        QVERIFY(at::equal(concatWithPosePlanes({image}, at::Tensor(), at::kFloat), image));
    }

    void whatDoesNotApply()
    {
        const at::Tensor pose = at::zeros({1, 6});
        QVERIFY(!fusedConcatApplies({}, pose, at::kFloat));
        QVERIFY(!fusedConcatApplies({at::rand({1, 4, 8, 8}), at::rand({1, 4, 8, 9})}, pose, at::kFloat));
        QVERIFY(!fusedConcatApplies({at::rand({1, 4, 8, 8}).to(at::kDouble)}, pose, at::kFloat));
        QVERIFY(!fusedConcatApplies({at::rand({1, 4, 8, 8})}, pose, at::kHalf));
        QVERIFY(!fusedConcatApplies({at::rand({2, 4, 8, 8})}, pose, at::kFloat));
    }
};

QTEST_GUILESS_MAIN(TestFusedConcat)
#include "test_fused_concat.moc"
