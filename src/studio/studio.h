// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The studio's root object, the QML singleton `Studio`: owns every QML-facing part and wires them together —
// the loaded poser goes to the preview, the live character and the batch exporter; a usable character image goes to
// the preview and the live character; pose edits go to the preview (and become the animation's target); settings
// changes reload the engine. QML reaches the parts as Studio.engine, Studio.character, Studio.poseEditor …

#include "studio/batch_exporter.h"
#include "studio/character_controller.h"
#include "studio/engine_controller.h"
#include "studio/expression_library.h"
#include "studio/live_preview.h"
#include "studio/look_editor.h"
#include "studio/recording_controller.h"
#include "studio/pose_editor_model.h"
#include "studio/preview_renderer.h"
#include "studio/puppeteer_controller.h"
#include "studio/server_controller.h"
#include "studio/speech_controller.h"
#include "studio/studio_settings.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ths {

class LanguageSwitcher;
class StudioImageProvider;
class StudioImages;

struct StudioOptions {
    QStringList modelsDirs;     // searched in order for <variant>/<network>.pt (the first holding the variant wins)
    QString imagePath;          // open this character (command line); empty: the most recent one, else the default
    QString defaultImagePath;   // the example character, when nothing else is known
    QString variant;            // empty: the saved setting
    QString device;             // empty: the saved setting
    int threads = -1;           // -1: the saved setting
    QString precision;          // empty: the saved setting
};

class Studio : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(ths::EngineController *engine READ engine CONSTANT)
    Q_PROPERTY(ths::CharacterController *character READ character CONSTANT)
    Q_PROPERTY(ths::PoseEditorModel *poseEditor READ poseEditor CONSTANT)
    Q_PROPERTY(ths::ExpressionLibrary *library READ library CONSTANT)
    Q_PROPERTY(ths::BatchExporter *exporter READ exporter CONSTANT)
    Q_PROPERTY(ths::PreviewRenderer *preview READ preview CONSTANT)
    Q_PROPERTY(ths::LivePreview *live READ live CONSTANT)
    Q_PROPERTY(ths::ServerController *server READ server CONSTANT)
    Q_PROPERTY(ths::PuppeteerController *puppeteer READ puppeteer CONSTANT)
    Q_PROPERTY(ths::SpeechController *speech READ speech CONSTANT)
    Q_PROPERTY(ths::LookEditor *look READ look CONSTANT)
    Q_PROPERTY(ths::RecordingController *recorder READ recorder CONSTANT)
    Q_PROPERTY(ths::StudioSettings *settings READ settings CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    explicit Studio(const StudioOptions &options, QObject *parent = nullptr);
    ~Studio() override;

    // The QML singleton factory: the instance registered with setInstance() (by StudioLauncher, or a QML test's
    // set-up), owned by its maker. Registers image://studio and the engine to retranslate with it.
    static Studio *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(Studio *studio);

    // Loads the engine and opens the start-up character (see StudioOptions::imagePath).
    void start();

    EngineController *engine() const { return m_engine; }
    CharacterController *character() const { return m_character; }
    PoseEditorModel *poseEditor() const { return m_poseEditor; }
    ExpressionLibrary *library() const { return m_library; }
    BatchExporter *exporter() const { return m_exporter; }
    PreviewRenderer *preview() const { return m_preview; }
    LivePreview *live() const { return m_live; }
    ServerController *server() const { return m_server; }
    PuppeteerController *puppeteer() const { return m_puppeteer; }
    SpeechController *speech() const { return m_speech; }
    LookEditor *look() const { return m_look; }
    RecordingController *recorder() const { return m_recorder; }
    StudioSettings *settings() const { return m_settings; }
    LanguageSwitcher *languageSwitcher() const { return m_language; }
    QString version() const;

    // The library's pose of `name` into the pose editor (one undo step).
    Q_INVOKABLE void applyExpression(const QString &name);
    // The pose editor's pose into the library as `name`; false with library.lastError set.
    Q_INVOKABLE bool saveExpression(const QString &name);
    // Renders every library expression into `folder` (PNG + JSON + _emotions.json) with the exporter.
    Q_INVOKABLE bool exportExpressions(const QUrl &folder);
    // Records the animated preview (its settings, look and emotion) to `file` (.webm, .mp4 or a new folder) with
    // the recorder's duration and fps; the result comes with recorder.finished.
    Q_INVOKABLE bool record(const QUrl &file);

Q_SIGNALS:
    // Something the user should see that has no panel of its own (e.g. export refused: no character).
    void message(const QString &text);

private:
    void wire();
    void reloadEngine();
    void characterChanged();
    QString startupImage() const;

    StudioOptions m_options;
    std::shared_ptr<StudioImages> m_images;
    StudioSettings *m_settings;
    LanguageSwitcher *m_language;
    EngineController *m_engine;
    CharacterController *m_character;
    PoseEditorModel *m_poseEditor;
    ExpressionLibrary *m_library;
    BatchExporter *m_exporter;
    PreviewRenderer *m_preview;
    LivePreview *m_live;
    ServerController *m_server;
    PuppeteerController *m_puppeteer;
    SpeechController *m_speech;
    LookEditor *m_look;
    RecordingController *m_recorder;
};

} // namespace ths
