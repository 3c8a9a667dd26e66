// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// The manual pose editor: the 45 parameters in the original poser's groups, left/right link, reset, undo/redo.
PanelPage {
    id: root

    readonly property PoseEditorModel editor: Studio.poseEditor

    title: qsTr("Pose")
    description: qsTr("Drag a slider or type a value. Every drag is one step of undo (Ctrl+Z) and redo (Ctrl+Shift+Z).")

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Undo")
            enabled: root.editor.canUndo
            onClicked: root.editor.undo()
            ToolTip.visible: hovered && root.editor.undoText.length > 0
            ToolTip.delay: 400
            ToolTip.text: qsTr("Undo %1").arg(root.editor.undoText)
        }
        Button {
            text: qsTr("Redo")
            enabled: root.editor.canRedo
            onClicked: root.editor.redo()
            ToolTip.visible: hovered && root.editor.redoText.length > 0
            ToolTip.delay: 400
            ToolTip.text: qsTr("Redo %1").arg(root.editor.redoText)
        }
        Button {
            text: qsTr("Reset all")
            onClicked: root.editor.resetAll()
        }
        CheckBox {
            text: qsTr("Link left and right")
            checked: root.editor.linkLeftRight
            onToggled: root.editor.linkLeftRight = checked
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Moving a left or right parameter moves its twin on the other side too")
        }
    }

    // Two columns of groups when there is room for two sliders side by side.
    GridLayout {
        Layout.fillWidth: true
        columns: root.availableWidth >= 760 ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.spacing
        Repeater {
            model: root.editor.groups()
            delegate: PoseGroupSection {
                required property string modelData
                group: modelData
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1 // equal columns: the widths come from fillWidth alone
            }
        }
    }
}
