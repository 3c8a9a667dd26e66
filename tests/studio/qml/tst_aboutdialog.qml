// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// The About dialog, opened from the Settings panel: the version, the licence, and the attributions the bundled works
// require (the THA3 weights' author, source and licence; the example character's licence), with working links, in
// each of the three languages.
TestCase {
    id: testCase
    name: "AboutDialog"
    width: 900
    height: 900
    visible: true
    when: windowShown

    SettingsPanel {
        id: panel
        anchors.fill: parent
    }

    function openDialog(buttonText) {
        const button = Util.findFirst(panel, item => item.text === buttonText && item.clicked !== undefined)
        verify(button, "Settings has an About button")
        panel.ensureVisible(button)
        wait(50)
        mouseClick(button)
        const dialog = findDialog(panel)
        verify(dialog, "the dialog exists")
        tryVerify(() => dialog.opened, 5000, "the dialog opens")
        return dialog
    }

    // Popups are not items: look for the dialog among the panel's objects.
    function findDialog(item) {
        const data = item.data
        for (let i = 0; data && i < data.length; ++i) {
            if (data[i].versionText !== undefined)
                return data[i]
            const inner = findDialog(data[i])
            if (inner)
                return inner
        }
        return null
    }

    function labelShowing(dialog, text) {
        return Util.findFirst(dialog.contentItem, item => item.text === text && item.visible)
    }

    function cleanup() {
        Studio.settings.language = ""
    }

    function test_versionLicenceAndAttributions() {
        const dialog = openDialog("About Talkinghead Studio…")
        compare(dialog.title, "About Talkinghead Studio")
        verify(Studio.version.length > 0, "the test sets an application version")
        verify(labelShowing(dialog, "Version " + Studio.version), "the version is shown")
        verify(labelShowing(dialog, dialog.licenceText), "the licence is shown")
        verify(dialog.licenceText.includes("GNU General Public License") && dialog.licenceText.includes("version 3 or any later"))
        verify(labelShowing(dialog, dialog.modelText), "the weights' attribution is shown")
        for (const part of ["Pramook Khungurn", "https://github.com/pkhungurn/talking-head-anime-3-demo",
                            "https://creativecommons.org/licenses/by/4.0/", "Attribution 4.0"])
            verify(dialog.modelText.includes(part), "weights attribution names " + part)
        verify(labelShowing(dialog, dialog.characterText), "the example character's licence is shown")
        verify(dialog.characterText.includes("https://creativecommons.org/licenses/by-nc/4.0/"))
        verify(dialog.characterText.includes("not for commercial use"))
        verify(labelShowing(dialog, dialog.librariesText))
        dialog.close()
        tryVerify(() => !dialog.visible, 5000)
    }

    function test_translated_data() {
        return [
            {tag: "zh_CN", language: "zh_CN", button: "关于 Talkinghead Studio…", title: "关于 Talkinghead Studio", version: "版本 "},
            {tag: "ja", language: "ja", button: "Talkinghead Studio について…", title: "Talkinghead Studio について", version: "バージョン "},
        ]
    }

    function test_translated(data) {
        Studio.settings.language = data.language
        tryVerify(() => Util.findFirst(panel, item => item.text === data.button), 5000, "the panel is translated")
        const dialog = openDialog(data.button)
        tryCompare(dialog, "title", data.title, 5000)
        verify(dialog.versionText.startsWith(data.version), dialog.versionText)
        // The addresses are arguments, so a translation cannot break them.
        verify(dialog.modelText.includes("https://github.com/pkhungurn/talking-head-anime-3-demo"), dialog.modelText)
        verify(dialog.modelText.includes("Pramook Khungurn"), dialog.modelText)
        verify(dialog.characterText.includes("https://creativecommons.org/licenses/by-nc/4.0/"), dialog.characterText)
        verify(dialog.licenceText.includes("https://www.gnu.org/licenses/gpl-3.0.html"), dialog.licenceText)
        dialog.close()
        tryVerify(() => !dialog.visible, 5000)
    }
}
