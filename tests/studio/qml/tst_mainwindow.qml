// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// The whole window (qrc:/TalkingheadStudio/Ui/Main.qml) against the real Studio singleton: it loads, Ctrl+1…7
// switch the panels, it fits in 960×640, and it follows a dark system palette. With THS_SCREENSHOT_DIR set, every
// panel is saved at 960×640 and 1600×1000 (light) and 1280×800 (dark) for a person to look at.
TestCase {
    id: testCase
    name: "MainWindow"
    visible: true
    width: 10
    height: 10
    when: windowShown

    property var window: null

    function initTestCase() {
        const component = Qt.createComponent("qrc:/TalkingheadStudio/Ui/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        window = component.createObject(null, { width: 960, height: 640 })
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active, 5000, "window-wide shortcuts need the window active")
    }

    function cleanupTestCase() {
        testSetup.setDarkPalette(false)
        if (window)
            window.destroy()
    }

    function save(file) {
        if (testScreenshotDir)
            verify(testSetup.grabWindow(window, testScreenshotDir + "/" + file), file)
    }

    function test_1_minimumSize() {
        compare(window.minimumWidth, 960)
        compare(window.minimumHeight, 640)
        compare(window.title, "Talkinghead Studio")
    }

    function test_2_shortcutsSwitchPanels() {
        for (let page = 0; page < window.pageTitles.length; ++page) {
            testSetup.keyClick(window, Qt.Key_1 + page, Qt.ControlModifier)
            tryCompare(window, "currentPage", page)
        }
        testSetup.keyClick(window, Qt.Key_1, Qt.ControlModifier)
        tryCompare(window, "currentPage", 0)
    }

    function test_3_screenshots() {
        // With the weights installed, wait for a first rendered frame so the screenshots show the real preview.
        tryVerify(() => Studio.preview.rendered > 0 || ![EngineController.Idle, EngineController.Loading, EngineController.Ready].includes(Studio.engine.state)
                        || !Studio.character.usable, 180000)
        const sizes = [[960, 640], [1600, 1000]]
        for (const size of sizes) {
            window.width = size[0]
            window.height = size[1]
            for (let page = 0; page < window.pageTitles.length; ++page) {
                window.showPage(page)
                wait(150)
                save("panel" + page + "_" + size[0] + "x" + size[1] + ".png")
            }
        }
    }

    // The language switch at run time: QML (qsTr) and C++ (tr, ths:: contexts) strings follow without a restart.
    function test_5_switchesLanguage() {
        window.width = 960
        window.height = 640
        const languages = [["ja", "キャラクター", "眉"], ["zh_CN", "角色", "眉毛"]]
        for (const l of languages) {
            Studio.settings.language = l[0]
            tryCompare(window.pageTitles, 0, l[1], 5000, "QML strings in " + l[0])
            compare(Studio.poseEditor.groupLabel("eyebrow"), l[2], "C++ strings in " + l[0])
            for (let page = 0; page < window.pageTitles.length; ++page) {
                window.showPage(page)
                wait(150)
                save("panel" + page + "_" + l[0] + ".png")
            }
        }
        Studio.settings.language = "en"
        tryCompare(window.pageTitles, 0, "Character", 5000)
        compare(Studio.poseEditor.groupLabel("eyebrow"), "Eyebrow")
        Studio.settings.language = ""
    }

    // Weights missing: a page lists the files and where they belong, Retry loads again; Settings stays reachable.
    function test_6_missingWeightsPage() {
        window.width = 960
        window.height = 640
        window.showPage(1)
        const realModels = Studio.engine.modelsDir
        Studio.engine.modelsDir = testTempDir + "/no-models-here"
        Studio.engine.load()
        tryCompare(Studio.engine, "state", EngineController.MissingWeights, 30000)
        const page = Util.findFirst(window.contentItem, item => item.settingsRequested !== undefined)
        verify(page && page.visible, "the weights page covers the work area")
        verify(Studio.engine.missingFiles.length > 0)
        for (const file of Studio.engine.missingFiles)
            verify(Util.findFirst(page, item => item.text === file && item.visible), "listed: " + file)
        save("weights_missing.png")
        const settings = Util.findFirst(page, item => item.text === "Open settings" && item.clicked !== undefined)
        mouseClick(settings)
        compare(window.currentPage, window.settingsPage)
        verify(!page.visible, "Settings is not covered, another variant can be chosen")

        Studio.engine.modelsDir = realModels
        window.showPage(1)
        const retry = Util.findFirst(page, item => item.text === "Retry" && item.clicked !== undefined)
        mouseClick(retry)
        tryVerify(() => Studio.engine.state !== EngineController.Loading, 120000)
        if (Studio.engine.state === EngineController.Ready)
            verify(!page.visible)
    }

    function test_4_followsADarkPalette() {
        window.width = 1280
        window.height = 800
        testSetup.setDarkPalette(true)
        tryVerify(() => Theme.dark, 5000, "Theme follows the system palette")
        for (let page = 0; page < window.pageTitles.length; ++page) {
            window.showPage(page)
            wait(150)
            save("panel" + page + "_dark.png")
        }
        testSetup.setDarkPalette(false)
        tryVerify(() => !Theme.dark, 5000)
    }
}
