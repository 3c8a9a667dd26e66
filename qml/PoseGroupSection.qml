// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// One group of the manual poser (eyebrow, eye, iris, mouth, iris rotation, head, body, breathing): a shape selector
// where the group has several morph shapes, as in the original THA3 manual poser, and a slider per parameter.
// Values live in Studio.poseEditor; this section only shows them and forwards edits.
ColumnLayout {
    id: root

    required property string group
    readonly property PoseEditorModel editor: Studio.poseEditor
    readonly property var shapes: editor.shapes(group)
    readonly property bool hasShapes: shapes.length > 1
    property string shape: shapes.length > 0 ? shapes[0] : ""
    // Rows of the selected shape: [{row, name, label, side, minimum, maximum}, …].
    readonly property var rows: (Theme.languageRevision, editor.rows(group, shape))

    Layout.fillWidth: true
    spacing: Theme.spacing / 2
    Accessible.name: title

    // C++ labels, refreshed when the language changes (see Theme.languageRevision).
    readonly property string title: (Theme.languageRevision, editor.groupLabel(group))
    function shapeLabel(name) {
        return (Theme.languageRevision, editor.shapeLabel(group, name)) || name
    }

    // Whether any parameter of a shape is away from zero, so the selector can mark shapes in use.
    function shapeInUse(name) {
        const pose = editor.pose
        const shapeRows = editor.rows(group, name)
        for (let i = 0; i < shapeRows.length; ++i) {
            if (Math.abs(pose[shapeRows[i].name] || 0) > 1e-6)
                return true
        }
        return false
    }

    SectionHeader {
        text: root.title
        ToolButton {
            text: qsTr("Reset")
            onClicked: root.editor.resetGroup(root.group)
            Accessible.name: qsTr("Reset %1").arg(root.title)
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Set every parameter of this group back to its default")
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.hasShapes
        spacing: Theme.spacing
        Label {
            Layout.preferredWidth: 96
            text: qsTr("Shape")
            elide: Text.ElideRight
        }
        ComboBox {
            id: shapeBox
            Layout.fillWidth: true
            model: root.shapes
            Accessible.name: qsTr("%1 shape").arg(root.title)
            // The list marks shapes with non-zero values; it is rebuilt when the pose changes.
            property int poseRevision: 0
            displayText: root.shapeLabel(root.shape)
            delegate: ItemDelegate {
                required property string modelData
                required property int index
                width: shapeBox.width
                highlighted: shapeBox.highlightedIndex === index
                text: (shapeBox.poseRevision, root.shapeInUse(modelData))
                      ? qsTr("%1 (in use)").arg(root.shapeLabel(modelData)) : root.shapeLabel(modelData)
            }
            onActivated: index => root.shape = root.shapes[index]
            Connections {
                target: root.editor
                function onPoseChanged() { ++shapeBox.poseRevision }
            }
        }
    }

    Repeater {
        model: root.rows
        delegate: ParameterSlider {
            required property var modelData
            Layout.fillWidth: true
            label: modelData.label
            from: modelData.minimum
            to: modelData.maximum
            value: root.editor.pose[modelData.name] || 0
            onMoved: v => root.editor.setValue(modelData.row, v)
            onCommitted: root.editor.commitEdit()
        }
    }
}
