// SPDX-License-Identifier: GPL-3.0-or-later
// A half-precision variant on the CPU: fp16 files (here: the installed float weights rounded to fp16, written in
// torch.save format) load, are computed in fp32 with a notice, and render what the float variant renders up to the
// fp16 rounding of the weights.

#include "tha3/engine_error.h"
#include "engine/poser.h"
#include "tha3/state_dict_reader.h"
#include "state_dict_writer.h"
#include "support/real_weights.h"

#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

class TestHalfVariants : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writerRoundTrip()
    {
        QTemporaryDir dir;
        const NamedTensors tensors{{"a.weight", at::arange(12, at::kFloat).reshape({3, 4}) / 4},
                                   {"b.bias", at::tensor({1.5f, -0.25f}).to(at::kHalf)}};
        const QString path = dir.filePath(QStringLiteral("x.pt"));
        test::writeStateDict(path.toStdString(), tensors);
        const NamedTensors back = readStateDictFile(path.toStdString());
        QCOMPARE(back.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            QCOMPARE(back[i].first, tensors[i].first);
            QVERIFY(at::equal(back[i].second, tensors[i].second));
        }
    }

    void separableHalfOnCpu()
    {
        const QString models = QStringLiteral(THS_MODELS_DIR);
        const QString character = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
        THS_REQUIRE_REAL_WEIGHTS();
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("separable_half")));
        for (const QString &net : Poser::networkNames()) {
            NamedTensors tensors = readStateDictFile((models + QStringLiteral("/separable_float/") + net + QStringLiteral(".pt")).toStdString());
            for (auto &[key, t] : tensors)
                t = t.to(at::kHalf);
            test::writeStateDict(dir.filePath(QStringLiteral("separable_half/") + net + QStringLiteral(".pt")).toStdString(), tensors);
        }
        PoserOptions options;
        options.modelsDir = dir.path();
        options.variant = ModelVariant::SeparableHalf;
        options.precision = tha3::Precision::Float32; // both variants in the same arithmetic: only the weights differ
        Poser half(options);
        QVERIFY(half.notices().join(QString()).contains(QStringLiteral("computed in fp32")));

        // A float file where fp16 is expected is refused, naming the file and key.
        QFile::remove(dir.filePath(QStringLiteral("separable_half/editor.pt")));
        QVERIFY(QFile::copy(models + QStringLiteral("/separable_float/editor.pt"), dir.filePath(QStringLiteral("separable_half/editor.pt"))));
        try {
            Poser wrong(options);
            QFAIL("accepted float32 weights as the half variant");
        } catch (const EngineError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("separable_half/editor.pt: key \"body.downsample_blocks.0.0.weight\" has dtype Float; expected Half")),
                     qPrintable(QString::fromUtf8(e.what())));
        }

        options.modelsDir = models;
        options.variant = ModelVariant::SeparableFloat;
        Poser full(options);
        const QImage image(character);
        half.setImage(image);
        full.setImage(image);
        Pose pose;
        pose.setValue(QStringLiteral("mouth_aaa_index"), 1.0f);
        pose.setValue(QStringLiteral("head_y_index"), 0.5f);
        const QImage a = half.render(pose), b = full.render(pose);
        double sum = 0;
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512 * 4; ++x)
                sum += std::abs(int(a.constScanLine(y)[x]) - int(b.constScanLine(y)[x]));
        const double mean = sum / (512 * 512 * 4);
        qInfo("fp16-rounded weights vs float: mean difference %.3f levels", mean);
        QVERIFY(mean < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestHalfVariants)
#include "test_half_variants.moc"
