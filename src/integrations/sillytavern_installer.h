// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Installs our SillyTavern extension (integrations/sillytavern, built into the executable as the resource
// :/sillytavern) into a SillyTavern checkout, the two ways SillyTavern itself installs extensions:
//   for one user   DIR/<dataRoot>/<user>/extensions/talkinghead-studio   (dataRoot from config.yaml, default ./data)
//   for all users  DIR/public/scripts/extensions/third-party/talkinghead-studio
// An earlier copy of ours there is replaced; a folder of that name that is not ours is left alone (an error).

#include <QString>
#include <QStringList>

#include <optional>

namespace ths {

class SillyTavernInstaller
{
public:
    static constexpr const char *kFolderName = "talkinghead-studio";
    static constexpr const char *kMinimumVersion = "1.13.0"; // the first without its own talkinghead client

    struct Checkout {
        QString dir;        // absolute
        QString version;    // package.json's
        QString dataRoot;   // absolute
    };

    // DIR as a SillyTavern checkout, or nullopt with the precise reason in *error.
    static std::optional<Checkout> open(const QString &dir, QString *error);
    // The user folders under the data root (those with a settings.json or an extensions folder), sorted.
    static QStringList users(const Checkout &checkout);
    // Copies the extension from `sourceDir` (default: the built-in resource). `user` empty with allUsers false:
    // "default-user" if it exists, else the only user. Returns the folder installed to, or nullopt and *error.
    static std::optional<QString> install(const Checkout &checkout, const QString &user, bool allUsers, QString *error,
                                          const QString &sourceDir = QStringLiteral(":/sillytavern"));
};

} // namespace ths
