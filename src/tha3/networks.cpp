// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/networks.h"

#include "tha3/fused_concat.h"
#include "tha3/fused_norm.h"
#include "tha3/fused_separable.h"
#include "tha3/fused_upsample.h"
#include "tha3/fused_warp.h"

#include <ATen/ATen.h>
#include <torch/nn/functional/activation.h>

namespace ths::tha3 {

namespace nn = torch::nn;

torch::Tensor activate(const torch::Tensor &x, Activation act)
{
    return act == Activation::ReLU ? at::relu(x) : at::leaky_relu(x, 0.1);
}

namespace {
// In place on a fresh intermediate (the same values, one allocation and memory pass fewer).
torch::Tensor activateInPlace(torch::Tensor x, Activation act)
{
    return act == Activation::ReLU ? at::relu_(x) : at::leaky_relu_(x, 0.1);
}
} // namespace

torch::Tensor instanceNorm(const torch::Tensor &x, torch::nn::InstanceNorm2d norm)
{
    // For one image, instance normalisation is batch normalisation with batch statistics: at::instance_norm
    // reshapes to (1, N·C, H, W) and calls batch_norm, which for N = 1 is the same call on the same data (so the
    // same bits). Calling batch_norm directly avoids instance_norm's .contiguous(), which would turn a
    // channels-last tensor back into NCHW before every normalisation.
    if (x.size(0) == 1)
        return at::batch_norm(x, norm->weight, norm->bias, {}, {}, /*training*/ true, 0.1, 1e-5, /*cudnn*/ true);
    return norm->forward(x);
}

namespace {

nn::InstanceNorm2d instanceNorm(int64_t channels)
{
    return nn::InstanceNorm2d(nn::InstanceNorm2dOptions(channels).eps(1e-5).affine(true).track_running_stats(false));
}

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t padding, int64_t groups = 1,
                bool bias = false)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).groups(groups).bias(bias));
}

// Nearest ×2 exactly as nn.Upsample(scale_factor=2): the scale factor is passed through, src = floor(dst * 0.5).
torch::Tensor doubleResolution(const torch::Tensor &x)
{
    return at::upsample_nearest2d(x, c10::nullopt, std::vector<double>{2.0, 2.0});
}

} // namespace

ConvNormActImpl::ConvNormActImpl(Structure structure, BlockKind kind, int64_t in, int64_t out, Activation act)
    : m_act(act)
{
    const int64_t kernel = kind == BlockKind::Conv7 ? 7 : kind == BlockKind::Conv3 ? 3 : 4;
    const int64_t stride = kind == BlockKind::Downsample ? 2 : 1;
    const int64_t padding = kind == BlockKind::Conv7 ? 3 : 1;
    const bool separable = structure == Structure::Separable;
    if (kind == BlockKind::TransposedUpsample) {
        const int64_t convOut = separable ? in : out;
        m_convT = register_module("0", nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, convOut, 4)
                                                                 .stride(2)
                                                                 .padding(1)
                                                                 .groups(separable ? in : 1)
                                                                 .bias(false)));
    } else {
        m_conv = register_module("0", separable ? conv(in, in, kernel, stride, padding, in) : conv(in, out, kernel, stride, padding));
    }
    if (separable)
        m_pointwise = register_module("1", conv(in, out, 1, 1, 0));
    m_norm = register_module(separable ? "2" : "1", instanceNorm(out));
}

torch::Tensor ConvNormActImpl::forward(const torch::Tensor &x)
{
    torch::Tensor y = m_conv ? m_conv->forward(x) : m_exact ? m_convT->forward(x) : transposedBySubpixels(x);
    if (m_pointwise)
        y = m_pointwise->forward(y);
    return normalise(y);
}

torch::Tensor ConvNormActImpl::normalise(const torch::Tensor &y)
{
    if (!m_exact && fusedNormApplies(y))
        return fusedInstanceNorm(y, m_norm->weight, m_norm->bias, m_act);
    return activateInPlace(instanceNorm(y, m_norm), m_act);
}

