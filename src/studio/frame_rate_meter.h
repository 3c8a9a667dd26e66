// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Frames per second over the last two seconds, for the previews' read-outs. The owner announces its own change
// when it records a frame; decayed() covers the other case, the window passing without frames, so a display that
// shows fps drops to 0 when rendering stops.

#include <QList>
#include <QObject>
#include <QTimer>

namespace ths {

class FrameRateMeter : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kWindowMs = 2000;

    explicit FrameRateMeter(QObject *parent = nullptr);

    // A frame was shown now.
    void frame();
    [[nodiscard]] double fps() const;

Q_SIGNALS:
    void decayed();

private:
    QList<qint64> m_frameTimes; // ms since epoch of the frames within the window
    QTimer m_decay;
};

} // namespace ths
