// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The studio's expression library: the 28 factory emotions (EmotionTemplates::factory()) plus the user's layer —
// presets of their own ("user") and overrides of factory emotions ("modified"). The user layer lives in one JSON
// file (storagePath, `_emotions.json` format) that is rewritten atomically after every change. A file that cannot
// be read is reported and left alone until the user changes something; then it is first copied to `<file>.bak`,
// so a hand-edited file with a typo is never lost.
//
// Files in and out use the original's `_emotions.json` format: `{"emotion": {param: value, …}, …}`, every
// parameter in model order, indent 4. Imports validate everything before changing anything; errors name the file,
// the emotion and the field.

#include "pose/pose.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ths {

struct NamedPose {
    QString name;
    Pose pose;
    bool operator==(const NamedPose &other) const { return name == other.name && pose == other.pose; }
};

// `{"name": {45 keys in model order}, …}` with indent 4 and the shortest float spelling that reads back exactly
// (0.7, not 0.699999988079071). Entries in the given order.
QByteArray emotionsJson(const QList<NamedPose> &expressions);
// Parses an emotions document: `{"emotion": {param: value}, …}`, or — when the top-level values are numbers — one
// flat pose `{param: value}` named `flatName`. All-or-nothing; errors name the emotion and the field (the caller
// adds the file). Names that are empty or pseudo-emotions are refused.
std::optional<QList<NamedPose>> parseEmotionsJson(const QByteArray &json, const QString &flatName, QString *error);

class ExpressionLibrary : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString storagePath READ storagePath WRITE setStoragePath NOTIFY storagePathChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, KindRole };

    // Reads the default storage (AppDataLocation/expressions.json).
    explicit ExpressionLibrary(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    QString storagePath() const { return m_storagePath; }
    // Replaces the user layer with what `path` holds (nothing when it does not exist; "" = keep it in memory only).
    void setStoragePath(const QString &path);
    QString lastError() const { return m_lastError; }

    static QString defaultStoragePath();

    // Every expression's name, in row order; the row of `name` (-1: none). QML's list view creates only the visible
    // delegates, so it asks the model.
    Q_INVOKABLE QStringList names() const;
    Q_INVOKABLE int indexOf(const QString &name) const;
    // Name → value of all 45 parameters; empty for an unknown name.
    Q_INVOKABLE QVariantMap poseOf(const QString &name) const;
    // "factory", "modified", "user" or "" (unknown).
    Q_INVOKABLE QString kindOf(const QString &name) const;
    // Creates or replaces a preset (a factory name becomes "modified"; saving exactly the factory pose makes it
    // "factory" again). Values must be numbers in range; missing parameters are 0.
    Q_INVOKABLE bool savePreset(const QString &name, const QVariantMap &pose);
    // Only user presets can be renamed, and not onto an existing name.
    Q_INVOKABLE bool rename(const QString &from, const QString &to);
    // user → deleted; modified → back to the factory pose; an unmodified factory emotion → refused.
    Q_INVOKABLE bool remove(const QString &name);
    // `_emotions.json` or a single-emotion file `{"name": {…}}` (or a flat `{param: value}` named after the file).
    // Imported emotions replace those of the same name.
    Q_INVOKABLE bool importFile(const QUrl &file);
    // Every expression, sorted by name.
    Q_INVOKABLE bool exportEmotions(const QUrl &file);
    // `{"name": {…}}`.
    Q_INVOKABLE bool exportSingle(const QString &name, const QUrl &file);

    // Every expression with its effective pose, sorted like the rows.
    QList<NamedPose> expressions() const;
    std::optional<Pose> find(const QString &name) const;

Q_SIGNALS:
    void countChanged();
    void storagePathChanged();
    void lastErrorChanged();
    // Any change of an expression's pose, name or kind.
    void expressionsChanged();

private:
    struct Row {
        QString name;
        QString kind;
    };

    // Replaces the user layer with what storagePath holds.
    void load();
    QList<Row> buildRows() const;
    // Moves the model to buildRows(), with row-level signals where the change is one insert/remove/kind change.
    void refresh();
    void setError(const QString &error);
    bool fail(const QString &error);
    // Saves the user layer to storagePath (first backing up an unreadable file). False with lastError on failure.
    bool persist();
    bool validName(const QString &name, QString *error) const;

    QHash<QString, Pose> m_user;     // user presets and overrides of factory emotions
    QList<Row> m_rows;
    QString m_storagePath;
    QString m_lastError;
    bool m_storageUnreadable = false; // the file exists but could not be read: back it up before overwriting
};

} // namespace ths