torch::Tensor ConvNormActImpl::forwardUpsampled(const torch::Tensor &small, const torch::Tensor &skip)
{
    // The fused kernel computes in fp32. In bf16, oneDNN's bf16 (AMX) convolutions win below 512², where the
    // tensors are small enough that memory traffic no longer decides (measured per level, 2 threads).
    const bool fusedPays = small.scalar_type() != at::kBFloat16 || small.size(2) * 2 >= 512;
    if (!m_exact && m_conv && m_pointwise && fusedPays
        && fusedSeparableApplies(small, skip, m_conv->weight, m_pointwise->weight))
        return normalise(upsampledSeparable3x3(small, skip, m_conv->weight, m_pointwise->weight));
    if (!m_exact && fusedUpsampleApplies(small, skip))
        return forward(upsampleAndConcat(small, skip));
    return forward(skip.defined() ? at::cat({doubleResolution(small), skip}, 1) : doubleResolution(small));
}

// ConvTranspose2d(k=4, s=2, p=1): output row 2m takes input rows m-1, m with kernel rows 3, 1; row 2m+1 takes rows
// m, m+1 with kernel rows 2, 0 (likewise for columns). So each of the four output phases is a 2×2 convolution of the
// input padded by one pixel; one convolution computes all four (4× the output channels), then they are interleaved.
torch::Tensor ConvNormActImpl::transposedBySubpixels(const torch::Tensor &x)
{
    const at::Tensor &w = m_convT->weight; // [in, out/groups, 4, 4]
    const int64_t groups = m_convT->options.groups();
    const std::pair<const void *, uint32_t> source{w.data_ptr(), w._version()};
    const auto format = x.suggest_memory_format();
    if (!m_subpixelWeight.defined() || m_subpixelSource != source || !m_subpixelWeight.is_contiguous(format)) {
        torch::NoGradGuard noGrad;
        const auto taps = [&](int phase) { return at::tensor({phase ? 2 : 3, phase ? 0 : 1}, at::kLong).to(w.device()); };
        std::vector<at::Tensor> phases;
        for (int ry = 0; ry < 2; ++ry)
            for (int rx = 0; rx < 2; ++rx)
                phases.push_back(w.index_select(2, taps(ry)).index_select(3, taps(rx))); // [in, out/g, 2, 2]
        if (groups == 1) // dense: [4·out, in, 2, 2], phase-major
            m_subpixelWeight = at::cat(phases, 1).transpose(0, 1).contiguous();
        else             // depthwise: [4·C, 1, 2, 2], channel-major (groups take consecutive output channels)
            m_subpixelWeight = at::stack(phases, 1).reshape({w.size(0) * 4, 1, 2, 2}).contiguous();
        // In the input's layout, so oneDNN keeps it (a depthwise [C,1,2,2] weight is contiguous in both layouts:
        // only a copy gives it channels-last strides).
        if (format == at::MemoryFormat::ChannelsLast)
            m_subpixelWeight = m_subpixelWeight.to(m_subpixelWeight.options(), false, /*copy*/ true, format);
        m_subpixelSource = source;
    }
    const int64_t n = x.size(0), h = x.size(2), wd = x.size(3);
    const at::Tensor y = at::conv2d(x, m_subpixelWeight, {}, 1, 1, 1, groups); // [N, 4·out, h+1, w+1]
    const int64_t out = m_subpixelWeight.size(0) / 4;
    at::Tensor result = at::empty({n, out, 2 * h, 2 * wd}, x.options().memory_format(format));
    for (int ry = 0; ry < 2; ++ry)
        for (int rx = 0; rx < 2; ++rx) {
            const int p = ry * 2 + rx;
            const at::Tensor phase = groups == 1 ? y.narrow(1, p * out, out)
                                                 : y.reshape({n, out, 4, h + 1, wd + 1}).select(2, p);
            result.slice(2, ry, c10::nullopt, 2).slice(3, rx, c10::nullopt, 2).copy_(phase.narrow(2, ry, h).narrow(3, rx, wd));
        }
    return result;
}

void setExactOps(torch::nn::Module &module, bool exact)
{
    for (const auto &m : module.modules()) {
        if (auto *module = dynamic_cast<ExactSwitch *>(m.get()))
            module->setExact(exact);
    }
}

Conv3Impl::Conv3Impl(Structure structure, int64_t channels)
{
    if (structure == Structure::Standard) {
        m_conv = register_module("conv", conv(channels, channels, 3, 1, 1));
    } else {
        m_depthwise = register_module("0", conv(channels, channels, 3, 1, 1, channels));
        m_pointwise = register_module("1", conv(channels, channels, 1, 1, 0));
    }
}

torch::Tensor Conv3Impl::forward(const torch::Tensor &x)
{
    return m_conv ? m_conv->forward(x) : m_pointwise->forward(m_depthwise->forward(x));
}

