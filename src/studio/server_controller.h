// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server panel's backend: starts and stops the embedded HTTP API (the same ApiServer the `serve` command
// runs) in this process, on the studio's live character and the built-in emotion classifier, and keeps what the
// panel shows: the URL for SillyTavern, the number of result_feed viewers and a log of recent requests.
//
// Host, port and API key are persisted in QSettings (group "server") when they change, so the next start of the
// studio offers the same address. Everything runs on the GUI thread; the server itself never blocks it (slow work
// is on the live character's threads).

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class ApiServer;
class LexiconEmotionClassifier;
class LiveCharacter;

class ServerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString host READ host WRITE setHost NOTIFY hostChanged)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY portChanged)
    Q_PROPERTY(QString apiKey READ apiKey WRITE setApiKey NOTIFY apiKeyChanged)
    Q_PROPERTY(QString url READ url NOTIFY urlChanged)
    Q_PROPERTY(int viewers READ viewers NOTIFY viewersChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QStringList recentRequests READ recentRequests NOTIFY recentRequestsChanged)
    // The outcome of the last installSillyTavernExtension(): a sentence, and whether it worked.
    Q_PROPERTY(QString sillyTavernMessage READ sillyTavernMessage NOTIFY sillyTavernMessageChanged)
    Q_PROPERTY(bool sillyTavernInstalled READ sillyTavernInstalled NOTIFY sillyTavernMessageChanged)

public:
    static constexpr int kDefaultPort = 5100;
    static constexpr int kMaxRecentRequests = 100;

    // `persist`: read and write host/port/key in QSettings (tests and the --no-settings case pass false).
    explicit ServerController(bool persist = true, QObject *parent = nullptr);
    ~ServerController() override;

    // The character the API animates (not owned; may be null: the talkinghead module then answers that no
    // character backend exists). Takes effect at the next start().
    void setLiveCharacter(LiveCharacter *live);

    [[nodiscard]] bool running() const;
    [[nodiscard]] QString host() const { return m_host; }
    void setHost(const QString &host);
    [[nodiscard]] int port() const { return m_port; }
    void setPort(int port);
    [[nodiscard]] QString apiKey() const { return m_apiKey; }
    void setApiKey(const QString &key);
    // "http://127.0.0.1:5100" while running (the bound port, also when port was 0), else the configured address.
    [[nodiscard]] QString url() const;
    [[nodiscard]] int viewers() const { return m_viewers; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QStringList recentRequests() const { return m_recent; }
    [[nodiscard]] QString sillyTavernMessage() const { return m_sillyTavernMessage; }
    [[nodiscard]] bool sillyTavernInstalled() const { return m_sillyTavernInstalled; }
    // The server while running (tests, the studio's wiring), else null.
    [[nodiscard]] ApiServer *server() const { return m_server.get(); }

    // false with `error` set when the address is invalid or taken (the message names host and port).
    Q_INVOKABLE bool start();
    Q_INVOKABLE void stop();
    // Puts url() on the clipboard (what SillyTavern's Extras URL field wants).
    Q_INVOKABLE void copyUrl() const;
    // A fresh random key (32 hex digits) becomes apiKey; takes effect at the next start.
    Q_INVOKABLE QString generateApiKey();
    Q_INVOKABLE void clearRecentRequests();
    // Installs our SillyTavern extension into the SillyTavern folder `folder` (for its default user, as
    // `st-install --sillytavern DIR` does); the outcome goes to sillyTavernMessage.
    Q_INVOKABLE void installSillyTavernExtension(const QUrl &folder);

Q_SIGNALS:
    void runningChanged();
    void hostChanged();
    void portChanged();
    void apiKeyChanged();
    void urlChanged();
    void viewersChanged();
    void errorChanged();
    void recentRequestsChanged();
    void sillyTavernMessageChanged();

private:
    void setError(const QString &error);
    void setViewers(int viewers);
    void logRequest(const QString &method, const QString &path, int status, double ms);
    void save() const;

    bool m_persist;
    QString m_host = QStringLiteral("127.0.0.1");
    int m_port = kDefaultPort;
    QString m_apiKey;
    int m_viewers = 0;
    QString m_error;
    QStringList m_recent;
    QString m_sillyTavernMessage;
    bool m_sillyTavernInstalled = false;
    LiveCharacter *m_live = nullptr;
    std::unique_ptr<LexiconEmotionClassifier> m_classifier;
    std::unique_ptr<ApiServer> m_server;
};

} // namespace ths
