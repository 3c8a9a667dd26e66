// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/op_profile.h"

#include <ATen/core/ivalue.h>
#include <ATen/record_function.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <vector>

namespace ths::tha3 {

namespace {

using Clock = std::chrono::steady_clock;

struct Entry {
    double ms = 0;
    long calls = 0;
};

thread_local int t_depth = 0;
std::mutex g_mutex;
std::map<std::string, Entry> *g_entries = nullptr;

struct Started : at::ObserverContext {
    Clock::time_point start = Clock::now();
    std::string key;
};

std::string describe(const at::IValue &v)
{
    if (!v.isTensor())
        return {};
    const at::Tensor &t = v.toTensor();
    if (!t.defined())
        return {};
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i)
        s += (i ? "," : "") + std::to_string(t.size(i));
    s += "]";
    if (t.dim() == 4 && !t.is_contiguous() && t.is_contiguous(at::MemoryFormat::ChannelsLast))
        s += "cl";
    if (t.scalar_type() != at::kFloat)
        s += std::string(" ") + c10::toString(t.scalar_type());
    return s;
}

} // namespace

struct OpProfile::Impl {
    std::map<std::string, Entry> entries;
    at::CallbackHandle handle = 0;
};

OpProfile::OpProfile()
    : d(std::make_unique<Impl>())
{
    {
        std::lock_guard lock(g_mutex);
        g_entries = &d->entries;
    }
    auto start = [](const at::RecordFunction &fn) -> std::unique_ptr<at::ObserverContext> {
        if (t_depth++ != 0)
            return nullptr; // only top-level calls: their times add up to the frame without double counting
        auto ctx = std::make_unique<Started>();
        ctx->key = fn.name();
        const auto inputs = fn.inputs();
        for (size_t i = 0; i < std::min<size_t>(inputs.size(), 2); ++i) {
            const std::string s = describe(inputs[i]);
            if (!s.empty())
                ctx->key += (i ? " × " : " ") + s;
        }
        return ctx;
    };
    auto end = [](const at::RecordFunction &, at::ObserverContext *ctx) {
        --t_depth;
        if (!ctx)
            return;
        auto *started = static_cast<Started *>(ctx);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started->start).count();
        std::lock_guard lock(g_mutex);
        if (g_entries) {
            Entry &e = (*g_entries)[started->key];
            e.ms += ms;
            ++e.calls;
        }
    };
    d->handle = at::addThreadLocalCallback(
        at::RecordFunctionCallback(start, end).needsInputs(true).scopes({at::RecordScope::FUNCTION}));
}

OpProfile::~OpProfile()
{
    at::removeCallback(d->handle);
    std::lock_guard lock(g_mutex);
    g_entries = nullptr;
}

std::string OpProfile::table(int frames, int rows) const
{
    std::vector<std::pair<std::string, Entry>> sorted;
    double total = 0;
    {
        std::lock_guard lock(g_mutex);
        sorted.assign(d->entries.begin(), d->entries.end());
    }
    for (const auto &[key, e] : sorted)
        total += e.ms;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
    std::string out = "ms/frame  share  calls/frame  operator (inputs; cl = channels-last)\n";
    char line[512];
    for (size_t i = 0; i < sorted.size() && int(i) < rows; ++i) {
        const auto &[key, e] = sorted[i];
        std::snprintf(line, sizeof line, "%8.2f  %4.1f%%  %11.1f  %s\n", e.ms / frames, 100.0 * e.ms / total,
                      double(e.calls) / frames, key.c_str());
        out += line;
    }
    std::snprintf(line, sizeof line, "%8.2f  total of top-level operators per frame\n", total / frames);
    return out + line;
}

} // namespace ths::tha3