ResnetBlockImpl::ResnetBlockImpl(Structure structure, int64_t channels, Activation act)
    : m_act(act)
{
    m_path = register_module("resnet_path", std::make_shared<nn::Module>());
    // A standard conv sits directly at `resnet_path.0`; a separable one is the pair `resnet_path.0.{0,1}`.
    auto addConv = [&](const char *name) {
        Conv3 c(structure, channels);
        if (structure == Structure::Standard)
            m_path->register_module(name, c->named_children()[0].value());
        else
            m_path->register_module(name, c);
        return c;
    };
    m_conv0 = addConv("0");
    m_norm1 = m_path->register_module("1", instanceNorm(channels));
    m_conv3 = addConv("3");
    m_norm4 = m_path->register_module("4", instanceNorm(channels));
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor &x)
{
    torch::Tensor y = m_conv0->forward(x);
    if (!m_exact && fusedNormApplies(y)) {
        y = fusedInstanceNorm(y, m_norm1->weight, m_norm1->bias, m_act);
        y = m_conv3->forward(y);
        if (fusedNormApplies(y) && x.is_contiguous(at::MemoryFormat::ChannelsLast))
            return fusedInstanceNorm(y, m_norm4->weight, m_norm4->bias, std::nullopt, x);
        return x + instanceNorm(y, m_norm4);
    }
    y = activateInPlace(instanceNorm(y, m_norm1), m_act);
    y = instanceNorm(m_conv3->forward(y), m_norm4);
    return x + y;
}

HeadImpl::HeadImpl(HeadKind kind, int64_t in, int64_t out)
    : m_kind(kind)
{
    if (kind == HeadKind::Grid) {
        m_conv = conv(in, out, 3, 1, 1);
        // The bare conv's parameters sit directly on the head: keys `<name>.weight`.
        register_parameter("weight", m_conv->weight);
    } else {
        m_conv = register_module("0", conv(in, out, 3, 1, 1, 1, true));
    }
}

torch::Tensor HeadImpl::forward(const torch::Tensor &x)
{
    return activation(m_conv->forward(x));
}

torch::Tensor HeadImpl::activation(const torch::Tensor &y) const
{
    switch (m_kind) {
    case HeadKind::Sigmoid: return at::sigmoid(y);
    case HeadKind::Tanh: return at::tanh(y);
    case HeadKind::Grid: return y;
    }
    return y;
}

at::ScalarType BlockLists::dtype() const
{
    return downsample->parameters().front().scalar_type();
}

torch::Tensor toType(const torch::Tensor &x, at::ScalarType t)
{
    return x.scalar_type() == t ? x : x.to(t);
}

void setBodyDtype(torch::nn::Module &network, at::ScalarType dtype)
{
    for (const auto &child : network.named_children())
        if (child.key() == "body" || child.key() == "encoder_decoder" || child.key().ends_with("_blocks"))
            child.value()->to(dtype);
}

void setBottleneckDtype(torch::nn::Module &network, at::ScalarType dtype)
{
    for (const auto &child : network.named_modules())
        if (child.key().ends_with("bottleneck_blocks"))
            child.value()->to(dtype);
}

void BlockLists::registerOn(torch::nn::Module &owner)
{
    owner.register_module("downsample_blocks", downsample);
    owner.register_module("bottleneck_blocks", bottleneck);
    owner.register_module("upsample_blocks", upsample);
}

torch::Tensor applyGridChange(const torch::Tensor &gridChange, const torch::Tensor &image)
{
    const int64_t n = image.size(0), c = image.size(1), h = image.size(2), w = image.size(3);
    const torch::Tensor g = gridChange.reshape({n, 2, h * w}).transpose(1, 2).reshape({n, h, w, 2});
    const torch::Tensor theta = at::tensor({1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f}, gridChange.options())
                                    .view({1, 2, 3})
                                    .repeat({n, 1, 1});
    const torch::Tensor base = at::affine_grid_generator(theta, {n, c, h, w}, false);
    return at::grid_sampler(image, base + g, /*bilinear*/ 0, /*border*/ 1, /*align_corners*/ false);
}

