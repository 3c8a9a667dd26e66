// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import TalkingheadStudio

// Speech: text to speech or an audio file, played with the character's mouth in sync; the A/V offset corrects
// for audio latency; the waveform with the mouth-shape timeline under it shows what the lip sync derived.
PanelPage {
    id: root

    readonly property SpeechController speech: Studio.speech

    title: qsTr("Speech")
    description: qsTr("Let the character say a sentence, or play an audio file with the mouth moving in sync.")

    function voiceName(code) {
        switch (code) {
        case "en": return qsTr("English")
        case "en-us": return qsTr("English (US)")
        case "cmn": return qsTr("Chinese (Mandarin)")
        case "ja": return qsTr("Japanese")
        default: return code
        }
    }

    function formatSeconds(s) {
        return qsTr("%1 s").arg(Number(s).toFixed(1))
    }

    function speak() {
        if (textArea.text.trim().length > 0 && !root.speech.busy)
            root.speech.speak(textArea.text)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            text: qsTr("Voice")
        }
        ComboBox {
            id: voiceBox
            Layout.fillWidth: true
            Layout.maximumWidth: 280
            model: root.speech.voices
            currentIndex: root.speech.voices.indexOf(root.speech.voice)
            displayText: root.voiceName(currentText)
            Accessible.name: qsTr("Voice")
            delegate: ItemDelegate {
                required property string modelData
                required property int index
                width: voiceBox.width
                highlighted: voiceBox.highlightedIndex === index
                text: root.voiceName(modelData)
            }
            onActivated: index => root.speech.voice = root.speech.voices[index]
        }
    }

    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 96
        TextArea {
            id: textArea
            placeholderText: qsTr("What should the character say?")
            wrapMode: TextArea.Wrap
            selectByMouse: true
            Accessible.name: qsTr("Text to speak")
            background: Rectangle {
                color: Theme.palette.base
                border.color: textArea.activeFocus ? Theme.palette.highlight : Theme.border
                radius: 2
            }
            Keys.onPressed: event => {
                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                        && (event.modifiers & Qt.ControlModifier)) {
                    root.speak()
                    event.accepted = true
                }
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Speak")
            highlighted: true
            enabled: textArea.text.trim().length > 0 && !root.speech.busy
            onClicked: root.speak()
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Speak the text (Ctrl+Enter)")
        }
        Button {
            text: qsTr("Play audio file…")
            enabled: !root.speech.busy
            onClicked: audioDialog.open()
        }
        Button {
            text: qsTr("Stop")
            enabled: root.speech.playing || root.speech.busy
            onClicked: root.speech.stop()
        }
        BusyIndicator {
            running: root.speech.busy
            visible: running
            implicitWidth: 32
            implicitHeight: 32
        }
    }

    StatusMessage {
        text: root.speech.error
        severity: "warning"
    }

    SectionHeader {
        text: qsTr("Timeline")
        Label {
            text: root.speech.duration > 0
                  ? qsTr("%1 / %2").arg(root.formatSeconds(root.speech.position)).arg(root.formatSeconds(root.speech.duration))
                  : ""
            color: Theme.mutedText
        }
    }
    Frame {
        Layout.fillWidth: true
        Layout.preferredHeight: 160
        padding: 1
        WaveformView {
            anchors.fill: parent
            waveform: root.speech.waveform
            mouthOpenness: root.speech.mouthOpenness
            mouthVowels: root.speech.mouthVowels
            duration: root.speech.duration
            position: root.speech.position
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing * 2
        Label {
            text: qsTr("Top: audio level. Bottom: mouth opening by vowel:")
            color: Theme.mutedText
        }
        Repeater {
            model: ["a", "i", "u", "e", "o"]
            delegate: Row {
                required property string modelData
                spacing: 4
                Rectangle {
                    width: 12
                    height: 12
                    radius: 2
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.vowelColor(modelData)
                }
                Label {
                    text: modelData
                }
            }
        }
    }

    SectionHeader {
        text: qsTr("Audio/video sync")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            text: qsTr("Mouth offset")
        }
        SpinBox {
            id: offsetBox
            from: -1000
            to: 1000
            stepSize: 10
            editable: true
            value: root.speech.avOffsetMs
            // The UI language's locale: SpinBox re-formats its text when the locale changes (language switch).
            locale: Qt.locale(Theme.languageProbe)
            textFromValue: (value, locale) => qsTr("%1 ms").arg(value)
            valueFromText: (text, locale) => parseInt(text.replace(/[^0-9\-]/g, "")) || 0
            onValueModified: root.speech.avOffsetMs = value
            Accessible.name: qsTr("Mouth offset in milliseconds")
        }
        Item { Layout.fillWidth: true }
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Positive values move the mouth later, for audio devices that play with a delay.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    FileDialog {
        id: audioDialog
        title: qsTr("Play audio file")
        nameFilters: [qsTr("Audio files (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)"), qsTr("All files (*)")]
        onAccepted: root.speech.playFile(selectedFile)
    }
}
