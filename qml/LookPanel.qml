// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import TalkingheadStudio

// The look: the original talkinghead's postprocessor filters (bloom, scanlines, VHS glitches…) in a chain that
// the live preview, the server's stream and recordings show. Filters are added, reordered, tuned and removed
// here; the three example looks of the original README are presets; the chain is loaded from and saved to a
// character's _animator.json (the file's other settings stay as they are).
PanelPage {
    id: root

    readonly property var look: Studio.look

    title: qsTr("Look")
    description: qsTr("Filters applied to every frame: the preview, the server's stream and recordings.")

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        ComboBox {
            id: presetBox
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            model: root.look.presetNames
            Accessible.name: qsTr("Preset")
        }
        Button {
            text: qsTr("Use preset")
            onClicked: root.look.applyPreset(presetBox.currentIndex)
        }
        Button {
            text: qsTr("Clear")
            enabled: root.look.steps.length > 0
            onClicked: root.look.clear()
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        ComboBox {
            id: filterBox
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            model: root.look.filterNames
            Accessible.name: qsTr("Filter")
        }
        Button {
            text: qsTr("Add filter")
            onClicked: root.look.add(filterBox.currentText)
        }
    }

    Label {
        Layout.fillWidth: true
        visible: root.look.steps.length === 0
        text: qsTr("No filters: frames are shown as rendered.")
        wrapMode: Text.Wrap
        color: Theme.mutedText
    }

    Repeater {
        model: root.look.steps

        delegate: Frame {
            id: stepFrame
            required property var modelData
            required property int index
            Layout.fillWidth: true

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: (stepFrame.index + 1) + ". " + stepFrame.modelData.name
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("Up")
                        enabled: stepFrame.index > 0
                        Accessible.name: qsTr("Move %1 up").arg(stepFrame.modelData.name)
                        onClicked: root.look.move(stepFrame.index, stepFrame.index - 1)
                    }
                    Button {
                        text: qsTr("Down")
                        enabled: stepFrame.index < root.look.steps.length - 1
                        Accessible.name: qsTr("Move %1 down").arg(stepFrame.modelData.name)
                        onClicked: root.look.move(stepFrame.index, stepFrame.index + 1)
                    }
                    Button {
                        text: qsTr("Remove")
                        Accessible.name: qsTr("Remove %1").arg(stepFrame.modelData.name)
                        onClicked: root.look.remove(stepFrame.index)
                    }
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: Theme.spacing

                    Repeater {
                        model: stepFrame.modelData.params
                        delegate: RowLayout {
                            id: paramRow
                            required property var modelData
                            Layout.columnSpan: 2
                            Layout.fillWidth: true

                            function set(value) {
                                root.look.setParameter(stepFrame.index, paramRow.modelData.name, value)
                            }

                            Label {
                                Layout.preferredWidth: 160
                                text: paramRow.modelData.name
                                elide: Text.ElideRight
                            }
                            Switch {
                                visible: paramRow.modelData.type === "flag"
                                checked: paramRow.modelData.value === true
                                Accessible.name: paramRow.modelData.name
                                onToggled: paramRow.set(checked)
                            }
                            ComboBox {
                                visible: paramRow.modelData.type === "choice"
                                model: paramRow.modelData.choices
                                currentIndex: paramRow.modelData.choices.indexOf(paramRow.modelData.value)
                                Accessible.name: paramRow.modelData.name
                                onActivated: index => paramRow.set(paramRow.modelData.choices[index])
                            }
                            TextField {
                                Layout.fillWidth: true
                                visible: ["number", "integer", "name", "rgb"].includes(paramRow.modelData.type)
                                text: paramRow.modelData.type === "rgb" ? paramRow.modelData.value.join(", ")
                                                                        : String(paramRow.modelData.value)
                                selectByMouse: true
                                Accessible.name: paramRow.modelData.name
                                ToolTip.visible: hovered && paramRow.modelData.type !== "name"
                                ToolTip.text: qsTr("From %1 to %2").arg(paramRow.modelData.min).arg(paramRow.modelData.max)
                                onEditingFinished: {
                                    const type = paramRow.modelData.type
                                    if (type === "name")
                                        paramRow.set(text)
                                    else if (type === "rgb")
                                        paramRow.set(text.split(",").map(v => Number(v.trim())))
                                    else if (text.trim().length > 0 && !isNaN(Number(text)))
                                        paramRow.set(Number(text))
                                    else
                                        root.look.setParameter(stepFrame.index, paramRow.modelData.name, text)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    StatusMessage {
        Layout.fillWidth: true
        text: root.look.error
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Load from _animator.json…")
            onClicked: loadDialog.open()
        }
        Button {
            text: qsTr("Save to _animator.json…")
            onClicked: saveDialog.open()
        }
        Label {
            Layout.fillWidth: true
            text: root.look.file.toString().length > 0 ? decodeURIComponent(root.look.file.toString().replace("file://", "")) : ""
            elide: Text.ElideMiddle
            color: Theme.mutedText
        }
    }

    FileDialog {
        id: loadDialog
        title: qsTr("Load a look")
        nameFilters: [qsTr("Animator settings (*.json)")]
        onAccepted: root.look.load(selectedFile)
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the look")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Animator settings (*.json)")]
        onAccepted: root.look.save(selectedFile)
    }
}
