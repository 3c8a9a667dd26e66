// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Batch export of expressions: renders each NamedPose with the Poser on a worker thread and writes
// `<name>.png` + `<name>.json` (`{"<name>": {45 keys}}`) per expression and, when all are done, `_emotions.json`
// into a folder (created if needed). Every file is written with QSaveFile, so a cancelled or failed run never
// leaves a half-written file. Progress properties are updated on the GUI thread.

#include "studio/expression_library.h"

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace ths {

class Poser;

class BatchExporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString currentName READ currentName NOTIFY currentNameChanged)
    Q_PROPERTY(int done READ done NOTIFY doneChanged)
    Q_PROPERTY(int total READ total NOTIFY totalChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastFolder READ lastFolder NOTIFY lastFolderChanged)

public:
    explicit BatchExporter(QObject *parent = nullptr);
    // Cancels a running export and waits for the current frame.
    ~BatchExporter() override;

    bool running() const { return m_running; }
    double progress() const { return m_total > 0 ? double(m_done) / m_total : 0.0; }
    QString currentName() const { return m_currentName; }
    int done() const { return m_done; }
    int total() const { return m_total; }
    QString lastError() const { return m_lastError; }
    QString lastFolder() const { return m_lastFolder; }

    // Starts the export; the result comes with finished(). When it cannot start (no poser, no image, nothing to
    // export, folder not creatable) finished(false, false, reason) is emitted from the event loop; while an export
    // runs, a second start() only sets lastError.
    void start(const QString &folder, std::shared_ptr<Poser> poser, const QImage &image,
               const QList<NamedPose> &expressions);
    // Stops after the current frame; files already written stay, `_emotions.json` is not written.
    Q_INVOKABLE void cancel();
    // The file names in `folder` that an export of `names` would overwrite (including `_emotions.json`).
    Q_INVOKABLE QStringList conflicts(const QUrl &folder, const QStringList &names) const;

    // The file stem used for an expression name: characters that are unsafe in file names become '_'.
    static QString fileStem(const QString &name);

Q_SIGNALS:
    void runningChanged();
    void progressChanged();
    void currentNameChanged();
    void doneChanged();
    void totalChanged();
    void lastErrorChanged();
    void lastFolderChanged();
    void finished(bool ok, bool cancelled, const QString &message);

private:
    void run(QString folder, std::shared_ptr<Poser> poser, QImage image, QList<NamedPose> expressions);
    // GUI-thread setters (the worker posts to them).
    void setCurrent(const QString &name);
    void setDone(int done);
    void finish(bool ok, bool cancelled, const QString &message);
    void setLastError(const QString &error);

    bool m_running = false;
    int m_done = 0;
    int m_total = 0;
    QString m_currentName;
    QString m_lastError;
    QString m_lastFolder;
    std::atomic_bool m_cancel{false};
    QFuture<void> m_future;
};

} // namespace ths
