// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The frame every panel uses: a vertically scrolling column with a title and a one-line description, so that a
// panel never overlaps itself in a small window; it scrolls instead.
ScrollView {
    id: root

    property string title
    property string description
    default property alias content: column.data

    padding: Theme.margin
    contentWidth: availableWidth
    clip: true
    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

    ColumnLayout {
        id: column
        width: root.availableWidth
        spacing: Theme.spacing * 1.5

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pointSize: Theme.titleFontSize
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.description
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }
    }
}
