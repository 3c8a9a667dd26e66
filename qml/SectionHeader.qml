// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A section title with a hairline above it; `extra` items sit at its right end (e.g. a Reset button).
ColumnLayout {
    id: root

    property alias text: label.text
    default property alias extra: trailing.data

    Layout.fillWidth: true
    Layout.topMargin: Theme.spacing
    spacing: Theme.spacing / 2

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: 1
        color: Theme.border
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            id: label
            Layout.fillWidth: true
            font.pointSize: Theme.sectionFontSize
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
        }
        RowLayout {
            id: trailing
            spacing: Theme.spacing / 2
        }
    }
}
