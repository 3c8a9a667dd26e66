// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/module_loader.h"

#include "tha3/engine_error.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <set>

namespace ths {

std::string shapeString(at::IntArrayRef sizes)
{
    std::string s = "[";
    for (size_t i = 0; i < sizes.size(); ++i)
        s += (i ? ", " : "") + std::to_string(sizes[i]);
    return s + "]";
}

void loadStateDict(torch::nn::Module &module, const NamedTensors &tensors, const std::string &fileName,
                   at::ScalarType fileDtype)
{
    auto fail = [&](const std::string &why) {
        return EngineError(fileName + ": " + why);
    };
    if (!module.named_buffers().is_empty())
        throw fail("internal error: the module has buffers");
    auto params = module.named_parameters(true);
    std::set<std::string> seen;
    for (const auto &[key, tensor] : tensors) {
        const at::Tensor *param = params.find(key);
        if (!param)
            throw fail("unexpected key \"" + key + "\" (this file does not belong to this network or variant)");
        if (!seen.insert(key).second)
            throw fail("key \"" + key + "\" appears twice");
        if (param->sizes() != tensor.sizes())
            throw fail("key \"" + key + "\" has shape " + shapeString(tensor.sizes()) + "; expected "
                       + shapeString(param->sizes()) + " (is this file from another network or variant?)");
        if (tensor.scalar_type() != fileDtype)
            throw fail("key \"" + key + "\" has dtype " + std::string(c10::toString(tensor.scalar_type()))
                       + "; expected " + c10::toString(fileDtype));
    }
    for (const auto &item : params)
        if (!seen.count(item.key()))
            throw fail("missing key \"" + item.key() + "\" (shape " + shapeString(item.value().sizes()) + ")");

    torch::NoGradGuard noGrad;
    for (const auto &[key, tensor] : tensors)
        params[key].copy_(tensor);
}

} // namespace ths
