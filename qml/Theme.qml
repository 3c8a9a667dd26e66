// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Colours and metrics shared by the panels. Everything derives from the system palette so that light and dark
// desktop themes are followed without a theme switch of our own; only the status colours are fixed, in a light
// and a dark variant that keep their contrast on either background.
QtObject {
    id: theme

    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property SystemPalette disabledPalette: SystemPalette { colorGroup: SystemPalette.Disabled }

    readonly property bool dark: palette.window.hslLightness < 0.5

    // Secondary text: window text blended towards the window colour.
    readonly property color mutedText: mix(palette.windowText, palette.window, 0.4)
    // Hairlines and frames.
    readonly property color border: mix(palette.windowText, palette.window, 0.8)
    // A background slightly set off from the window (cards, the preview well).
    readonly property color raised: mix(palette.windowText, palette.window, dark ? 0.92 : 0.96)

    readonly property color error: dark ? "#ff7b72" : "#c62828"
    readonly property color warning: dark ? "#e3b341" : "#9a6700"
    readonly property color success: dark ? "#56d364" : "#1a7f37"
    readonly property color info: palette.highlight

    // Grows by one whenever the UI language changes. QQmlEngine::retranslate() re-evaluates qsTr() bindings, but
    // not bindings on C++ labels (PoseEditorModel::groupLabel …); those list this property to be refreshed too.
    property int languageRevision: 0
    //: The code of this translation: en, zh_CN or ja. Never shown; a change tells the UI that the language changed.
    readonly property string languageProbe: qsTr("en")
    onLanguageProbeChanged: ++languageRevision

    readonly property int spacing: 8
    readonly property int margin: 16
    readonly property int radius: 4

    readonly property real baseFontSize: Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize : 10
    readonly property real titleFontSize: baseFontSize * 1.6
    readonly property real sectionFontSize: baseFontSize * 1.15

    // Fixed colours per vowel (speech timeline), chosen to stay apart from each other on light and dark backgrounds.
    function vowelColor(vowel) {
        switch (vowel) {
        case "a": return "#e4572e"
        case "i": return "#29a3a3"
        case "u": return "#7e57c2"
        case "e": return "#f0a202"
        case "o": return "#3d7dd8"
        default: return mutedText
        }
    }

    // Linear blend of two colours; amount 0 gives a, 1 gives b.
    function mix(a, b, amount) {
        return Qt.rgba(a.r + (b.r - a.r) * amount, a.g + (b.g - a.g) * amount,
                       a.b + (b.b - a.b) * amount, a.a + (b.a - a.a) * amount)
    }

    // Colour for an issue severity as the C++ side names it ("error", "warning", "info").
    function severityColor(severity) {
        if (severity === "error")
            return error
        if (severity === "warning")
            return warning
        if (severity === "ok")
            return success
        return info
    }

    // Turns a local path into a file URL, escaping what a URL would misread ('#', '?', '%', spaces).
    function fileUrl(path) {
        if (path.startsWith("file:"))
            return path
        return "file://" + path.split("/").map(encodeURIComponent).join("/")
    }

    // The local path of a file URL, for display.
    function localPath(url) {
        const s = url.toString()
        return s.startsWith("file://") ? decodeURIComponent(s.substring(7)) : s
    }
}
