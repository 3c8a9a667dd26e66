// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// Model variant, device, threads, precision, speech atlas, language and preview background; saved with QSettings by StudioSettings.
// Changing the model settings reloads the models (Studio wires settings → engine).
PanelPage {
    id: root

    readonly property StudioSettings settings: Studio.settings
    readonly property EngineController engine: Studio.engine

    title: qsTr("Settings")
    description: qsTr("Changes are saved right away and kept for the next start.")

    function variantLabel(variant) {
        switch (variant) {
        case "separable_float": return qsTr("Separable, 32-bit (default, fastest)")
        case "separable_half": return qsTr("Separable, 16-bit")
        case "standard_float": return qsTr("Standard, 32-bit (best quality, slower)")
        case "standard_half": return qsTr("Standard, 16-bit")
        default: return variant
        }
    }

    function precisionLabel(precision) {
        return precision === "auto" ? qsTr("Automatic") : precision
    }

    function stateLabel(state) {
        switch (state) {
        case EngineController.Idle: return qsTr("Not loaded")
        case EngineController.Loading: return qsTr("Loading…")
        case EngineController.Ready: return qsTr("Ready")
        case EngineController.MissingWeights: return qsTr("Weight files missing")
        case EngineController.Failed: return qsTr("Failed to load")
        default: return ""
        }
    }

    SectionHeader {
        text: qsTr("Model")
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label {
            text: qsTr("Variant")
        }
        ComboBox {
            id: variantBox
            Layout.fillWidth: true
            Layout.maximumWidth: 360
            model: root.engine.variants
            currentIndex: root.engine.variants.indexOf(root.settings.variant)
            displayText: root.variantLabel(currentText)
            Accessible.name: qsTr("Model variant")
            delegate: ItemDelegate {
                required property string modelData
                required property int index
                width: variantBox.width
                highlighted: variantBox.highlightedIndex === index
                text: root.variantLabel(modelData)
            }
            onActivated: index => root.settings.variant = root.engine.variants[index]
        }

        Label {
            text: qsTr("Device")
        }
        ComboBox {
            id: deviceBox
            Layout.fillWidth: true
            Layout.maximumWidth: 360
            editable: true
            model: ["cpu", "cuda"]
            Accessible.name: qsTr("Device")
            Component.onCompleted: editText = root.settings.device
            onActivated: index => root.settings.device = model[index]
            onAccepted: root.settings.device = editText.trim()
            Connections {
                target: root.settings
                function onDeviceChanged() { deviceBox.editText = root.settings.device }
            }
        }

        Label {
            text: qsTr("Threads")
        }
        SpinBox {
            from: 0
            to: 256
            editable: true
            value: root.settings.threads
            // The UI language's locale: SpinBox re-formats its text when the locale changes, which is how
            // "Automatic" follows a language switch.
            locale: Qt.locale(Theme.languageProbe)
            textFromValue: (value, locale) => value === 0 ? qsTr("Automatic") : String(value)
            valueFromText: (text, locale) => parseInt(text) || 0
            Accessible.name: qsTr("Threads")
            onValueModified: root.settings.threads = value
        }

        Label {
            text: qsTr("Precision")
        }
        ComboBox {
            id: precisionBox
            Layout.fillWidth: true
            Layout.maximumWidth: 360
            model: ["auto", "fp32", "bf16", "fp16"]
            currentIndex: Math.max(0, model.indexOf(root.settings.precision))
            displayText: root.precisionLabel(currentText)
            Accessible.name: qsTr("Precision")
            delegate: ItemDelegate {
                required property string modelData
                required property int index
                width: precisionBox.width
                highlighted: precisionBox.highlightedIndex === index
                text: root.precisionLabel(modelData)
            }
            onActivated: index => root.settings.precision = model[index]
        }

        Label {
            text: qsTr("Speech")
        }
        Switch {
            id: speechAtlasSwitch
            text: qsTr("Pre-rendered mouth shapes")
            checked: root.settings.speechAtlas
            Accessible.name: qsTr("Pre-rendered mouth shapes")
            onToggled: root.settings.speechAtlas = checked
        }
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Device is “cpu”, “cuda” or “cuda:N”. Threads: 0 lets the engine choose.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Precision: automatic computes in bf16 on processors that have it (faster; edges may differ from fp32 by a level or two), in fp16 for the 16-bit variants on a GPU, and in fp32 otherwise.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Pre-rendered mouth shapes: where a frame takes longer to render than the frame rate allows, the head holds still while the character speaks and the mouth plays from pictures of each shape rendered ahead of time (kept on disk per character and emotion), so it moves at the full frame rate.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    // The engine's state, so a change's effect is visible here too.
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2
        Label {
            text: qsTr("Status")
            color: Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            text: root.engine.state === EngineController.Ready && root.engine.loadSeconds > 0
                  ? qsTr("Ready (loaded in %1 s)").arg(root.engine.loadSeconds.toFixed(1))
                  : root.stateLabel(root.engine.state)
            wrapMode: Text.Wrap
        }
        Label {
            text: qsTr("Computing in")
            color: Theme.mutedText
            visible: root.engine.precisionInUse !== ""
        }
        Label {
            Layout.fillWidth: true
            text: root.engine.precisionInUse
            visible: root.engine.precisionInUse !== ""
        }
        Label {
            text: qsTr("Models folder")
            color: Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            text: root.engine.modelsDir
            wrapMode: Text.WrapAnywhere
            textFormat: Text.PlainText
        }
    }
    Repeater {
        model: root.engine.notices
        delegate: StatusMessage {
            required property string modelData
            text: modelData
            severity: "info"
        }
    }
    StatusMessage {
        text: root.engine.state === EngineController.Failed ? root.engine.error : ""
        severity: "error"
    }
    Button {
        text: qsTr("Reload models")
        enabled: root.engine.state !== EngineController.Loading
        onClicked: root.engine.load()
    }

    SectionHeader {
        text: qsTr("Appearance")
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label {
            text: qsTr("Language")
        }
        ComboBox {
            id: languageBox
            // "" follows the system's language.
            readonly property var codes: [""].concat(root.settings.languages)
            Layout.fillWidth: true
            Layout.maximumWidth: 360
            model: codes
            currentIndex: codes.indexOf(root.settings.language)
            displayText: currentIndex <= 0 ? qsTr("System default") : root.settings.languageName(currentText)
            Accessible.name: qsTr("Language")
            delegate: ItemDelegate {
                required property string modelData
                required property int index
                width: languageBox.width
                highlighted: languageBox.highlightedIndex === index
                text: modelData === "" ? qsTr("System default") : root.settings.languageName(modelData)
            }
            onActivated: index => root.settings.language = codes[index]
        }

        Label {
            text: qsTr("Preview background")
        }
        BackgroundPicker {
            Layout.fillWidth: true
            Layout.maximumWidth: 360
        }
    }

    SectionHeader {
        text: qsTr("About")
    }
    Button {
        text: qsTr("About Talkinghead Studio…")
        onClicked: aboutDialog.open()
    }
    AboutDialog {
        id: aboutDialog
    }
}
