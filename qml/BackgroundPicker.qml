// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs

// Chooses what the preview shows behind the character: the checkerboard or a colour. Stored in
// Studio.settings.background as "checkerboard" or "#rrggbb".
ComboBox {
    id: root

    readonly property var choices: [
        { value: "checkerboard", text: qsTr("Checkerboard") },
        { value: "#ffffff", text: qsTr("White") },
        { value: "#808080", text: qsTr("Grey") },
        { value: "#000000", text: qsTr("Black") },
        { value: "#00b140", text: qsTr("Green screen") },
        { value: "custom", text: qsTr("Custom colour…") }
    ]
    readonly property string current: Studio.settings.background

    function indexOfCurrent() {
        for (let i = 0; i < choices.length - 1; ++i) {
            if (choices[i].value === current.toLowerCase())
                return i
        }
        return choices.length - 1
    }

    model: choices
    textRole: "text"
    valueRole: "value"
    currentIndex: indexOfCurrent()
    displayText: currentIndex === choices.length - 1 ? qsTr("Custom (%1)").arg(current) : currentText
    Accessible.name: qsTr("Background")

    onActivated: index => {
        if (choices[index].value === "custom")
            colorDialog.open()
        else
            Studio.settings.background = choices[index].value
        currentIndex = Qt.binding(indexOfCurrent)
    }

    ColorDialog {
        id: colorDialog
        title: qsTr("Background colour")
        selectedColor: root.current.startsWith("#") ? root.current : "#808080"
        // Always "#rrggbb": the dialog may hand back a colour with alpha, which the setting does not take.
        onAccepted: Studio.settings.background = "#" + [selectedColor.r, selectedColor.g, selectedColor.b]
            .map(v => Math.round(v * 255).toString(16).padStart(2, "0")).join("")
    }
}
