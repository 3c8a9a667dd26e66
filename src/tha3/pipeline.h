// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The THA3 pipeline: five networks turn one 512×512 character image and a 45-value pose into a 512×512 frame.
// Torch-free and Qt-free header, so everything above it compiles without libtorch and the engine itself builds
// on a machine that has nothing but libtorch (a CUDA machine with the PyTorch wheel, say).
//
// Not thread-safe: one caller at a time (ths::Poser serialises its users). libtorch's intra-op thread count is
// applied on whichever thread renders.
//
// Caching never changes the output: the eyebrow decomposition is kept while the image's pixels are unchanged; the
// eyebrow combiner and face morpher results while the eyebrow (0–11) and face (0–38) pose values are unchanged, so
// rotation- and breathing-only frames run just the rotator and editor.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ths {

// Milliseconds spent in each network during the last render(); 0 for a stage served from the cache.
struct NetworkTimings {
    double decomposer = 0, combiner = 0, faceMorpher = 0, rotator = 0, editor = 0, total = 0;
    NetworkTimings &operator+=(const NetworkTimings &o)
    {
        decomposer += o.decomposer, combiner += o.combiner, faceMorpher += o.faceMorpher, rotator += o.rotator;
        editor += o.editor, total += o.total;
        return *this;
    }
};

// How many times each network has run since construction.
struct NetworkRuns {
    int decomposer = 0, combiner = 0, faceMorpher = 0, rotator = 0, editor = 0;
};

namespace tha3 {

enum class Structure { Standard, Separable };

// The arithmetic the networks run in. Auto: on CUDA fp16 for half-precision weights, otherwise fp32; on the CPU
// bf16 where the CPU has it (AVX512-BF16 or AMX) and exact mode is off, otherwise fp32. In bf16 the rotator, the
// networks' output heads, the warps and the compositing stay fp32 (see pipeline.cpp for why).
enum class Precision { Auto, Float32, Float16, BFloat16 };
const char *precisionName(Precision precision); // "auto", "fp32", "fp16", "bf16"
// Whether this CPU computes bf16 natively (AVX512-BF16 or AMX); elsewhere bf16 is emulated and slower than fp32.
bool cpuHasBf16();

// The pose layout the networks consume.
constexpr int kPoseCount = 45;
constexpr int kEyebrowCount = 12;                 // [0, 12): the eyebrow combiner
constexpr int kFaceBegin = 12, kFaceCount = 27;   // [12, 39): the face morpher
constexpr int kRotationBegin = 39, kRotationCount = 6; // [39, 45): the rotator and editor
constexpr int kImageSize = 512;

// The five weight files, in pipeline order: "<name>.pt".
const std::array<const char *, 5> &networkNames();

struct PipelineOptions {
    std::string weightsDir;                       // holds the five <name>.pt files
    Structure structure = Structure::Separable;
    bool halfWeights = false;                     // the files store fp16 tensors (the *_half variants)
    std::string device = "cpu";                   // "cpu", "cuda" or "cuda:N"
    int threads = 0;                              // CPU intra-op threads; 0 = all cores
    bool caching = true;                          // false: run every network every frame (for tests)
    // false (the default): faster kernels that differ from the original by rounding only (see networks.h).
    // true: the original's exact op sequence (the same bits as the Python code on the same libtorch and threads).
    bool exactOps = false;
    Precision precision = Precision::Auto;
};

class Pipeline
{
public:
    // Loads the five weight files. Throws EngineError naming the file/key on any problem (missing file — with where
    // to get it —, corrupt file, wrong keys/shapes/dtypes, CUDA unavailable, bad options).
    explicit Pipeline(const PipelineOptions &options);
    ~Pipeline();
    Pipeline(const Pipeline &) = delete;
    Pipeline &operator=(const Pipeline &) = delete;

    // The character: kImageSize² RGBA8, straight alpha. Alpha-0 pixels count as transparent black, as in the
    // original. The same pixels again keep the cached decomposition. Throws EngineError on a wrong size or when libtorch fails.
    void setImage(const uint8_t *rgba, int width, int height, std::ptrdiff_t bytesPerLine);
    bool hasImage() const;

    // Renders `pose` (kPoseCount values, already clamped to their ranges) into `rgba` (kImageSize rows of
    // `bytesPerLine` bytes, RGBA8 sRGB straight alpha). Throws EngineError when no image is set or libtorch fails.
    void render(const float *pose, uint8_t *rgba, std::ptrdiff_t bytesPerLine);

    NetworkTimings lastTimings() const;
    NetworkRuns runs() const;
    std::string deviceName() const;
    Precision precision() const;                  // the one in use, never Auto
    int threads() const;
    // Human-readable notes from loading (e.g. half weights computed in fp32 on the CPU).
    std::vector<std::string> notices() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tha3
} // namespace ths
