// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/poser.h"

#include "engine/engine_error.h"
#include "engine/image_tensor.h"
#include "engine/module_loader.h"
#include "engine/state_dict_reader.h"
#include "engine/tha3_networks.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <chrono>
#include <cstring>
#include <mutex>

namespace ths {

namespace {

struct VariantInfo {
    ModelVariant variant;
    const char *name;
    tha3::Structure structure;
    bool half;
};
constexpr VariantInfo kVariants[] = {
    {ModelVariant::SeparableFloat, "separable_float", tha3::Structure::Separable, false},
    {ModelVariant::SeparableHalf, "separable_half", tha3::Structure::Separable, true},
    {ModelVariant::StandardFloat, "standard_float", tha3::Structure::Standard, false},
    {ModelVariant::StandardHalf, "standard_half", tha3::Structure::Standard, true},
};

const VariantInfo &info(ModelVariant v)
{
    for (const auto &i : kVariants)
        if (i.variant == v)
            return i;
    return kVariants[0];
}

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Crop and paste rectangles of the pipeline (rows, cols) — tha3-architecture §4.3.
constexpr int64_t kEyebrowTop = 64, kEyebrowLeft = 192, kEyebrowSize = 128;
constexpr int64_t kFaceTop = 32, kFaceLeft = 160, kFaceSize = 192;

at::Tensor crop(const at::Tensor &image, int64_t top, int64_t left, int64_t size)
{
    return image.narrow(2, top, size).narrow(3, left, size);
}

at::Tensor resizeBilinear(const at::Tensor &x, int64_t size)
{
    return at::upsample_bilinear2d(x, {size, size}, /*align_corners*/ false);
}

} // namespace

QString variantName(ModelVariant variant)
{
    return QString::fromLatin1(info(variant).name);
}

std::optional<ModelVariant> parseVariant(const QString &name)
{
    for (const auto &i : kVariants)
        if (name == QLatin1String(i.name))
            return i.variant;
    return std::nullopt;
}

QStringList variantNames()
{
    QStringList names;
    for (const auto &i : kVariants)
        names << QString::fromLatin1(i.name);
    return names;
}

const QStringList &Poser::networkNames()
{
    static const QStringList names{
        QStringLiteral("eyebrow_decomposer"), QStringLiteral("eyebrow_morphing_combiner"),
        QStringLiteral("face_morpher"), QStringLiteral("two_algo_face_body_rotator"), QStringLiteral("editor"),
    };
    return names;
}

QStringList Poser::missingWeightFiles(const QString &modelsDir, ModelVariant variant)
{
    QStringList missing;
    const QDir dir(QDir(modelsDir).filePath(variantName(variant)));
    for (const QString &net : networkNames()) {
        const QString path = dir.filePath(net + QStringLiteral(".pt"));
        if (!QFileInfo(path).isFile())
            missing << path;
    }
    return missing;
}

struct Poser::Impl {
    PoserOptions options;
    VariantInfo variant;
    torch::Device device{torch::kCPU};
    at::ScalarType dtype = at::kFloat;
    int threads = 1; // intra-op threads of every render, whichever thread calls it
    QStringList notices;

    tha3::EyebrowDecomposer decomposer{nullptr};
    tha3::EyebrowMorphingCombiner combiner{nullptr};
    tha3::FaceMorpher faceMorpher{nullptr};
    tha3::TwoAlgoFaceBodyRotator rotator{nullptr};
    tha3::Editor editor{nullptr};

    mutable std::mutex mutex;
    QImage imageContent;        // what the caches are keyed on: the pixels, not the caller's buffer
    at::Tensor image;           // [1,4,512,512] on device, in dtype

    bool decomposerValid = false;
    std::vector<at::Tensor> decomposerOut;
    std::optional<std::array<float, Pose::kEyebrowCount>> combinerKey;
    at::Tensor eyebrowImage;    // combiner output 2, the one the face morpher consumes
    std::optional<std::array<float, Pose::kEyebrowCount + Pose::kFaceCount>> faceKey;
    at::Tensor full, half;      // face-morphed image at 512² and 256²

    NetworkTimings timings;
    NetworkRuns runs;

    void load(torch::nn::Module &module, const QString &network)
    {
        const QString path = QDir(QDir(options.modelsDir).filePath(variantName(variant.variant)))
                                 .filePath(network + QStringLiteral(".pt"));
        if (!QFileInfo(path).isFile())
            throw EngineError(QStringLiteral(
                "%1 is missing. The %2 weights consist of %3.pt in %4. The separable_float files are installed by the "
                "set-up script from the tha3 Python package; the other variants come from the THA3 demo's model "
                "archive (linked from the pkhungurn/talking-head-anime-3-demo repository) or its HuggingFace mirror.")
                                  .arg(path, variantName(variant.variant), networkNames().join(QStringLiteral(".pt, ")),
                                       QFileInfo(path).absolutePath()));
        loadStateDict(module, readStateDictFile(path), path, variant.half ? at::kHalf : at::kFloat);
    }

