// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// Accepts an image file dropped from the file manager and hands it to the character controller. Shows a frame
// with a hint while a file hovers, so the user sees where it will land.
DropArea {
    id: root

    readonly property var imageSuffixes: ["png", "webp", "jpg", "jpeg", "bmp", "gif", "tif", "tiff"]

    signal imageDropped(url file)

    function firstImage(urls) {
        for (let i = 0; i < urls.length; ++i) {
            const s = urls[i].toString()
            const suffix = s.substring(s.lastIndexOf(".") + 1).toLowerCase()
            if (s.startsWith("file:") && imageSuffixes.includes(suffix))
                return urls[i]
        }
        return ""
    }

    keys: ["text/uri-list"]
    onEntered: drag => { drag.accepted = firstImage(drag.urls) !== "" }
    onDropped: drop => {
        const file = firstImage(drop.urls)
        if (file === "")
            return
        drop.acceptProposedAction()
        imageDropped(file)
        Studio.character.open(file)
    }

    Rectangle {
        anchors.fill: parent
        visible: root.containsDrag
        color: Theme.mix(Theme.palette.highlight, Theme.palette.window, 0.85)
        opacity: 0.92
        border.color: Theme.palette.highlight
        border.width: 2
        radius: Theme.radius
        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("Drop the image to open it as the character")
            font.pointSize: Theme.sectionFontSize
        }
    }
}
