// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A lip-sync track: mouth frames every 10 ms, as both lip-sync paths produce them and the animator consumes them.
//
// JSON form (TIMELINE.json): an array with one object per frame,
//   [{"t": 0.0, "mouth_aaa_index": 0.1, "mouth_iii_index": 0, "mouth_uuu_index": 0, "mouth_eee_index": 0,
//     "mouth_ooo_index": 0, "openness": 0.1}, …]

#include "lipsync/mouth_frame.h"

#include <QJsonArray>
#include <QString>

#include <optional>
#include <vector>

namespace ths {

class MouthTimeline
{
public:
    static constexpr double kFrameSeconds = 0.01;

    MouthTimeline() = default;
    explicit MouthTimeline(std::vector<MouthFrame> frames) : m_frames(std::move(frames)) {}

    const std::vector<MouthFrame> &frames() const { return m_frames; }
    std::vector<MouthFrame> &frames() { return m_frames; }
    int size() const { return int(m_frames.size()); }
    bool isEmpty() const { return m_frames.empty(); }
    const MouthFrame &operator[](int i) const { return m_frames[size_t(i)]; }
    void append(const MouthFrame &frame) { m_frames.push_back(frame); }

    // The time span the frames cover: the last frame's time plus one frame.
    double duration() const { return m_frames.empty() ? 0.0 : m_frames.back().t + kFrameSeconds; }

    // The mouth at time t, interpolated linearly between the two neighbouring frames. Before the first frame and
    // after duration() the mouth is closed, so a finished track lets go of the mouth instead of freezing it open.
    // O(log n); cheap enough to call once per rendered frame.
    MouthFrame sample(double t) const;

    QJsonArray toJson() const;
    // Every element must be an object with a number "t" (non-decreasing) and the five vowel parameters in [0, 1];
    // "openness" is optional (default: the largest vowel). Errors name the frame index and field.
    static std::optional<MouthTimeline> fromJson(const QJsonArray &array, QString *error);

    // One frame per line, so the file diffs and greps well.
    QByteArray toJsonBytes() const;
    bool save(const QString &path, QString *error) const;
    // Errors name the file.
    static std::optional<MouthTimeline> load(const QString &path, QString *error);

private:
    std::vector<MouthFrame> m_frames;
};

} // namespace ths
