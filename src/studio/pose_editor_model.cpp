// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/pose_editor_model.h"

#include <QCoreApplication>
#include <QEvent>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <array>
#include <cmath>

namespace ths {

namespace {

constexpr const char *kContext = "ths::PoseEditorModel";

// The original manual poser's layout, derived once from the parameter names (see pose.h): "eyebrow_troubled_left_index"
// → group "eyebrow", shape "troubled", side "left"; rotations and breathing have no shape or side.
struct RowLayout {
    QString group;
    QString shape;
    QString side;
    int partner = -1;
};

QString groupId(PoseGroup group)
{
    switch (group) {
    case PoseGroup::Eyebrow: return QStringLiteral("eyebrow");
    case PoseGroup::Eye: return QStringLiteral("eye");
    case PoseGroup::IrisMorph: return QStringLiteral("iris_morph");
    case PoseGroup::Mouth: return QStringLiteral("mouth");
    case PoseGroup::IrisRotation: return QStringLiteral("iris_rotation");
    case PoseGroup::FaceRotation: return QStringLiteral("head");
    case PoseGroup::BodyRotation: return QStringLiteral("body");
    case PoseGroup::Breathing: return QStringLiteral("breathing");
    }
    return {};
}

// The prefix a morph group's names start with; "" for the groups without shapes.
QString morphPrefix(PoseGroup group)
{
    switch (group) {
    case PoseGroup::Eyebrow: return QStringLiteral("eyebrow_");
    case PoseGroup::Eye: return QStringLiteral("eye_");
    case PoseGroup::IrisMorph: return QStringLiteral("iris_");
    case PoseGroup::Mouth: return QStringLiteral("mouth_");
    default: return {};
    }
}

std::array<RowLayout, Pose::kCount> buildLayout()
{
    std::array<RowLayout, Pose::kCount> layout;
    const auto &params = Pose::parameters();
    for (int i = 0; i < Pose::kCount; ++i) {
        RowLayout &row = layout[i];
        row.group = groupId(params[i].group);
        const QString prefix = morphPrefix(params[i].group);
        if (prefix.isEmpty())
            continue;
        QString rest = QString::fromLatin1(params[i].name).mid(prefix.size());
        if (rest.endsWith(QLatin1String("_index")))
            rest.chop(6);
        for (const QString &side : {QStringLiteral("left"), QStringLiteral("right")}) {
            if (rest.endsWith(QLatin1Char('_') + side)) {
                row.side = side;
                rest.chop(side.size() + 1);
            }
        }
        row.shape = rest;
    }
    for (int i = 0; i < Pose::kCount; ++i) {
        for (int j = 0; j < Pose::kCount; ++j) {
            if (i != j && !layout[i].side.isEmpty() && layout[i].group == layout[j].group
                && layout[i].shape == layout[j].shape && !layout[j].side.isEmpty()
                && layout[i].side != layout[j].side)
                layout[i].partner = j;
        }
    }
    return layout;
}

const std::array<RowLayout, Pose::kCount> &layout()
{
    static const auto table = buildLayout();
    return table;
}

const QStringList &groupIds()
{
    static const QStringList ids{QStringLiteral("eyebrow"),       QStringLiteral("eye"),
                                 QStringLiteral("iris_morph"),    QStringLiteral("mouth"),
                                 QStringLiteral("iris_rotation"), QStringLiteral("head"),
                                 QStringLiteral("body"),          QStringLiteral("breathing")};
    return ids;
}

struct Label {
    const char *id;
    const char *text;
};

// Kept as untranslated source strings so lupdate sees them and a language switch re-translates them.
constexpr Label kGroupLabels[] = {
    {"eyebrow", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Eyebrow")},
    {"eye", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Eye")},
    {"iris_morph", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Iris")},
    {"mouth", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Mouth")},
    {"iris_rotation", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Iris rotation")},
    {"head", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Head and neck")},
    {"body", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Body")},
    {"breathing", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Breathing")},
};

constexpr Label kShapeLabels[] = {
    {"troubled", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Troubled")},
    {"angry", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Angry")},
    {"lowered", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Lowered")},
    {"raised", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Raised")},
    {"happy", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Happy")},
    {"serious", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Serious")},
    {"wink", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Wink")},
    {"happy_wink", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Happy wink")},
    {"surprised", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Surprised")},
    {"relaxed", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Relaxed")},
    {"unimpressed", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Unimpressed")},
    {"raised_lower_eyelid", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Raised lower eyelid")},
    {"small", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Small")},
    {"aaa", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "aaa")},
    {"iii", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "iii")},
    {"uuu", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "uuu")},
    {"eee", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "eee")},
    {"ooo", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "ooo")},
    {"delta", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Delta")},
    {"lowered_corner", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Lowered corner")},
    {"raised_corner", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Raised corner")},
    {"smirk", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Smirk")},
};

// The sliders without a side: rotations and breathing by name; single morphs (mouth aaa …) are "Amount".
constexpr Label kParameterLabels[] = {
    {"iris_rotation_x_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "X")},
    {"iris_rotation_y_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Y")},
    {"head_x_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Head X")},
    {"head_y_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Head Y")},
    {"neck_z_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Neck Z")},
    {"body_y_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Body Y")},
    {"body_z_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Body Z")},
    {"breathing_index", QT_TRANSLATE_NOOP("ths::PoseEditorModel", "Breathing")},
};

template <std::size_t N>
QString lookup(const Label (&table)[N], const QString &id)
{
    for (const Label &label : table)
        if (id == QLatin1String(label.id))
            return QCoreApplication::translate(kContext, label.text);
    return {};
}

bool validRow(int row)
{
    return row >= 0 && row < Pose::kCount;
}

} // namespace

// One edit of the pose: the whole pose before and after (45 floats each, so every kind of edit is the same command).
// Edits of one row merge while the model keeps that row's edit open (a slider drag).
class PoseEditorModel::PoseCommand : public QUndoCommand
{
public:
    PoseCommand(PoseEditorModel *model, const Pose &before, const Pose &after, const QString &text, int row)
        : QUndoCommand(text), m_model(model), m_before(before), m_after(after), m_row(row)
    {
    }
    int id() const override { return m_row >= 0 ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *edit = static_cast<const PoseCommand *>(other);
        if (m_model->m_openRow != m_row || edit->m_row != m_row)
            return false;
        m_after = edit->m_after;
        // A drag that ends where it began leaves nothing to undo.
        setObsolete(m_after == m_before);
        return true;
    }
    void redo() override { m_model->assign(m_after); }
    void undo() override { m_model->assign(m_before); }

private:
    PoseEditorModel *m_model;
    Pose m_before;
    Pose m_after;
    int m_row;
};

PoseEditorModel::PoseEditorModel(QObject *parent)
    : QAbstractListModel(parent), m_stack(std::make_unique<QUndoStack>())
{
    for (auto signal : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged})
        connect(m_stack.get(), signal, this, &PoseEditorModel::undoStateChanged);
    for (auto signal : {&QUndoStack::undoTextChanged, &QUndoStack::redoTextChanged})
        connect(m_stack.get(), signal, this, &PoseEditorModel::undoStateChanged);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

PoseEditorModel::~PoseEditorModel()
{
    // The stack outlives this body briefly; its "can undo" signals must not reach a half-destroyed model.
    m_stack->disconnect(this);
}

int PoseEditorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Pose::kCount;
}

QVariant PoseEditorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !validRow(index.row()))
        return {};
    const int row = index.row();
    const auto &info = Pose::parameters()[row];
    const RowLayout &l = layout()[row];
    switch (role) {
    case NameRole: return QString::fromLatin1(info.name);
    case Qt::DisplayRole:
    case LabelRole: return parameterLabel(row);
    case GroupRole: return l.group;
    case ShapeRole: return l.shape;
    case SideRole: return l.side;
    case MinimumRole: return double(info.minimum);
    case MaximumRole: return double(info.maximum);
    case ValueRole: return double(m_pose[row]);
    case PartnerRole: return l.partner;
    default: return {};
    }
}

QHash<int, QByteArray> PoseEditorModel::roleNames() const
{
    return {{NameRole, "name"},       {LabelRole, "label"},     {GroupRole, "group"},
            {ShapeRole, "shape"},     {SideRole, "side"},       {MinimumRole, "minimum"},
            {MaximumRole, "maximum"}, {ValueRole, "value"},     {PartnerRole, "partner"}};
}

void PoseEditorModel::setLinkLeftRight(bool link)
{
    if (m_link == link)
        return;
    m_link = link;
    Q_EMIT linkLeftRightChanged();
}

bool PoseEditorModel::canUndo() const
{
    return m_stack->canUndo();
}

bool PoseEditorModel::canRedo() const
{
    return m_stack->canRedo();
}

QString PoseEditorModel::undoText() const
{
    return m_stack->undoText();
}

QString PoseEditorModel::redoText() const
{
    return m_stack->redoText();
}

QVariantMap PoseEditorModel::pose() const
{
    QVariantMap map;
    const auto &params = Pose::parameters();
    for (int i = 0; i < Pose::kCount; ++i)
        map.insert(QString::fromLatin1(params[i].name), double(m_pose[i]));
    return map;
}

void PoseEditorModel::setValue(int row, double value)
{
    if (!validRow(row) || !std::isfinite(value))
        return;
    const auto &info = Pose::parameters()[row];
    const float v = std::clamp(float(value), info.minimum, info.maximum);
    Pose after = m_pose;
    after[row] = v;
    const int partner = layout()[row].partner;
    if (m_link && partner >= 0)
        after[partner] = v;
    if (after == m_pose)
        return;
    push(after, tr("Change %1").arg(description(row)), row);
}

void PoseEditorModel::commitEdit()
{
    m_openRow = -1;
}

void PoseEditorModel::resetGroup(const QString &group)
{
    Pose after = m_pose;
    for (int i = 0; i < Pose::kCount; ++i)
        if (layout()[i].group == group)
            after[i] = 0.0f;
    if (after != m_pose)
        push(after, tr("Reset %1").arg(groupLabel(group)), -1);
}

void PoseEditorModel::resetAll()
{
    if (!(m_pose == Pose()))
        push(Pose(), tr("Reset all"), -1);
}

void PoseEditorModel::applyPose(const QVariantMap &pose, const QString &undoText)
{
    Pose after = m_pose;
    for (auto it = pose.begin(); it != pose.end(); ++it) {
        const int i = Pose::indexOf(it.key());
        bool ok = false;
        const double v = it.value().toDouble(&ok);
        if (i < 0 || !ok || !std::isfinite(v))
            continue;
        after[i] = float(v);
    }
    setCurrentPose(after, undoText.isEmpty() ? tr("Apply pose") : undoText);
}

void PoseEditorModel::setCurrentPose(const Pose &pose, const QString &undoText)
{
    const Pose after = pose.clamped();
    if (after != m_pose)
        push(after, undoText.isEmpty() ? tr("Apply pose") : undoText, -1);
}

void PoseEditorModel::undo()
{
    m_openRow = -1;
    m_stack->undo();
}

void PoseEditorModel::redo()
{
    m_openRow = -1;
    m_stack->redo();
}

QStringList PoseEditorModel::groups() const
{
    return groupIds();
}

QStringList PoseEditorModel::shapes(const QString &group) const
{
    QStringList result;
    for (const RowLayout &l : layout())
        if (l.group == group && !l.shape.isEmpty() && !result.contains(l.shape))
            result << l.shape;
    return result;
}

QVariantList PoseEditorModel::rows(const QString &group, const QString &shape) const
{
    QVariantList result;
    const auto &params = Pose::parameters();
    for (int i = 0; i < Pose::kCount; ++i) {
        const RowLayout &l = layout()[i];
        if (l.group != group || (!shape.isEmpty() && l.shape != shape))
            continue;
        result << QVariantMap{{QStringLiteral("row"), i},
                              {QStringLiteral("name"), QString::fromLatin1(params[i].name)},
                              {QStringLiteral("label"), parameterLabel(i)},
                              {QStringLiteral("shape"), l.shape},
                              {QStringLiteral("side"), l.side},
                              {QStringLiteral("minimum"), double(params[i].minimum)},
                              {QStringLiteral("maximum"), double(params[i].maximum)},
                              {QStringLiteral("partner"), l.partner},
                              {QStringLiteral("value"), double(m_pose[i])}};
    }
    return result;
}

QString PoseEditorModel::groupLabel(const QString &group) const
{
    return lookup(kGroupLabels, group);
}

QString PoseEditorModel::shapeLabel(const QString &group, const QString &shape) const
{
    if (!shapes(group).contains(shape))
        return {};
    return lookup(kShapeLabels, shape);
}

bool PoseEditorModel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance())
        Q_EMIT dataChanged(index(0), index(Pose::kCount - 1), {LabelRole, Qt::DisplayRole});
    return QAbstractListModel::eventFilter(watched, event);
}

void PoseEditorModel::assign(const Pose &pose)
{
    const Pose before = m_pose;
    m_pose = pose;
    int first = -1, last = -1;
    for (int i = 0; i < Pose::kCount; ++i) {
        if (before[i] != m_pose[i]) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first < 0)
        return;
    Q_EMIT dataChanged(index(first), index(last), {ValueRole});
    Q_EMIT poseChanged();
}

void PoseEditorModel::push(const Pose &after, const QString &text, int mergeRow)
{
    if (mergeRow < 0 || mergeRow != m_openRow)
        m_openRow = -1; // another row or another kind of edit closes the open drag
    m_stack->push(new PoseCommand(this, m_pose, after, text, mergeRow));
    m_openRow = mergeRow;
}

QString PoseEditorModel::description(int row) const
{
    const RowLayout &l = layout()[row];
    if (l.shape.isEmpty())
        return parameterLabel(row); // "Head X", "Breathing"
    QStringList parts{groupLabel(l.group), shapeLabel(l.group, l.shape)};
    if (!l.side.isEmpty())
        parts << parameterLabel(row);
    return parts.join(QLatin1Char(' ')); // "Eyebrow Troubled Left", "Mouth aaa"
}

QString PoseEditorModel::parameterLabel(int row) const
{
    const RowLayout &l = layout()[row];
    if (l.side == QLatin1String("left"))
        return tr("Left");
    if (l.side == QLatin1String("right"))
        return tr("Right");
    if (!l.shape.isEmpty())
        return tr("Amount");
    return lookup(kParameterLabels, QString::fromLatin1(Pose::parameters()[row].name));
}

} // namespace ths
