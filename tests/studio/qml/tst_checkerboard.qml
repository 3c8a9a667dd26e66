// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio.Ui

// Checkerboard paints alternating cells starting with the light colour at the top left, and repaints on change.
TestCase {
    id: testCase
    name: "Checkerboard"
    width: 120
    height: 80
    visible: true
    when: windowShown

    Checkerboard {
        id: board
        width: 80
        height: 40
        cellSize: 10
        lightColor: "#ffffff"
        darkColor: "#000000"
    }

    function pixelIs(x, y, color) {
        return Qt.colorEqual(grabImage(board).pixel(x, y), color)
    }

    function test_alternatingCells() {
        tryVerify(() => pixelIs(5, 5, "#ffffff"), 5000, "top left cell is light")
        verify(pixelIs(15, 5, "#000000"), "second cell of the first row is dark")
        verify(pixelIs(5, 15, "#000000"), "first cell of the second row is dark")
        verify(pixelIs(15, 15, "#ffffff"))
        verify(pixelIs(75, 35, "#ffffff"), "the last cell of an 8×4 board is light")
    }

    function test_repaintsOnCellSizeAndColour() {
        board.cellSize = 20
        tryVerify(() => pixelIs(15, 5, "#ffffff"), 5000, "x = 15 now lies in the first, light cell")
        verify(pixelIs(25, 5, "#000000"))
        board.darkColor = "#ff0000"
        tryVerify(() => pixelIs(25, 5, "#ff0000"), 5000)
        board.cellSize = 10
        board.darkColor = "#000000"
    }
}
