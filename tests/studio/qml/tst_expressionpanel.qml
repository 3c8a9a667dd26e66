// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// ExpressionPanel against the real Studio singleton (library in a temporary file): the list shows the 28 emotions,
// Apply puts the selected one into the pose editor, and a pose saved through the name dialog becomes a user preset
// that can be renamed and deleted.
TestCase {
    id: testCase
    name: "ExpressionPanel"
    width: 640
    height: 900
    visible: true
    when: windowShown

    ExpressionPanel {
        id: panel
        anchors.fill: parent
    }

    readonly property ExpressionLibrary library: Studio.library

    function initTestCase() {
        library.storagePath = testTempDir + "/expressions-panel-test.json"
        verify(library.count >= 28, "the 28 factory emotions, got " + library.count)
    }

    function listView() {
        return Util.findFirst(panel, item => item.model === library && item.currentIndex !== undefined
                                             && item.positionViewAtIndex !== undefined)
    }

    function select(name) {
        panel.selectName(name)
        tryCompare(panel, "selectedName", name)
    }

    function visibleButton(text) {
        return Util.findFirst(panel, item => item.text === text && item.clicked !== undefined && item.visible)
    }

    function test_applyPutsTheExpressionIntoThePose() {
        Studio.poseEditor.resetAll()
        select("anger")
        mouseClick(visibleButton("Apply"))
        const expected = library.poseOf("anger")
        const pose = Studio.poseEditor.pose
        let differing = 0
        for (const name in expected) {
            if (Math.abs(pose[name] - expected[name]) > 1e-6)
                ++differing
        }
        compare(differing, 0, "the pose editor holds the anger pose")
        verify(Studio.poseEditor.canUndo, "applying is an undo step")
    }

    function test_enterAppliesTheSelection() {
        Studio.poseEditor.resetAll()
        select("joy")
        listView().forceActiveFocus()
        keyClick(Qt.Key_Return)
        const expected = library.poseOf("joy")
        for (const name in expected)
            fuzzyCompare(Studio.poseEditor.pose[name], expected[name], 1e-6)
    }

    function test_saveRenameDelete() {
        Studio.poseEditor.resetAll()
        const list = listView()
        const before = library.count

        // Save: the dialog asks for the name, Enter accepts.
        mouseClick(visibleButton("Save pose as…"))
        const dialog = panel.saveDialog
        tryVerify(() => dialog.opened, 5000)
        for (const ch of "my test face")
            keyClick(ch)
        keyClick(Qt.Key_Return)
        tryVerify(() => !dialog.visible, 5000)
        compare(library.count, before + 1)
        compare(library.kindOf("my test face"), "user")
        tryCompare(panel, "selectedName", "my test face")

        // Rename through its dialog.
        mouseClick(visibleButton("Rename…"))
        const renameDialog = panel.renameDialog
        tryVerify(() => renameDialog.opened, 5000)
        renameDialog.name = "my renamed face"
        renameDialog.accept()
        compare(library.kindOf("my renamed face"), "user")
        compare(library.kindOf("my test face"), "")
        tryCompare(panel, "selectedName", "my renamed face")

        // Delete asks first.
        mouseClick(visibleButton("Delete"))
        const confirm = panel.deleteDialog
        tryVerify(() => confirm.opened, 5000)
        confirm.accept()
        compare(library.count, before)
        compare(library.kindOf("my renamed face"), "")
        compare(library.lastError, "")
    }

    // Batch export with the real poser: the progress bar and the current name show while it runs, Cancel stops it
    // and the outcome is reported in the panel.
    function test_batchExportProgressAndCancel() {
        tryVerify(() => Studio.engine.state !== EngineController.Idle && Studio.engine.state !== EngineController.Loading, 120000)
        if (Studio.engine.state !== EngineController.Ready)
            skip("the weights are not installed (scripts/test installs them)")
        tryVerify(() => Studio.character.state !== "loading", 30000)
        if (!Studio.character.usable)
            skip("no usable character (the example image is not installed)")
        verify(panel.canRender)

        verify(Studio.exportExpressions(Qt.resolvedUrl("file://" + testTempDir + "/export")))
        tryVerify(() => Studio.exporter.running, 10000)
        const bar = Util.findFirst(panel, item => item.visualPosition !== undefined && item.value !== undefined
                                                  && item.indeterminate !== undefined)
        verify(bar && bar.visible, "a progress bar while exporting")
        tryVerify(() => Studio.exporter.done >= 1, 120000, "one expression rendered")
        fuzzyCompare(bar.value, Studio.exporter.progress, 1e-9)
        const cancel = visibleButton("Cancel")
        verify(cancel)
        mouseClick(cancel)
        tryVerify(() => !Studio.exporter.running, 120000)
        verify(!bar.visible)
        verify(Studio.exporter.done < Studio.exporter.total, "stopped before the end")
        verify(panel.exportMessage.length > 0)
        verify(Util.findFirst(panel, item => item.text === panel.exportMessage && item.visible), "outcome shown")
    }
}
