// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// LookPanel against the real Studio singleton: a preset fills the chain, a filter is added, moved, tuned and
// removed with the panel's controls, and a refused value shows the parser's message while the chain stays.
TestCase {
    id: testCase
    name: "LookPanel"
    width: 700
    height: 900
    visible: true
    when: windowShown

    LookPanel {
        id: panel
        anchors.fill: parent
    }

    function names() {
        return Studio.look.steps.map(s => s.name)
    }

    function button(text) {
        return Util.findFirst(panel, item => item.text === text && item.clicked !== undefined && item.visible)
    }

    function cleanupTestCase() {
        Studio.look.clear()
    }

    function test_1_presetAndEditing() {
        Studio.look.clear()
        verify(Util.findFirst(panel, item => item.text === "No filters: frames are shown as rendered." && item.visible))
        mouseClick(button("Use preset")) // the first: HDR sci-fi hologram
        compare(names(), ["bloom", "lumanoise", "banding", "scanlines"])

        const filterBox = Util.findFirst(panel, item => item.Accessible.name === "Filter" && item.currentIndex !== undefined)
        verify(filterBox)
        filterBox.currentIndex = Studio.look.filterNames.indexOf("vignetting")
        mouseClick(button("Add filter"))
        compare(names(), ["bloom", "lumanoise", "banding", "scanlines", "vignetting"])

        const up = Util.findFirst(panel, item => item.Accessible.name === "Move vignetting up" && item.visible)
        verify(up)
        up.clicked()
        compare(names(), ["bloom", "lumanoise", "banding", "vignetting", "scanlines"])

        // Tune: the strength field of vignetting.
        let field = Util.findFirst(panel, item => item.Accessible.name === "strength" && item.text === "0.42" && item.visible)
        verify(field)
        field.text = "0.6"
        field.editingFinished()
        compare(Studio.look.steps[3].params[0].value, 0.6)

        // A value out of range: the message names element and field; the chain keeps 0.6.
        field = Util.findFirst(panel, item => item.Accessible.name === "strength" && item.text === "0.6" && item.visible)
        field.text = "3"
        field.editingFinished()
        const message = "postprocessor_chain[3].strength: expected a number in [0, 1], got 3"
        compare(Studio.look.error, message)
        verify(Util.findFirst(panel, item => item.text === message && item.visible))
        compare(Studio.look.steps[3].params[0].value, 0.6)

        const remove = Util.findFirst(panel, item => item.Accessible.name === "Remove lumanoise" && item.visible)
        verify(remove)
        remove.clicked() // (the list is taller than the window: a click by position could land elsewhere)
        compare(names(), ["bloom", "banding", "vignetting", "scanlines"])
        compare(Studio.look.error, "")
    }
}
