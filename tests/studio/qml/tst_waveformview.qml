// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio.Ui

// WaveformView draws the audio peaks in the upper lane, the mouth (coloured by vowel) in the lower lane and a
// playhead; with nothing to show it says so.
TestCase {
    id: testCase
    name: "WaveformView"
    width: 220
    height: 120
    visible: true
    when: windowShown

    WaveformView {
        id: view
        width: 200
        height: 100
        waveformShare: 0.5
        backgroundColor: "#ffffff"
        waveColor: "#0000ff"
        playheadColor: "#ff0000"
    }

    function pixelIs(x, y, color) {
        return Qt.colorEqual(grabImage(view).pixel(x, y), color)
    }

    // 1 s of data: loud first half, silent second half; the mouth is shut first and wide open on "a" after.
    function loadClip() {
        const wave = [], open = [], vowels = []
        for (let i = 0; i < 100; ++i) {
            wave.push(i < 50 ? 1.0 : 0.0)
            open.push(i < 50 ? 0.0 : 1.0)
            vowels.push(i < 50 ? "" : "a")
        }
        view.waveform = wave
        view.mouthOpenness = open
        view.mouthVowels = vowels
    }

    function cleanup() {
        view.waveform = []
        view.mouthOpenness = []
        view.mouthVowels = []
        view.position = 0
    }

    function test_emptyShowsAHint() {
        verify(view.empty)
        compare(view.duration, 0)
    }

    function test_durationFollowsTheSeries() {
        loadClip()
        verify(!view.empty)
        fuzzyCompare(view.duration, 1.0, 1e-9)
        fuzzyCompare(view.xOf(0.25), 50, 1e-9)
    }

    function test_lanes() {
        loadClip()
        // Upper lane (0…50): peaks reach near the top in the loud half, nothing in the silent half.
        tryVerify(() => pixelIs(40, 10, "#0000ff"), 5000, "loud half drawn in the wave colour")
        verify(pixelIs(160, 10, "#ffffff"), "silent half left empty")
        // Lower lane (50…100): the open mouth on "a" in the second half, nothing in the first.
        verify(pixelIs(160, 92, view.vowelColor("a")), "open mouth drawn in the colour of its vowel")
        verify(pixelIs(40, 92, "#ffffff"), "shut mouth left empty")
    }

    function test_playhead() {
        loadClip()
        view.position = 0.5
        tryVerify(() => pixelIs(100, 30, "#ff0000"), 5000, "playhead at half the width for half the duration")
        view.position = 0.25
        tryVerify(() => pixelIs(50, 30, "#ff0000"), 5000)
    }
}
