// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import TalkingheadStudio

// Opening the character image (file dialog, drag and drop, recent files) and the import check in plain language:
// the list of findings, the image with an overlay of what was checked, and the safe fixes saved as a copy.
PanelPage {
    id: root

    readonly property CharacterController character: Studio.character
    readonly property bool loaded: character.state === "loaded"

    function openDialog() {
        fileDialog.open()
    }

    title: qsTr("Character")
    description: qsTr("The image to animate: a 512×512 PNG with a transparent background and the head inside the box " +
                      "marked on the overlay. Open a file, drop one here or pick a recent one.")

    FileDialog {
        id: fileDialog
        title: qsTr("Open character image")
        nameFilters: [qsTr("Images (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)"), qsTr("All files (*)")]
        onAccepted: root.character.open(selectedFile)
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Open image…")
            highlighted: !root.loaded
            onClicked: fileDialog.open()
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Open a character image (Ctrl+O)")
        }
        Button {
            text: qsTr("Save fixed copy")
            enabled: root.character.canSaveFixedCopy
            onClicked: root.character.saveFixedCopy()
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Save the image as the studio uses it (resized, transparent pixels cleared) beside the " +
                               "original. The original file is never changed.")
        }
    }

    RowLayout {
        visible: root.character.state === "loading"
        spacing: Theme.spacing
        BusyIndicator {
            running: parent.visible
            Layout.preferredWidth: 32
            Layout.preferredHeight: 32
        }
        Label {
            text: qsTr("Checking the image…")
        }
    }

    StatusMessage {
        text: root.character.error
        severity: "error"
    }

    StatusMessage {
        text: root.character.lastSavedCopy.length > 0
              ? qsTr("Saved the fixed copy as %1").arg(root.character.lastSavedCopy) : ""
        severity: "ok"
    }

    // The check result.
    ColumnLayout {
        Layout.fillWidth: true
        visible: root.loaded
        spacing: Theme.spacing

        SectionHeader {
            text: root.character.fileName
        }
        // The verdict in a sentence; the findings follow one per line.
        StatusMessage {
            readonly property bool hasWarnings: root.character.issues.some(issue => issue.severity === "warning")
            text: !root.character.usable ? qsTr("This image cannot be animated yet: fix the errors below.")
                : hasWarnings ? qsTr("The image can be used, but check the warnings below.")
                : qsTr("The image is ready to animate.")
            severity: !root.character.usable ? "error" : hasWarnings ? "warning" : "ok"
        }
        Repeater {
            model: root.character.issues
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 72
                    text: modelData.severity === "error" ? qsTr("Error")
                        : modelData.severity === "warning" ? qsTr("Warning") : qsTr("Note")
                    color: Theme.severityColor(modelData.severity)
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: modelData.message
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            CheckBox {
                id: overlayToggle
                text: qsTr("Show what was checked")
                checked: true
            }
        }

        // The image at most 512 px wide, with the overlay drawn by the engine on top.
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(width, 512)
            Item {
                id: imageFrame
                width: Math.min(parent.width, 512)
                height: width
                anchors.horizontalCenter: parent.horizontalCenter
                Checkerboard {
                    anchors.fill: parent
                    cellSize: Math.max(4, Math.round(parent.width / 48))
                }
                Image {
                    anchors.fill: parent
                    source: root.loaded ? root.character.imageUrl : ""
                    fillMode: Image.PreserveAspectFit
                    cache: false
                    smooth: true
                }
                Image {
                    anchors.fill: parent
                    visible: overlayToggle.checked
                    source: root.loaded ? root.character.overlayUrl : ""
                    fillMode: Image.PreserveAspectFit
                    cache: false
                }
                Rectangle {
                    anchors.fill: parent
                    color: "transparent"
                    border.color: Theme.border
                }
            }
        }

        // Legend of the overlay's marks (colours as engine/image_import.cpp draws them).
        Flow {
            Layout.fillWidth: true
            visible: overlayToggle.checked
            spacing: Theme.spacing * 2
            Repeater {
                model: [
                    { color: "#4080ff", text: qsTr("Transparent area (tinted blue)") },
                    { color: "#ff8c00", text: qsTr("Head box: the head must fit inside") },
                    { color: "#00c846", text: qsTr("Top of the head, in the allowed rows") },
                    { color: "#e61414", text: qsTr("Top of the head, outside the allowed rows") }
                ]
                delegate: Row {
                    required property var modelData
                    spacing: Theme.spacing / 2
                    Rectangle {
                        width: 14
                        height: 14
                        anchors.verticalCenter: parent.verticalCenter
                        color: modelData.color
                        radius: 2
                    }
                    Label {
                        text: modelData.text
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    // Recently opened characters.
    SectionHeader {
        text: qsTr("Recent characters")
        visible: root.character.recentFiles.length > 0
        Button {
            text: qsTr("Clear list")
            flat: true
            onClicked: root.character.clearRecent()
        }
    }
    Repeater {
        model: root.character.recentFiles
        delegate: ItemDelegate {
            id: recentDelegate
            required property string modelData
            Layout.fillWidth: true
            text: modelData.substring(modelData.lastIndexOf("/") + 1)
            onClicked: root.character.open(Theme.fileUrl(modelData))
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: modelData
            contentItem: ColumnLayout {
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: recentDelegate.text
                    elide: Text.ElideMiddle
                }
                Label {
                    Layout.fillWidth: true
                    text: recentDelegate.modelData
                    elide: Text.ElideMiddle
                    color: Theme.mutedText
                    font.pointSize: Theme.baseFontSize * 0.9
                }
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: root.character.state === "empty" && root.character.recentFiles.length === 0
        text: qsTr("No character yet. Drag an image file from your file manager onto this window, or use Open image…")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
}
