// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A yes/no question before something that cannot be undone (overwrite files, delete a preset).
Dialog {
    id: root

    property alias text: message.text
    property alias details: detailsLabel.text
    property string acceptText: qsTr("OK")

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(480, parent ? parent.width - 2 * Theme.margin : 480)
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAcceptTextChanged: relabel()
    Component.onCompleted: relabel()
    function relabel() {
        const ok = standardButton(Dialog.Ok)
        if (ok)
            ok.text = acceptText
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            id: message
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            id: detailsLabel
            Layout.fillWidth: true
            Layout.maximumHeight: 160
            visible: text.length > 0
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            color: Theme.mutedText
            font.family: "monospace"
        }
    }
}
