// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/speech_atlas.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcAtlas, "ths.atlas")

namespace ths {

namespace {

// Bump when the cell grid or the file format changes, so old folders are never read as new ones.
constexpr char kFormat[] = "speech-atlas-1";

QThreadPool &writerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1); // writes queue up in order and never compete with rendering for more than a core
        return p;
    }();
    return *pool;
}

void writeCell(const QString &path, const QImage &frame)
{
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcAtlas).noquote() << "cannot write" << path << ":" << file.errorString();
        return;
    }
    QImageWriter writer(&file, "png");
    writer.setQuality(85); // zlib level 1: these files are written once and read rarely
    if (!writer.write(frame)) {
        qCWarning(lcAtlas).noquote() << "cannot encode" << path << ":" << writer.errorString();
        file.cancelWriting();
        return;
    }
    if (!file.commit())
        qCWarning(lcAtlas).noquote() << "cannot write" << path << ":" << file.errorString();
}

qint64 folderBytes(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

} // namespace

QString SpeechAtlas::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/speech-atlas");
}

QByteArray SpeechAtlas::imageDigest(const QImage &image)
{
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (int y = 0; y < rgba.height(); ++y)
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(rgba.constScanLine(y)), rgba.width() * 4));
    return hash.result();
}

QByteArray SpeechAtlas::keyFor(const QByteArray &imageDigest, const Pose &rest, const QString &renderer)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(kFormat));
    hash.addData(imageDigest);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(rest.values().data()),
                                qsizetype(rest.values().size() * sizeof(float))));
    hash.addData(renderer.toUtf8());
    return hash.result().toHex().left(32);
}

SpeechAtlas::SpeechAtlas(QByteArray key, QString cacheDir)
    : m_key(std::move(key))
    , m_dir(cacheDir.isEmpty() ? QString() : cacheDir + QLatin1Char('/') + QString::fromLatin1(m_key))
{
    if (!m_dir.isEmpty()) // mark as recently used for prune() (no such folder yet: nothing to do)
        ::utimensat(AT_FDCWD, QFile::encodeName(m_dir).constData(), nullptr, 0);
}

QString SpeechAtlas::cellPath(int index) const
{
    return QStringLiteral("%1/%2.png").arg(m_dir).arg(index, 2, 10, QLatin1Char('0'));
}

QImage SpeechAtlas::cell(int index)
{
    if (index < 0 || index >= AtlasCell::kCount)
        return {};
    QImage &cell = m_cells[size_t(index)];
    if (cell.isNull() && !m_dir.isEmpty() && !m_absentOnDisk[size_t(index)]) {
        const QString path = cellPath(index);
        if (QFileInfo::exists(path)) {
            QImageReader reader(path, "png");
            QImage image = reader.read();
            if (image.size() == QSize(512, 512)) {
                cell = image.convertToFormat(QImage::Format_RGBA8888);
            } else {
                qCWarning(lcAtlas).noquote() << "unreadable cell" << path << "removed:" << reader.errorString();
                QFile::remove(path);
            }
        }
        m_absentOnDisk[size_t(index)] = cell.isNull();
    }
    return cell;
}

bool SpeechAtlas::has(int index)
{
    return !cell(index).isNull();
}

void SpeechAtlas::store(int index, const QImage &frame)
{
    if (index < 0 || index >= AtlasCell::kCount || frame.isNull())
        return;
    m_cells[size_t(index)] = frame;
    if (!m_dir.isEmpty())
        writerPool().start([path = cellPath(index), frame] { writeCell(path, frame); });
}

int SpeechAtlas::readyCount() const
{
    return int(std::count_if(m_cells.begin(), m_cells.end(), [](const QImage &c) { return !c.isNull(); }));
}

void SpeechAtlas::prune(const QString &cacheDir, qint64 maxBytes)
{
    QDir root(cacheDir);
    QFileInfoList folders = root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time); // newest first
    qint64 total = 0;
    for (const QFileInfo &folder : folders) {
        total += folderBytes(folder.filePath());
        if (total > maxBytes) {
            qCInfo(lcAtlas).noquote() << "cache over" << maxBytes / (1024 * 1024) << "MB: removing" << folder.filePath();
            QDir(folder.filePath()).removeRecursively();
        }
    }
}

void SpeechAtlas::pruneLater(const QString &cacheDir, qint64 maxBytes)
{
    writerPool().start([cacheDir, maxBytes] { prune(cacheDir, maxBytes); });
}

void SpeechAtlas::flushWrites()
{
    writerPool().waitForDone();
}

} // namespace ths
