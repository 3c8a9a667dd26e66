// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The THA3 poser: one character image + a pose → a 512×512 RGBA frame, as QImages. Torch-free header; the
// networks run in tha3::Pipeline (Qt-free), which this serialises for its users.
//
// Threading contract: every method is safe to call from any thread; calls serialize on an internal mutex, so one
// render runs at a time; deviceName(), precision() and notices(), fixed at construction, never wait for one. Rendering
// takes hundreds of milliseconds on a CPU: call render() from a worker thread, never from the GUI or HTTP thread.
// Rendering runs on the process's compute thread (core/compute_thread.h), whichever thread calls; the caller waits.
// Loading runs on a short-lived thread of its own, so that it never holds up the renders of other posers.
//
// Caching never changes the output: the eyebrow decomposition is cached per image *content* (a new image in the same
// buffer invalidates it); the eyebrow combiner and face morpher results are reused while the eyebrow (0–11) and
// face (0–38) pose slices are unchanged, so rotation- and breathing-only frames run just the rotator and editor.

#include "pose/pose.h"
#include "tha3/pipeline.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ths {

enum class ModelVariant { SeparableFloat, SeparableHalf, StandardFloat, StandardHalf };

QString variantName(ModelVariant variant);              // "separable_float", …
std::optional<ModelVariant> parseVariant(const QString &name);
QStringList variantNames();

struct PoserOptions {
    QString modelsDir;                                  // holds <variant>/<network>.pt
    ModelVariant variant = ModelVariant::SeparableFloat;
    QString device = QStringLiteral("cpu");             // "cpu", "cuda" or "cuda:N"
    int threads = 0;                                    // intra-op threads; 0 = all cores
    bool caching = true;                                // false: run every network every frame (for tests)
    // false (the default): faster CPU kernels — channels-last (NHWC) tensors in the rotator and editor, so oneDNN
    // skips a layout conversion around every convolution, and transposed convolutions computed as four 2×2
    // convolutions. Results differ from the original by fp32 rounding only. true: the original's exact op sequence
    // (the same bits as the Python code with the same libtorch build and thread count), about 2× slower.
    bool exactOps = false;
    // The arithmetic (see tha3::Precision): auto = fp16 for half weights on CUDA, fp32 otherwise.
    tha3::Precision precision = tha3::Precision::Auto;
};

// "auto", "fp32", "fp16", "bf16" (tha3::precisionName) → the precision.
std::optional<tha3::Precision> parsePrecision(const QString &name);

class Poser
{
public:
    // Loads the five weight files. Throws EngineError naming the file/key on any problem (missing file — with
    // where to get it —, corrupt file, wrong keys/shapes/dtypes, CUDA unavailable).
    explicit Poser(const PoserOptions &options);
    ~Poser();
    Poser(const Poser &) = delete;
    Poser &operator=(const Poser &) = delete;

    static const QStringList &networkNames();            // the five file stems, in pipeline order
    // The weight files of `variant` that are absent from `modelsDir` (full paths); empty when all are there.
    static QStringList missingWeightFiles(const QString &modelsDir, ModelVariant variant);

    // Sets the character: a 512×512 image with alpha (see image_import.h for validation). Pixels with alpha 0 are
    // treated as fully transparent black, as the original does. Throws EngineError on a wrong size.
    void setImage(const QImage &image);
    bool hasImage() const;

    // Renders one frame: 512×512 QImage::Format_RGBA8888, sRGB, straight alpha. Values are clamped into their
    // ranges. Throws EngineError when no image is set.
    QImage render(const Pose &pose);
    // setImage(image) and render(pose) as one step, so users sharing a poser (the studio's preview, live character
    // and exporter) never render with each other's image. Unchanged pixels keep the cached decomposition.
    QImage render(const QImage &image, const Pose &pose);

    NetworkTimings lastTimings() const;
    NetworkRuns runs() const;
    QString deviceName() const;
    tha3::Precision precision() const;                   // in use, never Auto
    // What decides the pixels besides the image and pose: weights folder, device, precision, exact or fast kernels.
    QString rendererId() const;
    // Human-readable notes from loading (e.g. half weights computed in fp32 on the CPU).
    QStringList notices() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ths
