// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data_locations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ths {

namespace {

const QString kAppDir = QStringLiteral("talkinghead-studio");

void appendUnique(QStringList &list, const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    if (!clean.isEmpty() && !list.contains(clean))
        list << clean;
}

} // namespace

QStringList dataDirs()
{
    QStringList dirs;
    const QStringList xdg = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    // 1: XDG_DATA_HOME is the first entry Qt returns.
    if (!xdg.isEmpty())
        appendUnique(dirs, QDir(xdg.first()).filePath(kAppDir));
    // 2: beside the executable, so that a relocated install tree uses its own data. applicationDirPath() resolves
    // the executable through /proc/self/exe (symbolic links followed).
    if (QCoreApplication::instance())
        appendUnique(dirs, QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/") + kAppDir));
    // 3: the system data folders.
    for (qsizetype i = 1; i < xdg.size(); ++i)
        appendUnique(dirs, QDir(xdg[i]).filePath(kAppDir));
    return dirs;
}

QStringList modelsSearchPath()
{
    QStringList path;
    for (const QString &dir : dataDirs())
        appendUnique(path, QDir(dir).filePath(QStringLiteral("models")));
    appendUnique(path, QStringLiteral(THS_DEFAULT_MODELS_DIR));
    return path;
}

QString defaultCharacterImage()
{
    const QString name = QStringLiteral("images/lambda_00.png");
    for (const QString &dir : dataDirs()) {
        const QString candidate = QDir(dir).filePath(name);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return QDir(QStringLiteral(THS_DEFAULT_IMAGES_DIR)).filePath(QStringLiteral("lambda_00.png"));
}

QString modelsSearchPathHelp()
{
    return QStringLiteral("the first of ~/.local/share/talkinghead-studio/models, <executable>/../share/"
                          "talkinghead-studio/models and $XDG_DATA_DIRS/talkinghead-studio/models that holds the variant");
}

} // namespace ths
