// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// Shown when the models cannot be used: which weight files are missing and where they belong, or why loading
// failed, with Retry and a way to the settings (another variant or device may work).
Rectangle {
    id: root

    readonly property bool missing: Studio.engine.state === EngineController.MissingWeights
    signal settingsRequested()

    color: Theme.palette.window

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onWheel: wheel => wheel.accepted = true
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: Theme.margin * 2
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width, 720)
            spacing: Theme.spacing * 1.5

            Label {
                Layout.fillWidth: true
                text: root.missing ? qsTr("Weights missing") : qsTr("The models could not be loaded")
                font.pointSize: Theme.titleFontSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: root.missing
                wrapMode: Text.Wrap
                text: qsTr("The studio needs the Talking Head Anime 3 weights of the variant “%1”. These files were " +
                           "not found:").arg(Studio.engine.variant)
            }
            Frame {
                Layout.fillWidth: true
                visible: root.missing
                ColumnLayout {
                    width: parent.width
                    spacing: 2
                    Repeater {
                        model: Studio.engine.missingFiles
                        delegate: Label {
                            required property string modelData
                            Layout.fillWidth: true
                            text: modelData
                            font.family: "monospace"
                            wrapMode: Text.WrapAnywhere
                            textFormat: Text.PlainText
                        }
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: root.missing
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: qsTr("Put the five files of the variant into %2 (the models folder is %1). separable_float is " +
                           "installed by scripts/run; the other variants come from the THA3 demo's model archive. " +
                           "Then press Retry.")
                          .arg(Studio.engine.modelsDir).arg(Studio.engine.modelsDir + "/" + Studio.engine.variant)
            }
            StatusMessage {
                text: root.missing ? "" : Studio.engine.error
                severity: "error"
            }
            RowLayout {
                spacing: Theme.spacing
                Button {
                    text: qsTr("Retry")
                    highlighted: true
                    onClicked: Studio.engine.load()
                }
                Button {
                    text: qsTr("Open settings")
                    onClicked: root.settingsRequested()
                }
            }
        }
    }
}
