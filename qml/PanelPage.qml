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

    // Keyboard use: when Tab moves the focus to a control outside the visible part, scroll it into view.
    Connections {
        target: root.Window.window
        enabled: root.visible
        function onActiveFocusItemChanged() {
            root.ensureVisible(root.Window.window.activeFocusItem)
        }
    }

    function ensureVisible(item) {
        let inside = item
        while (inside && inside !== column)
            inside = inside.parent
        const flick = root.contentItem
        if (!inside || !flick || flick.contentY === undefined)
            return
        const top = item.mapToItem(column, 0, 0).y
        const bottom = top + item.height
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top - Theme.spacing)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, bottom - flick.height + Theme.spacing))
    }

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
