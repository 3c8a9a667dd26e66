// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The HTTP server: an HttpListener whose HttpConnections read requests (strict HTTP/1.1 framing, limits,
// timeouts, answers in request order), every request answered by ApiService and handed back to its connection;
// result_feed handed to a FrameStream fed by the FrameHub, which takes the backend's frames. Everything runs on
// the thread that creates the ApiServer.
//
// Usage (the application's `serve` command):
//     ths::ServerOptions options = *ths::ServerOptions::fromParser(parser, &error, &notices);
//     ths::ApiServer server(options, &backend, &classifier);
//     if (!server.listen(&error)) { print error; return 1; }
//     print notices and "Listening on " + server.baseUrl().toString();
//     return app.exec();

#include "api/server_options.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace ths {

class ApiService;
class HttpConnection;
class EmotionClassifier;
class FrameHub;
class HttpListener;
class TalkingheadBackend;
struct ApiRequest;
struct ApiResponse;

class ApiServer : public QObject
{
    Q_OBJECT

public:
    // `backend` / `classifier` may be null (that module is then off); neither is owned, both must outlive this.
    ApiServer(const ServerOptions &options, TalkingheadBackend *backend, const EmotionClassifier *classifier,
              QObject *parent = nullptr);
    ~ApiServer() override;

    // Binds options.host:options.port (port 0: any free one). false with the reason in *error.
    bool listen(QString *error = nullptr);
    [[nodiscard]] quint16 port() const;
    // "http://127.0.0.1:5100" (for an any-address bind: the loopback URL).
    [[nodiscard]] QUrl baseUrl() const;

    [[nodiscard]] FrameHub *frameHub() const { return m_hub; }
    [[nodiscard]] ApiService *service() const { return m_service; }

Q_SIGNALS:
    // Once per answered request, when its answer is handed to the connection (for result_feed: when the stream
    // starts), for request logs such as the studio's server panel. `path` is the target's path (no query, so API
    // keys or tokens in a query never reach a log); `ms` is the time from the complete request to the answer.
    void requestHandled(const QString &method, const QString &path, int status, double ms);

private:
    struct Answered {
        QString method;
        QString path;
        qint64 receivedNs = 0; // QElapsedTimer::nsecsElapsed() of m_clock when the request was complete
    };
    void dispatch(HttpConnection *connection, const ApiRequest &request);
    void deliver(HttpConnection *connection, bool headRequest, const ApiResponse &response, const Answered &answered);

    ServerOptions m_options;
    FrameHub *m_hub;
    ApiService *m_service;
    QPointer<HttpListener> m_tcp;
    QElapsedTimer m_clock;
};

} // namespace ths
