// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The images QML shows from C++ (image://studio/<id>): the character, its validation overlay, the manual-pose
// preview and the live (animated) preview. Frames are produced on worker threads and QML may load images on its own
// loader threads, so the map is guarded by a mutex.
//
// The map (StudioImages) is separate from the provider because QQmlEngine::addImageProvider takes ownership of the
// provider: the controllers keep the map alive through a shared_ptr whatever the engine's lifetime.

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>
#include <QString>
#include <QUrl>

#include <memory>

namespace ths {

class StudioImages
{
public:
    // `id` may carry "?n" (cache busting for QML's Image); only the part before '?' names the image.
    void set(const QString &id, const QImage &image);
    [[nodiscard]] QImage get(const QString &id) const;
    void remove(const QString &id);

    // "image://studio/<id>?<serial>": a URL that differs from the previous one, so QML reloads the image.
    static QUrl url(const QString &id, quint64 serial);
    static QString baseId(const QString &id);

private:
    mutable QMutex m_mutex;
    QHash<QString, QImage> m_images;
};

class StudioImageProvider : public QQuickImageProvider
{
public:
    static constexpr const char *kProviderId = "studio"; // registered as image://studio

    explicit StudioImageProvider(std::shared_ptr<StudioImages> images);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    std::shared_ptr<StudioImages> m_images;
};

} // namespace ths
