// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// PosePanel against the real Studio singleton: its sliders edit Studio.poseEditor (one undo step per drag), the
// shape selector switches the sliders, link and reset reach the model.
TestCase {
    id: testCase
    name: "PosePanel"
    width: 640
    height: 900
    visible: true
    when: windowShown

    PosePanel {
        id: panel
        anchors.fill: parent
    }

    readonly property PoseEditorModel editor: Studio.poseEditor

    function init() {
        editor.linkLeftRight = false
        editor.resetAll()
    }

    function section(group) {
        return Util.findFirst(panel, item => item.group === group && item.rows !== undefined)
    }

    function sliderOf(group, name) {
        return Util.findFirst(section(group), item => item.committed !== undefined && item.field !== undefined
                                                     && item.label !== undefined && item.visible
                                                     && item.modelData !== undefined && item.modelData.name === name)
    }

    function drag(slider, fraction) {
        const track = slider.slider
        const y = track.height / 2
        mousePress(track, track.leftPadding + 2, y)
        for (let i = 1; i <= 4; ++i)
            mouseMove(track, track.leftPadding + (track.availableWidth * fraction) * i / 4, y)
        mouseRelease(track, track.leftPadding + track.availableWidth * fraction, y)
    }

    function test_allGroupsInTheOriginalOrder() {
        const sections = Util.findAll(panel, item => item.group !== undefined && item.rows !== undefined)
        compare(sections.map(s => s.group), editor.groups())
        compare(sections.length, 8)
    }

    function test_dragIsOneUndoStep() {
        const slider = sliderOf("eyebrow", "eyebrow_troubled_left_index")
        verify(slider, "the eyebrow group starts on its first shape, troubled")
        verify(!editor.canUndo)
        drag(slider, 0.6)
        const moved = editor.pose["eyebrow_troubled_left_index"]
        verify(moved > 0.3, "dragged to about 0.6, got " + moved)
        compare(slider.field.text, moved.toFixed(2), "the field follows the model")
        verify(editor.canUndo)
        editor.undo()
        compare(editor.pose["eyebrow_troubled_left_index"], 0)
        verify(!editor.canUndo, "the whole drag was one step")
        compare(slider.field.text, "0.00")
    }

    function test_typedValue() {
        const slider = sliderOf("head", "head_x_index")
        verify(slider)
        mouseClick(slider.field)
        slider.field.selectAll()
        keyClick(Qt.Key_Backspace)
        for (const ch of "-0.5")
            keyClick(ch)
        keyClick(Qt.Key_Return)
        fuzzyCompare(editor.pose["head_x_index"], -0.5, 1e-6)
    }

    function test_shapeSelectorSwitchesTheSliders() {
        const eyebrow = section("eyebrow")
        eyebrow.shape = "angry"
        const slider = sliderOf("eyebrow", "eyebrow_angry_right_index")
        verify(slider, "the sliders now edit the angry shape")
        verify(!sliderOf("eyebrow", "eyebrow_troubled_left_index"))
        drag(slider, 1.0)
        verify(editor.pose["eyebrow_angry_right_index"] > 0.9)
        compare(editor.pose["eyebrow_angry_left_index"], 0)
        eyebrow.shape = "troubled"
    }

    function test_linkLeftRight() {
        const link = Util.findFirst(panel, item => item.text === "Link left and right" && item.toggle !== undefined)
        verify(link)
        mouseClick(link)
        verify(editor.linkLeftRight)
        drag(sliderOf("eye", "eye_wink_left_index"), 0.5)
        const left = editor.pose["eye_wink_left_index"]
        verify(left > 0.2)
        compare(editor.pose["eye_wink_right_index"], left)
        mouseClick(link)
        verify(!editor.linkLeftRight)
    }

    function test_focusScrollsIntoView() {
        const flick = panel.contentItem
        flick.contentY = 0
        const last = sliderOf("breathing", "breathing_index")
        verify(last)
        verify(last.mapToItem(flick, 0, 0).y > flick.height, "the last slider starts below the visible part")
        last.slider.forceActiveFocus()
        const y = last.slider.mapToItem(flick, 0, 0).y
        verify(y >= 0 && y + last.slider.height <= flick.height, "focused slider scrolled into view, y = " + y)
        flick.contentY = 0
    }

    function test_resetGroup() {
        drag(sliderOf("head", "neck_z_index"), 0.9)
        verify(editor.pose["neck_z_index"] > 0.5)
        const reset = Util.findFirst(section("head"), item => item.text === "Reset" && item.clicked !== undefined)
        verify(reset)
        mouseClick(reset)
        compare(editor.pose["neck_z_index"], 0)
    }
}
