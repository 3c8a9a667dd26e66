// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opens the studio window: the Studio singleton, the image provider, the translations, the Controls style and
// the QML engine with qml/Main.qml. Used by the `studio` command and by the whole-application tests, which
// therefore run exactly what users run. The executable (or test) must import the two static QML plugins:
//     Q_IMPORT_QML_PLUGIN(TalkingheadStudioPlugin)
//     Q_IMPORT_QML_PLUGIN(TalkingheadStudio_UiPlugin)

#include "studio/studio.h"

#include <QString>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace ths {

class StudioLauncher
{
public:
    explicit StudioLauncher(const StudioOptions &options);
    ~StudioLauncher();

    // Loads the QML and shows the window; false with the reason (the QML errors) in *error.
    bool open(QString *error = nullptr);

    [[nodiscard]] Studio *studio() const { return m_studio.get(); }
    [[nodiscard]] QQmlApplicationEngine *engine() const { return m_engine.get(); }
    // The main window, once open() succeeded.
    [[nodiscard]] QQuickWindow *window() const;

    // The QML entry point inside the TalkingheadStudio.Ui module's resources (Qt 6.4: qrc:/<URI>/).
    static inline const char *kMainQml = "qrc:/TalkingheadStudio/Ui/Main.qml";

private:
    StudioOptions m_options;
    std::unique_ptr<Studio> m_studio;
    std::unique_ptr<QQmlApplicationEngine> m_engine; // destroyed before the Studio it shows
};

} // namespace ths
