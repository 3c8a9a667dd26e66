// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One message in plain language with a coloured severity bar: "error", "warning", "info" or "ok".
// Hidden while the text is empty, so panels can bind it straight to an `error` property.
Rectangle {
    id: root

    property string text
    property string severity: "error"

    Layout.fillWidth: true
    visible: text.length > 0
    implicitHeight: message.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.mix(Theme.severityColor(severity), Theme.palette.window, 0.88)
    border.color: Theme.mix(Theme.severityColor(severity), Theme.palette.window, 0.5)

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Rectangle {
        width: 4
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        radius: Theme.radius
        color: Theme.severityColor(root.severity)
    }
    Label {
        id: message
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
        anchors.leftMargin: Theme.spacing + 4
        anchors.rightMargin: Theme.spacing
        text: root.text
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.palette.windowText
    }
}
