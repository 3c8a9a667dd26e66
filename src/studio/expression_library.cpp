// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/expression_library.h"

#include "core/local_file_path.h"
#include "animation/emotion_templates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <charconv>

namespace ths {

namespace {

// The shortest spelling that reads back as the same float; "0.0" rather than "0" like the original's Python dumps.
QByteArray formatValue(float v)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    QByteArray text(buffer, int(result.ptr - buffer));
    if (!text.contains('.') && !text.contains('e'))
        text += ".0";
    return text;
}

QByteArray jsonString(const QString &s)
{
    // QJsonDocument escapes; strip the array brackets around the one element.
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool lessByName(const QString &a, const QString &b)
{
    const int c = QString::compare(a, b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

// A flat {param: number} object as a pose. Wrapping it under a key that is no parameter name makes Pose::fromJson
// unwrap exactly once, so a nested object is reported instead of taken as the template form.
std::optional<Pose> parseFlat(const QJsonObject &flat, QString *error)
{
    return Pose::fromJson(QJsonObject{{QStringLiteral("template"), flat}}, error);
}

bool isReservedName(const QString &name)
{
    return name.trimmed().isEmpty() || name == EmotionTemplates::kCustom || name == EmotionTemplates::kReset;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    if (path.isEmpty()) {
        *error = ExpressionLibrary::tr("no file chosen");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = ExpressionLibrary::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

QByteArray emotionsJson(const QList<NamedPose> &expressions)
{
    if (expressions.isEmpty())
        return "{}\n";
    const auto &params = Pose::parameters();
    QByteArray out = "{\n";
    for (qsizetype e = 0; e < expressions.size(); ++e) {
        out += "    " + jsonString(expressions[e].name) + ": {\n";
        for (int i = 0; i < Pose::kCount; ++i) {
            out += "        \"";
            out += params[i].name;
            out += "\": " + formatValue(expressions[e].pose[i]);
            out += i + 1 < Pose::kCount ? ",\n" : "\n";
        }
        out += e + 1 < expressions.size() ? "    },\n" : "    }\n";
    }
    out += "}\n";
    return out;
}

std::optional<QList<NamedPose>> parseEmotionsJson(const QByteArray &json, const QString &flatName, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QList<NamedPose>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ExpressionLibrary::tr("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(ExpressionLibrary::tr("not a JSON object (expected {\"emotion\": {parameter: value, …}})"));
    const QJsonObject top = doc.object();
    if (top.isEmpty())
        return fail(ExpressionLibrary::tr("no expressions in the file"));

    QList<NamedPose> result;
    // A number at the top level means one flat pose {param: value}: it takes the file's name.
    bool flat = false;
    for (auto it = top.begin(); it != top.end(); ++it)
        flat = flat || it.value().isDouble();
    if (flat) {
        if (isReservedName(flatName))
            return fail(ExpressionLibrary::tr("a pose without an emotion name; expected {\"emotion\": {parameter: value, …}}"));
        QString message;
        const auto pose = parseFlat(top, &message);
        if (!pose)
            return fail(message);
        result.append({flatName, *pose});
        return result;
    }
    for (auto it = top.begin(); it != top.end(); ++it) {
        if (isReservedName(it.key()))
            return fail(ExpressionLibrary::tr("\"%1\" cannot be used as an expression name").arg(it.key()));
        if (!it.value().isObject())
            return fail(ExpressionLibrary::tr("emotion \"%1\": not an object of parameter values").arg(it.key()));
        QString message;
        const auto pose = parseFlat(it.value().toObject(), &message);
        if (!pose)
            return fail(ExpressionLibrary::tr("emotion \"%1\": %2").arg(it.key(), message));
        result.append({it.key(), *pose});
    }
    return result;
}

ExpressionLibrary::ExpressionLibrary(QObject *parent) : QAbstractListModel(parent)
{
    m_storagePath = defaultStoragePath();
    m_rows = buildRows();
    load();
}

int ExpressionLibrary::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ExpressionLibrary::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case KindRole: return row.kind;
    default: return {};
    }
}

QHash<int, QByteArray> ExpressionLibrary::roleNames() const
{
    return {{NameRole, "name"}, {KindRole, "kind"}};
}

QString ExpressionLibrary::defaultStoragePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/expressions.json");
}

void ExpressionLibrary::setStoragePath(const QString &path)
{
    if (path == m_storagePath)
        return;
    m_storagePath = path;
    load();
    Q_EMIT storagePathChanged();
}

void ExpressionLibrary::load()
{
    const QString path = m_storagePath;
    m_user.clear();
    m_storageUnreadable = false;
    setError({});
    if (!path.isEmpty() && QFileInfo::exists(path)) {
        QFile file(path);
        QString error;
        std::optional<QList<NamedPose>> loaded;
        if (!file.open(QIODevice::ReadOnly))
            error = file.errorString();
        else
            loaded = parseEmotionsJson(file.readAll(), {}, &error);
        if (loaded) {
            for (const NamedPose &p : std::as_const(*loaded))
                m_user.insert(p.name, p.pose);
        } else {
            // Keep the user's file: it may be a hand edit with one typo. persist() backs it up before overwriting.
            m_storageUnreadable = true;
            setError(tr("%1: %2. Your saved expressions could not be read; the file is left as it is and will be "
                        "kept as %1.bak when you next change an expression.")
                         .arg(QDir::toNativeSeparators(path), error));
        }
    }
    refresh();
    Q_EMIT expressionsChanged();
}

QVariantMap ExpressionLibrary::poseOf(const QString &name) const
{
    const auto pose = find(name);
    return pose ? pose->toJson().toVariantMap() : QVariantMap();
}

QString ExpressionLibrary::kindOf(const QString &name) const
{
    const bool factory = EmotionTemplates::factory().contains(name);
    if (m_user.contains(name))
        return factory ? QStringLiteral("modified") : QStringLiteral("user");
    return factory ? QStringLiteral("factory") : QString();
}

bool ExpressionLibrary::savePreset(const QString &name, const QVariantMap &pose)
{
    setError({});
    const QString n = name.trimmed();
    QString error;
    if (!validName(n, &error))
        return fail(error);
    const auto parsed = parseFlat(QJsonObject::fromVariantMap(pose), &error);
    if (!parsed)
        return fail(tr("Expression \"%1\": %2").arg(n, error));
    const auto factory = EmotionTemplates::factory().find(n);
    // Saving a factory emotion's own pose is no modification: keep the layer minimal so it stays "factory".
    if (factory != EmotionTemplates::factory().end() && *factory == *parsed)
        m_user.remove(n);
    else
        m_user.insert(n, *parsed);
    refresh();
    Q_EMIT expressionsChanged();
    return persist();
}

bool ExpressionLibrary::rename(const QString &from, const QString &to)
{
    setError({});
    const QString target = to.trimmed();
    const QString kind = kindOf(from);
    if (kind.isEmpty())
        return fail(tr("There is no expression \"%1\".").arg(from));
    if (kind != QLatin1String("user"))
        return fail(tr("\"%1\" is a built-in emotion and cannot be renamed.").arg(from));
    if (target == from)
        return true;
    QString error;
    if (!validName(target, &error))
        return fail(error);
    if (!kindOf(target).isEmpty())
        return fail(tr("An expression named \"%1\" already exists.").arg(target));
    m_user.insert(target, m_user.take(from));
    refresh();
    Q_EMIT expressionsChanged();
    return persist();
}

bool ExpressionLibrary::remove(const QString &name)
{
    setError({});
    const QString kind = kindOf(name);
    if (kind.isEmpty())
        return fail(tr("There is no expression \"%1\".").arg(name));
    if (kind == QLatin1String("factory"))
        return fail(tr("\"%1\" is a built-in emotion and cannot be deleted.").arg(name));
    m_user.remove(name); // "modified" falls back to the factory pose
    refresh();
    Q_EMIT expressionsChanged();
    return persist();
}

bool ExpressionLibrary::importFile(const QUrl &file)
{
    setError({});
    const QString path = localFilePath(file);
    if (path.isEmpty())
        return fail(tr("%1: not a local file").arg(file.toString()));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return fail(tr("%1: cannot open: %2").arg(QDir::toNativeSeparators(path), in.errorString()));
    QString error;
    const auto loaded = parseEmotionsJson(in.readAll(), QFileInfo(path).completeBaseName(), &error);
    if (!loaded)
        return fail(QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), error));
    for (const NamedPose &p : *loaded) {
        const auto factory = EmotionTemplates::factory().find(p.name);
        if (factory != EmotionTemplates::factory().end() && *factory == p.pose)
            m_user.remove(p.name);
        else
            m_user.insert(p.name, p.pose);
    }
    refresh();
    Q_EMIT expressionsChanged();
    return persist();
}

bool ExpressionLibrary::exportEmotions(const QUrl &file)
{
    setError({});
    QString error;
    if (!writeFile(localFilePath(file), emotionsJson(expressions()), &error))
        return fail(error);
    return true;
}

bool ExpressionLibrary::exportSingle(const QString &name, const QUrl &file)
{
    setError({});
    const auto pose = find(name);
    if (!pose)
        return fail(tr("There is no expression \"%1\".").arg(name));
    QString error;
    if (!writeFile(localFilePath(file), emotionsJson({{name, *pose}}), &error))
        return fail(error);
    return true;
}

QStringList ExpressionLibrary::names() const
{
    QStringList result;
    result.reserve(m_rows.size());
    for (const Row &row : m_rows)
        result.append(row.name);
    return result;
}

int ExpressionLibrary::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == name)
            return int(i);
    return -1;
}