torch::Tensor networkInput(const std::vector<torch::Tensor> &images, const torch::Tensor &pose, at::ScalarType dtype,
                           bool exact)
{
    if (!exact && fusedConcatApplies(images, pose, dtype))
        return concatWithPosePlanes(images, pose, dtype);
    // In the first image's layout: concatenating expanded pose planes gives a contiguous (NCHW) tensor.
    std::vector<torch::Tensor> parts = images;
    parts.push_back(posePlanes(pose, images.front().size(2), images.front().size(3)));
    return toType(at::cat(parts, 1).contiguous(images.front().suggest_memory_format()), dtype);
}

torch::Tensor warp(const torch::Tensor &gridChange, const torch::Tensor &image, bool exact)
{
    return !exact && fusedWarpApplies(gridChange, image) ? warpByGridChange(gridChange, image)
                                                          : applyGridChange(gridChange, image);
}

torch::Tensor applyColorChange(const torch::Tensor &alpha, const torch::Tensor &colorChange, const torch::Tensor &image)
{
    return colorChange * alpha + image * (1 - alpha);
}

torch::Tensor posePlanes(const torch::Tensor &pose, int64_t height, int64_t width)
{
    return pose.reshape({pose.size(0), pose.size(1), 1, 1}).expand({pose.size(0), pose.size(1), height, width});
}

// ---- EncoderDecoder00 -----------------------------------------------------------------------------------------

EncoderDecoder00::EncoderDecoder00(Structure structure, int64_t inChannels, int64_t poseCount)
    : m_poseCount(poseCount)
{
    const auto relu = Activation::ReLU;
    lists.downsample->push_back(ConvNormAct(structure, BlockKind::Conv3, inChannels, 64, relu));
    for (int64_t c = 64; c < 512; c *= 2)
        lists.downsample->push_back(ConvNormAct(structure, BlockKind::Downsample, c, c * 2, relu));
    lists.bottleneck->push_back(ConvNormAct(structure, BlockKind::Conv3, 512 + poseCount, 512, relu));
    for (int i = 1; i < 6; ++i)
        lists.bottleneck->push_back(ResnetBlock(structure, 512, relu));
    for (int64_t c = 512; c > 64; c /= 2)
        lists.upsample->push_back(ConvNormAct(structure, BlockKind::TransposedUpsample, c, c / 2, relu));
}

torch::Tensor EncoderDecoder00::forward(torch::Tensor x, const torch::Tensor &pose)
{
    x = toType(x, lists.dtype());
    for (const auto &block : *lists.downsample)
        x = block->as<ConvNormActImpl>()->forward(x);
    // In x's layout (concatenating expanded pose planes gives NCHW): the bottleneck's first depthwise convolution
    // and its normalisation then stay channels-last.
    if (m_poseCount > 0)
        x = at::cat({x, posePlanes(toType(pose, x.scalar_type()), x.size(2), x.size(3))}, 1).contiguous(x.suggest_memory_format());
    x = lists.bottleneck[0]->as<ConvNormActImpl>()->forward(x);
    for (size_t i = 1; i < lists.bottleneck->size(); ++i)
        x = lists.bottleneck[i]->as<ResnetBlockImpl>()->forward(x);
    for (const auto &block : *lists.upsample)
        x = block->as<ConvNormActImpl>()->forward(x);
    return x;
}

// ---- The five networks ------------------------------------------------------------------------------------------

namespace {
std::shared_ptr<nn::Module> bodyOf(BlockLists &lists)
{
    auto body = std::make_shared<nn::Module>();
    lists.registerOn(*body);
    return body;
}
} // namespace

EyebrowDecomposerImpl::EyebrowDecomposerImpl(Structure structure)
    : m_body(structure, 4, 0)
    , m_bgAlpha(HeadKind::Sigmoid, 64, 1)
    , m_bgColor(HeadKind::Tanh, 64, 4)
    , m_ebAlpha(HeadKind::Sigmoid, 64, 1)
    , m_ebColor(HeadKind::Tanh, 64, 4)
{
    register_module("body", bodyOf(m_body.lists));
    register_module("background_layer_alpha", m_bgAlpha);
    register_module("background_layer_color_change", m_bgColor);
    register_module("eyebrow_layer_alpha", m_ebAlpha);
    register_module("eyebrow_layer_color_change", m_ebColor);
}

