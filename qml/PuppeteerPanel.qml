// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TalkingheadStudio

// The puppeteer: a face tracker drives the character in the preview (and on the embedded server). iFacialMocap on
// an iPhone, or any VMC sender (VSeeFace, VMagicMirror, Warudo, XR Animator…), or a recorded take.
PanelPage {
    id: root

    readonly property PuppeteerController puppeteer: Studio.puppeteer

    title: qsTr("Puppeteer")
    description: qsTr("Drive the character with your own face: the iFacialMocap app on an iPhone, or any program that " +
                      "sends the VMC protocol (a webcam with VSeeFace, VMagicMirror, Warudo, XR Animator). Channels " +
                      "the tracker does not send, such as breathing, keep the idle animation.")

    FileDialog {
        id: recordDialog
        title: qsTr("Record a take")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Takes (*.jsonl)"), qsTr("All files (*)")]
        onAccepted: root.puppeteer.startRecording(selectedFile)
    }
    FileDialog {
        id: openDialog
        title: qsTr("Open a recording")
        nameFilters: [qsTr("Takes (*.jsonl)"), qsTr("All files (*)")]
        onAccepted: root.puppeteer.openRecording(selectedFile)
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label {
            text: qsTr("Source")
        }
        ComboBox {
            id: sourceBox
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            enabled: !root.puppeteer.running
            textRole: "text"
            valueRole: "value"
            model: [{ value: "ifacialmocap", text: qsTr("iFacialMocap (iPhone)") },
                    { value: "vmc", text: qsTr("VMC protocol") },
                    { value: "replay", text: qsTr("Recorded take") }]
            currentIndex: Math.max(0, indexOfValue(root.puppeteer.source))
            Accessible.name: qsTr("Source")
            onActivated: root.puppeteer.source = currentValue
        }

        Label {
            text: qsTr("Phone address")
            visible: root.puppeteer.source === "ifacialmocap"
        }
        TextField {
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            visible: root.puppeteer.source === "ifacialmocap"
            enabled: !root.puppeteer.running
            text: root.puppeteer.phoneAddress
            placeholderText: qsTr("e.g. 192.168.1.20")
            selectByMouse: true
            Accessible.name: qsTr("Phone address")
            onEditingFinished: root.puppeteer.phoneAddress = text
        }

        Label {
            text: qsTr("Port")
            visible: root.puppeteer.source !== "replay"
        }
        SpinBox {
            id: portBox
            visible: root.puppeteer.source !== "replay"
            enabled: !root.puppeteer.running
            from: 0
            to: 65535
            editable: true
            value: root.puppeteer.port
            textFromValue: (value, locale) => String(value)
            valueFromText: (text, locale) => parseInt(text) || 0
            Accessible.name: qsTr("Port")
            onValueModified: root.puppeteer.port = value
        }

        Label {
            text: qsTr("Take")
            visible: root.puppeteer.source === "replay"
        }
        Label {
            Layout.fillWidth: true
            visible: root.puppeteer.source === "replay"
            elide: Text.ElideMiddle
            text: root.puppeteer.takeFile || qsTr("none: open a recording below")
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: root.puppeteer.running ? qsTr("Stop") : qsTr("Start")
            highlighted: !root.puppeteer.running
            onClicked: root.puppeteer.running ? root.puppeteer.stop() : root.puppeteer.start()
        }
        Button {
            text: qsTr("Calibrate")
            enabled: root.puppeteer.running && root.puppeteer.values.length > 0
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Look straight ahead with a relaxed face: this becomes the rest pose.")
            onClicked: root.puppeteer.calibrate()
        }
        Button {
            text: qsTr("Clear calibration")
            enabled: root.puppeteer.calibrated
            onClicked: root.puppeteer.clearCalibration()
        }
        Button {
            text: root.puppeteer.recordingPath ? qsTr("Stop recording") : qsTr("Record…")
            enabled: root.puppeteer.running
            onClicked: root.puppeteer.recordingPath ? root.puppeteer.stopRecording() : recordDialog.open()
        }
        Button {
            text: qsTr("Open recording…")
            enabled: !root.puppeteer.running
            onClicked: openDialog.open()
        }
    }

    StatusMessage {
        Layout.fillWidth: true
        text: root.puppeteer.error
    }

    SectionHeader {
        text: qsTr("Status")
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: !root.puppeteer.running ? qsTr("Stopped")
              : (root.puppeteer.tracking ? qsTr("Tracking") : qsTr("No face (tracking lost)")) + " · "
                + qsTr("%1 packets/s").arg(root.puppeteer.packetsPerSecond.toFixed(0)) + " · "
                + (root.puppeteer.lastPacketAgeMs < 0 ? qsTr("no packet yet")
                                                       : qsTr("last packet %1 ms ago").arg(root.puppeteer.lastPacketAgeMs))
                + " · " + qsTr("%1 rejected").arg(root.puppeteer.rejected)
                + (root.puppeteer.boundPort > 0 ? " · " + qsTr("listening on UDP %1").arg(root.puppeteer.boundPort) : "")
                + (root.puppeteer.recordingPath ? " · " + qsTr("recording") : "")
    }

    SectionHeader {
        text: qsTr("Settings")
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label {
            text: qsTr("Eyebrows down")
        }
        ComboBox {
            textRole: "text"
            valueRole: "value"
            model: [{ value: "angry", text: qsTr("Angry") }, { value: "troubled", text: qsTr("Troubled") },
                    { value: "serious", text: qsTr("Serious") }, { value: "lowered", text: qsTr("Lowered") }]
            currentIndex: Math.max(0, indexOfValue(root.puppeteer.eyebrowDownMode))
            Accessible.name: qsTr("Eyebrows down")
            onActivated: root.puppeteer.eyebrowDownMode = currentValue
        }
        Label {
            text: qsTr("Wink")
        }
        ComboBox {
            textRole: "text"
            valueRole: "value"
            model: [{ value: "normal", text: qsTr("Normal") }, { value: "relaxed", text: qsTr("Relaxed") }]
            currentIndex: Math.max(0, indexOfValue(root.puppeteer.winkMode))
            Accessible.name: qsTr("Wink")
            onActivated: root.puppeteer.winkMode = currentValue
        }
        Repeater {
            model: [["eyebrow", qsTr("Eyebrow gain")], ["eye", qsTr("Eye gain")], ["iris", qsTr("Iris gain")],
                    ["mouth", qsTr("Mouth gain")], ["head", qsTr("Head gain")], ["body", qsTr("Body gain")]]
            delegate: RowLayout {
                required property var modelData
                Layout.columnSpan: 2
                Label {
                    Layout.preferredWidth: 120
                    text: parent.modelData[1]
                }
                Slider {
                    Layout.fillWidth: true
                    from: 0
                    to: 3
                    stepSize: 0.05
                    value: root.puppeteer.gain(parent.modelData[0])
                    Accessible.name: parent.modelData[1]
                    onMoved: root.puppeteer.setGain(parent.modelData[0], value)
                }
            }
        }
        CheckBox {
            Layout.columnSpan: 2
            text: qsTr("Smoothing (One Euro filter)")
            checked: root.puppeteer.smoothing
            onToggled: root.puppeteer.smoothing = checked
        }
        Label {
            text: qsTr("Cut-off at rest (Hz)")
        }
        Slider {
            Layout.fillWidth: true
            enabled: root.puppeteer.smoothing
            from: 0.05
            to: 10
            value: root.puppeteer.minCutoff
            Accessible.name: qsTr("Cut-off at rest (Hz)")
            onMoved: root.puppeteer.minCutoff = value
        }
        Label {
            text: qsTr("Speed coefficient")
        }
        Slider {
            Layout.fillWidth: true
            enabled: root.puppeteer.smoothing
            from: 0
            to: 2
            value: root.puppeteer.beta
            Accessible.name: qsTr("Speed coefficient")
            onMoved: root.puppeteer.beta = value
        }
    }

    SectionHeader {
        text: qsTr("Tracked values")
    }
    Label {
        visible: root.puppeteer.values.length === 0
        text: qsTr("No face yet.")
    }
    GridLayout {
        Layout.fillWidth: true
        visible: root.puppeteer.values.length > 0
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: 2
        Repeater {
            model: root.puppeteer.values.length > 0 ? root.puppeteer.names : []
            delegate: RowLayout {
                required property string modelData
                required property int index
                Layout.columnSpan: 2
                Label {
                    Layout.preferredWidth: 220
                    text: parent.modelData
                    font.pointSize: Theme.baseFontSize * 0.9
                    elide: Text.ElideRight
                }
                ProgressBar {
                    Layout.fillWidth: true
                    // Rotations go both ways; the other parameters are 0…1.
                    from: /rotation|head_|neck_|body_/.test(parent.modelData) ? -1 : 0
                    to: 1
                    value: root.puppeteer.values[parent.index] ?? 0
                    Accessible.name: parent.modelData
                }
            }
        }
    }
}