QList<NamedPose> ExpressionLibrary::expressions() const
{
    QList<NamedPose> result;
    result.reserve(m_rows.size());
    for (const Row &row : m_rows)
        result.append({row.name, *find(row.name)});
    return result;
}

std::optional<Pose> ExpressionLibrary::find(const QString &name) const
{
    const auto user = m_user.find(name);
    if (user != m_user.end())
        return *user;
    const auto factory = EmotionTemplates::factory().find(name);
    if (factory != EmotionTemplates::factory().end())
        return *factory;
    return std::nullopt;
}

QList<ExpressionLibrary::Row> ExpressionLibrary::buildRows() const
{
    QStringList names = EmotionTemplates::factory().keys();
    for (auto it = m_user.begin(); it != m_user.end(); ++it)
        if (!EmotionTemplates::factory().contains(it.key()))
            names << it.key();
    std::sort(names.begin(), names.end(), lessByName);
    QList<Row> rows;
    rows.reserve(names.size());
    for (const QString &name : std::as_const(names))
        rows.append({name, kindOf(name)});
    return rows;
}

void ExpressionLibrary::refresh()
{
    const QList<Row> rows = buildRows();
    const auto sameName = [](const Row &a, const Row &b) { return a.name == b.name; };
    const int oldCount = int(m_rows.size());
    if (std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(), sameName)) {
        // Same names: only kinds may differ.
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i].kind != m_rows[i].kind) {
                m_rows[i].kind = rows[i].kind;
                Q_EMIT dataChanged(index(i), index(i), {KindRole});
            }
        }
        return;
    }
    // One row more or less (the common case: save a new preset, delete one) keeps QML's list position.
    const auto firstDifference = [&](const QList<Row> &a, const QList<Row> &b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a[i].name == b[i].name)
            ++i;
        return i;
    };
    const int at = firstDifference(rows, m_rows);
    if (rows.size() == m_rows.size() + 1
        && std::equal(rows.begin() + at + 1, rows.end(), m_rows.begin() + at, m_rows.end(), sameName)) {
        beginInsertRows({}, at, at);
        m_rows = rows;
        endInsertRows();
    } else if (rows.size() + 1 == m_rows.size()
               && std::equal(rows.begin() + at, rows.end(), m_rows.begin() + at + 1, m_rows.end(), sameName)) {
        beginRemoveRows({}, at, at);
        m_rows = rows;
        endRemoveRows();
    } else {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    if (m_rows.size() != oldCount)
        Q_EMIT countChanged();
}

