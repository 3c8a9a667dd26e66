// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/fused_concat.h"

#include "tha3/cpu_kernels.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

namespace ths::tha3 {

namespace {

bool isFloatOrBf16(at::ScalarType t)
{
    return t == at::kFloat || t == at::kBFloat16;
}

bool isCpuImage(const at::Tensor &t)
{
    return t.defined() && t.device().is_cpu() && t.dim() == 4 && t.size(0) == 1 && isFloatOrBf16(t.scalar_type());
}

// One source image's channels into the output pixels of rows [begin, end).
template<class In, class Out>
void copyChannels(const at::Tensor &image, Out *out, int64_t outChannels, int64_t offset, int64_t begin, int64_t end)
{
    const In *src = image.data_ptr<In>();
    const int64_t channels = image.size(1), width = image.size(3);
    const int64_t sc = image.stride(1), sy = image.stride(2), sx = image.stride(3);
    for (int64_t y = begin; y < end; ++y)
        for (int64_t x = 0; x < width; ++x) {
            const In *p = src + y * sy + x * sx;
            Out *q = out + (y * width + x) * outChannels + offset;
            for (int64_t c = 0; c < channels; ++c)
                store(q[c], load(p[c * sc]));
        }
}

template<class Out>
at::Tensor assemble(const std::vector<at::Tensor> &images, const std::vector<float> &planes, at::ScalarType dtype)
{
    const int64_t h = images.front().size(2), w = images.front().size(3);
    int64_t channels = int64_t(planes.size());
    for (const at::Tensor &image : images)
        channels += image.size(1);
    at::Tensor out = at::empty({1, channels, h, w},
                               images.front().options().dtype(dtype).memory_format(at::MemoryFormat::ChannelsLast));
    Out *dst = out.data_ptr<Out>();
    at::parallel_for(0, h, 8, [&](int64_t begin, int64_t end) {
        int64_t offset = 0;
        for (const at::Tensor &image : images) {
            if (image.scalar_type() == at::kFloat)
                copyChannels<float>(image, dst, channels, offset, begin, end);
            else
                copyChannels<c10::BFloat16>(image, dst, channels, offset, begin, end);
            offset += image.size(1);
        }
        for (int64_t y = begin; y < end; ++y)
            for (int64_t x = 0; x < w; ++x) {
                Out *q = dst + (y * w + x) * channels + offset;
                for (size_t p = 0; p < planes.size(); ++p)
                    store(q[p], planes[p]);
            }
    });
    return out;
}

} // namespace

bool fusedConcatApplies(const std::vector<at::Tensor> &images, const at::Tensor &pose, at::ScalarType dtype)
{
    if (images.empty() || !isFloatOrBf16(dtype))
        return false;
    for (const at::Tensor &image : images)
        if (!isCpuImage(image) || image.size(2) != images.front().size(2) || image.size(3) != images.front().size(3))
            return false;
    return !pose.defined()
           || (pose.device().is_cpu() && pose.dim() == 2 && pose.size(0) == 1 && isFloatOrBf16(pose.scalar_type()));
}

at::Tensor concatWithPosePlanes(const std::vector<at::Tensor> &images, const at::Tensor &pose, at::ScalarType dtype)
{
    RECORD_FUNCTION("ths::concat_with_pose_planes", std::vector<c10::IValue>{images.front(), pose});
    std::vector<float> planes;
    if (pose.defined()) {
        const at::Tensor values = pose.to(at::kFloat).contiguous();
        planes.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    }
    return dtype == at::kFloat ? assemble<float>(images, planes, dtype) : assemble<c10::BFloat16>(images, planes, dtype);
}

} // namespace ths::tha3
