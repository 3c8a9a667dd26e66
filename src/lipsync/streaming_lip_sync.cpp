// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/streaming_lip_sync.h"

namespace ths {

StreamingLipSync::StreamingLipSync(int sampleRate)
    : m_analyzer(std::make_unique<MouthAnalyzer>(sampleRate))
{
}

std::vector<MouthFrame> StreamingLipSync::push(const float *samples, size_t count)
{
    std::vector<MouthFrame> out;
    m_analyzer->push(samples, count, out);
    return out;
}

std::vector<MouthFrame> StreamingLipSync::pushInt16(const qint16 *samples, size_t count)
{
    m_convert.resize(count);
    for (size_t i = 0; i < count; ++i)
        m_convert[i] = float(samples[i]) / 32768.0f;
    return push(m_convert.data(), count);
}

std::vector<MouthFrame> StreamingLipSync::finish()
{
    std::vector<MouthFrame> out;
    m_analyzer->finish(out);
    return out;
}

void StreamingLipSync::reset()
{
    m_analyzer = std::make_unique<MouthAnalyzer>(m_analyzer->inputRate());
}

} // namespace ths
