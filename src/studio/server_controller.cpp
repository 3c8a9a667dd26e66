// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/server_controller.h"

#include "classify/lexicon_emotion_classifier.h"
#include "core/local_file_path.h"
#include "live/live_character.h"
#include "http/api_server.h"
#include "api/frame_hub.h"
#include "api/server_options.h"
#include "integrations/sillytavern_installer.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHostAddress>
#include <QSettings>
#include <QTime>

namespace ths {

namespace {

const QString kGroup = QStringLiteral("server/");

// The address to bind, or nullopt for text that is no address. "localhost" is accepted because people type it.
std::optional<QHostAddress> parseHost(const QString &text)
{
    const QString host = text.trimmed();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(host))
        return std::nullopt;
    return address;
}

} // namespace

ServerController::ServerController(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
{
    if (m_persist) {
        const QSettings s;
        m_host = s.value(kGroup + QStringLiteral("host"), m_host).toString();
        m_port = std::clamp(s.value(kGroup + QStringLiteral("port"), m_port).toInt(), 0, 65535);
        m_apiKey = s.value(kGroup + QStringLiteral("apiKey")).toString();
    }
}

ServerController::~ServerController()
{
    // The server refers to the classifier and the live character: it goes first.
    m_server.reset();
}

void ServerController::installSillyTavernExtension(const QUrl &folder)
{
    QString error;
    QString dir = localFilePath(folder);
    if (dir.isEmpty())
        dir = folder.toDisplayString(); // not a local folder: the installer names it as given
    const auto checkout = SillyTavernInstaller::open(dir, &error);
    const auto installed = checkout ? SillyTavernInstaller::install(*checkout, {}, false, &error) : std::nullopt;
    m_sillyTavernInstalled = installed.has_value();
    m_sillyTavernMessage = installed ? tr("Installed for SillyTavern %1 in %2. Reload SillyTavern's page; the settings "
                                          "are under Extensions → Talkinghead Studio.").arg(checkout->version, *installed)
                                     : tr("Not installed: %1").arg(error);
    Q_EMIT sillyTavernMessageChanged();
}

void ServerController::setLiveCharacter(LiveCharacter *live)
{
    m_live = live;
}

bool ServerController::running() const
{
    return m_server != nullptr;
}

void ServerController::setHost(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    save();
    Q_EMIT hostChanged();
    if (!running())
        Q_EMIT urlChanged();
}

void ServerController::setPort(int port)
{
    port = std::clamp(port, 0, 65535);
    if (port == m_port)
        return;
    m_port = port;
    save();
    Q_EMIT portChanged();
    if (!running())
        Q_EMIT urlChanged();
}

void ServerController::setApiKey(const QString &key)
{
    const QString k = key.trimmed();
    if (k == m_apiKey)
        return;
    m_apiKey = k;
    save();
    Q_EMIT apiKeyChanged();
}

QString ServerController::url() const
{
    if (m_server)
        return m_server->baseUrl().toString();
    // Not running: the address it would have; an any-address bind is reached through loopback.
    QString host = m_host.trimmed();
    if (host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        host = QStringLiteral("127.0.0.1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

bool ServerController::start()
{
    if (m_server)
        return true;
    const auto host = parseHost(m_host);
    if (!host) {
        setError(tr("\"%1\" is not an IP address to listen on (for example 127.0.0.1, or 0.0.0.0 for all "
                    "interfaces).").arg(m_host));
        return false;
    }
    ServerOptions options;
    options.host = *host;
    options.port = quint16(m_port);
    options.apiKey = m_apiKey;
    // On loopback only pages of this computer may drive the server (loopback origins). Listening on a network means
    // SillyTavern may be opened on another machine, whose origin cannot be known here: any origin, and the panel
    // recommends a key.
    options.corsAnyOrigin = !options.host.isLoopback();
    if (!m_classifier)
        m_classifier = std::make_unique<LexiconEmotionClassifier>();
    auto server = std::make_unique<ApiServer>(options, m_live, m_classifier.get());
    QString error;
    if (!server->listen(&error)) {
        setError(tr("The server could not start on %1 port %2: %3. Choose another port, or close the program "
                    "that uses it.").arg(m_host).arg(m_port).arg(error));
        return false;
    }
    connect(server.get(), &ApiServer::requestHandled, this, &ServerController::logRequest);
    // Shown in the panel; the server's own service holds the character's demand while there are viewers.
    connect(server->frameHub(), &FrameHub::viewerCountChanged, this, &ServerController::setViewers);
    m_server = std::move(server);
    setError({});
    Q_EMIT runningChanged();
    Q_EMIT urlChanged();
    return true;
}

void ServerController::stop()
{
    if (!m_server)
        return;
    // Deleting the server closes the listening socket and every connection (streams included) right away, so the
    // port is free when this returns.
    m_server.reset();
    setViewers(0);
    Q_EMIT runningChanged();
    Q_EMIT urlChanged();
}

void ServerController::copyUrl() const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(url());
}

QString ServerController::generateApiKey()
{
    setApiKey(ServerOptions::generateApiKey());
    return m_apiKey;
}

void ServerController::clearRecentRequests()
{
    if (m_recent.isEmpty())
        return;
    m_recent.clear();
    Q_EMIT recentRequestsChanged();
}

void ServerController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void ServerController::setViewers(int viewers)
{
    if (viewers == m_viewers)
        return;
    m_viewers = viewers;
    Q_EMIT viewersChanged();
}

void ServerController::logRequest(const QString &method, const QString &path, int status, double ms)
{
    const QString line = tr("%1 %2 %3 → %4 (%5 ms)")
                             .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), method, path)
                             .arg(status)
                             .arg(qRound(ms));
    m_recent.prepend(line);
    if (m_recent.size() > kMaxRecentRequests)
        m_recent.resize(kMaxRecentRequests);
    Q_EMIT recentRequestsChanged();
}

void ServerController::save() const
{
    if (!m_persist)
        return;
    QSettings s;
    s.setValue(kGroup + QStringLiteral("host"), m_host);
    s.setValue(kGroup + QStringLiteral("port"), m_port);
    s.setValue(kGroup + QStringLiteral("apiKey"), m_apiKey);
}

} // namespace ths
