// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/character_controller.h"

#include "core/local_file_path.h"
#include "studio/job_result.h"
#include "studio/studio_image_provider.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QSettings>
#include <QVariantMap>
#include <QPointer>
#include <QtConcurrent>

namespace ths {

namespace {
const QString kRecentKey = QStringLiteral("recentCharacters");
constexpr int kMaxRecent = 10;
} // namespace

struct CharacterController::Loaded {
    ImportedImage imported;
    QImage overlay;
    bool differsFromFile = false;
};

CharacterController::CharacterController(std::shared_ptr<StudioImages> images, QObject *parent)
    : QObject(parent)
    , m_images(std::move(images))
{
    refreshRecent();
    // The findings are worded when the image is checked: check again in the new language after a switch.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool CharacterController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance() && m_state == QLatin1String("loaded")
        && !m_source.isEmpty())
        open(m_source);
    return QObject::eventFilter(watched, event);
}

CharacterController::~CharacterController() = default;

QString CharacterController::fileName() const
{
    return m_source.isEmpty() ? QString() : QFileInfo(m_source.toLocalFile()).fileName();
}

QString CharacterController::summary() const
{
    return m_state == QLatin1String("loaded") ? m_report.summary() : QString();
}

QVariantList CharacterController::issues() const
{
    QVariantList list;
    if (m_state != QLatin1String("loaded"))
        return list;
    for (const ImageIssue &issue : m_report.issues())
        list.append(QVariantMap{{QStringLiteral("severity"), severityName(issue.severity)},
                                {QStringLiteral("code"), issue.code},
                                {QStringLiteral("message"), issue.message}});
    return list;
}

QUrl CharacterController::imageUrl() const
{
    return m_state == QLatin1String("loaded") ? StudioImages::url(QStringLiteral("character"), m_serial) : QUrl();
}

QUrl CharacterController::overlayUrl() const
{
    return m_state == QLatin1String("loaded") ? StudioImages::url(QStringLiteral("overlay"), m_serial) : QUrl();
}

void CharacterController::open(const QUrl &file)
{
    QString path = localFilePath(file);
    if (path.isEmpty())
        path = file.toDisplayString(); // not a local file: the import names it as given ("file-not-found")
    m_state = QStringLiteral("loading");
    setError({});
    Q_EMIT changed();

    openAsync(path, ++m_generation);
}

// The path by value: the coroutine outlives open().
QCoro::Task<void> CharacterController::openAsync(QString path, quint64 generation)
{
    const QPointer<CharacterController> self(this);
    // Decoding and checking a large image takes a while: never on the GUI thread.
    const Loaded loaded = co_await jobResult(QtConcurrent::run(&CharacterController::loadFile, path));
    if (self && generation == m_generation) // not destroyed, and not superseded by a later open()
        finishOpen(path, loaded);
}

CharacterController::Loaded CharacterController::loadFile(const QString &path)
{
    Loaded loaded;
    loaded.imported = importImageFile(path);
    if (loaded.imported.image.isNull())
        return loaded;
    loaded.overlay = importOverlay(loaded.imported.image);
    // A fixed copy is worth saving only when the import changed pixels (resized, cropped, hidden colour
    // cleared, orientation applied …): compare with the file exactly as decoded.
    QImageReader reader(path);
    reader.setAutoTransform(false);
    const QImage raw = reader.read();
    loaded.differsFromFile = raw.isNull() || raw.size() != loaded.imported.image.size()
                             || raw.convertToFormat(QImage::Format_RGBA8888) != loaded.imported.image;
    return loaded;
}

void CharacterController::finishOpen(const QString &path, const Loaded &loaded)
{
    if (loaded.imported.image.isNull()) {
        // Nothing decodable: keep showing the previous character; the message says what was wrong.
        m_state = m_image.isNull() ? QStringLiteral("empty") : QStringLiteral("loaded");
        QString reason;
        for (const ImageIssue &issue : loaded.imported.report.issues())
            if (issue.severity == ImageIssueSeverity::Error) {
                reason = issue.message;
                break;
            }
        setError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), reason));
        Q_EMIT changed();
        Q_EMIT openFinished(false);
        return;
    }
    m_source = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    m_image = loaded.imported.image;
    m_report = loaded.imported.report;
    m_differsFromFile = loaded.differsFromFile;
    m_state = QStringLiteral("loaded");
    ++m_serial;
    if (m_images) {
        m_images->set(QStringLiteral("character"), m_image);
        m_images->set(QStringLiteral("overlay"), loaded.overlay);
    }
    if (!m_lastSavedCopy.isEmpty()) {
        m_lastSavedCopy.clear();
        Q_EMIT lastSavedCopyChanged();
    }
    addRecent(m_source.toLocalFile());
    Q_EMIT changed();
    Q_EMIT imageChanged();
    Q_EMIT openFinished(true);
}

bool CharacterController::saveFixedCopy()
{
    if (m_state != QLatin1String("loaded") || m_image.isNull()) {
        setError(tr("Open a character first."));
        return false;
    }
    QString error;
    const std::optional<QString> written = ths::saveFixedCopy(m_source.toLocalFile(), m_image, &error);
    if (!written) {
        setError(error);
        return false;
    }
    setError({});
    m_lastSavedCopy = *written;
    Q_EMIT lastSavedCopyChanged();
    return true;
}

void CharacterController::clearRecent()
{
    QSettings().remove(kRecentKey);
    refreshRecent();
}

void CharacterController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void CharacterController::addRecent(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(kRecentKey).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    settings.setValue(kRecentKey, list);
    refreshRecent();
}

// Files deleted or moved since are dropped from the list (and from the stored setting), so the menu offers only
// what can be opened.
void CharacterController::refreshRecent()
{
    QSettings settings;
    const QStringList stored = settings.value(kRecentKey).toStringList();
    QStringList existing;
    for (const QString &path : stored)
        if (QFileInfo::exists(path))
            existing.append(path);
    if (existing != stored) {
        if (existing.isEmpty())
            settings.remove(kRecentKey);
        else
            settings.setValue(kRecentKey, existing);
    }
    if (existing != m_recentFiles) {
        m_recentFiles = existing;
        Q_EMIT recentFilesChanged();
    }
}

} // namespace ths
