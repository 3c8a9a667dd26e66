// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// ServerPanel against the real Studio singleton: Start runs the embedded server (on a free port), the panel shows
// where, locks the address fields, and Stop ends it.
TestCase {
    id: testCase
    name: "ServerPanel"
    width: 640
    height: 800
    visible: true
    when: windowShown

    ServerPanel {
        id: panel
        anchors.fill: parent
    }

    function visibleItem(predicate) {
        return Util.findFirst(panel, item => item.visible && predicate(item))
    }

    function cleanupTestCase() {
        Studio.server.stop()
    }

    function test_startAndStop() {
        Studio.server.host = "127.0.0.1"
        Studio.server.port = 0 // any free port: the machine is shared
        const start = visibleItem(item => item.text === "Start server" && item.clicked !== undefined)
        verify(start)
        mouseClick(start)
        tryVerify(() => Studio.server.running, 10000, Studio.server.error)
        verify(Studio.server.url.startsWith("http://127.0.0.1:"), Studio.server.url)
        verify(visibleItem(item => item.text === "Running at " + Studio.server.url), "the panel says where it runs")
        const hostField = visibleItem(item => item.text === "127.0.0.1" && item.echoMode !== undefined)
        verify(hostField && !hostField.enabled, "the address cannot change while running")

        const stop = visibleItem(item => item.text === "Stop server" && item.clicked !== undefined)
        verify(stop)
        mouseClick(stop)
        tryVerify(() => !Studio.server.running, 10000)
        verify(visibleItem(item => item.text === "Stopped" && item.font !== undefined))
        verify(hostField.enabled)
    }

    // "Install into SillyTavern…" is offered; what the installer says shows in the panel, an error as an error.
    function test_sillyTavernInstallMessage() {
        verify(visibleItem(item => item.text === "Install into SillyTavern…" && item.clicked !== undefined))
        Studio.server.installSillyTavernExtension("file:///nonexistent-th-sillytavern")
        const message = visibleItem(item => item.text === "Not installed: /nonexistent-th-sillytavern: no such folder"
                                            && item.severity !== undefined)
        verify(message, "the reason is shown")
        compare(message.severity, "error")
    }
}
