// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/language_switcher.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QQmlEngine>

namespace ths {

LanguageSwitcher::LanguageSwitcher(QObject *parent, const QString &directory)
    : QObject(parent)
    , m_directory(directory)
{
}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

void LanguageSwitcher::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
}

QString LanguageSwitcher::fileFor(const QString &code) const
{
    return m_directory + QLatin1Char('/') + QLatin1String(kFilePrefix) + code + QStringLiteral(".qm");
}

QString LanguageSwitcher::resolve(const QString &code, const QLocale &locale) const
{
    if (!code.isEmpty())
        return code;
    // uiLanguages() is the user's preference order, e.g. "ja-JP", "ja", "en-US"; the files use "zh_CN" style.
    for (QString language : locale.uiLanguages()) {
        language.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (language.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
        for (const QString &candidate : {language, language.section(QLatin1Char('_'), 0, 0)}) {
            if (QFileInfo::exists(fileFor(candidate)))
                return candidate;
        }
        // Chinese in any other spelling (zh, zh_Hans, zh_Hans_CN …) is served by the simplified translation.
        if (language.startsWith(QLatin1String("zh")) && QFileInfo::exists(fileFor(QStringLiteral("zh_CN"))))
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("en");
}

bool LanguageSwitcher::apply(const QString &code)
{
    const QString resolved = resolve(code, QLocale::system());
    m_error.clear();

    std::unique_ptr<QTranslator> next;
    QString file;
    if (resolved != QLatin1String("en")) {
        next = std::make_unique<QTranslator>();
        file = fileFor(resolved);
        if (!next->load(file)) {
            m_error = tr("No translation for \"%1\" (%2 is missing or unreadable); the studio stays in English.")
                          .arg(resolved, file);
            next.reset();
            file.clear();
        }
    }
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(next);
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
    m_current = m_translator ? resolved : QStringLiteral("en");
    m_loadedFile = file;
    // installTranslator() posts LanguageChange to the application; QML's qsTr() bindings need this call.
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT languageApplied(m_current);
    return m_error.isEmpty();
}

} // namespace ths
