// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// The classic transparency pattern behind images with alpha. Drawn once per size change on a Canvas (a few
// thousand rectangles), so it costs nothing while the preview animates.
Canvas {
    id: root

    property int cellSize: 10
    property color lightColor: Theme.dark ? "#4a4a4a" : "#ffffff"
    property color darkColor: Theme.dark ? "#3a3a3a" : "#d6d6d6"

    onCellSizeChanged: requestPaint()
    onLightColorChanged: requestPaint()
    onDarkColorChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.fillStyle = lightColor
        ctx.fillRect(0, 0, width, height)
        ctx.fillStyle = darkColor
        const size = Math.max(1, cellSize)
        for (let y = 0, row = 0; y < height; y += size, ++row) {
            // Dark cells: the second of each pair, shifted by one cell on odd rows (light cell at the top left).
            for (let x = ((row + 1) % 2) * size; x < width; x += 2 * size)
                ctx.fillRect(x, y, size, size)
        }
    }
}
