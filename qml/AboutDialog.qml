// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TalkingheadStudio

// Version, licence and the attributions the bundled works require: the THA3 weights (CC BY 4.0 asks for the author,
// the source and the licence) and the example character (CC BY-NC 4.0). Links open in the browser; the addresses
// are arguments, so translators never touch them.
Dialog {
    id: root

    // The text of each section, for tests and accessibility.
    readonly property string versionText: qsTr("Version %1").arg(Studio.version)
    readonly property string licenceText: qsTr("Talkinghead Studio is free software: you can redistribute it and/or modify it under the terms of the <a href=\"%1\">GNU General Public License</a>, version 3 or any later version. It comes with no warranty.")
        .arg("https://www.gnu.org/licenses/gpl-3.0.html")
    readonly property string modelText: qsTr("The THA3 networks and their weights are by Pramook Khungurn (<a href=\"%1\">Talking Head(?) Anime from a Single Image 3</a>). The weights are used unmodified under the <a href=\"%2\">Creative Commons Attribution 4.0</a> licence.")
        .arg("https://github.com/pkhungurn/talking-head-anime-3-demo")
        .arg("https://creativecommons.org/licenses/by/4.0/")
    readonly property string characterText: qsTr("The example character “lambda” is © Pramook Khungurn, drawn by garun, under the <a href=\"%1\">Creative Commons Attribution-NonCommercial 4.0</a> licence: not for commercial use. Use your own character for anything else.")
        .arg("https://creativecommons.org/licenses/by-nc/4.0/")
    readonly property string librariesText: qsTr("Built with Qt (LGPL-3.0), LibTorch (BSD-3-Clause), eSpeak NG (GPL-3.0-or-later) and QCoro (MIT).")

    title: qsTr("About Talkinghead Studio")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 2 * Theme.margin : 560)
    standardButtons: Dialog.Close

    component Paragraph: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.StyledText
        onLinkActivated: link => Qt.openUrlExternally(link)
        HoverHandler {
            cursorShape: parent.hoveredLink ? Qt.PointingHandCursor : Qt.ArrowCursor
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: root.versionText
            font.bold: true
        }
        Paragraph {
            text: qsTr("Animates an anime character from one image, on your own computer.")
        }
        SectionHeader {
            text: qsTr("Licence")
        }
        Paragraph {
            text: root.licenceText
        }
        SectionHeader {
            text: qsTr("Model and example character")
        }
        Paragraph {
            text: root.modelText
        }
        Paragraph {
            text: root.characterText
        }
        SectionHeader {
            text: qsTr("Libraries")
        }
        Paragraph {
            text: root.librariesText
            color: Theme.mutedText
        }
    }
}
