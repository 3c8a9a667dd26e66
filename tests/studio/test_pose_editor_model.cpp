// SPDX-License-Identifier: GPL-3.0-or-later
// The pose editor model: the original manual poser's layout (groups, shapes, sides), left/right link, clamping, a
// slider drag as one undo step, undo/redo/reset/apply and the change signals QML binds to.

#include "studio/pose_editor_model.h"

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace ths;

namespace {

int rowOf(const QString &name)
{
    return Pose::indexOf(name);
}

QStringList namesOf(const QVariantList &rows)
{
    QStringList names;
    for (const QVariant &row : rows)
        names << row.toMap().value(QStringLiteral("name")).toString();
    return names;
}

QVariant role(const PoseEditorModel &model, int row, const QByteArray &roleName)
{
    const int r = model.roleNames().key(roleName, -1);
    return model.data(model.index(row), r);
}

double value(const PoseEditorModel &model, const QString &name)
{
    return model.pose().value(name).toDouble();
}

} // namespace

class TestPoseEditorModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndRoles()
    {
        PoseEditorModel model;
        QCOMPARE(model.rowCount(), 45);
        const QStringList roles{"name", "label", "group", "shape", "side", "minimum", "maximum", "value", "partner"};
        for (const QString &r : roles)
            QVERIFY2(model.roleNames().values().contains(r.toUtf8()), qPrintable(r));
        for (int i = 0; i < 45; ++i) {
            QCOMPARE(role(model, i, "name").toString(), QString::fromLatin1(Pose::parameters()[i].name));
            QVERIFY2(!role(model, i, "label").toString().isEmpty(), Pose::parameters()[i].name);
            QCOMPARE(role(model, i, "value").toDouble(), 0.0);
        }
        const int headX = rowOf(QStringLiteral("head_x_index"));
        QCOMPARE(role(model, headX, "minimum").toDouble(), -1.0);
        QCOMPARE(role(model, headX, "maximum").toDouble(), 1.0);
        QCOMPARE(role(model, headX, "group").toString(), QStringLiteral("head"));
        QCOMPARE(role(model, headX, "shape").toString(), QString());
        QCOMPARE(role(model, headX, "side").toString(), QString());
        QCOMPARE(role(model, headX, "partner").toInt(), -1);
        const int wink = rowOf(QStringLiteral("eye_wink_left_index"));
        QCOMPARE(role(model, wink, "minimum").toDouble(), 0.0);
        QCOMPARE(role(model, wink, "label").toString(), QStringLiteral("Left"));
        QCOMPARE(role(model, wink + 1, "label").toString(), QStringLiteral("Right"));
    }

    // The manual poser of THA3 (tha3/app/manual_poser.py): morph groups with a shape selector and left/right
    // sliders, then the rotation groups.
    void layoutMatchesTheOriginalPoser()
    {
        PoseEditorModel model;
        QCOMPARE(model.groups(),
                 QStringList({"eyebrow", "eye", "iris_morph", "mouth", "iris_rotation", "head", "body", "breathing"}));
        QCOMPARE(model.shapes("eyebrow"), QStringList({"troubled", "angry", "lowered", "raised", "happy", "serious"}));
        QCOMPARE(model.shapes("eye"), QStringList({"wink", "happy_wink", "surprised", "relaxed", "unimpressed",
                                                   "raised_lower_eyelid"}));
        QCOMPARE(model.shapes("iris_morph"), QStringList({"small"}));
        QCOMPARE(model.shapes("mouth"), QStringList({"aaa", "iii", "uuu", "eee", "ooo", "delta", "lowered_corner",
                                                     "raised_corner", "smirk"}));
        for (const QString group : {"iris_rotation", "head", "body", "breathing"})
            QVERIFY2(model.shapes(group).isEmpty(), qPrintable(group));

        QCOMPARE(namesOf(model.rows("iris_rotation")), QStringList({"iris_rotation_x_index", "iris_rotation_y_index"}));
        QCOMPARE(namesOf(model.rows("head")), QStringList({"head_x_index", "head_y_index", "neck_z_index"}));
        QCOMPARE(namesOf(model.rows("body")), QStringList({"body_y_index", "body_z_index"}));
        QCOMPARE(namesOf(model.rows("breathing")), QStringList({"breathing_index"}));
        QCOMPARE(namesOf(model.rows("eyebrow", "troubled")),
                 QStringList({"eyebrow_troubled_left_index", "eyebrow_troubled_right_index"}));
        QCOMPARE(namesOf(model.rows("eye", "raised_lower_eyelid")),
                 QStringList({"eye_raised_lower_eyelid_left_index", "eye_raised_lower_eyelid_right_index"}));
        QCOMPARE(namesOf(model.rows("iris_morph", "small")),
                 QStringList({"iris_small_left_index", "iris_small_right_index"}));
        QCOMPARE(namesOf(model.rows("mouth", "aaa")), QStringList({"mouth_aaa_index"}));
        QCOMPARE(namesOf(model.rows("mouth", "delta")), QStringList({"mouth_delta"}));
        QCOMPARE(namesOf(model.rows("mouth", "smirk")), QStringList({"mouth_smirk"}));
        QCOMPARE(namesOf(model.rows("mouth", "lowered_corner")),
                 QStringList({"mouth_lowered_corner_left_index", "mouth_lowered_corner_right_index"}));
        QCOMPARE(model.rows("eyebrow").size(), 12);
        QCOMPARE(model.rows("eye").size(), 12);
        QCOMPARE(model.rows("mouth").size(), 11);

        // Every parameter in exactly one group/shape; twins point at each other.
        int total = 0;
        for (const QString &group : model.groups()) {
            QVERIFY(!model.groupLabel(group).isEmpty());
            const QStringList shapes = model.shapes(group);
            if (shapes.isEmpty())
                total += model.rows(group).size();
            for (const QString &shape : shapes) {
                QVERIFY2(!model.shapeLabel(group, shape).isEmpty(), qPrintable(shape));
                total += model.rows(group, shape).size();
            }
        }
        QCOMPARE(total, 45);
        for (int i = 0; i < 45; ++i) {
            const int partner = role(model, i, "partner").toInt();
            const QString side = role(model, i, "side").toString();
            if (side.isEmpty()) {
                QCOMPARE(partner, -1);
                continue;
            }
            QVERIFY(partner >= 0);
            QCOMPARE(role(model, partner, "partner").toInt(), i);
            QCOMPARE(role(model, partner, "shape").toString(), role(model, i, "shape").toString());
            QCOMPARE(role(model, partner, "side").toString(),
                     side == "left" ? QStringLiteral("right") : QStringLiteral("left"));
        }
        QCOMPARE(role(model, rowOf("eyebrow_happy_right_index"), "side").toString(), QStringLiteral("right"));
        QCOMPARE(role(model, rowOf("eye_happy_wink_left_index"), "shape").toString(), QStringLiteral("happy_wink"));
        QCOMPARE(role(model, rowOf("mouth_ooo_index"), "partner").toInt(), -1);
    }

    void clampsIntoRange()
    {
        PoseEditorModel model;
        model.setValue(rowOf("eye_wink_left_index"), 2.5);
        QCOMPARE(value(model, "eye_wink_left_index"), 1.0);
        model.setValue(rowOf("head_x_index"), -7);
        QCOMPARE(value(model, "head_x_index"), -1.0);
        model.setValue(rowOf("mouth_aaa_index"), -0.5);
        QCOMPARE(value(model, "mouth_aaa_index"), 0.0);
        model.setValue(rowOf("head_y_index"), std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(value(model, "head_y_index"), 0.0);
        model.setValue(-1, 0.5);
        model.setValue(45, 0.5);
        QCOMPARE(model.currentPose().clamped(), model.currentPose());
    }

    void linksLeftAndRight()
    {
        PoseEditorModel model;
        QSignalSpy linkSpy(&model, &PoseEditorModel::linkLeftRightChanged);
        model.setValue(rowOf("eyebrow_troubled_left_index"), 0.4);
        QCOMPARE(value(model, "eyebrow_troubled_right_index"), 0.0);
        model.setLinkLeftRight(true);
        QCOMPARE(linkSpy.count(), 1);
        model.setValue(rowOf("eyebrow_troubled_right_index"), 0.7);
        QCOMPARE(value(model, "eyebrow_troubled_left_index"), 0.7f);
        QCOMPARE(value(model, "eyebrow_troubled_right_index"), 0.7f);
        // A parameter without a twin is unaffected by the link.
        model.setValue(rowOf("mouth_aaa_index"), 0.3);
        QCOMPARE(value(model, "mouth_aaa_index"), 0.3f);
        QCOMPARE(value(model, "mouth_iii_index"), 0.0);
        // Undo takes back both sides at once.
        model.undo();
        model.undo();
        QCOMPARE(value(model, "eyebrow_troubled_left_index"), 0.4f);
        QCOMPARE(value(model, "eyebrow_troubled_right_index"), 0.0);
    }

    void aDragIsOneUndoStep()
    {
        PoseEditorModel model;
        QSignalSpy poseSpy(&model, &PoseEditorModel::poseChanged);
        QSignalSpy dataSpy(&model, &QAbstractItemModel::dataChanged);
        const int row = rowOf("head_x_index");
        QVERIFY(!model.canUndo());
        for (int i = 1; i <= 20; ++i)
            model.setValue(row, i * 0.04);
        model.commitEdit();
        QCOMPARE(poseSpy.count(), 20);
        QCOMPARE(dataSpy.count(), 20);
        QCOMPARE(dataSpy.last().at(0).value<QModelIndex>().row(), row);
        QVERIFY(dataSpy.last().at(2).value<QList<int>>().contains(PoseEditorModel::ValueRole));
        QCOMPARE(value(model, "head_x_index"), 0.8f);
        QVERIFY(model.canUndo());
        QVERIFY2(model.undoText().contains("Head X"), qPrintable(model.undoText()));
        model.undo();
        QCOMPARE(value(model, "head_x_index"), 0.0);
        QVERIFY(!model.canUndo());
        QVERIFY(model.canRedo());
        model.redo();
        QCOMPARE(value(model, "head_x_index"), 0.8f);

        // After commitEdit a new drag of the same row is a new step; a drag of another row always is.
        model.setValue(row, 0.5);
        model.setValue(row, 0.6);
        model.commitEdit();
        model.setValue(rowOf("head_y_index"), 0.1);
        model.setValue(row, 0.2);
        model.undo();
        QCOMPARE(value(model, "head_x_index"), 0.6f);
        model.undo();
        QCOMPARE(value(model, "head_y_index"), 0.0);
        QCOMPARE(value(model, "head_x_index"), 0.6f);
        model.undo();
        QCOMPARE(value(model, "head_x_index"), 0.8f);
        model.undo();
        QCOMPARE(value(model, "head_x_index"), 0.0);
        QVERIFY(!model.canUndo());

        // A drag that ends where it began leaves no step behind.
        model.setValue(row, 0.3);
        model.setValue(row, 0.0);
        model.commitEdit();
        QVERIFY(!model.canUndo());
    }

    void resetsApplyAndRedo()
    {
        PoseEditorModel model;
        QSignalSpy poseSpy(&model, &PoseEditorModel::poseChanged);
        QSignalSpy undoSpy(&model, &PoseEditorModel::undoStateChanged);
        model.applyPose({{"eyebrow_angry_left_index", 0.5}, {"eye_wink_right_index", 0.25}, {"head_x_index", 3.0},
                         {"no_such_parameter", 0.5}, {"breathing_index", 0.75}},
                        "Apply joy");
        QCOMPARE(poseSpy.count(), 1);
        QVERIFY(undoSpy.count() > 0);
        QCOMPARE(model.undoText(), QStringLiteral("Apply joy"));
        QCOMPARE(value(model, "eyebrow_angry_left_index"), 0.5);
        QCOMPARE(value(model, "head_x_index"), 1.0); // clamped
        QCOMPARE(model.pose().size(), 45);
        QVERIFY(!model.pose().contains("no_such_parameter"));

        model.resetGroup("eyebrow");
        QCOMPARE(poseSpy.count(), 2);
        QCOMPARE(value(model, "eyebrow_angry_left_index"), 0.0);
        QCOMPARE(value(model, "eye_wink_right_index"), 0.25);
        QVERIFY2(model.undoText().contains("Eyebrow"), qPrintable(model.undoText()));
        model.resetGroup("eyebrow"); // nothing to reset: no step, no signal
        QCOMPARE(poseSpy.count(), 2);

        model.resetAll();
        QCOMPARE(poseSpy.count(), 3);
        QCOMPARE(model.currentPose(), Pose());

        model.undo(); // back before resetAll
        QCOMPARE(poseSpy.count(), 4);
        QCOMPARE(value(model, "eye_wink_right_index"), 0.25);
        QCOMPARE(value(model, "breathing_index"), 0.75);
        model.undo(); // before resetGroup
        QCOMPARE(value(model, "eyebrow_angry_left_index"), 0.5);
        QCOMPARE(model.redoText(), model.tr("Reset %1").arg(model.groupLabel("eyebrow")));
        model.redo();
        QCOMPARE(value(model, "eyebrow_angry_left_index"), 0.0);
        QCOMPARE(poseSpy.count(), 6);
        model.undo();
        model.undo(); // before applyPose
        QCOMPARE(model.currentPose(), Pose());
        QVERIFY(!model.canUndo());

        // The C++ setter is one step too, clamped.
        Pose pose;
        pose[rowOf("neck_z_index")] = -4.0f;
        pose[rowOf("mouth_smirk")] = 0.5f;
        model.setCurrentPose(pose, "Apply preset");
        QCOMPARE(model.currentPose()[rowOf("neck_z_index")], -1.0f);
        QCOMPARE(model.undoText(), QStringLiteral("Apply preset"));
        model.setCurrentPose(model.currentPose(), "Same"); // no change, no step
        QCOMPARE(model.undoText(), QStringLiteral("Apply preset"));
        // A new edit after undo drops the redo branch.
        model.undo();
        QVERIFY(model.canRedo());
        model.setValue(rowOf("mouth_delta"), 0.2);
        QVERIFY(!model.canRedo());
    }
};

QTEST_GUILESS_MAIN(TestPoseEditorModel)
#include "test_pose_editor_model.moc"
