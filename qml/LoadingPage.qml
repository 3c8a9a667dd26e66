// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// Covers the work area while the models load on the worker thread; the window stays responsive behind it.
Rectangle {
    id: root

    color: Theme.palette.window

    // Swallow clicks so nothing behind is half-usable while the poser is missing.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onWheel: wheel => wheel.accepted = true
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.margin, 420)
        spacing: Theme.spacing * 1.5
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: root.visible
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("Loading models…")
            font.pointSize: Theme.titleFontSize
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Variant %1 on %2. This takes a few seconds.").arg(Studio.engine.variant).arg(Studio.engine.device)
        }
    }
}
