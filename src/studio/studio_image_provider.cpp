// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/studio_image_provider.h"

#include <QMutexLocker>

namespace ths {

QString StudioImages::baseId(const QString &id)
{
    const qsizetype query = id.indexOf(QLatin1Char('?'));
    return query < 0 ? id : id.left(query);
}

QUrl StudioImages::url(const QString &id, quint64 serial)
{
    return QUrl(QStringLiteral("image://%1/%2?%3").arg(QLatin1String(StudioImageProvider::kProviderId), id)
                    .arg(serial));
}

void StudioImages::set(const QString &id, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    m_images.insert(baseId(id), image);
}

QImage StudioImages::get(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_images.value(baseId(id));
}

void StudioImages::remove(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_images.remove(baseId(id));
}

StudioImageProvider::StudioImageProvider(std::shared_ptr<StudioImages> images)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_images(std::move(images))
{
}

QImage StudioImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image = m_images ? m_images->get(id) : QImage();
    if (size)
        *size = image.size();
    // Honour sourceSize when QML asks for one (thumbnails of the character); the preview asks for none.
    if (!image.isNull() && requestedSize.isValid() && !requestedSize.isEmpty() && requestedSize != image.size())
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace ths
