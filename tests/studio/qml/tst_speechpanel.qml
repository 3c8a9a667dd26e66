// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// SpeechPanel against the real Studio singleton and espeak-ng: typed text and Ctrl+Enter speak it; the waveform
// view then holds the clip's audio and mouth series. Without an audio device the panel shows why it is silent.
TestCase {
    id: testCase
    name: "SpeechPanel"
    width: 700
    height: 800
    visible: true
    when: windowShown

    SpeechPanel {
        id: panel
        anchors.fill: parent
    }

    function cleanupTestCase() {
        Studio.speech.stop()
    }

    function test_speakFillsTheTimeline() {
        Studio.speech.voice = "en"
        const textArea = Util.findFirst(panel, item => item.placeholderText === "What should the character say?")
        verify(textArea)
        mouseClick(textArea)
        for (const ch of "Hello there")
            keyClick(ch)
        keyClick(Qt.Key_Return, Qt.ControlModifier)
        tryVerify(() => Studio.speech.waveform.length > 0 || Studio.speech.error.length > 0, 60000)
        compare(Studio.speech.waveform.length > 0, true, Studio.speech.error)
        const view = Util.findFirst(panel, item => item.mouthVowels !== undefined && item.visible)
        verify(view)
        verify(!view.empty)
        verify(view.duration > 0.3, "about a second of speech, got " + view.duration)
        compare(view.waveform.length, Studio.speech.waveform.length)
        verify(Studio.speech.mouthOpenness.some(v => v > 0.1), "the mouth opens somewhere")
        // The message, if any (no audio device here), is shown to the user.
        if (Studio.speech.error.length > 0)
            verify(Util.findFirst(panel, item => item.text === Studio.speech.error && item.visible))
    }
}
