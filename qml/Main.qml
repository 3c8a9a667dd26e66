// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// The studio window: navigation on the left, the active panel in the centre, the preview on the right (a
// SplitView, so the user sets the widths). While the models load, or when they cannot be used, a page covers the
// work area; the navigation stays usable and the Settings panel is never covered, so another variant can be chosen.
ApplicationWindow {
    id: window

    readonly property var pageTitles: [qsTr("Character"), qsTr("Pose"), qsTr("Expressions"), qsTr("Speech"),
                                       qsTr("Look"), qsTr("Server"), qsTr("Puppeteer"), qsTr("Settings")]
    readonly property int settingsPage: 7
    property int currentPage: 0
    readonly property int engineState: Studio.engine.state

    // Used by tests and screenshots to reach the parts.
    readonly property alias previewPane: preview
    readonly property alias characterPanel: characterPanel
    readonly property alias posePanel: posePanel

    width: 1280
    height: 800
    minimumWidth: 960
    minimumHeight: 640
    visible: true
    title: qsTr("Talkinghead Studio")

    function showPage(index) {
        currentPage = Math.max(0, Math.min(pageTitles.length - 1, index))
    }

    Instantiator {
        model: window.pageTitles.length
        delegate: Shortcut {
            required property int index
            sequence: "Ctrl+" + (index + 1)
            onActivated: window.showPage(index)
        }
    }
    Shortcut {
        sequences: [StandardKey.Open]
        onActivated: {
            window.showPage(0)
            characterPanel.openDialog()
        }
    }
    // Pose undo/redo from anywhere; a focused text field keeps its own Ctrl+Z (it overrides shortcuts).
    Shortcut {
        sequences: [StandardKey.Undo]
        enabled: Studio.poseEditor.canUndo
        onActivated: Studio.poseEditor.undo()
    }
    Shortcut {
        sequences: [StandardKey.Redo, "Ctrl+Shift+Z"]
        enabled: Studio.poseEditor.canRedo
        onActivated: Studio.poseEditor.redo()
    }

    // Messages that belong to no panel (Studio.message), shown for a few seconds at the bottom of the window.
    Connections {
        target: Studio
        function onMessage(text) {
            toast.text = text
            toast.open()
            toastTimer.restart()
        }
    }
    Popup {
        id: toast
        property alias text: toastLabel.text
        x: (window.width - width) / 2
        y: window.height - height - Theme.margin * 2
        width: Math.min(implicitWidth, window.width - 4 * Theme.margin)
        padding: Theme.spacing * 1.5
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle {
            color: Theme.palette.base
            border.color: Theme.border
            radius: Theme.radius
        }
        contentItem: Label {
            id: toastLabel
            wrapMode: Text.Wrap
            color: Theme.palette.text
        }
        Timer {
            id: toastTimer
            interval: 6000
            onTriggered: toast.close()
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        NavigationColumn {
            SplitView.preferredWidth: 190
            SplitView.minimumWidth: 150
            SplitView.maximumWidth: 280
            titles: window.pageTitles
            currentIndex: window.currentPage
            onActivated: index => window.showPage(index)
        }

        Rectangle {
            SplitView.fillWidth: true
            SplitView.minimumWidth: 420
            color: Theme.palette.window

            StackLayout {
                id: stack
                anchors.fill: parent
                currentIndex: window.currentPage

                Item {
                    CharacterPanel {
                        id: characterPanel
                        anchors.fill: parent
                    }
                    ImageDrop {
                        anchors.fill: parent
                    }
                }
                PosePanel {
                    id: posePanel
                }
                ExpressionPanel {}
                SpeechPanel {}
                LookPanel {}
                ServerPanel {}
                PuppeteerPanel {}
                SettingsPanel {}
            }

            LoadingPage {
                anchors.fill: parent
                visible: window.engineState === EngineController.Loading && window.currentPage !== window.settingsPage
            }
            EngineProblemPage {
                anchors.fill: parent
                visible: (window.engineState === EngineController.MissingWeights || window.engineState === EngineController.Failed)
                         && window.currentPage !== window.settingsPage
                onSettingsRequested: window.showPage(window.settingsPage)
            }
        }

        PreviewPane {
            id: preview
            SplitView.preferredWidth: Math.round(window.width * 0.34)
            SplitView.minimumWidth: 280
            onOpenRequested: {
                window.showPage(0)
                characterPanel.openDialog()
            }
        }
    }
}
