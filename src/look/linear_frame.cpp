// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/linear_frame.h"

#include "core/compute_thread.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ths::look {

namespace {

// The IEC 61966-2-1 curve in double precision.
double decode(double s)
{
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

struct DecodeTable {
    std::array<float, 256> linear;
    DecodeTable()
    {
        for (int v = 0; v < 256; ++v)
            linear[size_t(v)] = float(decode(v / 255.0));
    }
};

// Encoding by the linear value's position among the 255 decision points (the linear values halfway, in sRGB,
// between two levels): exact rounding to the nearest level, found through a 4096-entry index on the linear
// value that narrows the search to a level or two.
struct EncodeTable {
    static constexpr int kIndex = 4096;
    std::array<float, 256> threshold; // threshold[k]: the smallest linear value encoded as level ≥ k (k ≥ 1)
    std::array<unsigned char, kIndex + 1> start;
    EncodeTable()
    {
        threshold[0] = -INFINITY;
        for (int k = 1; k < 256; ++k)
            threshold[size_t(k)] = float(decode((k - 0.5) / 255.0));
        for (int i = 0; i <= kIndex; ++i) {
            const float x = float(i) / kIndex;
            int k = 0;
            while (k < 255 && threshold[size_t(k + 1)] <= x)
                ++k;
            start[size_t(i)] = (unsigned char)k;
        }
    }
    unsigned char encode(float x) const
    {
        if (!(x > 0.0f))
            return 0;
        if (x >= 1.0f)
            return 255;
        int k = start[size_t(x * kIndex)];
        while (k < 255 && threshold[size_t(k + 1)] <= x)
            ++k;
        return (unsigned char)k;
    }
};

const DecodeTable &decodeTable()
{
    static const DecodeTable table;
    return table;
}

const EncodeTable &encodeTable()
{
    static const EncodeTable table;
    return table;
}

} // namespace

float srgbToLinear(unsigned char level)
{
    return decodeTable().linear[level];
}

unsigned char linearToSrgb(float linear)
{
    return encodeTable().encode(linear);
}

LinearFrame LinearFrame::fromSrgb(const QImage &image)
{
    const QImage src = image.format() == QImage::Format_RGBA8888 ? image : image.convertToFormat(QImage::Format_RGBA8888);
    LinearFrame frame;
    frame.width = src.width();
    frame.height = src.height();
    frame.rgba.resize(size_t(frame.width) * size_t(frame.height) * 4);
    const DecodeTable &table = decodeTable();
    onComputeThread([&] { // one OpenMP team for the process (core/compute_thread.h)
#pragma omp parallel for schedule(static)
        for (int y = 0; y < frame.height; ++y) {
            const uchar *in = src.constScanLine(y);
            float *out = frame.row(y);
            for (int x = 0; x < frame.width; ++x) {
                for (int c = 0; c < 3; ++c)
                    out[4 * x + c] = table.linear[in[4 * x + c]];
                out[4 * x + 3] = in[4 * x + 3] / 255.0f;
            }
        }
    });
    return frame;
}

QImage LinearFrame::toSrgb() const
{
    QImage image(width, height, QImage::Format_RGBA8888);
    const EncodeTable &table = encodeTable();
    onComputeThread([&] {
#pragma omp parallel for schedule(static)
        for (int y = 0; y < height; ++y) {
            const float *in = row(y);
            uchar *out = image.scanLine(y);
            for (int x = 0; x < width; ++x) {
                for (int c = 0; c < 3; ++c)
                    out[4 * x + c] = table.encode(in[4 * x + c]);
                out[4 * x + 3] = (unsigned char)std::lrint(std::clamp(in[4 * x + 3], 0.0f, 1.0f) * 255.0f);
            }
        }
    });
    return image;
}

} // namespace ths::look
