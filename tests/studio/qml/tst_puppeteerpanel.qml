// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import TalkingheadStudio
import TalkingheadStudio.Ui
import "TestUtil.js" as Util

// PuppeteerPanel against the real Studio singleton: Start listens for a VMC sender (on a free port), the status line
// says so, the source cannot change while running, a busy port is an error naming it, and Stop ends it.
TestCase {
    id: testCase
    name: "PuppeteerPanel"
    width: 640
    height: 900
    visible: true
    when: windowShown

    PuppeteerPanel {
        id: panel
        anchors.fill: parent
    }

    function visibleItem(predicate) {
        return Util.findFirst(panel, item => item.visible && predicate(item))
    }

    function cleanupTestCase() {
        Studio.puppeteer.stop()
    }

    function test_startAndStop() {
        Studio.puppeteer.source = "vmc"
        Studio.puppeteer.port = 0 // any free port: the machine is shared
        const start = visibleItem(item => item.text === "Start" && item.clicked !== undefined)
        verify(start)
        mouseClick(start)
        tryVerify(() => Studio.puppeteer.running, 10000, Studio.puppeteer.error)
        verify(Studio.puppeteer.boundPort > 0)
        tryVerify(() => visibleItem(item => item.text !== undefined && typeof item.text === "string"
                                            && item.text.indexOf("listening on UDP " + Studio.puppeteer.boundPort) >= 0),
                  5000, "the status says where it listens")
        verify(visibleItem(item => item.text === "No face yet."), "no bars before a face")
        const source = visibleItem(item => item.currentValue === "vmc")
        verify(source && !source.enabled, "the source cannot change while running")
        const calibrate = visibleItem(item => item.text === "Calibrate" && item.clicked !== undefined)
        verify(calibrate && !calibrate.enabled, "nothing to calibrate without a face")

        const stop = visibleItem(item => item.text === "Stop" && item.clicked !== undefined)
        verify(stop)
        mouseClick(stop)
        tryVerify(() => !Studio.puppeteer.running, 10000)
        verify(visibleItem(item => item.text === "Stopped"))
        verify(source.enabled)
    }

    function test_replayNeedsATake() {
        Studio.puppeteer.source = "replay"
        Studio.puppeteer.takeFile = testTempDir + "/missing.jsonl"
        verify(!Studio.puppeteer.start())
        verify(Studio.puppeteer.error.indexOf("missing.jsonl") >= 0, Studio.puppeteer.error)
        verify(visibleItem(item => item.text === Studio.puppeteer.error), "the panel shows the error")
        Studio.puppeteer.source = "vmc"
    }
}
