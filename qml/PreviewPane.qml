// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import TalkingheadStudio

// The always-visible preview: the manual pose rendered on the worker thread (latest wins), or the idle animation
// when "Animate" is on. Shows render speed, lets the user zoom (buttons, Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0) and
// choose the background. Accepts dropped image files.
Pane {
    id: root

    // 0 = fit the view; otherwise the scale of the 512×512 frame.
    property real zoom: 0
    readonly property var zoomSteps: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4]
    // Live frames while animating or speaking (speech moves the mouth even with the idle animation off).
    readonly property bool animating: Studio.live.active
    readonly property url frameSource: {
        if (animating && Studio.live.frameUrl.toString() !== "")
            return Studio.live.frameUrl
        if (Studio.preview.frameUrl.toString() !== "")
            return Studio.preview.frameUrl
        return Studio.character.usable ? Studio.character.imageUrl : ""
    }
    readonly property real frameSize: zoom > 0 ? 512 * zoom
                                               : Math.max(64, Math.min(view.width, view.height) - 2 * Theme.spacing)
    readonly property alias frameItem: frame

    signal openRequested()

    function zoomIn() {
        const current = zoom > 0 ? zoom : frameSize / 512
        for (const step of zoomSteps) {
            if (step > current + 1e-3) { zoom = step; return }
        }
    }
    function zoomOut() {
        const current = zoom > 0 ? zoom : frameSize / 512
        for (let i = zoomSteps.length - 1; i >= 0; --i) {
            if (zoomSteps[i] < current - 1e-3) { zoom = zoomSteps[i]; return }
        }
    }

    padding: 0
    background: Rectangle {
        color: Theme.raised
        Rectangle {
            width: 1
            height: parent.height
            color: Theme.border
        }
    }

    Shortcut {
        sequences: [StandardKey.ZoomIn, "Ctrl+="]
        onActivated: root.zoomIn()
    }
    Shortcut {
        sequences: [StandardKey.ZoomOut]
        onActivated: root.zoomOut()
    }
    Shortcut {
        sequence: "Ctrl+0"
        onActivated: root.zoom = 0
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("Preview")
                font.pointSize: Theme.sectionFontSize
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            // A static label, not a spinner: a spinning indicator repaints the window continuously, which costs a
            // software-rendered desktop the very CPU the render needs.
            Label {
                text: qsTr("Rendering…")
                color: Theme.mutedText
                visible: Studio.preview.busy && !root.animating
            }
            Switch {
                text: qsTr("Animate")
                checked: Studio.live.animating
                enabled: Studio.live.available || Studio.live.animating
                onToggled: Studio.live.animating = checked
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Idle animation: blinking, breathing and a slight sway around the pose")
            }
        }

        // The frame, centred; scrolls when zoomed in beyond the view.
        Flickable {
            id: view
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: Math.max(width, root.frameSize)
            contentHeight: Math.max(height, root.frameSize)
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.horizontal: ScrollBar {}
            ScrollBar.vertical: ScrollBar {}

            Item {
                id: frame
                visible: root.frameSource.toString() !== ""
                width: root.frameSize
                height: root.frameSize
                x: (view.contentWidth - width) / 2
                y: (view.contentHeight - height) / 2

                Checkerboard {
                    anchors.fill: parent
                    visible: Studio.settings.background === "checkerboard"
                    cellSize: Math.max(6, Math.round(parent.width / 40))
                }
                Rectangle {
                    anchors.fill: parent
                    visible: Studio.settings.background !== "checkerboard"
                    color: Studio.settings.background.startsWith("#") ? Studio.settings.background : "transparent"
                }
                Image {
                    id: frameImage
                    anchors.fill: parent
                    source: root.frameSource
                    fillMode: Image.PreserveAspectFit
                    cache: false
                    smooth: true
                    mipmap: root.frameSize < 256
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("Character preview")
                }
                Rectangle {
                    anchors.fill: parent
                    color: "transparent"
                    border.color: Theme.border
                }
            }

            WheelHandler {
                acceptedModifiers: Qt.ControlModifier
                onWheel: event => event.angleDelta.y > 0 ? root.zoomIn() : root.zoomOut()
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            RowLayout {
                spacing: 2
                ToolButton {
                    text: "−"
                    onClicked: root.zoomOut()
                    Accessible.name: qsTr("Zoom out")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Zoom out (Ctrl+-)")
                }
                Label {
                    Layout.minimumWidth: 44
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("%1%").arg(Math.round(root.frameSize / 512 * 100))
                }
                ToolButton {
                    text: "+"
                    onClicked: root.zoomIn()
                    Accessible.name: qsTr("Zoom in")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Zoom in (Ctrl++)")
                }
                ToolButton {
                    text: qsTr("Fit")
                    checkable: true
                    checked: root.zoom === 0
                    onClicked: root.zoom = 0
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Fit the preview to the pane (Ctrl+0)")
                }
            }
            BackgroundPicker {
                implicitWidth: Math.min(200, root.width - 2 * Theme.spacing)
            }
        }

        // Record / Stop: the animated character, rendered offline, to a video or a folder of PNG frames.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: root.animating || Studio.recorder.running
            Button {
                text: qsTr("Record…")
                enabled: !Studio.recorder.running
                onClicked: recordDialog.open()
            }
            SpinBox {
                from: 1
                to: 600
                value: Math.round(Studio.recorder.duration)
                editable: true
                enabled: !Studio.recorder.running
                Accessible.name: qsTr("Recording length in seconds")
                textFromValue: (v, locale) => qsTr("%1 s").arg(v)
                valueFromText: (text, locale) => parseInt(text)
                onValueModified: Studio.recorder.duration = value
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: Studio.recorder.running
                value: Studio.recorder.progress
                Accessible.name: qsTr("Recording progress")
            }
            Button {
                text: qsTr("Stop")
                visible: Studio.recorder.running
                onClicked: Studio.recorder.cancel()
            }
        }
        StatusMessage {
            text: Studio.recorder.lastError
            severity: "error"
        }
        Label {
            Layout.fillWidth: true
            visible: !Studio.recorder.running && Studio.recorder.lastFile.length > 0
            text: qsTr("Recorded to %1").arg(Studio.recorder.lastFile)
            color: Theme.mutedText
            elide: Text.ElideMiddle
        }

        StatusMessage {
            text: Studio.preview.error
            severity: "error"
        }
        Label {
            Layout.fillWidth: true
            text: root.animating
                  ? qsTr("Animated: %1 fps").arg(Studio.live.fps.toFixed(1))
                  : Studio.preview.rendered > 0
                    ? qsTr("%1 ms/frame · %2 fps · %3 rendered, %4 skipped")
                          .arg(Math.round(Studio.preview.msPerFrame)).arg(Studio.preview.fps.toFixed(1))
                          .arg(Studio.preview.rendered).arg(Studio.preview.dropped)
                    : qsTr("No frame rendered yet")
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
    }

    // Shown when there is nothing to preview.
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 4 * Theme.margin
        visible: root.frameSource.toString() === ""
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("No character loaded")
            font.pointSize: Theme.sectionFontSize
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("Open an image or drop it here.")
            color: Theme.mutedText
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Open image…")
            onClicked: root.openRequested()
        }
    }

    ImageDrop {
        anchors.fill: parent
    }

    FileDialog {
        id: recordDialog
        title: qsTr("Record the character")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("WebM video with transparency (*.webm)"), qsTr("MP4 video (*.mp4)")]
        onAccepted: Studio.record(selectedFile)
    }
}
