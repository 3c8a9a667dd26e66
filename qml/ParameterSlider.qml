// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One pose parameter: label, slider and a numeric field. The owner keeps the value (bind `value`), this item only
// reports the user's intent: `moved(value)` while dragging or typing, `committed()` when an edit is complete (mouse
// released, key released, Enter in the field), so a whole drag becomes one undo step.
RowLayout {
    id: root

    property string label
    property real from: 0
    property real to: 1
    property real value: 0
    property int decimals: 2
    // Keyboard step: 1/50 of the range, fine enough for a face and quick enough to cross the range.
    property real stepSize: (to - from) / 50
    property int labelWidth: 96
    readonly property alias pressed: slider.pressed
    readonly property alias slider: slider
    readonly property alias field: field

    signal moved(real value)
    signal committed()

    spacing: Theme.spacing

    // Clamps and rounds to what the field shows, so typed and dragged values agree.
    function clamp(v) {
        const lo = Math.min(from, to), hi = Math.max(from, to)
        return Math.min(hi, Math.max(lo, v))
    }

    // Applies text typed in the field ("0.5", "0,5", "-.3"); anything unreadable restores the current value.
    function applyText(text) {
        const parsed = Number(String(text).trim().replace(",", "."))
        if (String(text).trim().length > 0 && isFinite(parsed)) {
            const v = clamp(parsed)
            if (v !== value)
                moved(v)
            committed()
        }
        field.text = Qt.binding(() => root.value.toFixed(root.decimals))
    }

    Label {
        Layout.preferredWidth: root.labelWidth
        Layout.maximumWidth: root.labelWidth
        text: root.label
        elide: Text.ElideRight
        color: root.enabled ? Theme.palette.windowText : Theme.disabledPalette.windowText
    }

    Slider {
        id: slider
        Layout.fillWidth: true
        Layout.minimumWidth: 60
        from: root.from
        to: root.to
        value: root.value
        stepSize: root.stepSize
        snapMode: Slider.NoSnap
        Accessible.name: root.label
        onMoved: root.moved(value)
        onPressedChanged: if (!pressed) root.committed()
        // Arrow keys move the value (Slider emits moved, and pressed goes true/false around each key press, which
        // commits above). Home/End are not handled by Slider itself; they are handled here and commit on release.
        Keys.onPressed: event => {
            if (event.key === Qt.Key_Home || event.key === Qt.Key_End) {
                root.moved(event.key === Qt.Key_Home ? Math.min(root.from, root.to) : Math.max(root.from, root.to))
                event.accepted = true
            }
        }
        Keys.onReleased: event => {
            if ((event.key === Qt.Key_Home || event.key === Qt.Key_End) && !event.isAutoRepeat) {
                root.committed()
                event.accepted = true
            }
        }
    }

    TextField {
        id: field
        Layout.preferredWidth: Math.max(56, fontMetrics.advanceWidth("-0.000") + leftPadding + rightPadding)
        horizontalAlignment: TextInput.AlignRight
        text: root.value.toFixed(root.decimals)
        inputMethodHints: Qt.ImhFormattedNumbersOnly
        selectByMouse: true
        Accessible.name: root.label
        validator: RegularExpressionValidator { regularExpression: /^\s*-?\d*([.,]\d*)?\s*$/ }
        onEditingFinished: root.applyText(text)
        Keys.onEscapePressed: {
            text = Qt.binding(() => root.value.toFixed(root.decimals))
            focus = false
        }
        FontMetrics {
            id: fontMetrics
            font: field.font
        }
    }
}
