// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// CharacterPanel against the real Studio singleton and a real image: opening lambda_00.png shows the file, the
// verdict, every finding of the check and the image with its overlay; a missing file is reported by name.
TestCase {
    id: testCase
    name: "CharacterPanel"
    width: 640
    height: 900
    visible: true
    when: windowShown

    CharacterPanel {
        id: panel
        anchors.fill: parent
    }

    function labelWithText(text) {
        return Util.findFirst(panel, item => item.text === text && item.visible && item.font !== undefined)
    }

    function test_opensTheExampleCharacter() {
        if (!testImageInstalled)
            skip("the example character is not installed (scripts/test installs it)")
        const file = testImagesDir + "/lambda_00.png"
        Studio.character.open(Qt.resolvedUrl("file://" + file))
        tryCompare(Studio.character, "state", "loaded", 30000)
        verify(Studio.character.usable, Studio.character.summary)
        verify(labelWithText("lambda_00.png"), "the file name heads the report")
        verify(labelWithText("The image is ready to animate.")
               || labelWithText("The image can be used, but check the warnings below."), "the verdict is shown")
        for (const issue of Studio.character.issues)
            verify(labelWithText(issue.message), "finding shown: " + issue.message)
        const images = Util.findAll(panel, item => item.sourceSize !== undefined && item.visible
                                                     && String(item.source).startsWith("image://studio/"))
        compare(images.length, 2, "the image and its overlay")
        tryVerify(() => images.every(image => image.status === Image.Ready), 5000)
        compare(images[0].implicitWidth, 512)
    }

    function test_missingFileIsReported() {
        Studio.character.open(Qt.resolvedUrl("file://" + testTempDir + "/no-such-character.png"))
        tryVerify(() => Studio.character.error.length > 0 || Studio.character.issues.length > 0, 30000)
        const message = Studio.character.error.length > 0 ? Studio.character.error : Studio.character.summary
        verify(message.indexOf("no-such-character.png") >= 0, message)
    }
}