    void useImage(const QImage &rgba); // under mutex
    QImage renderFrame(const Pose &pose); // under mutex
    void clearCaches()
    {
        decomposerValid = false;
        decomposerOut.clear();
        combinerKey.reset();
        faceKey.reset();
    }

    // The memory format the rotator and editor compute in (see PoserOptions::exactOps).
    at::Tensor layout(const at::Tensor &t) const
    {
        return options.exactOps ? t : t.contiguous(at::MemoryFormat::ChannelsLast);
    }

    template<class F>
    auto timed(double &slot, F &&f)
    {
        const auto start = Clock::now();
        auto result = f();
        if (device.is_cuda())
            torch::cuda::synchronize();
        slot = msSince(start);
        return result;
    }

    at::Tensor renderTensor(const Pose &pose)
    {
        timings = {};
        const auto start = Clock::now();
        const auto &v = pose.values();
        const at::Tensor poseT = at::from_blob(const_cast<float *>(v.data()), {1, Pose::kCount}, at::kFloat)
                                     .to(device, dtype);

        if (!options.caching)
            clearCaches();
        if (!decomposerValid) {
            decomposerOut = timed(timings.decomposer, [&] {
                return decomposer->forward(crop(image, kEyebrowTop, kEyebrowLeft, kEyebrowSize));
            });
            decomposerValid = true;
            ++runs.decomposer;
        }

        std::array<float, Pose::kEyebrowCount> eyebrowKey;
        std::copy_n(v.begin(), eyebrowKey.size(), eyebrowKey.begin());
        if (combinerKey != eyebrowKey) {
            eyebrowImage = timed(timings.combiner, [&] {
                return combiner->forward(decomposerOut[3], decomposerOut[0], poseT.narrow(1, 0, Pose::kEyebrowCount))[2];
            });
            combinerKey = eyebrowKey;
            faceKey.reset();
            ++runs.combiner;
        }

        std::array<float, Pose::kEyebrowCount + Pose::kFaceCount> faceKeyNow;
        std::copy_n(v.begin(), faceKeyNow.size(), faceKeyNow.begin());
        if (faceKey != faceKeyNow) {
            timed(timings.faceMorpher, [&] {
                at::Tensor face = crop(image, kFaceTop, kFaceLeft, kFaceSize).clone();
                crop(face, kEyebrowTop - kFaceTop, kEyebrowLeft - kFaceLeft, kEyebrowSize).copy_(eyebrowImage);
                const at::Tensor morphed = faceMorpher->forward(face, poseT.narrow(1, Pose::kFaceBegin, Pose::kFaceCount))[0];
                full = image.clone();
                crop(full, kFaceTop, kFaceLeft, kFaceSize).copy_(morphed);
                half = resizeBilinear(full, 256);
                return 0;
            });
            faceKey = faceKeyNow;
            ++runs.faceMorpher;
        }

        const at::Tensor rotationPose = poseT.narrow(1, Pose::kRotationBegin, Pose::kRotationCount);
        const auto rotated = timed(timings.rotator, [&] { return rotator->forward(layout(half), rotationPose, false); });
        ++runs.rotator;
        const at::Tensor out = timed(timings.editor, [&] {
            return editor->forward(layout(full), layout(resizeBilinear(rotated[1], 512)),
                                   layout(resizeBilinear(rotated[2], 512)), rotationPose)[0];
        });
        ++runs.editor;
        timings.total = msSince(start);
        return out;
    }
};

Poser::Poser(const PoserOptions &options)
    : d(std::make_unique<Impl>())
{
    d->options = options;
    d->variant = info(options.variant);
    if (options.threads < 0)
        throw EngineError(QStringLiteral("threads must be 0 (all cores) or a positive number, not %1").arg(options.threads));
    d->threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
    at::set_num_threads(d->threads);

    const QString dev = options.device.trimmed().toLower();
    if (dev == QLatin1String("cpu")) {
        d->device = torch::Device(torch::kCPU);
    } else if (dev == QLatin1String("cuda") || dev.startsWith(QLatin1String("cuda:"))) {
        if (!torch::cuda::is_available())
            throw EngineError(QStringLiteral("device \"%1\" was requested, but CUDA is not available (this libtorch "
                                             "build has no CUDA support, or no GPU was found); use --device cpu")
                                  .arg(options.device));
        try {
            d->device = torch::Device(dev.toStdString());
        } catch (const c10::Error &) {
            throw EngineError(QStringLiteral("invalid device \"%1\"; expected cpu, cuda or cuda:N").arg(options.device));
        }
        // TF32 would change fp32 results by ~1e-3 relative; parity with the original needs it off.
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
    } else {
        throw EngineError(QStringLiteral("invalid device \"%1\"; expected cpu, cuda or cuda:N").arg(options.device));
    }

    const auto structure = d->variant.structure;
    d->decomposer = tha3::EyebrowDecomposer(structure);
    d->combiner = tha3::EyebrowMorphingCombiner(structure);
    d->faceMorpher = tha3::FaceMorpher(structure);
    d->rotator = tha3::TwoAlgoFaceBodyRotator(structure);
    d->editor = tha3::Editor(structure);
    torch::nn::Module *modules[] = {d->decomposer.get(), d->combiner.get(), d->faceMorpher.get(), d->rotator.get(),
                                    d->editor.get()};
    for (int i = 0; i < 5; ++i) {
        d->load(*modules[i], networkNames()[i]);
        modules[i]->eval();
    }

    // Half weights run in fp16 on CUDA. PyTorch 1.13 has no fp16 convolution on the CPU, so there they are
    // computed in fp32 (the weights were converted when copied into the fp32 modules).
    d->dtype = at::kFloat;
    if (d->variant.half) {
        if (d->device.is_cuda())
            d->dtype = at::kHalf;
        else
            d->notices << QStringLiteral("%1: the CPU cannot compute in fp16; the half-precision weights are computed "
                                         "in fp32")
                              .arg(variantName(options.variant));
    }
    for (auto *m : modules)
        m->to(d->device, d->dtype);
    if (!options.exactOps) {
        for (auto *m : modules)
            tha3::setExactOps(*m, false);
        // Only the rotator and editor: the other three upsample with transposed convolutions, which have no
        // channels-last fast path.
        // Depthwise weights [C,1,k,k] are contiguous in both layouts, so .contiguous() would keep their NCHW strides
        // and oneDNN would not pick its NHWC kernels; a copy forces the channels-last strides.
        torch::NoGradGuard noGrad;
        for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(d->rotator.get()), static_cast<torch::nn::Module *>(d->editor.get())})
            for (auto &p : m->parameters())
                if (p.dim() == 4)
                    p.set_data(p.to(p.options(), false, /*copy*/ true, at::MemoryFormat::ChannelsLast));
    }
}

