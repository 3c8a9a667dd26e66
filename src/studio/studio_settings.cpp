// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/studio_settings.h"

#include "engine/poser.h"

#include <QColor>
#include <QRegularExpression>
#include <QSettings>

namespace ths {

namespace {

const QString kGroup = QStringLiteral("studio/");

// "#rrggbb" (case-insensitive) is stored lower case; anything else is not a background we can draw.
QString normalisedBackground(const QString &value)
{
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (colour.match(value).hasMatch())
        return value.toLower();
    return QString::fromLatin1(StudioSettings::kCheckerboard);
}

QString normalisedLanguage(const QString &code)
{
    return StudioSettings::languages().contains(code) ? code : QString();
}

} // namespace

namespace {
QString normalisedPrecision(const QString &precision)
{
    return parsePrecision(precision) ? precision : QString::fromLatin1(StudioSettings::kDefaultPrecision);
}
} // namespace

StudioSettings::StudioSettings(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
{
    if (!m_persist)
        return;
    const QSettings s;
    m_variant = s.value(kGroup + QStringLiteral("variant"), m_variant).toString();
    if (m_variant.isEmpty())
        m_variant = QString::fromLatin1(kDefaultVariant);
    m_device = s.value(kGroup + QStringLiteral("device"), m_device).toString();
    if (m_device.isEmpty())
        m_device = QString::fromLatin1(kDefaultDevice);
    m_threads = std::max(0, s.value(kGroup + QStringLiteral("threads"), 0).toInt());
    m_precision = normalisedPrecision(s.value(kGroup + QStringLiteral("precision"), m_precision).toString());
    m_speechAtlas = s.value(kGroup + QStringLiteral("speechAtlas"), m_speechAtlas).toBool();
    m_language = normalisedLanguage(s.value(kGroup + QStringLiteral("language")).toString());
    m_background = normalisedBackground(s.value(kGroup + QStringLiteral("background"), m_background).toString());
}

void StudioSettings::save(const char *key, const QVariant &value) const
{
    if (!m_persist)
        return;
    QSettings s;
    s.setValue(kGroup + QString::fromLatin1(key), value);
}

void StudioSettings::setVariant(const QString &variant)
{
    // The engine checks variant names when it loads (and reports them); here only "empty" is meaningless.
    const QString v = variant.isEmpty() ? QString::fromLatin1(kDefaultVariant) : variant;
    if (v == m_variant)
        return;
    m_variant = v;
    save("variant", v);
    Q_EMIT variantChanged();
}

void StudioSettings::setDevice(const QString &device)
{
    const QString d = device.isEmpty() ? QString::fromLatin1(kDefaultDevice) : device;
    if (d == m_device)
        return;
    m_device = d;
    save("device", d);
    Q_EMIT deviceChanged();
}

void StudioSettings::setPrecision(const QString &precision)
{
    const QString p = normalisedPrecision(precision);
    if (p == m_precision)
        return;
    m_precision = p;
    save("precision", p);
    Q_EMIT precisionChanged();
}

void StudioSettings::setSpeechAtlas(bool on)
{
    if (on == m_speechAtlas)
        return;
    m_speechAtlas = on;
    save("speechAtlas", on);
    Q_EMIT speechAtlasChanged();
}

void StudioSettings::setThreads(int threads)
{
    const int t = std::max(0, threads);
    if (t == m_threads)
        return;
    m_threads = t;
    save("threads", t);
    Q_EMIT threadsChanged();
}

void StudioSettings::setLanguage(const QString &code)
{
    const QString c = normalisedLanguage(code);
    if (c == m_language)
        return;
    m_language = c;
    save("language", c);
    Q_EMIT languageChanged();
}

void StudioSettings::setBackground(const QString &background)
{
    const QString b = normalisedBackground(background);
    if (b == m_background)
        return;
    m_background = b;
    save("background", b);
    Q_EMIT backgroundChanged();
}

QStringList StudioSettings::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("ja")};
}

QString StudioSettings::languageName(const QString &code) const
{
    // Each language in its own script, so a user who cannot read the current language still finds theirs.
    if (code.isEmpty())
        return tr("System default");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("ja"))
        return QStringLiteral("日本語");
    return code;
}

} // namespace ths
