// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/speech_atlas_options.h"

#include "live/speech_atlas.h"

#include <cstdio>

namespace ths {

void addSpeechAtlasOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("speech-atlas"),
                      QStringLiteral("on (default): while the character speaks, show mouth shapes rendered ahead of time, "
                                     "so the mouth moves at the full frame rate on a slow machine; off: render every frame."),
                      QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("speech-atlas-dir"),
                      QStringLiteral("Where rendered mouth shapes are kept between runs (default %1; \"\" keeps them in "
                                     "memory only).").arg(SpeechAtlas::defaultCacheDir()),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("speech-atlas-max-mb"),
                      QStringLiteral("Disk space for kept mouth shapes in MiB (default 512); the least recently used "
                                     "characters and emotions go first."),
                      QStringLiteral("mib")});
}

std::optional<SpeechAtlasOptions> speechAtlasOptionsFrom(const QCommandLineParser &parser)
{
    SpeechAtlasOptions options;
    options.cacheDir = SpeechAtlas::defaultCacheDir();
    if (parser.isSet(QStringLiteral("speech-atlas"))) {
        const QString value = parser.value(QStringLiteral("speech-atlas"));
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            std::fprintf(stderr, "error: --speech-atlas: expected on or off, got \"%s\"\n", qPrintable(value));
            return std::nullopt;
        }
        options.enabled = value == QLatin1String("on");
    }
    if (parser.isSet(QStringLiteral("speech-atlas-dir")))
        options.cacheDir = parser.value(QStringLiteral("speech-atlas-dir"));
    if (parser.isSet(QStringLiteral("speech-atlas-max-mb"))) {
        bool ok = false;
        const qint64 mib = parser.value(QStringLiteral("speech-atlas-max-mb")).toLongLong(&ok);
        if (!ok || mib < 1 || mib > (1LL << 20)) {
            std::fprintf(stderr, "error: --speech-atlas-max-mb: expected a whole number of MiB from 1 to 1048576, got \"%s\"\n",
                         qPrintable(parser.value(QStringLiteral("speech-atlas-max-mb"))));
            return std::nullopt;
        }
        options.maxBytes = mib << 20;
    }
    return options;
}

} // namespace ths
