// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A drawn stand-in for a character image (no demo image needed), shared by the image import tests and the
// check-image command tests.

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPolygonF>
#include <QTransform>

namespace ths::test {

// A character as THA3 wants one, in 512×512 units: a head (ellipse, top at row 66, inside the head box) with a thin
// ahoge sticking up to row 30, a neck and a body cut off at the bottom edge, on a fully transparent background.
// `transform` maps those units onto a canvas of `canvas` pixels (to move, scale or shrink the character).
inline QImage character(QSize canvas = {512, 512}, const QTransform &transform = {},
                 QImage::Format format = QImage::Format_ARGB32)
{
    QImage image(canvas, format);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(transform);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(60, 90, 200)); // body
    p.drawPolygon(QPolygonF{{206, 200}, {306, 200}, {356, 260}, {370, 512}, {142, 512}, {156, 260}});
    p.setBrush(QColor(240, 200, 170)); // neck and face
    p.drawRect(QRectF(236, 170, 40, 40));
    p.drawEllipse(QRectF(196, 66, 120, 124));
    p.setPen(QPen(QColor(120, 70, 30), 4)); // ahoge: too thin to count as the top of the head
    p.drawLine(QPointF(256, 70), QPointF(262, 30));
    return image;
}

inline QImage shifted(int dx, int dy)
{
    return character({512, 512}, QTransform::fromTranslate(dx, dy));
}

inline QImage filled(QSize size, QColor colour, QImage::Format format = QImage::Format_ARGB32)
{
    QImage image(size, format);
    image.fill(colour);
    return image;
}

} // namespace ths::test
