// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// The left column: one entry per panel (Ctrl+1…7, or arrow keys when focused) and, at the bottom, the state of
// the models and of the server at a glance.
Pane {
    id: root

    property var titles: []
    property int currentIndex: 0
    signal activated(int index)

    padding: 0
    background: Rectangle {
        color: Theme.palette.base
        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: Theme.border
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: Theme.margin
            text: qsTr("Talkinghead Studio")
            font.pointSize: Theme.sectionFontSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.rightMargin: 1 // keeps the background's border line visible beside the entries
            model: root.titles
            currentIndex: root.currentIndex
            keyNavigationEnabled: true
            activeFocusOnTab: true
            highlightMoveDuration: 0
            clip: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Sections")
            onCurrentIndexChanged: if (currentIndex !== root.currentIndex) root.activated(currentIndex)
            delegate: ItemDelegate {
                id: entry
                required property string modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: modelData
                onClicked: root.activated(index)
                Accessible.name: modelData
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData
                        elide: Text.ElideRight
                        font.weight: entry.highlighted ? Font.DemiBold : Font.Normal
                        color: entry.highlighted ? Theme.palette.highlightedText : Theme.palette.windowText
                    }
                    Label {
                        text: qsTr("Ctrl+%1").arg(entry.index + 1)
                        color: entry.highlighted ? Theme.palette.highlightedText : Theme.mutedText
                        font.pointSize: Theme.baseFontSize * 0.85
                    }
                }
            }
        }

        // Status lines.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.margin
            spacing: Theme.spacing / 2
            StatusDot {
                ok: Studio.engine.state === EngineController.Ready
                busy: Studio.engine.state === EngineController.Loading
                text: Studio.engine.state === EngineController.Ready ? qsTr("Models ready")
                    : Studio.engine.state === EngineController.Loading ? qsTr("Loading models…")
                    : Studio.engine.state === EngineController.Idle ? qsTr("Models not loaded") : qsTr("Models unavailable")
            }
            StatusDot {
                ok: Studio.server.running
                text: Studio.server.running ? qsTr("Server running") : qsTr("Server stopped")
            }
        }
    }

    component StatusDot: RowLayout {
        property bool ok
        property bool busy
        property alias text: label.text
        Layout.fillWidth: true
        spacing: Theme.spacing
        Rectangle {
            implicitWidth: 8
            implicitHeight: 8
            radius: 4
            color: parent.ok ? Theme.success : parent.busy ? Theme.warning : Theme.mutedText
        }
        Label {
            id: label
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: Theme.mutedText
        }
    }
}
