// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The studio's settings page: model variant, device, threads, precision, speech atlas, language and preview background, persisted
// with QSettings (group "studio") on every change. Values are normalised when set (unknown language → system, a bad
// colour → checkerboard, negative threads → 0 = automatic, unknown precision → auto), so what is read back is always
// usable.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ths {

class StudioSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(QString variant READ variant WRITE setVariant NOTIFY variantChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY deviceChanged)
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY threadsChanged)
    Q_PROPERTY(QString precision READ precision WRITE setPrecision NOTIFY precisionChanged)
    Q_PROPERTY(bool speechAtlas READ speechAtlas WRITE setSpeechAtlas NOTIFY speechAtlasChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString background READ background WRITE setBackground NOTIFY backgroundChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

public:
    static constexpr const char *kDefaultVariant = "separable_float";
    static constexpr const char *kDefaultDevice = "cpu";
    static constexpr const char *kDefaultPrecision = "auto";
    static constexpr const char *kCheckerboard = "checkerboard";

    // `persist` false: defaults, nothing read or written (tests, --no-settings).
    explicit StudioSettings(bool persist = true, QObject *parent = nullptr);

    [[nodiscard]] QString variant() const { return m_variant; }
    void setVariant(const QString &variant);
    [[nodiscard]] QString device() const { return m_device; }
    void setDevice(const QString &device);
    // 0 = the engine's default.
    [[nodiscard]] int threads() const { return m_threads; }
    void setThreads(int threads);
    // "auto", "fp32", "fp16" or "bf16" (see tha3::Precision).
    [[nodiscard]] QString precision() const { return m_precision; }
    void setPrecision(const QString &precision);
    // Whether speech plays from pre-rendered mouth pictures where rendering is slow (LiveCharacter::setSpeechAtlas).
    [[nodiscard]] bool speechAtlas() const { return m_speechAtlas; }
    void setSpeechAtlas(bool on);
    // "" = follow the system locale, else one of languages().
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &code);
    // "checkerboard" or "#rrggbb".
    [[nodiscard]] QString background() const { return m_background; }
    void setBackground(const QString &background);

    // The translations the studio ships: "en", "zh_CN", "ja".
    [[nodiscard]] static QStringList languages();
    // A language's own name ("English", "简体中文", "日本語"); "" → "System default" (translated); unknown → code.
    Q_INVOKABLE QString languageName(const QString &code) const;

Q_SIGNALS:
    void variantChanged();
    void deviceChanged();
    void threadsChanged();
    void precisionChanged();
    void speechAtlasChanged();
    void languageChanged();
    void backgroundChanged();

private:
    void save(const char *key, const QVariant &value) const;

    bool m_persist;
    QString m_variant = QString::fromLatin1(kDefaultVariant);
    QString m_device = QString::fromLatin1(kDefaultDevice);
    int m_threads = 0;
    QString m_precision = QString::fromLatin1(kDefaultPrecision);
    bool m_speechAtlas = true;
    QString m_language;
    QString m_background = QString::fromLatin1(kCheckerboard);
};

} // namespace ths