std::vector<torch::Tensor> EyebrowDecomposerImpl::forward(const torch::Tensor &image)
{
    const torch::Tensor f = toType(m_body.forward(image, {}), m_bgAlpha->dtype());
    const torch::Tensor bgA = m_bgAlpha->forward(f);
    const torch::Tensor bgC = m_bgColor->forward(f);
    const torch::Tensor background = applyColorChange(bgA, bgC, image);
    const torch::Tensor ebA = m_ebAlpha->forward(f);
    const torch::Tensor ebC = m_ebColor->forward(f);
    // The original swaps the operands here: the image is kept where alpha is high.
    const torch::Tensor eyebrow = applyColorChange(ebA, image, ebC);
    return {eyebrow, ebA, ebC, background, bgA, bgC};
}

EyebrowMorphingCombinerImpl::EyebrowMorphingCombinerImpl(Structure structure)
    : m_body(structure, 8, 12)
    , m_grid(HeadKind::Grid, 64, 2)
    , m_alpha(HeadKind::Sigmoid, 64, 1)
    , m_color(HeadKind::Tanh, 64, 4)
    , m_combineAlpha(HeadKind::Sigmoid, 64, 1)
{
    register_module("body", bodyOf(m_body.lists));
    register_module("morphed_eyebrow_layer_grid_change", m_grid);
    register_module("morphed_eyebrow_layer_alpha", m_alpha);
    register_module("morphed_eyebrow_layer_color_change", m_color);
    register_module("combine_alpha", m_combineAlpha);
}

std::vector<torch::Tensor> EyebrowMorphingCombinerImpl::forward(const torch::Tensor &background,
                                                                const torch::Tensor &eyebrow, const torch::Tensor &pose)
{
    const torch::Tensor f = toType(m_body.forward(at::cat({background, eyebrow}, 1), pose), m_grid->dtype());
    const torch::Tensor gc = m_grid->forward(f);
    const torch::Tensor ma = m_alpha->forward(f);
    const torch::Tensor mcc = m_color->forward(f);
    const torch::Tensor warped = warp(gc, eyebrow, m_exact);
    const torch::Tensor morphed = applyColorChange(ma, mcc, warped);
    const torch::Tensor ca = m_combineAlpha->forward(f);
    auto blendRgb = [&](const torch::Tensor &alpha) {
        const torch::Tensor bgRgb = background.narrow(1, 0, 3);
        return at::cat({applyColorChange(alpha, morphed.narrow(1, 0, 3), bgRgb), background.narrow(1, 3, 1)}, 1);
    };
    const torch::Tensor eyebrowImage = blendRgb(ca);
    const torch::Tensor noCombine = blendRgb((morphed.narrow(1, 3, 1) + 1) / 2);
    return {eyebrowImage, ca, noCombine, morphed, ma, mcc, warped, gc};
}

FaceMorpherImpl::FaceMorpherImpl(Structure structure)
    : m_body(structure, 4, 27)
    , m_imGrid(HeadKind::Grid, 64, 2)
    , m_imColor(HeadKind::Tanh, 64, 4)
    , m_imAlpha(HeadKind::Sigmoid, 64, 1)
    , m_eyeColor(HeadKind::Tanh, 64, 4)
    , m_eyeAlpha(HeadKind::Sigmoid, 64, 1)
{
    // The standard FaceMorpher08 owns its block lists directly; the separable FaceMorpher09 has them under `body`.
    if (structure == Structure::Standard)
        m_body.lists.registerOn(*this);
    else
        register_module("body", bodyOf(m_body.lists));
    register_module("iris_mouth_grid_change", m_imGrid);
    register_module("iris_mouth_color_change", m_imColor);
    register_module("iris_mouth_alpha", m_imAlpha);
    register_module("eye_color_change", m_eyeColor);
    register_module("eye_alpha", m_eyeAlpha);
}

std::vector<torch::Tensor> FaceMorpherImpl::forward(const torch::Tensor &image, const torch::Tensor &pose)
{
    const torch::Tensor f = toType(m_body.forward(image, pose), m_imGrid->dtype());
    const torch::Tensor im0 = warp(m_imGrid->forward(f), image, m_exact);
    const torch::Tensor imc = m_imColor->forward(f);
    const torch::Tensor ima = m_imAlpha->forward(f);
    const torch::Tensor im1 = applyColorChange(ima, imc, im0);
    const torch::Tensor ec = m_eyeColor->forward(f);
    const torch::Tensor ea = m_eyeAlpha->forward(f);
    const torch::Tensor out = applyColorChange(ea, ec, im1);
    return {out, ea, ec, im1, ima, imc, im0};
}

