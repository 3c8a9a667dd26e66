// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio.Ui

// ParameterSlider reports edits (moved/committed) and shows the owner's value; the owner here is the test.
TestCase {
    id: testCase
    name: "ParameterSlider"
    width: 420
    height: 80
    visible: true
    when: windowShown

    Component {
        id: sliderComponent
        ParameterSlider {
            width: 400
            label: "Left"
            from: -1
            to: 1
            value: 0
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function makeSlider() {
        const slider = createTemporaryObject(sliderComponent, testCase)
        verify(slider)
        const moved = createTemporaryObject(spyComponent, testCase, { target: slider, signalName: "moved" })
        const committed = createTemporaryObject(spyComponent, testCase, { target: slider, signalName: "committed" })
        return { slider: slider, moved: moved, committed: committed }
    }

    function typeInField(slider, text) {
        mouseClick(slider.field)
        slider.field.selectAll()
        keyClick(Qt.Key_Backspace)
        for (const ch of text)
            keyClick(ch)
        keyClick(Qt.Key_Return)
    }

    function test_showsTheOwnersValue() {
        const t = makeSlider()
        t.slider.value = 0.5
        compare(t.slider.field.text, "0.50")
        compare(t.slider.slider.value, 0.5)
        t.slider.decimals = 3
        compare(t.slider.field.text, "0.500")
        compare(t.moved.count, 0, "setting the value is not a user edit")
    }

    function test_typedValueIsClampedAndCommittedOnce() {
        const t = makeSlider()
        typeInField(t.slider, "3")
        compare(t.moved.count, 1)
        compare(t.moved.signalArguments[0][0], 1, "clamped to the maximum")
        compare(t.committed.count, 1)
        compare(t.slider.field.text, "0.00", "the field shows the owner's value, which the test did not change")
    }

    function test_commaIsADecimalSeparator() {
        const t = makeSlider()
        typeInField(t.slider, "-0,25")
        compare(t.moved.count, 1)
        compare(t.moved.signalArguments[0][0], -0.25)
    }

    function test_incompleteNumberRestoresTheValue() {
        const t = makeSlider()
        t.slider.value = 0.4
        typeInField(t.slider, "-")
        compare(t.moved.count, 0)
        compare(t.committed.count, 0)
        compare(t.slider.field.text, "0.40")
    }

    function test_dragIsManyMovesAndOneCommit() {
        const t = makeSlider()
        const track = t.slider.slider
        const y = track.height / 2
        mousePress(track, track.width / 2, y)
        for (let i = 1; i <= 5; ++i)
            mouseMove(track, track.width / 2 + i * 10, y)
        compare(t.committed.count, 0, "no commit while the button is down")
        mouseRelease(track, track.width / 2 + 50, y)
        verify(t.moved.count >= 1)
        verify(t.moved.signalArguments[t.moved.count - 1][0] > 0, "moved to the right")
        compare(t.committed.count, 1)
    }

    function test_arrowKeyStepsAndCommits() {
        const t = makeSlider()
        t.slider.slider.forceActiveFocus()
        keyClick(Qt.Key_Right)
        compare(t.moved.count, 1)
        fuzzyCompare(t.moved.signalArguments[0][0], 2 / 50, 1e-6)
        compare(t.committed.count, 1)
    }

    function test_ownerValueStillFollowedAfterADrag() {
        const t = makeSlider()
        const track = t.slider.slider
        mouseClick(track, track.width * 0.9, track.height / 2)
        verify(t.moved.count >= 1)
        // The owner decides: it sets another value, the slider must show it (the binding survived the drag).
        t.slider.value = -0.3
        fuzzyCompare(track.value, -0.3, 1e-9)
        compare(t.slider.field.text, "-0.30")
    }
}
