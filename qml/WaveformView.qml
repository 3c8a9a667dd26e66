// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The speech timeline: the audio's peak envelope on top, the mouth under it (openness as a filled curve, coloured
// by the dominant vowel, with the vowel letters where there is room), and a playhead. All series have one value
// per `stepSeconds` (10 ms), as SpeechController provides them.
Item {
    id: root

    property var waveform: []        // peak per step, 0…1
    property var mouthOpenness: []   // per step, 0…1
    property var mouthVowels: []     // per step, "a" "i" "u" "e" "o" or ""
    property real duration: Math.max(waveform.length, mouthOpenness.length) * stepSeconds
    property real position: 0        // playhead, seconds
    property real stepSeconds: 0.01
    // Share of the height the waveform lane takes; the mouth lane gets the rest.
    property real waveformShare: 0.55

    property color backgroundColor: Theme.palette.base
    property color waveColor: Theme.palette.highlight
    property color mouthColor: Theme.mutedText
    property color playheadColor: Theme.error

    readonly property real waveformBottom: Math.round(height * waveformShare)
    readonly property bool empty: waveform.length === 0 && mouthOpenness.length === 0

    implicitWidth: 400
    implicitHeight: 140

    // The colour of a mouth column: the vowel's colour, or the neutral mouth colour when no vowel dominates.
    function vowelColor(vowel) {
        return vowel ? Theme.vowelColor(vowel) : mouthColor
    }

    // x coordinate of a time in seconds.
    function xOf(seconds) {
        return duration > 0 ? seconds / duration * width : 0
    }

    onWaveformChanged: canvas.requestPaint()
    onMouthOpennessChanged: canvas.requestPaint()
    onMouthVowelsChanged: canvas.requestPaint()
    onDurationChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()
    onBackgroundColorChanged: canvas.requestPaint()
    onWaveColorChanged: canvas.requestPaint()

    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Waveform and mouth timeline")

    Canvas {
        id: canvas
        anchors.fill: parent

        onPaint: {
            const ctx = getContext("2d")
            const w = width, h = height
            const laneTop = root.waveformBottom
            ctx.fillStyle = root.backgroundColor
            ctx.fillRect(0, 0, w, h)
            if (root.duration <= 0)
                return
            const step = root.stepSeconds / root.duration * w

            // Waveform: mirrored bars around the lane's centre line.
            const mid = laneTop / 2
            ctx.fillStyle = root.waveColor
            for (let i = 0; i < root.waveform.length; ++i) {
                const peak = Math.max(0, Math.min(1, Number(root.waveform[i])))
                const half = Math.max(0.5, peak * (mid - 2))
                ctx.fillRect(i * step, mid - half, Math.max(1, step), 2 * half)
            }

            // Separator between the lanes.
            ctx.fillStyle = Theme.border
            ctx.fillRect(0, laneTop, w, 1)

            // Mouth: one column per step, height = openness, colour = vowel.
            const laneHeight = h - laneTop - 2
            for (let i = 0; i < root.mouthOpenness.length; ++i) {
                const open = Math.max(0, Math.min(1, Number(root.mouthOpenness[i])))
                if (open <= 0)
                    continue
                ctx.fillStyle = root.vowelColor(i < root.mouthVowels.length ? root.mouthVowels[i] : "")
                const bar = open * laneHeight
                ctx.fillRect(i * step, h - bar, Math.max(1, step), bar)
            }

            // Vowel letters centred on runs of the same vowel that are wide enough to hold one.
            ctx.fillStyle = Theme.palette.windowText
            ctx.font = "bold " + Math.max(9, Math.round(Theme.baseFontSize)) + "pt sans-serif"
            ctx.textAlign = "center"
            ctx.textBaseline = "top"
            let start = 0
            for (let i = 1; i <= root.mouthVowels.length; ++i) {
                if (i < root.mouthVowels.length && root.mouthVowels[i] === root.mouthVowels[start])
                    continue
                const vowel = root.mouthVowels[start]
                if (vowel && (i - start) * step >= 14)
                    ctx.fillText(vowel, (start + i) / 2 * step, laneTop + 3)
                start = i
            }
        }
    }

    Rectangle {
        id: playhead
        visible: !root.empty && root.position > 0
        x: Math.round(root.xOf(root.position))
        width: 2
        height: parent.height
        color: root.playheadColor
    }

    Label {
        anchors.centerIn: parent
        visible: root.empty
        text: qsTr("Speak a sentence or play a file to see its waveform and mouth shapes here.")
        color: Theme.mutedText
        width: parent.width - 2 * Theme.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
