// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/studio_launcher.h"

#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

namespace ths {

StudioLauncher::StudioLauncher(const StudioOptions &options)
    : m_options(options)
{
}

StudioLauncher::~StudioLauncher()
{
    m_engine.reset(); // the QML goes before the objects it shows
    Studio::setInstance(nullptr);
}

bool StudioLauncher::open(QString *error)
{
    // Fusion draws with the platform palette, so the studio follows the system's light or dark theme. The style can
    // be set once per process, before the first Controls QML loads (tests open the studio more than once).
    static bool styleChosen = false;
    if (!styleChosen && qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    styleChosen = true;

    m_studio = std::make_unique<Studio>(m_options);
    Studio::setInstance(m_studio.get());
    m_studio->start();

    m_engine = std::make_unique<QQmlApplicationEngine>();
    QStringList warnings;
    const auto collect = QObject::connect(m_engine.get(), &QQmlApplicationEngine::warnings, m_engine.get(),
                                          [&warnings](const QList<QQmlError> &list) {
                                              for (const QQmlError &e : list)
                                                  warnings << e.toString();
                                          });
    m_engine->load(QUrl(QString::fromLatin1(kMainQml)));
    QObject::disconnect(collect);
    if (m_engine->rootObjects().isEmpty() || !window()) {
        if (error)
            *error = QStringLiteral("the studio's window could not be loaded from %1: %2")
                         .arg(QString::fromLatin1(kMainQml), warnings.isEmpty() ? QStringLiteral("no window") : warnings.join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

QQuickWindow *StudioLauncher::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
}

} // namespace ths
