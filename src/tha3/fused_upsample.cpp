// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/fused_upsample.h"

#include "tha3/cpu_kernels.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include <cstring>

namespace ths::tha3 {

bool fusedUpsampleApplies(const at::Tensor &small, const at::Tensor &skip)
{
    if (!isCpuChannelsLastImage(small))
        return false;
    return !skip.defined()
           || (isCpuChannelsLastImage(skip) && skip.scalar_type() == small.scalar_type() && skip.size(2) == 2 * small.size(2)
               && skip.size(3) == 2 * small.size(3));
}

at::Tensor upsampleAndConcat(const at::Tensor &small, const at::Tensor &skip)
{
    RECORD_FUNCTION("ths::upsample_and_concat", std::vector<c10::IValue>{small, skip});
    const int64_t c1 = small.size(1), h = small.size(2), w = small.size(3);
    const int64_t c2 = skip.defined() ? skip.size(1) : 0, c = c1 + c2;
    at::Tensor out = at::empty({1, c, 2 * h, 2 * w}, small.options().memory_format(at::MemoryFormat::ChannelsLast));
    const size_t element = small.element_size();
    const auto *src = static_cast<const uint8_t *>(small.data_ptr());
    const auto *skipData = skip.defined() ? static_cast<const uint8_t *>(skip.data_ptr()) : nullptr;
    auto *dst = static_cast<uint8_t *>(out.data_ptr());
    // Rows of the output; each pixel is the small pixel's channels followed by the skip pixel's channels.
    at::parallel_for(0, 2 * h, 8, [&](int64_t begin, int64_t end) {
        for (int64_t y = begin; y < end; ++y) {
            const uint8_t *smallRow = src + (y / 2) * w * c1 * element;
            uint8_t *outRow = dst + y * 2 * w * c * element;
            const uint8_t *skipRow = skipData ? skipData + y * 2 * w * c2 * element : nullptr;
            for (int64_t x = 0; x < 2 * w; ++x) {
                std::memcpy(outRow + x * c * element, smallRow + (x / 2) * c1 * element, c1 * element);
                if (skipRow)
                    std::memcpy(outRow + (x * c + c1) * element, skipRow + x * c2 * element, c2 * element);
            }
        }
    });
    return out;
}

} // namespace ths::tha3
