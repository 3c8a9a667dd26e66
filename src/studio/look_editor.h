// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Look panel's backend: edits a postprocessor_chain (add, remove, reorder, tune), offers the original README's
// three example looks as presets, loads it from and saves it to a character's _animator.json (the whole file round
// trips: every other key stays as it was), and gives it to the live character, so the preview — and the server's
// stream — show it at once. Every change goes through the look's one parser: a value it refuses leaves the chain as
// it was and sets `error` (element and field named).

#include "look/filter_catalog.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ths {

class LiveCharacter;

class LookEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    // One map per step: {name, dynamic, params: [{name, type, value, min, max, choices}]}; type is "number",
    // "integer", "flag", "choice", "name" or "rgb" (value a list of three numbers).
    Q_PROPERTY(QVariantList steps READ steps NOTIFY changed)
    Q_PROPERTY(QStringList filterNames READ filterNames CONSTANT)
    Q_PROPERTY(QStringList presetNames READ presetNames CONSTANT)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QUrl file READ file NOTIFY fileChanged)

public:
    explicit LookEditor(QObject *parent = nullptr);

    QVariantList steps() const;
    QStringList filterNames() const;
    QStringList presetNames() const;
    QString error() const { return m_error; }
    QUrl file() const { return m_file; }

    // The chain as JSON ([[name, {every parameter}], …]).
    QJsonArray chainJson() const;
    // Replaces the chain (validated); false, with `error`, when refused.
    bool setChain(const QJsonArray &chain);

    Q_INVOKABLE bool add(const QString &filter);
    Q_INVOKABLE bool remove(int index);
    Q_INVOKABLE bool move(int from, int to);
    Q_INVOKABLE bool setParameter(int index, const QString &parameter, const QVariant &value);
    Q_INVOKABLE bool applyPreset(int index);
    Q_INVOKABLE void clear();
    // A character's _animator.json (or any animator settings file): its postprocessor_chain becomes the chain; the
    // rest of the file is kept for save(). A file without a chain gives an empty one.
    Q_INVOKABLE bool load(const QUrl &file);
    // Writes the loaded file (or a new one) with postprocessor_chain replaced, everything else untouched.
    Q_INVOKABLE bool save(const QUrl &file);

    // The character that shows the look (null: none).
    void setLiveCharacter(LiveCharacter *character);

Q_SIGNALS:
    void changed();
    void errorChanged();
    void fileChanged();

private:
    bool accept(const QJsonArray &chain);
    void fail(const QString &message);
    void apply();

    look::LookChain m_chain;
    QJsonObject m_document; // the loaded settings file
    QUrl m_file;
    QString m_error;
    QPointer<LiveCharacter> m_character;
};

} // namespace ths
