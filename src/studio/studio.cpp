// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/studio.h"

#include "animation/animator.h"
#include "core/local_file_path.h"
#include "engine/poser.h"
#include "live/live_character.h"
#include "studio/language_switcher.h"
#include "studio/studio_image_provider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QPointer>
#include <QQmlEngine>

namespace ths {

namespace {
QPointer<Studio> g_instance;
}

Studio::Studio(const StudioOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_images(std::make_shared<StudioImages>())
    , m_settings(new StudioSettings(true, this))
    , m_language(new LanguageSwitcher(this))
    , m_engine(new EngineController(this))
    , m_character(new CharacterController(m_images, this))
    , m_poseEditor(new PoseEditorModel(this))
    , m_library(new ExpressionLibrary(this))
    , m_exporter(new BatchExporter(this))
    , m_preview(new PreviewRenderer(m_images, this))
    , m_live(new LivePreview(m_images, this))
    , m_server(new ServerController(true, this))
    , m_puppeteer(new PuppeteerController(true, this))
    , m_speech(new SpeechController(true, this))
    , m_look(new LookEditor(this))
    , m_recorder(new RecordingController(this))
{
    m_engine->setModelsDirs(options.modelsDirs);
    // Command-line values win for this run; the saved settings otherwise.
    m_engine->setVariant(options.variant.isEmpty() ? m_settings->variant() : options.variant);
    m_engine->setDevice(options.device.isEmpty() ? m_settings->device() : options.device);
    m_engine->setThreads(options.threads >= 0 ? options.threads : m_settings->threads());
    m_engine->setPrecision(options.precision.isEmpty() ? m_settings->precision() : options.precision);
    wire();
}

Studio::~Studio()
{
    // The server and speech hold the live character: stop them before it goes.
    m_server->stop();
    m_speech->stop();
    m_server->setLiveCharacter(nullptr);
    m_speech->setLiveCharacter(nullptr);
    m_look->setLiveCharacter(nullptr);
    m_puppeteer->setLiveCharacter(nullptr);
}

Studio *Studio::create(QQmlEngine *qmlEngine, QJSEngine *)
{
    Studio *studio = g_instance;
    if (!studio) {
        qCritical("Studio: no instance (StudioLauncher, or a QML test's set-up, makes one and calls setInstance)");
        return nullptr;
    }
    QJSEngine::setObjectOwnership(studio, QJSEngine::CppOwnership);
    // Each engine owns its provider; all of them serve the studio's one set of images.
    qmlEngine->addImageProvider(QString::fromLatin1(StudioImageProvider::kProviderId), new StudioImageProvider(studio->m_images));
    studio->m_language->setEngine(qmlEngine);
    return studio;
}

void Studio::setInstance(Studio *studio)
{
    g_instance = studio;
}

QString Studio::version() const
{
    return QCoreApplication::applicationVersion();
}

bool Studio::record(const QUrl &file)
{
    LiveCharacter *live = m_live->character();
    const AnimatorSettings settings = live ? live->animator().settings() : AnimatorSettings();
    const QString emotion = live ? live->animator().emotion() : QStringLiteral("neutral");
    const QImage image = m_character->usable() ? m_character->image() : QImage();
    return m_recorder->start(file.isLocalFile() ? file.toLocalFile() : file.toString(), m_engine->poser(), image, settings, emotion);
}

void Studio::wire()
{
    connect(m_engine, &EngineController::poserChanged, this, [this] {
        const std::shared_ptr<Poser> poser = m_engine->poser();
        m_preview->setPoser(poser);
        m_live->setPoser(poser, m_engine->variant());
        if (poser)
            m_preview->request(m_poseEditor->currentPose());
    });
    // The live character exists from the first loaded weights on (reloads swap the weights inside it). A server the
    // user started before that answered without the talkinghead module: restart it with the character.
    connect(m_live, &LivePreview::characterChanged, this, [this] {
        const bool serving = m_server->running();
        if (serving)
            m_server->stop();
        m_server->setLiveCharacter(m_live->character());
        m_speech->setLiveCharacter(m_live->character());
        m_look->setLiveCharacter(m_live->character());
        m_puppeteer->setLiveCharacter(m_live->character());
        if (serving)
            m_server->start();
    });
    // The live character renders while the preview animates, speech plays or the server has viewers: each holds
    // its own demand on the character (TalkingheadBackend::addDemand).
    m_live->setSpeechAtlas(m_settings->speechAtlas());
    connect(m_settings, &StudioSettings::speechAtlasChanged, this, [this] { m_live->setSpeechAtlas(m_settings->speechAtlas()); });
    connect(m_speech, &SpeechController::started, this, [this] { m_live->setSpeaking(true); });
    connect(m_speech, &SpeechController::finished, this, [this] { m_live->setSpeaking(false); });

    connect(m_character, &CharacterController::imageChanged, this, &Studio::characterChanged);
    // One render path per frame (docs/architecture.md): while the live preview is shown (Animate on, or speech) the
    // pane hides the static preview, so a pose change goes to the live character alone; the static preview catches
    // up with the current pose when the live one stops.
    connect(m_poseEditor, &PoseEditorModel::poseChanged, this, [this] {
        m_live->setBasePose(m_poseEditor->currentPose());
        if (!m_live->active())
            m_preview->request(m_poseEditor->currentPose());
    });
    connect(m_live, &LivePreview::activeChanged, this, [this] {
        if (!m_live->active() && m_engine->poser())
            m_preview->request(m_poseEditor->currentPose());
    });

    connect(m_settings, &StudioSettings::variantChanged, this, &Studio::reloadEngine);
    connect(m_settings, &StudioSettings::deviceChanged, this, &Studio::reloadEngine);
    connect(m_settings, &StudioSettings::threadsChanged, this, &Studio::reloadEngine);
    connect(m_settings, &StudioSettings::precisionChanged, this, &Studio::reloadEngine);
    connect(m_settings, &StudioSettings::languageChanged, this, [this] { m_language->apply(m_settings->language()); });
}

void Studio::start()
{
    m_language->apply(m_settings->language());
    m_live->setBasePose(m_poseEditor->currentPose());
    m_engine->load();
    const QString image = startupImage();
    if (!image.isEmpty())
        m_character->open(QUrl::fromLocalFile(image));
}

QString Studio::startupImage() const
{
    if (!m_options.imagePath.isEmpty())
        return m_options.imagePath; // even when missing: the character panel then says so
    for (const QString &recent : m_character->recentFiles())
        if (QFileInfo::exists(recent))
            return recent;
    return QFileInfo::exists(m_options.defaultImagePath) ? m_options.defaultImagePath : QString();
}

void Studio::reloadEngine()
{
    m_engine->setVariant(m_settings->variant());
    m_engine->setDevice(m_settings->device());
    m_engine->setThreads(m_settings->threads());
    m_engine->setPrecision(m_settings->precision());
    m_engine->load();
}

void Studio::characterChanged()
{
    if (!m_character->usable())
        return; // the character panel shows why; the previous character stays on screen
    const QImage image = m_character->image();
    m_preview->setImage(image);
    m_live->setImage(image);
    m_preview->request(m_poseEditor->currentPose());
}

void Studio::applyExpression(const QString &name)
{
    const std::optional<Pose> pose = m_library->find(name);
    if (!pose) {
        Q_EMIT message(tr("There is no expression named “%1”.").arg(name));
        return;
    }
    m_poseEditor->setCurrentPose(*pose, tr("Apply expression “%1”").arg(name));
}

bool Studio::saveExpression(const QString &name)
{
    return m_library->savePreset(name.trimmed(), m_poseEditor->pose());
}

bool Studio::exportExpressions(const QUrl &folder)
{
    if (!m_engine->poser()) {
        Q_EMIT message(tr("The models are not loaded yet: export needs them to render the expressions."));
        return false;
    }
    if (!m_character->usable()) {
        Q_EMIT message(tr("Open a usable character image first: export renders every expression with it."));
        return false;
    }
    m_exporter->start(localFilePath(folder), m_engine->poser(), m_character->image(), m_library->expressions());
    return true;
}

} // namespace ths
