// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/sillytavern_installer.h"

#include "core/json_file.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVersionNumber>

namespace ths {

namespace {

// config.yaml's top-level "dataRoot: VALUE" (SillyTavern's default is ./data). Only this one scalar is read.
QString dataRootOf(const QString &dir)
{
    QFile config(QDir(dir).filePath(QStringLiteral("config.yaml")));
    QString root = QStringLiteral("./data");
    if (config.open(QIODevice::ReadOnly | QIODevice::Text)) {
        static const QRegularExpression line(QStringLiteral("^dataRoot:\\s*(?:\"([^\"]*)\"|'([^']*)'|([^#\\s][^#]*?))\\s*(?:#.*)?$"));
        for (const QString &text : QString::fromUtf8(config.readAll()).split(QLatin1Char('\n'))) {
            if (text.isEmpty() || text.front().isSpace())
                continue; // not a top-level key
            const QRegularExpressionMatch m = line.match(text);
            if (m.hasMatch()) {
                root = m.captured(1) + m.captured(2) + m.captured(3);
                break;
            }
        }
    }
    return QDir::cleanPath(QDir(dir).absoluteFilePath(root));
}

bool isOurExtension(const QString &folder)
{
    QFile manifest(QDir(folder).filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::ReadOnly))
        return false;
    return QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("display_name")).toString()
           == QLatin1String("Talkinghead Studio");
}

// Copies every file under `from` into the new folder `to`; false and *error on the first failure.
bool copyTree(const QString &from, const QString &to, QString *error)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).path())) {
            *error = QStringLiteral("%1: cannot create the folder").arg(QFileInfo(target).path());
            return false;
        }
        QFile source(file);
        QFile out(target);
        if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(source.readAll()) != source.size()) {
            *error = QStringLiteral("%1: cannot write it (%2)").arg(target, out.errorString());
            return false;
        }
        ++copied;
    }
    if (copied == 0) {
        *error = QStringLiteral("%1: the extension's files are missing from this build").arg(from);
        return false;
    }
    return true;
}

} // namespace

std::optional<SillyTavernInstaller::Checkout> SillyTavernInstaller::open(const QString &dir, QString *error)
{
    const QFileInfo info(dir);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such folder").arg(dir);
        return std::nullopt;
    }
    if (!info.isDir()) {
        *error = QStringLiteral("%1: not a folder (give the SillyTavern folder, the one with server.js)").arg(dir);
        return std::nullopt;
    }
    const QString root = info.absoluteFilePath();
    const QString packagePath = QDir(root).filePath(QStringLiteral("package.json"));
    if (!QFileInfo::exists(packagePath)) {
        *error = QStringLiteral("%1 is not a SillyTavern folder: it has no package.json (give the folder with server.js "
                                "and public/)").arg(dir);
        return std::nullopt;
    }
    QString jsonError;
    const auto package = readJsonFile(packagePath, &jsonError);
    if (!package || !package->isObject()) {
        *error = jsonError.isEmpty() ? QStringLiteral("%1: expected a JSON object").arg(packagePath) : jsonError;
        return std::nullopt;
    }
    const QJsonObject object = package->object();
    if (object.value(QStringLiteral("name")).toString().compare(QLatin1String("sillytavern"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("%1 is not a SillyTavern folder: its package.json names \"%2\", not \"sillytavern\"")
                     .arg(dir, object.value(QStringLiteral("name")).toString());
        return std::nullopt;
    }
    const QString version = object.value(QStringLiteral("version")).toString();
    if (QVersionNumber::fromString(version) < QVersionNumber::fromString(QLatin1String(kMinimumVersion))) {
        *error = QStringLiteral("%1 is SillyTavern %2; the extension needs %3 or newer (SillyTavern up to 1.12.12 has "
                                "its own talkinghead client: run 'talkinghead-studio serve --talkinghead-label' and "
                                "choose Extras in Character Expressions instead)")
                     .arg(dir, version.isEmpty() ? QStringLiteral("(no version)") : version, QLatin1String(kMinimumVersion));
        return std::nullopt;
    }
    if (!QFileInfo(QDir(root).filePath(QStringLiteral("public/scripts/extensions"))).isDir()) {
        *error = QStringLiteral("%1 is not a complete SillyTavern folder: public/scripts/extensions is missing").arg(dir);
        return std::nullopt;
    }
    return Checkout{root, version, dataRootOf(root)};
}

QStringList SillyTavernInstaller::users(const Checkout &checkout)
{
    QStringList names;
    const QDir data(checkout.dataRoot);
    for (const QString &name : data.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir user(data.filePath(name));
        if (name.startsWith(QLatin1Char('_')) || name.startsWith(QLatin1Char('.')))
            continue; // SillyTavern's own folders (_storage, _uploads, _cache)
        if (user.exists(QStringLiteral("settings.json")) || user.exists(QStringLiteral("extensions"))
            || user.exists(QStringLiteral("characters")))
            names.append(name);
    }
    return names;
}

std::optional<QString> SillyTavernInstaller::install(const Checkout &checkout, const QString &user, bool allUsers,
                                                     QString *error, const QString &sourceDir)
{
    QString parent;
    if (allUsers) {
        parent = QDir(checkout.dir).filePath(QStringLiteral("public/scripts/extensions/third-party"));
    } else {
        const QStringList known = users(checkout);
        QString name = user;
        if (name.isEmpty()) {
            if (known.contains(QLatin1String("default-user")))
                name = QStringLiteral("default-user");
            else if (known.size() == 1)
                name = known.first();
        }
        if (name.isEmpty() || !known.contains(name)) {
            if (known.isEmpty())
                *error = QStringLiteral("%1 has no user folders yet: start SillyTavern once (it creates "
                                        "default-user), or install for everyone with --all-users").arg(checkout.dataRoot);
            else if (name.isEmpty())
                *error = QStringLiteral("%1 holds several users (%2): name one with --user, or use --all-users")
                             .arg(checkout.dataRoot, known.join(QStringLiteral(", ")));
            else
                *error = QStringLiteral("--user %1: no such user in %2 (users: %3)")
                             .arg(name, checkout.dataRoot, known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        parent = QDir(checkout.dataRoot).filePath(name + QStringLiteral("/extensions"));
    }
    const QString target = QDir(parent).filePath(QLatin1String(kFolderName));
    if (QFileInfo::exists(target) && !isOurExtension(target)) {
        *error = QStringLiteral("%1 exists and is not Talkinghead Studio's extension; move it away first").arg(target);
        return std::nullopt;
    }
    // Copy next to the target, then swap, so a failed copy leaves any earlier installation as it was.
    const QString fresh = target + QStringLiteral(".new");
    const QString old = target + QStringLiteral(".old");
    QDir(fresh).removeRecursively();
    QDir(old).removeRecursively();
    if (!QDir().mkpath(fresh)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(fresh);
        return std::nullopt;
    }
    if (!copyTree(sourceDir, fresh, error)) {
        QDir(fresh).removeRecursively();
        return std::nullopt;
    }
    if (QFileInfo::exists(target) && !QDir().rename(target, old)) {
        *error = QStringLiteral("%1: cannot replace the earlier installation").arg(target);
        QDir(fresh).removeRecursively();
        return std::nullopt;
    }
    if (!QDir().rename(fresh, target)) {
        *error = QStringLiteral("%1: cannot move the new files into place").arg(target);
        QDir().rename(old, target);
        return std::nullopt;
    }
    QDir(old).removeRecursively();
    return target;
}

} // namespace ths
