// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/batch_exporter.h"

#include "core/local_file_path.h"
#include "core/thread_priority.h"
#include "engine/poser.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace ths {

namespace {

const QString kEmotionsFile = QStringLiteral("_emotions.json");

// QSaveFile: the file appears only when complete, so a failed or interrupted export never leaves a broken file.
bool saveBytes(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    *error = BatchExporter::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

bool savePng(const QString &path, const QImage &image, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit())
        return true;
    *error = BatchExporter::tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace

BatchExporter::BatchExporter(QObject *parent) : QObject(parent) {}

BatchExporter::~BatchExporter()
{
    m_cancel = true;
    m_future.waitForFinished();
}

void BatchExporter::start(const QString &folder, std::shared_ptr<Poser> poser, const QImage &image,
                          const QList<NamedPose> &expressions)
{
    if (m_running) {
        // The running export keeps its finished() for itself.
        setLastError(tr("An export is already running."));
        return;
    }
    auto refuse = [this](const QString &message) {
        setLastError(message);
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT finished(false, false, message); }, Qt::QueuedConnection);
    };
    if (!poser)
        return refuse(tr("The models are not loaded yet."));
    if (image.isNull())
        return refuse(tr("Open a character image first."));
    if (expressions.isEmpty())
        return refuse(tr("There are no expressions to export."));
    if (folder.isEmpty())
        return refuse(tr("Choose a folder to export into."));
    if (!QDir().mkpath(folder))
        return refuse(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));

    m_cancel = false;
    setLastError({});
    if (m_lastFolder != folder) {
        m_lastFolder = folder;
        Q_EMIT lastFolderChanged();
    }
    m_total = int(expressions.size());
    Q_EMIT totalChanged();
    Q_EMIT progressChanged();
    setDone(0);
    m_running = true;
    Q_EMIT runningChanged();
    m_future = QtConcurrent::run([this, folder, poser, image, expressions] { run(folder, poser, image, expressions); });
}

void BatchExporter::cancel()
{
    if (m_running)
        m_cancel = true;
}

QStringList BatchExporter::conflicts(const QUrl &folder, const QStringList &names) const
{
    const QDir dir(localFilePath(folder));
    QStringList result;
    if (dir.path().isEmpty() || !dir.exists())
        return result;
    for (const QString &name : names) {
        for (const QString &suffix : {QStringLiteral(".png"), QStringLiteral(".json")}) {
            const QString file = fileStem(name) + suffix;
            if (QFileInfo::exists(dir.filePath(file)) && !result.contains(file))
                result << file;
        }
    }
    if (QFileInfo::exists(dir.filePath(kEmotionsFile)))
        result << kEmotionsFile;
    return result;
}

QString BatchExporter::fileStem(const QString &name)
{
    QString stem = name;
    for (QChar &c : stem) {
        if (c.unicode() < 0x20 || QStringLiteral("/\\:*?\"<>|").contains(c))
            c = QLatin1Char('_');
    }
    // No hidden files, no "..", and never the summary file's name.
    if (stem.isEmpty() || stem.startsWith(QLatin1Char('.')))
        stem.prepend(QLatin1Char('_'));
    if (stem == QLatin1String("_emotions"))
        stem += QLatin1Char('_');
    return stem;
}

// Worker thread: everything the GUI sees goes through queued calls to this object.
void BatchExporter::run(QString folder, std::shared_ptr<Poser> poser, QImage image, QList<NamedPose> expressions)
{
    lowerCurrentThreadPriority(); // a pool thread doing inference: the GUI comes first
    auto post = [this](auto f) { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
    const QDir dir(folder);
    const int total = int(expressions.size());
    for (int i = 0; i < total; ++i) {
        if (m_cancel) {
            post([this, i, total] {
                finish(false, true, tr("Export cancelled after %1 of %2 expressions.").arg(i).arg(total));
            });
            return;
        }
        const NamedPose &expression = expressions[i];
        post([this, name = expression.name] { setCurrent(name); });
        QString error;
        QImage frame;
        try {
            // The poser is shared with the preview: the character goes with every frame, in one step.
            frame = poser->render(image, expression.pose);
        } catch (const std::exception &e) {
            error = tr("Rendering \"%1\" failed: %2").arg(expression.name, QString::fromUtf8(e.what()));
        }
        const QString stem = fileStem(expression.name);
        if (error.isEmpty())
            savePng(dir.filePath(stem + QStringLiteral(".png")), frame, &error);
        if (error.isEmpty())
            saveBytes(dir.filePath(stem + QStringLiteral(".json")), emotionsJson({expression}), &error);
        if (!error.isEmpty()) {
            post([this, error] { finish(false, false, error); });
            return;
        }
        post([this, done = i + 1] { setDone(done); });
    }
    QString error;
    if (!saveBytes(dir.filePath(kEmotionsFile), emotionsJson(expressions), &error)) {
        post([this, error] { finish(false, false, error); });
        return;
    }
    post([this, total, folder] {
        finish(true, false, tr("Exported %1 expressions to %2.").arg(total).arg(QDir::toNativeSeparators(folder)));
    });
}

void BatchExporter::setCurrent(const QString &name)
{
    if (m_currentName == name)
        return;
    m_currentName = name;
    Q_EMIT currentNameChanged();
}

void BatchExporter::setDone(int done)
{
    if (m_done == done)
        return;
    m_done = done;
    Q_EMIT doneChanged();
    Q_EMIT progressChanged();
}

void BatchExporter::finish(bool ok, bool cancelled, const QString &message)
{
    setCurrent({});
    setLastError(ok || cancelled ? QString() : message);
    m_running = false;
    Q_EMIT runningChanged();
    Q_EMIT finished(ok, cancelled, message);
}

void BatchExporter::setLastError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace ths