ResizeUpsampleImpl::ResizeUpsampleImpl(Structure structure, int64_t in, int64_t out, Activation act)
{
    m_block = register_module("1", ConvNormAct(structure, BlockKind::Conv3, in, out, act));
}

torch::Tensor ResizeUpsampleImpl::forward(const torch::Tensor &x)
{
    return m_block->forwardUpsampled(x, {});
}

namespace {
// The standard structure's stride-2 blocks in the rotator and editor use plain ReLU: the original's block factory
// drops its block arguments there (docs/engine.md).
Activation downsampleActivation(Structure structure)
{
    return structure == Structure::Standard ? Activation::ReLU : Activation::LeakyReLU;
}
} // namespace

TwoAlgoFaceBodyRotatorImpl::TwoAlgoFaceBodyRotatorImpl(Structure structure)
    : m_direct(HeadKind::Tanh, 64, 4)
    , m_grid(HeadKind::Grid, 64, 2)
{
    const auto leaky = Activation::LeakyReLU;
    m_lists.downsample->push_back(ConvNormAct(structure, BlockKind::Conv7, 10, 64, leaky));
    for (int64_t c = 64; c < 512; c *= 2)
        m_lists.downsample->push_back(ConvNormAct(structure, BlockKind::Downsample, c, c * 2, downsampleActivation(structure)));
    for (int i = 0; i < 6; ++i)
        m_lists.bottleneck->push_back(ResnetBlock(structure, 512, leaky));
    for (int64_t c = 512; c > 64; c /= 2)
        m_lists.upsample->push_back(ResizeUpsample(structure, c, c / 2, leaky));
    register_module("encoder_decoder", bodyOf(m_lists));
    register_module("direct_creator", m_direct);
    register_module("grid_change_creator", m_grid);
}

std::vector<torch::Tensor> TwoAlgoFaceBodyRotatorImpl::forward(const torch::Tensor &image, const torch::Tensor &pose,
                                                               bool withDirect)
{
    torch::Tensor x = networkInput({image}, pose, m_lists.dtype(), m_exact);
    for (const auto &block : *m_lists.downsample)
        x = block->as<ConvNormActImpl>()->forward(x);
    // The bottleneck may compute in another type than the rest (bf16 on the CPU: see setBottleneckDtype).
    x = toType(x, m_lists.bottleneck->parameters().front().scalar_type());
    for (const auto &block : *m_lists.bottleneck)
        x = block->as<ResnetBlockImpl>()->forward(x);
    x = toType(x, m_lists.upsample->parameters().front().scalar_type());
    for (const auto &block : *m_lists.upsample)
        x = block->as<ResizeUpsampleImpl>()->forward(x);
    x = toType(x, m_grid->dtype());
    const torch::Tensor gc = m_grid->forward(x);
    const torch::Tensor warped = warp(gc, image, m_exact);
    return {withDirect ? m_direct->forward(x) : torch::Tensor(), warped, gc};
}

EditorImpl::EditorImpl(Structure structure)
    : m_color(HeadKind::Tanh, 32, 4)
    , m_alpha(HeadKind::Sigmoid, 32, 4)
    , m_grid(HeadKind::Grid, 32, 2)
{
    const auto leaky = Activation::LeakyReLU;
    m_lists.downsample->push_back(ConvNormAct(structure, BlockKind::Conv3, 16, 32, leaky));
    for (int64_t c = 32; c < 256; c *= 2)
        m_lists.downsample->push_back(ConvNormAct(structure, BlockKind::Downsample, c, c * 2, downsampleActivation(structure)));
    for (int i = 0; i < 6; ++i)
        m_lists.bottleneck->push_back(ResnetBlock(structure, 256, leaky));
    // Each upsample block takes cat([nearest×2(x), skip]): 256+128 → 128, 128+64 → 64, 64+32 → 32.
    for (int64_t c = 256; c > 32; c /= 2)
        m_lists.upsample->push_back(ConvNormAct(structure, BlockKind::Conv3, c + c / 2, c / 2, leaky));
    register_module("body", bodyOf(m_lists));
    register_module("color_change_creator", m_color);
    register_module("alpha_creator", m_alpha);
    register_module("grid_change_creator", m_grid);
}

