// SPDX-License-Identifier: GPL-3.0-or-later
// tha3-bench: the pipeline alone, without Qt, for machines that have nothing but libtorch (a CUDA machine with the
// PyTorch wheel). Two jobs:
//   speed   — random full poses, rotation-only poses and talking poses (mouth and eyes only), timed per network;
//   render  — every pose of a text file (one line of 45 values each) into raw RGBA files, for parity checks.
// Images are raw 512×512 RGBA8 files (straight alpha, 1 MiB); scripts/cuda/check.py converts PNGs and compares.

#include "tha3/engine_error.h"
#include "tha3/op_profile.h"
#include "tha3/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace ths;
using namespace ths::tha3;

constexpr size_t kImageBytes = size_t(kImageSize) * kImageSize * 4;

const char *kUsage =
    "usage: tha3-bench --weights DIR [--standard] [--half-weights] [--device cpu|cuda|cuda:N] [--threads N]\n"
    "                  [--precision auto|fp32|fp16|bf16] [--exact] [--image IN.rgba]\n"
    "                  [--frames N] [--profile] | [--poses POSES.txt --output-dir DIR]\n"
    "  Without --poses: times --frames (default 20) frames of each kind of pose and prints fps and the per-network\n"
    "  split; --profile then times every libtorch operator over --frames full random poses. With --poses: renders each line (45 numbers) to DIR/<line index>.rgba.\n";

std::vector<uint8_t> readRaw(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        throw EngineError(path + ": cannot read");
    if (bytes.size() != kImageBytes)
        throw EngineError(path + ": expected " + std::to_string(kImageBytes) + " bytes of raw 512×512 RGBA, found "
                          + std::to_string(bytes.size()));
    return bytes;
}

// A stand-in character when no image is given: an opaque disc on a transparent background (speed does not depend on
// the pixels).
std::vector<uint8_t> syntheticCharacter()
{
    std::vector<uint8_t> rgba(kImageBytes, 0);
    for (int y = 0; y < kImageSize; ++y)
        for (int x = 0; x < kImageSize; ++x) {
            const int dx = x - 256, dy = y - 200;
            if (dx * dx + dy * dy > 150 * 150 && !(std::abs(dx) < 120 && y > 300))
                continue;
            uint8_t *p = &rgba[(size_t(y) * kImageSize + x) * 4];
            p[0] = uint8_t(x / 2), p[1] = uint8_t(y / 2), p[2] = 180, p[3] = 255;
        }
    return rgba;
}

std::vector<std::vector<float>> readPoses(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw EngineError(path + ": cannot read");
    std::vector<std::vector<float>> poses;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        std::istringstream fields(line);
        std::vector<float> pose;
        float v;
        while (fields >> v)
            pose.push_back(v);
        if (!fields.eof() || pose.size() != size_t(kPoseCount))
            throw EngineError(path + ":" + std::to_string(number) + ": expected " + std::to_string(kPoseCount)
                              + " numbers, found " + std::to_string(pose.size()) + (fields.eof() ? "" : " and text"));
        poses.push_back(std::move(pose));
    }
    return poses;
}

// Parameter ranges: [0, 1] except iris rotation (37, 38) and head/neck/body rotation (39–43), which are [-1, 1].
float randomValue(std::mt19937 &rng, int index)
{
    const bool signedRange = index >= 37 && index <= 43;
    const float u = std::uniform_real_distribution<float>(0.f, 1.f)(rng);
    return signedRange ? 2.f * u - 1.f : u;
}

enum class PoseKind { Full, RotationOnly, Talking };