void ExpressionLibrary::setError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

bool ExpressionLibrary::fail(const QString &error)
{
    setError(error);
    return false;
}

bool ExpressionLibrary::persist()
{
    if (m_storagePath.isEmpty())
        return true;
    const QString path = m_storagePath;
    const QString shown = QDir::toNativeSeparators(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(tr("%1: cannot create the folder; the change is kept until the studio closes.").arg(shown));
    if (m_storageUnreadable && QFileInfo::exists(path)) {
        const QString backup = path + QStringLiteral(".bak");
        QFile::remove(backup);
        if (!QFile::copy(path, backup))
            return fail(tr("%1: cannot back up the unreadable file to %2; it was not overwritten.")
                            .arg(shown, QDir::toNativeSeparators(backup)));
    }
    QList<NamedPose> user;
    for (auto it = m_user.begin(); it != m_user.end(); ++it)
        user.append({it.key(), it.value()});
    std::sort(user.begin(), user.end(), [](const NamedPose &a, const NamedPose &b) { return lessByName(a.name, b.name); });
    QString error;
    if (!writeFile(path, emotionsJson(user), &error))
        return fail(error);
    m_storageUnreadable = false;
    return true;
}

bool ExpressionLibrary::validName(const QString &name, QString *error) const
{
    if (!isReservedName(name))
        return true;
    *error = name.trimmed().isEmpty() ? tr("An expression needs a name.")
                                      : tr("\"%1\" is reserved and cannot be used as an expression name.").arg(name);
    return false;
}

} // namespace ths
