// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The manual pose editor's data: one row per THA3 pose parameter (45), laid out like the original manual poser —
// groups (eyebrow, eye, iris_morph, mouth, iris_rotation, head, body, breathing), morph shapes within a group
// ("troubled", "wink", "aaa", …) and left/right twins. Every change goes through a QUndoStack, so the QML sliders
// get undo/redo for free; a slider drag (many setValue calls on one row) is one undo step until commitEdit().

#include "pose/pose.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QUndoStack;

namespace ths {

class PoseEditorModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool linkLeftRight READ linkLeftRight WRITE setLinkLeftRight NOTIFY linkLeftRightChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(QVariantMap pose READ pose NOTIFY poseChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        GroupRole,
        ShapeRole,
        SideRole,
        MinimumRole,
        MaximumRole,
        ValueRole,
        PartnerRole,
    };

    explicit PoseEditorModel(QObject *parent = nullptr);
    ~PoseEditorModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool linkLeftRight() const { return m_link; }
    void setLinkLeftRight(bool link);
    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    QVariantMap pose() const;

    // Clamped into the row's range; with linkLeftRight the twin gets the same value. Merges with further calls on
    // the same row into one undo step until commitEdit() (or an edit of another row, undo, redo …).
    Q_INVOKABLE void setValue(int row, double value);
    Q_INVOKABLE void commitEdit();
    // Every parameter of `group` (or all) back to 0, as one undo step.
    Q_INVOKABLE void resetGroup(const QString &group);
    Q_INVOKABLE void resetAll();
    // Sets the named parameters (clamped; unknown names ignored; the others keep their values), one undo step.
    Q_INVOKABLE void applyPose(const QVariantMap &pose, const QString &undoText = {});
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // The layout, for building the panel: the 8 group ids in the original's order, the shapes of a group (empty for
    // the rotation and breathing groups), and the rows of a group/shape (shape "" = the whole group) as maps
    // {row, name, label, side, minimum, maximum, partner, value} — `value` is a snapshot; bind to `pose[name]`.
    Q_INVOKABLE QStringList groups() const;
    Q_INVOKABLE QStringList shapes(const QString &group) const;
    Q_INVOKABLE QVariantList rows(const QString &group, const QString &shape = {}) const;
    Q_INVOKABLE QString groupLabel(const QString &group) const;
    // Translated label of a morph shape ("Troubled", "Happy wink", "aaa" …); "" for an unknown one.
    Q_INVOKABLE QString shapeLabel(const QString &group, const QString &shape) const;

    Pose currentPose() const { return m_pose; }
    // One undo step with `undoText` (no step when nothing changes). Values are clamped.
    void setCurrentPose(const Pose &pose, const QString &undoText);

Q_SIGNALS:
    void linkLeftRightChanged();
    void undoStateChanged();
    void poseChanged();

protected:
    // Re-emits the labels when a translator is installed (QCoreApplication sends LanguageChange to itself).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    class PoseCommand;
    friend class PoseCommand;

    // Applies `pose` without touching the undo stack: emits dataChanged for the rows that changed, then
    // poseChanged.
    void assign(const Pose &pose);
    void push(const Pose &after, const QString &text, int mergeRow);
    QString parameterLabel(int row) const;
    // For undo texts: "Eyebrow Troubled Left", "Mouth aaa", "Head X".
    QString description(int row) const;

    Pose m_pose;
    bool m_link = false;
    int m_openRow = -1; // the row whose slider drag is still merging into the top undo step
    std::unique_ptr<QUndoStack> m_stack;
};

} // namespace ths