Poser::~Poser() = default;

namespace {
QImage checkedRgba(const QImage &image)
{
    if (image.width() != 512 || image.height() != 512)
        throw EngineError(QStringLiteral("the character image must be 512×512 pixels, not %1×%2")
                              .arg(image.width())
                              .arg(image.height()));
    return image.convertToFormat(QImage::Format_RGBA8888);
}
} // namespace

void Poser::Impl::useImage(const QImage &rgba)
{
    if (image.defined() && rgba == imageContent)
        return; // same pixels: the cached decomposition stays valid
    imageContent = rgba;
    image = imageToTensor(rgba).to(device, dtype);
    clearCaches();
}

void Poser::setImage(const QImage &image)
{
    const QImage rgba = checkedRgba(image);
    std::lock_guard lock(d->mutex);
    d->useImage(rgba);
}

bool Poser::hasImage() const
{
    std::lock_guard lock(d->mutex);
    return d->image.defined();
}

QImage Poser::Impl::renderFrame(const Pose &pose)
{
    // The intra-op thread count belongs to the calling thread, and a long-lived worker keeps the count it started
    // with: apply this poser's own setting on whichever thread renders (the studio changes it at run time).
    if (at::get_num_threads() != threads)
        at::set_num_threads(threads);
    c10::InferenceMode inference;
    try {
        const at::Tensor out = renderTensor(pose.clamped());
        return tensorToImage(out[0].to(torch::kCPU, at::kFloat));
    } catch (const c10::Error &e) {
        // e.g. out of memory: one line for the user, without libtorch's C++ backtrace.
        throw EngineError(QStringLiteral("rendering failed: %1").arg(QString::fromUtf8(e.what_without_backtrace())));
    }
}

QImage Poser::render(const QImage &image, const Pose &pose)
{
    const QImage rgba = checkedRgba(image);
    std::lock_guard lock(d->mutex);
    d->useImage(rgba);
    return d->renderFrame(pose);
}

QImage Poser::render(const Pose &pose)
{
    std::lock_guard lock(d->mutex);
    if (!d->image.defined())
        throw EngineError(QStringLiteral("no character image is set"));
    return d->renderFrame(pose);
}

NetworkTimings Poser::lastTimings() const
{
    std::lock_guard lock(d->mutex);
    return d->timings;
}

NetworkRuns Poser::runs() const
{
    std::lock_guard lock(d->mutex);
    return d->runs;
}

QString Poser::deviceName() const
{
    return QString::fromStdString(d->device.str());
}

QStringList Poser::notices() const
{
    return d->notices;
}

} // namespace ths
