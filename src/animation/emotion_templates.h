// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Emotion name → target pose, with the lookup chain of SillyTavern-Extras' talkinghead:
//   1. per-character templates sent by the client (POST load_emotion_templates; `{}` resets this layer),
//   2. the server's override directory (optional; `<dir>/<name>.json` holding `{"<name>": {param: value}}`),
//   3. the 28 factory templates compiled into the library (data/emotions/<name>.json, resource :/ths/emotions).
// A template replaces the whole pose of its emotion; a morph it omits is 0 (what the original documents; the
// original actually kept the previous value). Names are case-sensitive; unknown names resolve to "neutral",
// which always exists. The pseudo-emotions "[custom]" (keep the current target: freeze) and "[reset]" (all-zero
// pose) are accepted as in the original and cannot be redefined.
//
// Every load validates everything first (unknown morph names, non-numbers, out-of-range values, malformed
// files); on error nothing changes and the error names the emotion (or file) and the field.

#include "pose/pose.h"

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ths {

class EmotionTemplates
{
public:
    enum class Source { Client, Server, Factory, Pseudo };

    static inline const QString kNeutral = QStringLiteral("neutral");
    static inline const QString kCustom = QStringLiteral("[custom]");
    static inline const QString kReset = QStringLiteral("[reset]");
    // Where the factory templates live inside the library.
    static inline const QString kFactoryDirectory = QStringLiteral(":/ths/emotions");

    // Factory templates only.
    EmotionTemplates();

    // The factory templates (loaded once from the resource).
    static const QHash<QString, Pose> &factory();
    // Reads every `<stem>.json` below `directory` (recursively; names starting with '_' are skipped) and takes
    // the entry named after the stem. Errors name the file and the field.
    static std::optional<QHash<QString, Pose>> readDirectory(const QString &directory, QString *error);
    // Validates a client body: an object of emotion → {param: number}; an empty object or array means "none".
    static std::optional<QHash<QString, Pose>> parseTemplates(const QJsonValue &body, QString *error);

    // Replaces the server layer with the templates of `directory`; an empty path clears it.
    bool loadServerDirectory(const QString &directory, QString *error);
    // load_emotion_templates semantics: replaces the client layer with `body` (`{}` or `[]` resets it). Emotions
    // it names replace the server/factory template whole; new names add emotions.
    bool loadClientTemplates(const QJsonValue &body, QString *error);
    void clearClientTemplates();

    // The emotions, sorted (pseudo-emotions not included).
    [[nodiscard]] QStringList names() const;
    // True for the emotions and the two pseudo-emotions.
    [[nodiscard]] bool contains(const QString &name) const;
    // `name` if it is known, else "neutral".
    [[nodiscard]] QString resolve(const QString &name) const;
    // The template of resolve(name); all zeros for the pseudo-emotions.
    [[nodiscard]] Pose pose(const QString &name) const;
    // Which layer answers for `name`; empty when unknown.
    [[nodiscard]] std::optional<Source> source(const QString &name) const;
    [[nodiscard]] QString serverDirectory() const { return m_serverDirectory; }

private:
    QHash<QString, Pose> m_client;
    QHash<QString, Pose> m_server;
    QString m_serverDirectory;
};

} // namespace ths
