// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/emotion_templates.h"

#include "core/json_file.h"

#include "animation/animation_log.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ths {

namespace {

bool isPseudo(const QString &name)
{
    return name == EmotionTemplates::kCustom || name == EmotionTemplates::kReset;
}

// A flat {param: number} object as a pose; errors are Pose's ("pose parameter \"x\" …").
std::optional<Pose> parseFlat(const QJsonObject &flat, QString *error)
{
    // Pose::fromJson also accepts the one-entry template form; wrapping under a key that is no parameter name
    // makes it unwrap exactly once, so a nested object inside a template is reported instead of taken.
    return Pose::fromJson(QJsonObject{{QStringLiteral("template"), flat}}, error);
}

QHash<QString, Pose> loadFactory()
{
    QString error;
    auto templates = EmotionTemplates::readDirectory(EmotionTemplates::kFactoryDirectory, &error);
    if (!templates) {
        // Only a broken build gets here; the factory test guards the shipped files.
        qCCritical(lcAnimation) << "factory emotion templates are broken:" << error;
        return {{EmotionTemplates::kNeutral, Pose()}};
    }
    if (!templates->contains(EmotionTemplates::kNeutral))
        templates->insert(EmotionTemplates::kNeutral, Pose());
    return *templates;
}

} // namespace

EmotionTemplates::EmotionTemplates() = default;

const QHash<QString, Pose> &EmotionTemplates::factory()
{
    static const QHash<QString, Pose> templates = loadFactory();
    return templates;
}

std::optional<QHash<QString, Pose>> EmotionTemplates::readDirectory(const QString &directory, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QHash<QString, Pose>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!QFileInfo(directory).isDir())
        return fail(QStringLiteral("%1: not a directory").arg(directory));

    QStringList paths;
    QDirIterator it(directory, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    std::sort(paths.begin(), paths.end()); // deterministic "defined twice" reports

    QHash<QString, Pose> templates;
    QHash<QString, QString> definedIn;
    for (const QString &path : std::as_const(paths)) {
        const QString stem = QFileInfo(path).completeBaseName();
        if (stem.startsWith(QLatin1Char('_'))) // e.g. the original's _defaults.json, or a stray _emotions.json
            continue;
        if (isPseudo(stem))
            return fail(QStringLiteral("%1: \"%2\" is a reserved pseudo-emotion").arg(path, stem));
        if (definedIn.contains(stem))
            return fail(QStringLiteral("%1: emotion \"%2\" is already defined by %3").arg(path, stem, definedIn[stem]));

        QString readError;
        const auto doc = readJsonFile(path, &readError);
        if (!doc)
            return fail(readError);
        if (!doc->isObject())
            return fail(QStringLiteral("%1: expected an object {\"%2\": {param: value}}").arg(path, stem));
        const QJsonValue entry = doc->object().value(stem);
        if (!entry.isObject())
            return fail(QStringLiteral("%1: expected an entry \"%2\" holding {param: value}").arg(path, stem));
        QString message;
        const auto pose = parseFlat(entry.toObject(), &message);
        if (!pose)
            return fail(QStringLiteral("%1: emotion \"%2\": %3").arg(path, stem, message));
        templates.insert(stem, *pose);
        definedIn.insert(stem, path);
    }
    return templates;
}

std::optional<QHash<QString, Pose>> EmotionTemplates::parseTemplates(const QJsonValue &body, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<QHash<QString, Pose>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // The original treats any empty body as "reset"; the client sends {} for characters without templates.
    if (body.isArray() && body.toArray().isEmpty())
        return QHash<QString, Pose>();
    if (!body.isObject())
        return fail(QStringLiteral("expected an object of emotion name → {param: value}"));

    QHash<QString, Pose> templates;
    const QJsonObject object = body.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &name = it.key();
        if (name.isEmpty())
            return fail(QStringLiteral("an emotion name must not be empty"));
        if (isPseudo(name))
            return fail(QStringLiteral("emotion \"%1\": a reserved pseudo-emotion cannot be redefined").arg(name));
        if (!it.value().isObject())
            return fail(QStringLiteral("emotion \"%1\": expected an object of {param: value}").arg(name));
        QString message;
        const auto pose = parseFlat(it.value().toObject(), &message);
        if (!pose)
            return fail(QStringLiteral("emotion \"%1\": %2").arg(name, message));
        templates.insert(name, *pose);
    }
    return templates;
}

bool EmotionTemplates::loadServerDirectory(const QString &directory, QString *error)
{
    if (directory.isEmpty()) {
        m_server.clear();
        m_serverDirectory.clear();
        return true;
    }
    auto templates = readDirectory(directory, error);
    if (!templates)
        return false;
    m_server = std::move(*templates);
    m_serverDirectory = directory;
    return true;
}

bool EmotionTemplates::loadClientTemplates(const QJsonValue &body, QString *error)
{
    auto templates = parseTemplates(body, error);
    if (!templates)
        return false;
    m_client = std::move(*templates);
    return true;
}

void EmotionTemplates::clearClientTemplates()
{
    m_client.clear();
}

QStringList EmotionTemplates::names() const
{
    QStringList result = factory().keys();
    for (auto *layer : {&m_server, &m_client})
        for (auto it = layer->begin(); it != layer->end(); ++it)
            if (!result.contains(it.key()))
                result << it.key();
    result.sort();
    return result;
}

bool EmotionTemplates::contains(const QString &name) const
{
    return source(name).has_value();
}

QString EmotionTemplates::resolve(const QString &name) const
{
    return contains(name) ? name : kNeutral;
}

Pose EmotionTemplates::pose(const QString &name) const
{
    const QString resolved = resolve(name);
    if (auto it = m_client.constFind(resolved); it != m_client.constEnd())
        return *it;
    if (auto it = m_server.constFind(resolved); it != m_server.constEnd())
        return *it;
    return factory().value(resolved); // a pseudo-emotion gives the default, all-zero pose
}

std::optional<EmotionTemplates::Source> EmotionTemplates::source(const QString &name) const
{
    if (m_client.contains(name))
        return Source::Client;
    if (m_server.contains(name))
        return Source::Server;
    if (factory().contains(name))
        return Source::Factory;
    if (isPseudo(name))
        return Source::Pseudo;
    return std::nullopt;
}

} // namespace ths
