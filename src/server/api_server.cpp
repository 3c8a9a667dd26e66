// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/api_server.h"

#include "server/api_service.h"
#include "server/connection_gate.h"
#include "server/frame_hub.h"
#include "server/frame_stream.h"
#include "server/gated_tcp_server.h"
#include "server/talkinghead_backend.h"

#include <QFutureWatcher>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

// QHttpServerResponder::socket() (below) and the request reading ConnectionGate follows exist in this form in
// Qt 6.4 only; 6.5 removed socket() and 6.8 added chunked writes. Porting means: ConnectionGate (limits,
// 100-continue, raw target), this file's dispatch() and FrameStream (see platform-notes §3).
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#error "ths_server is written against QHttpServer 6.4: port ConnectionGate, ApiServer::dispatch and FrameStream"
#endif

namespace ths {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// The response a finished future holds, or a 500 when the backend's future failed (cancelled, exception).
ApiResponse resultOf(const QFuture<ApiResponse> &future, const QByteArray &origin)
{
    try {
        if (future.resultCount() > 0)
            return future.result();
    } catch (const std::exception &e) {
        qWarning("request handler failed: %s", e.what());
    } catch (...) {
        qWarning("request handler failed");
    }
    ApiResponse response = ApiResponse::error(500, QStringLiteral("the request could not be completed (internal error)"));
    ApiRequest corsSource;
    if (!origin.isEmpty())
        corsSource.headers.append({"Origin", origin});
    ApiService::addCorsHeaders(corsSource, response);
    return response;
}

} // namespace

ApiServer::ApiServer(const ServerOptions &options, TalkingheadBackend *backend, const EmotionClassifier *classifier,
                     QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_hub(new FrameHub(this))
    , m_service(new ApiService(options, backend, classifier, m_hub, this))
    , m_http(new QHttpServer(this))
{
    m_clock.start();
    if (backend)
        connect(backend, &TalkingheadBackend::frameRendered, m_hub, &FrameHub::submitFrame);
    // No routes: every request comes here, so ApiService alone decides (404 vs 405, "//api", auth first).
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
}

ApiServer::~ApiServer()
{
    delete m_http; // connections first: their gates call into m_service
}

bool ApiServer::listen(QString *error)
{
    ConnectionGate::Policy policy;
    policy.maxBodyBytes = m_options.maxUploadBytes;
    policy.reject = [service = QPointer<ApiService>(m_service)](const ApiRequest &head, int status, const QString &message) {
        return service ? service->rejection(head, status, message) : ApiResponse::error(status, message);
    };
    auto *tcp = new GatedTcpServer(std::move(policy), this);
    if (!tcp->listen(m_options.host, m_options.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1 port %2: %3")
                         .arg(m_options.host.toString()).arg(m_options.port).arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_http->bind(tcp);
    tcp->attachTo(m_http);
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

void ApiServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    ConnectionGate *gate = ConnectionGate::of(responder.socket());
    if (!gate) {
        qWarning("ApiServer: a connection without ConnectionGate (bound to another QTcpServer?); not answered");
        return;
    }
    ApiRequest api;
    if (const auto line = gate->takeRequestLine()) {
        api.method = line->method;
        api.target = line->target;
    } else { // cannot happen while the gate sees every head; QUrl's view loses "//api"
        api.method = methodName(request.method());
        api.target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    }
    api.headers = request.headers();
    api.body = request.body();
    const bool head = api.method == "HEAD";
    const bool close = api.header("connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;
    const Answered answered{QString::fromLatin1(api.method), QString::fromUtf8(api.path()), m_clock.nsecsElapsed()};

    QFuture<ApiResponse> future = m_service->handle(api);
    if (future.isFinished()) {
        deliver(gate, head, close, resultOf(future, api.header("origin")), answered);
        return;
    }
    // The watcher lives on the connection: if the peer goes away first, the answer is simply dropped.
    auto *watcher = new QFutureWatcher<ApiResponse>(gate);
    connect(watcher, &QFutureWatcherBase::finished, gate,
            [this, watcher, gate, head, close, answered, origin = api.header("origin")] {
                watcher->deleteLater();
                deliver(gate, head, close, resultOf(watcher->future(), origin), answered);
            });
    watcher->setFuture(future);
}

void ApiServer::deliver(ConnectionGate *gate, bool headRequest, bool close, const ApiResponse &response,
                        const Answered &answered)
{
    const double ms = double(m_clock.nsecsElapsed() - answered.receivedNs) / 1e6;
    if (response.stream && !headRequest) {
        gate->keepForStream();
        FrameStream::start(gate->socket(), response, m_hub);
    } else {
        ApiResponse r = response;
        if (close || r.stream)
            r.setHeader("Connection", "close");
        gate->send(r.serialize(!headRequest), close || r.stream
                                                  || r.header("connection").compare("close", Qt::CaseInsensitive) == 0);
    }
    // Last: a receiver may do anything, even stop this server.
    Q_EMIT requestHandled(answered.method, answered.path, response.status, ms);
}

} // namespace ths
