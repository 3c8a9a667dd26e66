// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TalkingheadStudio

// The embedded API server: the same HTTP API as `talkinghead-studio serve`, in this process and on the character
// shown in the preview, so SillyTavern drives what the user sees here.
PanelPage {
    id: root

    readonly property ServerController server: Studio.server

    title: qsTr("Server")
    description: qsTr("Serve the character to SillyTavern's Talkinghead extension. Start the server, copy the URL and " +
                      "paste it into SillyTavern. Only web pages opened on this computer may use it, unless the host " +
                      "is 0.0.0.0 (every network): then any page may, so set an API key.")

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label {
            text: qsTr("Host")
        }
        TextField {
            id: hostField
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            text: root.server.host
            enabled: !root.server.running
            selectByMouse: true
            Accessible.name: qsTr("Host")
            onEditingFinished: root.server.host = text.trim()
        }

        Label {
            text: qsTr("Port")
        }
        SpinBox {
            id: portBox
            from: 1
            to: 65535
            editable: true
            value: root.server.port
            enabled: !root.server.running
            // Plain digits: a port is not a quantity, "5,100" would look wrong.
            textFromValue: (value, locale) => String(value)
            valueFromText: (text, locale) => parseInt(text) || portBox.value
            validator: IntValidator { bottom: 1; top: 65535 }
            Accessible.name: qsTr("Port")
            onValueModified: root.server.port = value
        }

        Label {
            text: qsTr("API key")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: keyField
                Layout.fillWidth: true
                Layout.maximumWidth: 320
                text: root.server.apiKey
                enabled: !root.server.running
                echoMode: showKey.checked ? TextInput.Normal : TextInput.Password
                placeholderText: qsTr("none (anyone on the network may connect)")
                selectByMouse: true
                Accessible.name: qsTr("API key")
                onEditingFinished: root.server.apiKey = text
            }
            ToolButton {
                id: showKey
                checkable: true
                text: checked ? qsTr("Hide") : qsTr("Show")
            }
        }
        Item { implicitWidth: 1 }
        Button {
            text: qsTr("Generate key")
            enabled: !root.server.running
            onClicked: root.server.generateApiKey()
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: root.server.running ? qsTr("Stop server") : qsTr("Start server")
            highlighted: !root.server.running
            onClicked: {
                // Take the fields' text even if the user did not leave the field.
                if (!root.server.running) {
                    root.server.host = hostField.text.trim()
                    root.server.apiKey = keyField.text
                    root.server.start()
                } else {
                    root.server.stop()
                }
            }
        }
        Button {
            text: qsTr("Copy URL")
            enabled: root.server.running
            onClicked: {
                root.server.copyUrl()
                copiedLabel.visible = true
                copiedTimer.restart()
            }
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Copy the URL for SillyTavern to the clipboard")
        }
        Label {
            id: copiedLabel
            visible: false
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Copied")
            color: Theme.success
            Timer {
                id: copiedTimer
                interval: 2000
                onTriggered: copiedLabel.visible = false
            }
        }
    }

    // State line: a dot plus where it runs and who watches.
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Rectangle {
            implicitWidth: 10
            implicitHeight: 10
            radius: 5
            color: root.server.running ? Theme.success : Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            text: root.server.running ? qsTr("Running at %1").arg(root.server.url) : qsTr("Stopped")
            wrapMode: Text.WrapAnywhere
            textFormat: Text.PlainText
        }
    }
    Label {
        visible: root.server.running
        text: qsTr("%n viewer(s) connected", "", root.server.viewers)
        color: Theme.mutedText
    }

    StatusMessage {
        text: root.server.error
        severity: "error"
    }

    // SillyTavern 1.13 and newer show the character through our extension; this copies it into a SillyTavern folder.
    SectionHeader {
        text: qsTr("SillyTavern")
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        text: qsTr("SillyTavern 1.13 and newer need the Talkinghead Studio extension to show this character. " +
                   "Choose your SillyTavern folder (the one with server.js) to install it for its default user.")
    }
    Button {
        text: qsTr("Install into SillyTavern…")
        onClicked: sillyTavernDialog.open()
    }
    FolderDialog {
        id: sillyTavernDialog
        title: qsTr("Choose the SillyTavern folder")
        onAccepted: root.server.installSillyTavernExtension(selectedFolder)
    }
    StatusMessage {
        text: root.server.sillyTavernMessage
        severity: root.server.sillyTavernInstalled ? "ok" : "error"
    }

    SectionHeader {
        text: qsTr("Recent requests")
        Button {
            text: qsTr("Clear")
            flat: true
            enabled: root.server.recentRequests.length > 0
            onClicked: root.server.clearRecentRequests()
        }
    }
    Frame {
        Layout.fillWidth: true
        Layout.preferredHeight: 240
        padding: 1
        ListView {
            id: log
            anchors.fill: parent
            clip: true
            model: root.server.recentRequests
            ScrollBar.vertical: ScrollBar {}
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                topPadding: 2
                bottomPadding: 2
                text: modelData
                font.family: "monospace"
                elide: Text.ElideRight
                textFormat: Text.PlainText
            }
            Label {
                anchors.centerIn: parent
                visible: log.count === 0
                width: parent.width - 2 * Theme.margin
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("No requests yet.")
                color: Theme.mutedText
            }
        }
    }
}
