// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The five THA3 networks as torch::nn modules whose parameter names equal the original state_dict keys, for both
// structures ("standard" and "separable"). Internal to the engine: this header exposes libtorch types.

#include "tha3/pipeline.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/functional/instancenorm.h>
#include <torch/nn/modules/instancenorm.h>

#include <vector>

namespace ths::tha3 {

enum class Activation { ReLU, LeakyReLU };

torch::Tensor activate(const torch::Tensor &x, Activation act);
// InstanceNorm2d(affine, eps 1e-5, batch statistics) with the module's γ/β; keeps the memory format.
torch::Tensor instanceNorm(const torch::Tensor &x, torch::nn::InstanceNorm2d norm);

// Modules with a fast mode beside the original's exact op sequence: setExactOps switches every one in a network.
class ExactSwitch
{
public:
    virtual ~ExactSwitch() = default;
    void setExact(bool exact) { m_exact = exact; }
    bool exact() const { return m_exact; }

protected:
    bool m_exact = true;
};

// conv → InstanceNorm → activation. Standard keys: 0 conv, 1 norm. Separable keys: 0 depthwise, 1 pointwise, 2 norm.
enum class BlockKind { Conv3, Conv7, Downsample, TransposedUpsample };
class ConvNormActImpl : public torch::nn::Module, public ExactSwitch
{
public:
    ConvNormActImpl(Structure structure, BlockKind kind, int64_t in, int64_t out, Activation act);
    torch::Tensor forward(const torch::Tensor &x);
    // forward(cat([nearest×2(small), skip], 1)), skip optional. In fast mode neither the upsampled tensor nor the
    // concatenation is materialised where the fused kernels apply (fused_depthwise.h, fused_upsample.h).
    torch::Tensor forwardUpsampled(const torch::Tensor &small, const torch::Tensor &skip);
    // Fast mode: compute a transposed convolution as four 2×2 convolutions (one per output pixel phase), which
    // oneDNN runs far faster than ATen's transposed-convolution fallback, and on channels-last tensors fuse
    // normalisation and activation (fused_norm.h); equal up to fp32 rounding.

private:
    torch::Tensor normalise(const torch::Tensor &y);
    torch::Tensor transposedBySubpixels(const torch::Tensor &x);
    at::Tensor m_subpixelWeight;           // derived from the transposed weight, rebuilt when that changes
    std::pair<const void *, uint32_t> m_subpixelSource{nullptr, 0};
    torch::nn::Conv2d m_conv{nullptr};            // the conv, or the depthwise conv when separable
    torch::nn::ConvTranspose2d m_convT{nullptr};  // the same for transposed upsampling
    torch::nn::Conv2d m_pointwise{nullptr};
    torch::nn::InstanceNorm2d m_norm{nullptr};
    Activation m_act;
};
TORCH_MODULE(ConvNormAct);

// A 3×3 conv with no bias: standard Conv2d, or separable {0: depthwise, 1: pointwise}.
class Conv3Impl : public torch::nn::Module
{
public:
    Conv3Impl(Structure structure, int64_t channels);
    torch::Tensor forward(const torch::Tensor &x);

private:
    torch::nn::Conv2d m_conv{nullptr}, m_depthwise{nullptr}, m_pointwise{nullptr};
};
TORCH_MODULE(Conv3);

// x + path(x), path = {0 conv3, 1 norm, 2 act, 3 conv3, 4 norm}.
class ResnetBlockImpl : public torch::nn::Module, public ExactSwitch
{
public:
    ResnetBlockImpl(Structure structure, int64_t channels, Activation act);
    torch::Tensor forward(const torch::Tensor &x);
    // Fast mode: on channels-last tensors, normalisation, activation and the residual add run fused (fused_norm.h).

private:
    std::shared_ptr<torch::nn::Module> m_path;
    Conv3 m_conv0{nullptr}, m_conv3{nullptr};
    torch::nn::InstanceNorm2d m_norm1{nullptr}, m_norm4{nullptr};
    Activation m_act;
};
TORCH_MODULE(ResnetBlock);

// A head: 3×3 conv from the feature channels, with bias and sigmoid/tanh (keys `<name>.0.*`), or a bare grid-change
// conv without bias (keys `<name>.weight`).
enum class HeadKind { Sigmoid, Tanh, Grid };
class HeadImpl : public torch::nn::Module
{
public:
    HeadImpl(HeadKind kind, int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor &x);
    // For fusing several heads into one convolution: the conv's parameters, and the head's activation alone.
    const torch::nn::Conv2d &convolution() const { return m_conv; }
    at::ScalarType dtype() const { return m_conv->weight.scalar_type(); }
    torch::Tensor activation(const torch::Tensor &y) const;

private:
    HeadKind m_kind;
    torch::nn::Conv2d m_conv{nullptr};
};
TORCH_MODULE(Head);

// The three block lists of the encoder–decoders and the U-Net, registered under their original names.
struct BlockLists {
    torch::nn::ModuleList downsample{torch::nn::ModuleList()};
    torch::nn::ModuleList bottleneck{torch::nn::ModuleList()};
    torch::nn::ModuleList upsample{torch::nn::ModuleList()};
    void registerOn(torch::nn::Module &owner);
    // The type the blocks compute in (their weights'). The pipeline may run the blocks in bf16 and the heads in fp32:
    // every network converts its input to this type and the features to its heads' type.
    at::ScalarType dtype() const;
};

// PoserEncoderDecoder00 and its separable twin (eyebrow nets, face morpher): ReLU, transposed-conv upsampling,
// pose concatenated at the bottleneck. Returns the last (full-resolution, 64-channel) feature.
class EncoderDecoder00
{
public:
    EncoderDecoder00(Structure structure, int64_t inChannels, int64_t poseCount);
    torch::Tensor forward(torch::Tensor x, const torch::Tensor &pose);
    BlockLists lists;

private:
    int64_t m_poseCount;
};

class EyebrowDecomposerImpl : public torch::nn::Module
{
public:
    explicit EyebrowDecomposerImpl(Structure structure);
    // [eyebrow_layer, eb_alpha, eb_color_change, background_layer_1, bg_alpha, bg_color_change]
    std::vector<torch::Tensor> forward(const torch::Tensor &image);

private:
    EncoderDecoder00 m_body;
    Head m_bgAlpha, m_bgColor, m_ebAlpha, m_ebColor;
};
TORCH_MODULE(EyebrowDecomposer);

// Fast mode (setExact(false)): the grid-change warp runs as one fused pass (fused_warp.h).
class EyebrowMorphingCombinerImpl : public torch::nn::Module, public ExactSwitch
{
public:
    explicit EyebrowMorphingCombinerImpl(Structure structure);
    // [eyebrow_image, combine_alpha, eyebrow_image_no_combine_alpha, morphed_eyebrow_layer, morphed_alpha,
    //  morphed_color_change, warped_eyebrow_layer, grid_change]
    std::vector<torch::Tensor> forward(const torch::Tensor &background, const torch::Tensor &eyebrow,
                                       const torch::Tensor &pose);

private:
    EncoderDecoder00 m_body;
    Head m_grid, m_alpha, m_color, m_combineAlpha;
};
TORCH_MODULE(EyebrowMorphingCombiner);

// Fast mode (setExact(false)): the grid-change warp runs as one fused pass (fused_warp.h).
class FaceMorpherImpl : public torch::nn::Module, public ExactSwitch
{
public:
    explicit FaceMorpherImpl(Structure structure);
    // [out, eye_alpha, eye_color_change, iris_mouth_image_1, iris_mouth_alpha, iris_mouth_color_change,
    //  iris_mouth_image_0]
    std::vector<torch::Tensor> forward(const torch::Tensor &image, const torch::Tensor &pose);

private:
    EncoderDecoder00 m_body;
    Head m_imGrid, m_imColor, m_imAlpha, m_eyeColor, m_eyeAlpha;
};
TORCH_MODULE(FaceMorpher);

// Nearest ×2 upsampling, then a 3×3 conv block (keys `1.*`: the parameterless Upsample is child 0).
class ResizeUpsampleImpl : public torch::nn::Module
{
public:
    ResizeUpsampleImpl(Structure structure, int64_t in, int64_t out, Activation act);
    torch::Tensor forward(const torch::Tensor &x);

private:
    ConvNormAct m_block{nullptr};
};
TORCH_MODULE(ResizeUpsample);

// Fast mode (setExact(false)): the grid-change warp runs as one fused pass (fused_warp.h).
class TwoAlgoFaceBodyRotatorImpl : public torch::nn::Module, public ExactSwitch
{
public:
    explicit TwoAlgoFaceBodyRotatorImpl(Structure structure);
    // [direct_image, warped_image, grid_change]; direct_image is undefined unless `withDirect`
    // (the poser never uses it).
    std::vector<torch::Tensor> forward(const torch::Tensor &image, const torch::Tensor &pose, bool withDirect = true);

private:
    BlockLists m_lists;
    Head m_direct, m_grid;
};
TORCH_MODULE(TwoAlgoFaceBodyRotator);

class EditorImpl : public torch::nn::Module, public ExactSwitch
{
public:
    explicit EditorImpl(Structure structure);
    // [out, alpha, color_change, warped, out_grid]
    std::vector<torch::Tensor> forward(const torch::Tensor &original, const torch::Tensor &warped,
                                       const torch::Tensor &gridChange, const torch::Tensor &pose);
    // forward(...)[0], the only output the pipeline shows. In fast mode the output stage after the heads'
    // convolution is one fused pass (fused_warp.h) that computes no other output.
    torch::Tensor render(const torch::Tensor &original, const torch::Tensor &warped, const torch::Tensor &gridChange,
                         const torch::Tensor &pose);
    // Fast mode (setExact(false)): the three 512² heads run as one convolution (4+4+2 output channels); equal up to
    // fp32 rounding.

private:
    torch::Tensor features(const torch::Tensor &original, const torch::Tensor &warped, const torch::Tensor &gridChange,
                           const torch::Tensor &pose);
    // The three heads' pre-activation outputs as one [1,10,H,W] tensor: colour change, alpha, grid delta.
    torch::Tensor fusedHeads(const torch::Tensor &x);
    // forward()'s outputs from fusedHeads(), op by op.
    std::vector<torch::Tensor> outputsFromFusedHeads(const torch::Tensor &heads, const torch::Tensor &gridChange,
                                                     const torch::Tensor &original);
    BlockLists m_lists;
    Head m_color, m_alpha, m_grid;
    at::Tensor m_fusedWeight, m_fusedBias; // derived from the heads, rebuilt when their weights change
    std::vector<std::pair<const void *, uint32_t>> m_fusedSource;
};
TORCH_MODULE(Editor);

// x in type t (x itself when it already is).
torch::Tensor toType(const torch::Tensor &x, at::ScalarType t);

// Moves the blocks of a network (its "body"/"encoder_decoder" and *_blocks children) to `dtype`, leaving the heads.
void setBodyDtype(torch::nn::Module &network, at::ScalarType dtype);
// Only the bottleneck blocks (the 512-channel ResNet blocks at 1/8 resolution) of a network with *_blocks lists.
void setBottleneckDtype(torch::nn::Module &network, at::ScalarType dtype);

// Switches every block of `module` between the original's exact op sequence and the faster equivalent kernels.
void setExactOps(torch::nn::Module &module, bool exact);

// grid_sample(image, identity grid + grid_change), bilinear, border padding, align_corners=false — exactly the
// original's GridChangeApplier.
torch::Tensor applyGridChange(const torch::Tensor &gridChange, const torch::Tensor &image);
// applyGridChange, or unless `exact` the fused kernel where it applies (fused_warp.h).
torch::Tensor warp(const torch::Tensor &gridChange, const torch::Tensor &image, bool exact);
// cc*alpha + image*(1-alpha)
torch::Tensor applyColorChange(const torch::Tensor &alpha, const torch::Tensor &colorChange, const torch::Tensor &image);
// Pose vector [N,C] as constant planes [N,C,H,W].
torch::Tensor posePlanes(const torch::Tensor &pose, int64_t height, int64_t width);
// A network's input: cat([images…, posePlanes(pose)], 1) in `dtype`, in the first image's layout; unless `exact`
// one fused pass where it applies (fused_concat.h), channels-last.
torch::Tensor networkInput(const std::vector<torch::Tensor> &images, const torch::Tensor &pose, at::ScalarType dtype,
                           bool exact);

} // namespace ths::tha3