torch::Tensor EditorImpl::features(const torch::Tensor &original, const torch::Tensor &warped,
                                   const torch::Tensor &gridChange, const torch::Tensor &pose)
{
    torch::Tensor x = networkInput({original, warped, gridChange}, pose, m_lists.dtype(), m_exact);
    std::vector<torch::Tensor> skips;
    for (const auto &block : *m_lists.downsample) {
        x = block->as<ConvNormActImpl>()->forward(x);
        skips.push_back(x);
    }
    for (const auto &block : *m_lists.bottleneck)
        x = block->as<ResnetBlockImpl>()->forward(x);
    for (size_t i = 0; i < m_lists.upsample->size(); ++i) {
        const torch::Tensor &skip = skips[skips.size() - 2 - i];
        x = m_lists.upsample[i]->as<ConvNormActImpl>()->forwardUpsampled(x, skip);
    }
    return toType(x, m_color->dtype());
}

torch::Tensor EditorImpl::fusedHeads(const torch::Tensor &x)
{
    // One pass over the 32×512² feature instead of three.
    const std::vector<std::pair<const void *, uint32_t>> source{
        {m_color->convolution()->weight.data_ptr(), m_color->convolution()->weight._version()},
        {m_alpha->convolution()->weight.data_ptr(), m_alpha->convolution()->weight._version()},
        {m_grid->convolution()->weight.data_ptr(), m_grid->convolution()->weight._version()},
        {m_color->convolution()->bias.data_ptr(), m_color->convolution()->bias._version()},
        {m_alpha->convolution()->bias.data_ptr(), m_alpha->convolution()->bias._version()}};
    if (!m_fusedWeight.defined() || m_fusedSource != source) {
        torch::NoGradGuard noGrad;
        const at::Tensor &cw = m_color->convolution()->weight;
        m_fusedWeight = at::cat({cw, m_alpha->convolution()->weight, m_grid->convolution()->weight}, 0).contiguous(cw.suggest_memory_format());
        m_fusedBias = at::cat({m_color->convolution()->bias, m_alpha->convolution()->bias, at::zeros({2}, cw.options())});
        m_fusedSource = source;
    }
    return at::conv2d(x, m_fusedWeight, m_fusedBias, 1, 1);
}

namespace {
// The editor's output stage op by op, from its heads' activated outputs: [out, alpha, color_change, warped, out_grid].
std::vector<torch::Tensor> editorOutputs(const torch::Tensor &alpha, const torch::Tensor &colorChange,
                                         const torch::Tensor &gridDelta, const torch::Tensor &gridChange,
                                         const torch::Tensor &original)
{
    const torch::Tensor outGrid = gridChange + gridDelta;
    const torch::Tensor warpedOut = applyGridChange(outGrid, original);
    const torch::Tensor out = applyColorChange(alpha, colorChange, warpedOut);
    return {out, alpha, colorChange, warpedOut, outGrid};
}
} // namespace

std::vector<torch::Tensor> EditorImpl::outputsFromFusedHeads(const torch::Tensor &heads, const torch::Tensor &gridChange,
                                                             const torch::Tensor &original)
{
    // Contiguous planes: the activations below run several times faster than on channels-last slices.
    const torch::Tensor y = heads.contiguous();
    return editorOutputs(m_alpha->activation(y.narrow(1, 4, 4)), m_color->activation(y.narrow(1, 0, 4)), y.narrow(1, 8, 2),
                         gridChange, original);
}

std::vector<torch::Tensor> EditorImpl::forward(const torch::Tensor &original, const torch::Tensor &warped,
                                               const torch::Tensor &gridChange, const torch::Tensor &pose)
{
    const torch::Tensor x = features(original, warped, gridChange, pose);
    if (!m_exact)
        return outputsFromFusedHeads(fusedHeads(x), gridChange, original);
    const torch::Tensor gridDelta = m_grid->forward(x);
    const torch::Tensor cc = m_color->forward(x);
    const torch::Tensor a = m_alpha->forward(x);
    return editorOutputs(a, cc, gridDelta, gridChange, original);
}

torch::Tensor EditorImpl::render(const torch::Tensor &original, const torch::Tensor &warped,
                                 const torch::Tensor &gridChange, const torch::Tensor &pose)
{
    if (m_exact)
        return forward(original, warped, gridChange, pose)[0];
    const torch::Tensor heads = fusedHeads(features(original, warped, gridChange, pose));
    if (fusedEditorOutputApplies(heads, gridChange, original))
        return composeEditorOutput(heads, gridChange, original);
    return outputsFromFusedHeads(heads, gridChange, original)[0];
}

} // namespace ths::tha3
