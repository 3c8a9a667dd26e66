// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/api_server.h"

#include "api/api_service.h"
#include "api/frame_hub.h"
#include "http/frame_stream.h"
#include "http/http_connection.h"
#include "http/http_listener.h"
#include "api/talkinghead_backend.h"

#include <QFutureWatcher>

namespace ths {

namespace {

// The response a finished future holds, or a 500 when the backend's future failed (cancelled, exception).
ApiResponse resultOf(const QFuture<ApiResponse> &future, const ApiService *service, const ApiRequest &request)
{
    return service->guarded(request, [&] { return future.resultCount() > 0 ? future.result() : service->internalError(request); });
}

} // namespace

ApiServer::ApiServer(const ServerOptions &options, TalkingheadBackend *backend, const EmotionClassifier *classifier,
                     QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_hub(new FrameHub(this))
    , m_service(new ApiService(options, backend, classifier, m_hub, this))
{
    m_clock.start();
}

ApiServer::~ApiServer()
{
    delete m_tcp; // connections first: their answers call into m_service
}

bool ApiServer::listen(QString *error)
{
    HttpConnection::Policy policy;
    policy.limits.maxBodyBytes = m_options.maxUploadBytes;
    policy.headerTimeoutMs = m_options.headerTimeoutMs;
    policy.bodyTimeoutMs = m_options.bodyTimeoutMs;
    policy.idleTimeoutMs = m_options.idleTimeoutMs;
    policy.handle = [this](HttpConnection *connection, const HttpRequestReader::Request &request) {
        dispatch(connection, request.request);
    };
    policy.reject = [service = QPointer<ApiService>(m_service)](const ApiRequest &head, int status, const QString &message) {
        return service ? service->rejection(head, status, message) : ApiResponse::error(status, message);
    };
    auto *tcp = new HttpListener(std::move(policy), {m_options.maxConnections, m_options.maxConnectionsPerAddress}, this);
    if (!tcp->listen(m_options.host, m_options.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1 port %2: %3")
                         .arg(m_options.host.toString()).arg(m_options.port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_tcp = tcp;
    return true;
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl ApiServer::baseUrl() const
{
    QHostAddress host = m_options.host;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(port());
    return url;
}

void ApiServer::dispatch(HttpConnection *connection, const ApiRequest &api)
{
    const bool head = api.method == "HEAD";
    const Answered answered{QString::fromLatin1(api.method), QString::fromUtf8(api.path()), m_clock.nsecsElapsed()};

    ApiRequest request = api;
    const auto gone = std::make_shared<std::atomic<bool>>(false);
    request.clientGone = gone;
    QFuture<ApiResponse> future = m_service->handle(request);
    if (future.isFinished()) {
        deliver(connection, head, resultOf(future, m_service, api), answered);
        return;
    }
    // The watcher lives on the connection: if the peer goes away first, the answer is simply dropped, and the
    // backend is told (the connection dies with its socket; the watcher, its child, is still there to hear it).
    auto *watcher = new QFutureWatcher<ApiResponse>(connection);
    connect(connection, &QObject::destroyed, watcher, [gone] { gone->store(true); });
    connect(watcher, &QFutureWatcherBase::finished, connection,
            [this, watcher, connection, head, answered, headers = ApiRequest{{}, {}, api.headers, {}, {}}] {
                watcher->deleteLater();
                deliver(connection, head, resultOf(watcher->future(), m_service, headers), answered);
            });
    watcher->setFuture(future);
}

void ApiServer::deliver(HttpConnection *connection, bool headRequest, const ApiResponse &response,
                        const Answered &answered)
{
    const double ms = double(m_clock.nsecsElapsed() - answered.receivedNs) / 1e6;
    if (response.stream && !headRequest) {
        connection->keepForStream();
        FrameStream::start(connection->socket(), response, m_hub);
    } else {
        ApiResponse r = response;
        if (r.stream)
            r.setHeader("Connection", "close");
        connection->respond(r, !headRequest);
    }
    // Last: a receiver may do anything, even stop this server.
    Q_EMIT requestHandled(answered.method, answered.path, response.status, ms);
}

} // namespace ths
