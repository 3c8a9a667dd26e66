// SPDX-License-Identifier: GPL-3.0-or-later
#include "state_dict_writer.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <stdexcept>

namespace ths::test {

namespace {

class Pickle
{
public:
    void op(char c) { m_bytes.push_back(c); }
    void global(const std::string &module, const std::string &name) { op('c'); raw(module + "\n" + name + "\n"); }
    void string(const std::string &s)
    {
        op('X');
        const uint32_t n = uint32_t(s.size());
        raw(std::string(reinterpret_cast<const char *>(&n), 4) + s);
    }
    void integer(int64_t v)
    {
        if (v < 0 || v > INT32_MAX)
            throw std::runtime_error("integer out of range for this writer");
        op('J');
        const int32_t x = int32_t(v);
        raw(std::string(reinterpret_cast<const char *>(&x), 4));
    }
    void tuple(const std::vector<int64_t> &xs)
    {
        op('(');
        for (const int64_t x : xs)
            integer(x);
        op('t');
    }
    const std::string &bytes() const { return m_bytes; }

private:
    void raw(const std::string &s) { m_bytes += s; }
    std::string m_bytes;
};

std::string storageName(at::ScalarType t)
{
    switch (t) {
    case at::kFloat: return "FloatStorage";
    case at::kHalf: return "HalfStorage";
    case at::kDouble: return "DoubleStorage";
    default: throw std::runtime_error("unsupported dtype for this writer");
    }
}

} // namespace

void writeStateDict(const std::string &path, const NamedTensors &tensors)
{
    Pickle p;
    p.op('\x80');
    p.op('\x02');
    p.global("collections", "OrderedDict");
    p.op(')');
    p.op('R');
    p.op('(');
    std::vector<at::Tensor> storages;
    for (size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor t = tensors[i].second.contiguous();
        storages.push_back(t);
        p.string(tensors[i].first);
        p.global("torch._utils", "_rebuild_tensor_v2");
        p.op('(');
        p.op('(');
        p.string("storage");
        p.global("torch", storageName(t.scalar_type()));
        p.string(std::to_string(i));
        p.string("cpu");
        p.integer(t.numel());
        p.op('t');
        p.op('Q');
        p.integer(0);
        p.tuple(t.sizes().vec());
        p.tuple(t.strides().vec());
        p.op('\x89');
        p.global("collections", "OrderedDict");
        p.op(')');
        p.op('R');
        p.op('t');
        p.op('R');
    }
    p.op('u');
    p.op('.');

    caffe2::serialize::PyTorchStreamWriter writer(path);
    writer.writeRecord("data.pkl", p.bytes().data(), p.bytes().size());
    for (size_t i = 0; i < storages.size(); ++i)
        writer.writeRecord("data/" + std::to_string(i), storages[i].data_ptr(), storages[i].nbytes());
    writer.writeRecord("version", "3\n", 2);
    writer.writeEndOfFile();
}

} // namespace ths::test
