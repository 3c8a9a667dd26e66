// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The character panel's model: opens an image file (decoded and validated on a worker thread — a large PNG takes
// hundreds of milliseconds), presents the validation report in plain language, publishes the imported image and
// its overlay to image://studio, saves the safe fixes as a copy beside the original (never over it), and keeps the
// list of recently opened characters.

#include "image/image_import.h"

#include <QCoroFwd>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class StudioImages;

class CharacterController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CharacterController is owned by Studio")
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QUrl source READ source NOTIFY changed)
    Q_PROPERTY(QString fileName READ fileName NOTIFY changed)
    Q_PROPERTY(bool usable READ usable NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(QVariantList issues READ issues NOTIFY changed)
    Q_PROPERTY(QUrl imageUrl READ imageUrl NOTIFY changed)
    Q_PROPERTY(QUrl overlayUrl READ overlayUrl NOTIFY changed)
    Q_PROPERTY(bool canSaveFixedCopy READ canSaveFixedCopy NOTIFY changed)
    Q_PROPERTY(QString lastSavedCopy READ lastSavedCopy NOTIFY lastSavedCopyChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    // `images` receives "character" and "overlay"; may be null (then imageUrl/overlayUrl show nothing).
    explicit CharacterController(std::shared_ptr<StudioImages> images, QObject *parent = nullptr);
    ~CharacterController() override;

    QString state() const { return m_state; }
    QUrl source() const { return m_source; }
    QString fileName() const;
    bool usable() const { return m_state == QLatin1String("loaded") && m_report.ok(); }
    QString summary() const;
    QVariantList issues() const;
    QUrl imageUrl() const;
    QUrl overlayUrl() const;
    bool canSaveFixedCopy() const { return m_state == QLatin1String("loaded") && m_differsFromFile; }
    QString lastSavedCopy() const { return m_lastSavedCopy; }
    QStringList recentFiles() const { return m_recentFiles; }
    QString error() const { return m_error; }

    // Decodes and validates `file` on a worker thread; state goes "loading", then "loaded" (even when the image is
    // not usable: the report says why) or back to what it was with `error` set when nothing could be decoded.
    Q_INVOKABLE void open(const QUrl &file);
    // Writes the imported (fixed) image as "<name>.fixed.png" (or "-2", "-3" …) beside the original.
    Q_INVOKABLE bool saveFixedCopy();
    Q_INVOKABLE void clearRecent();
    // Drops files that no longer exist from recentFiles (done on construction and on every open; QML calls it
    // before showing the menu).
    Q_INVOKABLE void refreshRecent();

    // The imported 512×512 image; give it to the poser only when usable().
    QImage image() const { return m_image; }
    const ImageImportReport &report() const { return m_report; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void changed();
    void imageChanged();
    void lastSavedCopyChanged();
    void recentFilesChanged();
    void errorChanged();
    // open() finished (successfully or not); for tests and the app's start-up.
    void openFinished(bool ok);

private:
    struct Loaded;
    QCoro::Task<void> openAsync(QString path, quint64 generation);
    static Loaded loadFile(const QString &path);
    void finishOpen(const QString &path, const Loaded &loaded);
    void setError(const QString &error);
    void addRecent(const QString &path);

    std::shared_ptr<StudioImages> m_images;
    QString m_state = QStringLiteral("empty");
    QUrl m_source;
    QImage m_image;
    ImageImportReport m_report;
    bool m_differsFromFile = false;
    quint64 m_serial = 0;     // bumps with every load, so QML reloads the image URLs
    quint64 m_generation = 0; // the open() whose result counts; older ones are discarded
    QString m_lastSavedCopy;
    QStringList m_recentFiles;
    QString m_error;
};

} // namespace ths
