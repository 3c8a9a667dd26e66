// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Asks for a name (new preset, rename). `accepted` fires only with a non-empty name; `name` holds it.
Dialog {
    id: root

    property alias name: field.text
    property alias prompt: promptLabel.text
    property alias placeholder: field.placeholderText

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(420, parent ? parent.width - 2 * Theme.margin : 420)
    standardButtons: Dialog.Ok | Dialog.Cancel
    focus: true

    onOpened: {
        field.forceActiveFocus()
        field.selectAll()
    }
    Component.onCompleted: updateOk()
    onNameChanged: updateOk()

    function updateOk() {
        const ok = standardButton(Dialog.Ok)
        if (ok)
            ok.enabled = field.text.trim().length > 0
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            id: promptLabel
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
        }
        TextField {
            id: field
            Layout.fillWidth: true
            selectByMouse: true
            onAccepted: if (text.trim().length > 0) root.accept()
        }
    }
}
