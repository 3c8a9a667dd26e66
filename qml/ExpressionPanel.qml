// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import TalkingheadStudio

// The expression library (the 28 emotions and the user's presets): apply, save the current pose, rename, delete,
// JSON import/export, and the batch export of every expression as PNG + JSON.
PanelPage {
    id: root

    readonly property ExpressionLibrary library: Studio.library
    readonly property BatchExporter exporter: Studio.exporter
    readonly property string selectedName: list.currentItem ? list.currentItem.name : ""
    readonly property string selectedKind: list.currentItem ? list.currentItem.kind : ""
    readonly property bool canRender: Studio.engine.state === EngineController.Ready && Studio.character.usable
    // The dialogs, for tests.
    readonly property alias saveDialog: saveDialog
    readonly property alias renameDialog: renameDialog
    readonly property alias deleteDialog: deleteDialog
    property string exportMessage
    property bool exportOk: true

    title: qsTr("Expressions")
    description: qsTr("The 28 built-in emotions and your own presets. Double-click or press Enter to apply one to " +
                      "the pose.")

    function kindLabel(kind) {
        if (kind === "modified")
            return qsTr("modified")
        if (kind === "user")
            return qsTr("custom")
        return ""
    }

    function apply() {
        if (selectedName.length > 0)
            Studio.applyExpression(selectedName)
    }

    function selectName(name) {
        const i = root.library.indexOf(name)
        if (i >= 0) {
            list.currentIndex = i
            list.positionViewAtIndex(i, ListView.Contain)
        }
    }

    StatusMessage {
        text: root.library.lastError
        severity: "error"
    }

    Frame {
        Layout.fillWidth: true
        Layout.preferredHeight: 300
        padding: 1
        ListView {
            id: list
            anchors.fill: parent
            clip: true
            model: root.library
            focus: true
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            currentIndex: 0
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: root.apply()
            Keys.onEnterPressed: root.apply()
            Keys.onDeletePressed: deleteButton.clicked()
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string name
                required property string kind
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: name
                onClicked: {
                    list.currentIndex = index
                    list.forceActiveFocus()
                }
                onDoubleClicked: {
                    list.currentIndex = index
                    root.apply()
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        elide: Text.ElideRight
                        color: row.highlighted ? Theme.palette.highlightedText : Theme.palette.windowText
                    }
                    Label {
                        visible: text.length > 0
                        text: root.kindLabel(row.kind)
                        color: row.highlighted ? Theme.palette.highlightedText : Theme.mutedText
                        font.italic: true
                    }
                }
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Apply")
            highlighted: true
            enabled: root.selectedName.length > 0
            onClicked: root.apply()
        }
        Button {
            text: qsTr("Save pose as…")
            onClicked: {
                saveDialog.name = root.selectedKind === "user" ? root.selectedName : ""
                saveDialog.open()
            }
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Save the current pose as a preset")
        }
        Button {
            text: qsTr("Rename…")
            enabled: root.selectedKind === "user"
            onClicked: {
                renameDialog.name = root.selectedName
                renameDialog.open()
            }
        }
        Button {
            id: deleteButton
            text: root.selectedKind === "modified" ? qsTr("Restore original") : qsTr("Delete")
            enabled: root.selectedKind === "user" || root.selectedKind === "modified"
            onClicked: {
                if (!enabled)
                    return
                deleteDialog.target = root.selectedName
                deleteDialog.open()
            }
        }
    }

    SectionHeader {
        text: qsTr("Files")
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Expressions are stored in the _emotions.json format of Talking Head Anime 3 and SillyTavern.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Import…")
            onClicked: importDialog.open()
        }
        Button {
            text: qsTr("Export all…")
            onClicked: exportAllDialog.open()
        }
        Button {
            text: qsTr("Export selected…")
            enabled: root.selectedName.length > 0
            onClicked: exportOneDialog.open()
        }
    }

    SectionHeader {
        text: qsTr("Batch export")
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Renders every expression with the current character into a folder: <name>.png and <name>.json " +
                   "for each, and _emotions.json with all of them.")
        color: Theme.mutedText
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
    }
    Label {
        Layout.fillWidth: true
        visible: !root.canRender
        text: Studio.engine.state !== EngineController.Ready ? qsTr("Waiting for the models to load.")
                                              : qsTr("Open a usable character image first.")
        color: Theme.warning
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            text: qsTr("Export images…")
            enabled: root.canRender && !root.exporter.running
            onClicked: folderDialog.open()
        }
        Button {
            text: qsTr("Cancel")
            visible: root.exporter.running
            onClicked: root.exporter.cancel()
        }
        Item { Layout.fillWidth: true }
    }
    ColumnLayout {
        Layout.fillWidth: true
        visible: root.exporter.running
        spacing: Theme.spacing / 2
        ProgressBar {
            Layout.fillWidth: true
            value: root.exporter.progress
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Rendering %1 (%2 of %3)").arg(root.exporter.currentName)
                      .arg(Math.min(root.exporter.done + 1, root.exporter.total)).arg(root.exporter.total)
            elide: Text.ElideRight
        }
    }
    StatusMessage {
        text: root.exporter.running ? "" : root.exportMessage
        severity: root.exportOk ? "ok" : "error"
    }

    Connections {
        target: root.exporter
        function onFinished(ok, cancelled, message) {
            root.exportOk = ok || cancelled
            root.exportMessage = message
        }
    }

    NameDialog {
        id: saveDialog
        title: qsTr("Save pose as preset")
        prompt: qsTr("Name of the preset. A built-in emotion's name replaces that emotion with your pose.")
        placeholder: qsTr("e.g. smug")
        onAccepted: {
            const name = saveDialog.name.trim()
            if (Studio.saveExpression(name))
                root.selectName(name)
        }
    }
    NameDialog {
        id: renameDialog
        title: qsTr("Rename preset")
        onAccepted: {
            const name = renameDialog.name.trim()
            if (root.library.rename(root.selectedName, name))
                root.selectName(name)
        }
    }
    ConfirmDialog {
        id: deleteDialog
        property string target
        title: root.selectedKind === "modified" ? qsTr("Restore original") : qsTr("Delete preset")
        text: root.selectedKind === "modified"
              ? qsTr("Replace your version of “%1” with the built-in one?").arg(target)
              : qsTr("Delete the preset “%1”?").arg(target)
        acceptText: root.selectedKind === "modified" ? qsTr("Restore") : qsTr("Delete")
        onAccepted: root.library.remove(target)
    }
    ConfirmDialog {
        id: overwriteDialog
        property url folder
        title: qsTr("Overwrite files?")
        acceptText: qsTr("Overwrite")
        onAccepted: Studio.exportExpressions(folder)
    }

    FileDialog {
        id: importDialog
        title: qsTr("Import expressions")
        nameFilters: [qsTr("Expression files (*.json)"), qsTr("All files (*)")]
        onAccepted: root.library.importFile(selectedFile)
    }
    FileDialog {
        id: exportAllDialog
        title: qsTr("Export all expressions")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Expression files (*.json)")]
        onAccepted: root.library.exportEmotions(selectedFile)
    }
    FileDialog {
        id: exportOneDialog
        title: qsTr("Export expression")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Expression files (*.json)")]
        onAccepted: root.library.exportSingle(root.selectedName, selectedFile)
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("Export images into folder")
        onAccepted: {
            root.exportMessage = ""
            const conflicts = root.exporter.conflicts(selectedFolder, root.library.names())
            if (conflicts.length === 0) {
                Studio.exportExpressions(selectedFolder)
                return
            }
            overwriteDialog.folder = selectedFolder
            overwriteDialog.text = qsTr("%n file(s) in this folder will be replaced.", "", conflicts.length)
            overwriteDialog.details = conflicts.slice(0, 8).map(f => f.substring(f.lastIndexOf("/") + 1)).join("\n")
                    + (conflicts.length > 8 ? "\n…" : "")
            overwriteDialog.open()
        }
    }
}
