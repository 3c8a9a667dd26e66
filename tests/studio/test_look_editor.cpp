// SPDX-License-Identifier: GPL-3.0-or-later
// The Look panel's backend: editing the chain through the look's parser, the README's presets, and the
// _animator.json round trip (every other key untouched).
#include "studio/look_editor.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

namespace {

QStringList names(const LookEditor &editor)
{
    QStringList list;
    for (const QVariant &step : editor.steps())
        list << step.toMap().value(QStringLiteral("name")).toString();
    return list;
}

QVariant param(const LookEditor &editor, int step, const QString &name)
{
    for (const QVariant &p : editor.steps().at(step).toMap().value(QStringLiteral("params")).toList())
        if (p.toMap().value(QStringLiteral("name")) == name)
            return p.toMap().value(QStringLiteral("value"));
    return {};
}

QJsonObject readObject(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestLookEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsThroughTheParser()
    {
        LookEditor editor;
        QSignalSpy changed(&editor, &LookEditor::changed);
        QCOMPARE(editor.filterNames().size(), 15);
        QVERIFY(editor.add(QStringLiteral("bloom")));
        QVERIFY(editor.add(QStringLiteral("scanlines")));
        QVERIFY(editor.add(QStringLiteral("vignetting")));
        QCOMPARE(names(editor), (QStringList{"bloom", "scanlines", "vignetting"}));
        QCOMPARE(param(editor, 0, QStringLiteral("luma_threshold")).toDouble(), 0.8); // the default, shown
        QVERIFY(editor.move(2, 0));
        QCOMPARE(names(editor), (QStringList{"vignetting", "bloom", "scanlines"}));
        QVERIFY(editor.setParameter(0, QStringLiteral("strength"), 0.7));
        QCOMPARE(param(editor, 0, QStringLiteral("strength")).toDouble(), 0.7);
        QVERIFY(editor.setParameter(2, QStringLiteral("channel"), QStringLiteral("A")));
        QCOMPARE(changed.count(), 6);

        // Refused: the chain stays, the error names element and field.
        QVERIFY(!editor.setParameter(0, QStringLiteral("strength"), 1.5));
        QCOMPARE(editor.error(), QStringLiteral("postprocessor_chain[0].strength: expected a number in [0, 1], got 1.5"));
        QCOMPARE(param(editor, 0, QStringLiteral("strength")).toDouble(), 0.7);
        QVERIFY(!editor.add(QStringLiteral("no_such_filter")));
        QCOMPARE(names(editor).size(), 3);
        QVERIFY(editor.remove(1));
        QVERIFY(editor.error().isEmpty());
        QCOMPARE(names(editor), (QStringList{"vignetting", "scanlines"}));
        QVERIFY(!editor.remove(5));
        QVERIFY(!editor.move(0, 9));
        editor.clear();
        QVERIFY(editor.steps().isEmpty());
    }

    void presetsAreTheReadmeChains()
    {
        LookEditor editor;
        QCOMPARE(editor.presetNames().size(), 3);
        QVERIFY(editor.applyPreset(0));
        QCOMPARE(names(editor), (QStringList{"bloom", "lumanoise", "banding", "scanlines"}));
        QVERIFY(editor.applyPreset(1));
        QCOMPARE(names(editor), (QStringList{"chromatic_aberration", "vignetting", "desaturate", "banding", "scanlines"}));
        QCOMPARE(param(editor, 2, QStringLiteral("tint_rgb")).toList(), (QVariantList{1.0, 0.5, 0.2}));
        QVERIFY(editor.applyPreset(2));
        QCOMPARE(names(editor).size(), 8);
        QCOMPARE(param(editor, 2, QStringLiteral("magnitude")).toDouble(), 0.3);
        QVERIFY(!editor.applyPreset(3));
    }

    void animatorFileRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("_animator.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"target_fps": 20, "crop_left": 0.25, "my_own_note": "kept",
                        "postprocessor_chain": [["bloom", {"hdr_exposure": 1.2}], ["scanlines"]]})");
        }
        LookEditor editor;
        QVERIFY2(editor.load(QUrl::fromLocalFile(path)), qPrintable(editor.error()));
        QCOMPARE(names(editor), (QStringList{"bloom", "scanlines"}));
        QCOMPARE(param(editor, 0, QStringLiteral("hdr_exposure")).toDouble(), 1.2);
        QVERIFY(editor.add(QStringLiteral("translucency")));
        QVERIFY(editor.save(QUrl::fromLocalFile(path)));
        const QJsonObject saved = readObject(path);
        QCOMPARE(saved.value(QStringLiteral("target_fps")).toDouble(), 20.0);
        QCOMPARE(saved.value(QStringLiteral("crop_left")).toDouble(), 0.25);
        QCOMPARE(saved.value(QStringLiteral("my_own_note")).toString(), QStringLiteral("kept"));
        QCOMPARE(saved.value(QStringLiteral("postprocessor_chain")).toArray(), editor.chainJson());
        LookEditor again;
        QVERIFY(again.load(QUrl::fromLocalFile(path)));
        QCOMPARE(again.chainJson(), editor.chainJson());

        // A broken chain in a file: refused with the file and the field; the editor keeps what it had.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"postprocessor_chain": [["bloom", {"luma_threshold": "high"}]]})");
        }
        QVERIFY(!again.load(QUrl::fromLocalFile(bad)));
        QCOMPARE(again.error(), bad + QStringLiteral(": postprocessor_chain[0].luma_threshold: expected a number in [0, 1], got a string"));
        QCOMPARE(again.chainJson(), editor.chainJson());
        QCOMPARE(again.file(), QUrl::fromLocalFile(path));
    }
};

QTEST_MAIN(TestLookEditor)
#include "test_look_editor.moc"
