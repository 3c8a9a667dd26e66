// SPDX-License-Identifier: GPL-3.0-or-later
// `serve`: the SillyTavern-Extras compatible API server (classify + talkinghead), headless.

#include "app/character_image.h"
#include "app/commands.h"
#include "app/data_locations.h"
#include "app/poser_options.h"
#include "app/shutdown_signals.h"
#include "app/speech_atlas_options.h"
#include "animation/animator.h"
#include "animation/animator_settings.h"
#include "animation/emotion_templates.h"
#include "classify/lexicon_emotion_classifier.h"
#include "tha3/engine_error.h"
#include "live/live_character.h"
#include "http/api_server.h"
#include "api/server_options.h"
#include "mocap/puppeteer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace ths {

namespace {

// The server layers of the template lookup (client → server directory → factory) and of the settings.
bool configureAnimator(const QCommandLineParser &parser, Animator &animator)
{
    QString error;
    if (parser.isSet(QStringLiteral("emotions-dir"))) {
        EmotionTemplates templates = animator.templates();
        if (!templates.loadServerDirectory(parser.value(QStringLiteral("emotions-dir")), &error)) {
            std::fprintf(stderr, "error: --emotions-dir: %s\n", qPrintable(error));
            return false;
        }
        animator.setTemplates(templates);
    }
    if (parser.isSet(QStringLiteral("animator-settings"))) {
        QStringList ignored;
        const auto settings = AnimatorSettings::fromFile(parser.value(QStringLiteral("animator-settings")), &error, &ignored);
        if (!settings) {
            std::fprintf(stderr, "error: --animator-settings: %s\n", qPrintable(error));
            return false;
        }
        for (const QString &key : ignored)
            std::fprintf(stderr, "note: --animator-settings: unknown setting \"%s\" ignored\n", qPrintable(key));
        animator.setDefaultSettings(*settings);
        animator.setSettings(*settings);
    }
    return true;
}

} // namespace

int runServeCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serve the SillyTavern-Extras talkinghead and classify APIs. Without --image the example character is "
        "preloaded and the animation waits for the client's first load, like the original."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("image"), QStringLiteral("Start animating this character at once."), QStringLiteral("PNG")});
    parser.addOption({QStringLiteral("emotions-dir"),
                      QStringLiteral("Server emotion overrides: <emotion>.json files (or one _emotions.json) that replace the "
                                     "factory templates; a character's own templates from the client still win."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("animator-settings"),
                      QStringLiteral("Server-wide animator settings (_animator.json format); what a client's {} resets to."),
                      QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("mocap"),
                      QStringLiteral("Puppeteer: drive the character with a face tracker — ifacialmocap:<phone address>[:port] "
                                     "(the iFacialMocap app; we listen on UDP 49983), vmc[:port] (a VMC sender, UDP 39539 by "
                                     "default) or replay:FILE (a recorded take)."),
                      QStringLiteral("SOURCE")});
    parser.addOption({QStringLiteral("mocap-settings"),
                      QStringLiteral("Puppeteer settings (JSON: converter, neutral, gain, smoothing, breathing)."), QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("mocap-record"), QStringLiteral("Record the puppeteer's packets into this take file."),
                      QStringLiteral("FILE")});
    ServerOptions::addOptions(parser);
    addPoserOptions(parser);
    addSpeechAtlasOptions(parser);
    parser.process(QStringList{QStringLiteral("talkinghead-studio serve")} + args);

    QString error;
    QStringList notices;
    const auto serverOptions = ServerOptions::fromParser(parser, &error, &notices);
    if (!serverOptions) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 2;
    }
    const auto poserOptions = poserOptionsFrom(parser);
    if (!poserOptions)
        return 2;
    const auto atlasOptions = speechAtlasOptionsFrom(parser);
    if (!atlasOptions)
        return 2;
    const bool talkinghead = serverOptions->modules.contains(QStringLiteral("talkinghead"));
    std::shared_ptr<mocap::Puppeteer> puppeteer;
    if (parser.isSet(QStringLiteral("mocap"))) {
        // Checked before the (slow) model load, so a typo or a busy port fails fast.
        const auto source = mocap::MocapSource::parse(parser.value(QStringLiteral("mocap")), &error);
        if (!source) {
            std::fprintf(stderr, "error: --mocap: %s\n", qPrintable(error));
            return 2;
        }
        mocap::PuppeteerSettings settings;
        if (parser.isSet(QStringLiteral("mocap-settings"))) {
            const auto loaded = mocap::PuppeteerSettings::fromFile(parser.value(QStringLiteral("mocap-settings")), &error);
            if (!loaded) {
                std::fprintf(stderr, "error: --mocap-settings: %s\n", qPrintable(error));
                return 1;
            }
            settings = *loaded;
        }
        puppeteer = std::make_shared<mocap::Puppeteer>(*source, settings);
        if (parser.isSet(QStringLiteral("mocap-record")) && !puppeteer->startRecording(parser.value(QStringLiteral("mocap-record")), &error)) {
            std::fprintf(stderr, "error: --mocap-record: %s\n", qPrintable(error));
            return 1;
        }
        if (!puppeteer->start(&error)) {
            std::fprintf(stderr, "error: --mocap: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "Puppeteer: %s%s\n", qPrintable(source->toString()),
                     puppeteer->port() ? qPrintable(QStringLiteral(" (listening on UDP %1)").arg(puppeteer->port())) : "");
    }

    std::unique_ptr<LiveCharacter> live;
    if (talkinghead) {
        const QString imagePath = parser.isSet(QStringLiteral("image")) ? parser.value(QStringLiteral("image")) : defaultCharacterImage();
        const auto image = loadCharacterImage(imagePath);
        if (!image)
            return 1;
        try {
            std::fprintf(stderr, "Loading the %s networks on %s ...\n", qPrintable(variantName(poserOptions->variant)),
                         qPrintable(poserOptions->device));
            auto poser = std::make_unique<Poser>(*poserOptions);
            std::fprintf(stderr, "Computing in %s.\n", tha3::precisionName(poser->precision()));
            printPoserNotices(*poser);
            live = std::make_unique<LiveCharacter>(std::move(poser), variantName(poserOptions->variant));
            if (!configureAnimator(parser, live->animator()))
                return 1;
            live->setSpeechAtlas(atlasOptions->enabled, atlasOptions->cacheDir, atlasOptions->maxBytes);
            live->setPuppeteer(puppeteer);
        } catch (const EngineError &e) {
            std::fprintf(stderr, "error: %s\n", e.what());
            return 1;
        }
        live->setImage(*image, parser.isSet(QStringLiteral("image")));
    }
    const LexiconEmotionClassifier classifier;

    // The server's service renders only what the stream sends: frames while someone watches, one per frame sent.
    ApiServer server(*serverOptions, live.get(), &classifier);
    if (!server.listen(&error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    for (const QString &notice : notices)
        std::fprintf(stderr, "%s\n", qPrintable(notice));
    std::printf("Listening on %s (modules: %s)\n", qPrintable(server.baseUrl().toString()),
                qPrintable(serverOptions->modules.join(QStringLiteral(", "))));
    std::fflush(stdout);

    quitOnShutdownSignals();
    const int status = QCoreApplication::exec();
    if (live)
        live->cancelSpeech(); // a long synthesis or decode must not hold up the exit
    if (puppeteer) {
        puppeteer->stop();
        if (!puppeteer->stopRecording(&error))
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
    }
    std::fprintf(stderr, "Stopped.\n");
    return status;
}

} // namespace ths
