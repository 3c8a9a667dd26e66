// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/bench_look.h"

#include "look/linear_frame.h"
#include "look/postprocessor.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

namespace ths {

void benchLook(const look::LookChain &chain, const QImage &frame, int frames)
{
    look::Postprocessor post(42);
    post.setChain(chain);
    const size_t n = chain.steps.size();
    std::vector<double> sum(n, 0), low(n, std::numeric_limits<double>::max()), high(n, 0);
    double decode = 0, encode = 0, total = 0;
    QElapsedTimer timer;
    for (int i = -1; i < frames; ++i) { // frame −1 warms up (state, caches)
        timer.start();
        look::LinearFrame linear = look::LinearFrame::fromSrgb(frame);
        const double d = timer.nsecsElapsed() / 1e6;
        post.apply(linear, std::max(i, 0) / 25.0);
        const double a = timer.nsecsElapsed() / 1e6;
        const QImage out = linear.toSrgb();
        const double e = timer.nsecsElapsed() / 1e6;
        if (i < 0)
            continue;
        decode += d, encode += e - a, total += e;
        for (size_t k = 0; k < n; ++k) {
            const double ms = post.lastStepMs()[k];
            sum[k] += ms, low[k] = std::min(low[k], ms), high[k] = std::max(high[k], ms);
        }
    }
    std::printf("look: frame=%dx%d frames=%d threads=%d\n", frame.width(), frame.height(), frames,
                look::Postprocessor::threads());
    for (size_t k = 0; k < n; ++k)
        std::printf("look filter %zu %s: ms_per_frame=%.2f min_ms=%.2f max_ms=%.2f\n", k,
                    chain.steps[k].spec->name, sum[k] / frames, low[k], high[k]);
    std::printf("look srgb: decode_ms=%.2f encode_ms=%.2f\n", decode / frames, encode / frames);
    std::printf("look total: ms_per_frame=%.2f\n", total / frames);
}

} // namespace ths