// Full: every value random. RotationOnly: the last six (the face is cached). Talking: the mouth (26–36) and eye
// (12–25) values and the rotation, as while speaking with the idle sway — the eyebrow combiner stays cached.
std::vector<float> nextPose(std::mt19937 &rng, PoseKind kind, const std::vector<float> &base)
{
    std::vector<float> pose = base;
    for (int i = 0; i < kPoseCount; ++i)
        if (kind == PoseKind::Full || i >= kRotationBegin || (kind == PoseKind::Talking && i >= kFaceBegin))
            pose[size_t(i)] = randomValue(rng, i);
    return pose;
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void profile(Pipeline &pipeline, int frames)
{
    std::vector<uint8_t> out(kImageBytes);
    std::mt19937 rng(7);
    const std::vector<float> zero(kPoseCount, 0.f);
    pipeline.render(nextPose(rng, PoseKind::Full, zero).data(), out.data(), kImageSize * 4);
    OpProfile ops;
    for (int i = 0; i < frames; ++i)
        pipeline.render(nextPose(rng, PoseKind::Full, zero).data(), out.data(), kImageSize * 4);
    std::printf("operators over %d full random poses:\n%s", frames, ops.table(frames).c_str());
}

void bench(Pipeline &pipeline, int frames)
{
    std::vector<uint8_t> out(kImageBytes);
    std::mt19937 rng(42);
    const std::vector<float> zero(kPoseCount, 0.f);
    const struct {
        PoseKind kind;
        const char *label;
    } kinds[] = {{PoseKind::Full, "full random poses"},
                 {PoseKind::Talking, "talking poses"},
                 {PoseKind::RotationOnly, "rotation-only poses"}};
    for (const auto &k : kinds) {
        const std::vector<float> base = nextPose(rng, PoseKind::Full, zero);
        for (int i = 0; i < 3; ++i) // warm-up (cuDNN picks its algorithms on the first frames)
            pipeline.render(nextPose(rng, k.kind, base).data(), out.data(), kImageSize * 4);
        NetworkTimings sum;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < frames; ++i) {
            pipeline.render(nextPose(rng, k.kind, base).data(), out.data(), kImageSize * 4);
            sum += pipeline.lastTimings();
        }
        const double ms = msSince(start) / frames;
        std::printf("%s: frames=%d fps=%.2f ms_per_frame=%.2f combiner_ms=%.2f face_morpher_ms=%.2f rotator_ms=%.2f "
                    "editor_ms=%.2f\n",
                    k.label, frames, 1000.0 / ms, ms, sum.combiner / frames, sum.faceMorpher / frames,
                    sum.rotator / frames, sum.editor / frames);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    PipelineOptions options;
    std::string imagePath, posesPath, outputDir;
    int frames = 20;
    bool profiling = false;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const auto value = [&]() -> const std::string & {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "error: %s needs a value\n%s", a.c_str(), kUsage);
                std::exit(2);
            }
            return args[++i];
        };
        try {
            if (a == "--weights") options.weightsDir = value();
            else if (a == "--standard") options.structure = Structure::Standard;
            else if (a == "--half-weights") options.halfWeights = true;
            else if (a == "--device") options.device = value();
            else if (a == "--threads") options.threads = std::stoi(value());
            else if (a == "--exact") options.exactOps = true;
            else if (a == "--profile") profiling = true;
            else if (a == "--image") imagePath = value();
            else if (a == "--frames") frames = std::stoi(value());
            else if (a == "--poses") posesPath = value();
            else if (a == "--output-dir") outputDir = value();
            else if (a == "--precision") {
                const std::string p = value();
                const Precision all[] = {Precision::Auto, Precision::Float32, Precision::Float16, Precision::BFloat16};
                const auto it = std::find_if(std::begin(all), std::end(all), [&](Precision x) { return p == precisionName(x); });
                if (it == std::end(all)) {
                    std::fprintf(stderr, "error: --precision must be auto, fp32, fp16 or bf16, not \"%s\"\n", p.c_str());
                    return 2;
                }
                options.precision = *it;
            } else {
                std::fprintf(stderr, "error: unknown argument \"%s\"\n%s", a.c_str(), kUsage);
                return 2;
            }
        } catch (const std::logic_error &) { // std::stoi
            std::fprintf(stderr, "error: %s needs a whole number\n", a.c_str());
            return 2;
        }
    }
    if (options.weightsDir.empty() || frames < 1 || posesPath.empty() != outputDir.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }

    try {
        const auto loadStart = std::chrono::steady_clock::now();
        Pipeline pipeline(options);
        const double loadMs = msSince(loadStart);
        for (const std::string &notice : pipeline.notices())
            std::fprintf(stderr, "notice: %s\n", notice.c_str());
        const std::vector<uint8_t> image = imagePath.empty() ? syntheticCharacter() : readRaw(imagePath);
        pipeline.setImage(image.data(), kImageSize, kImageSize, kImageSize * 4);
        std::vector<uint8_t> out(kImageBytes);
        const std::vector<float> rest(kPoseCount, 0.f);
        const auto firstStart = std::chrono::steady_clock::now();
        pipeline.render(rest.data(), out.data(), kImageSize * 4);
        std::printf("startup: model_load_ms=%.0f first_render_ms=%.0f device=%s precision=%s threads=%d exact=%d\n",
                    loadMs, msSince(firstStart), pipeline.deviceName().c_str(), precisionName(pipeline.precision()),
                    pipeline.threads(), int(options.exactOps));
        std::fflush(stdout);

        if (posesPath.empty()) {
            bench(pipeline, frames);
            if (profiling)
                profile(pipeline, frames);
            return 0;
        }
        const auto poses = readPoses(posesPath);
        std::filesystem::create_directories(outputDir);
        for (size_t i = 0; i < poses.size(); ++i) {
            pipeline.render(poses[i].data(), out.data(), kImageSize * 4);
            const std::string path = (std::filesystem::path(outputDir) / (std::to_string(i) + ".rgba")).string();
            std::ofstream file(path, std::ios::binary);
            file.write(reinterpret_cast<const char *>(out.data()), std::streamsize(out.size()));
            if (!file)
                throw EngineError(path + ": cannot write");
        }
        std::printf("rendered %zu poses into %s\n", poses.size(), outputDir.c_str());
    } catch (const EngineError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    } catch (const std::filesystem::filesystem_error &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
