// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Switches the user-interface language at run time: installs the QTranslator for
// `:/i18n/talkinghead-studio_<code>.qm` (removing the previous one) and asks the QML engine to re-evaluate every
// qsTr() binding. The language "" follows QLocale::system() (its UI languages, in order; English when none of
// them is shipped). English is the source language, so "en" needs no .qm and simply removes the translator.

#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>

#include <memory>

class QQmlEngine;

namespace ths {

class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kDefaultDirectory = ":/i18n";
    static constexpr const char *kFilePrefix = "talkinghead-studio_";

    // `directory`: where the .qm files are (tests point it at their own).
    explicit LanguageSwitcher(QObject *parent = nullptr, const QString &directory = QString::fromLatin1(kDefaultDirectory));
    ~LanguageSwitcher() override;

    // The engine to retranslate after a switch (not owned; may be null).
    void setEngine(QQmlEngine *engine);

    // Applies `code` ("" = system). Returns false (and keeps English) when no translation exists for it; `error`
    // then says which file was missing.
    bool apply(const QString &code);
    // The code in effect ("en" when untranslated), and the file loaded ("" for English).
    [[nodiscard]] QString current() const { return m_current; }
    [[nodiscard]] QString loadedFile() const { return m_loadedFile; }
    [[nodiscard]] QString error() const { return m_error; }

    // The code "" resolves to for `locale`: the first of its UI languages that has a .qm here, else "en".
    [[nodiscard]] QString resolve(const QString &code, const QLocale &locale) const;

Q_SIGNALS:
    void languageApplied(const QString &code);

private:
    QString fileFor(const QString &code) const;

    QString m_directory;
    QPointer<QQmlEngine> m_engine;
    std::unique_ptr<QTranslator> m_translator;
    QString m_current = QStringLiteral("en");
    QString m_loadedFile;
    QString m_error;
};

} // namespace ths
