// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/api_service.h"

#include "classify/emotion_classifier.h"
#include "core/json_file.h"
#include "core/log_text.h"
#include "api/frame_hub.h"
#include "api/multipart_parser.h"
#include "api/obs_view.h"
#include "api/talkinghead_backend.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

const QString kClassify = QStringLiteral("classify");
const QString kTalkinghead = QStringLiteral("talkinghead");

// The body as JSON (object or array); nullopt with a 400 in *error otherwise.
std::optional<QJsonValue> jsonBody(const ApiRequest &request, ApiResponse *error)
{
    if (request.body.trimmed().isEmpty()) {
        *error = ApiResponse::error(400, QStringLiteral("the request body is empty, expected JSON"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiResponse::error(400, QStringLiteral("malformed JSON body at byte %1: %2")
                                             .arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// A JSON object body; an empty array counts as {} where `emptyArrayIsEmptyObject` (Extras' "blank JSON").
std::optional<QJsonObject> jsonObjectBody(const ApiRequest &request, ApiResponse *error, bool emptyArrayIsEmptyObject = false)
{
    const auto value = jsonBody(request, error);
    if (!value)
        return std::nullopt;
    if (value->isArray() && emptyArrayIsEmptyObject && value->toArray().isEmpty())
        return QJsonObject();
    if (!value->isObject()) {
        *error = ApiResponse::error(400, QStringLiteral("expected a JSON object, got %1").arg(jsonTypeName(*value)));
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<QString> stringField(const QJsonObject &object, const QString &field, ApiResponse *error)
{
    const QJsonValue v = object.value(field);
    if (v.isString())
        return v.toString();
    *error = v.isUndefined()
                 ? ApiResponse::error(400, QStringLiteral("\"%1\" is required (a string)").arg(field), field)
                 : ApiResponse::error(400, QStringLiteral("\"%1\" must be a string, got %2").arg(field, jsonTypeName(v)), field);
    return std::nullopt;
}

ApiResponse backendAnswer(const BackendResult &result, const QString &what)
{
    // Bounded: the warnings quote what the client sent (a request may hold thousands of unknown keys).
    constexpr qsizetype kMaxLogged = 10;
    for (qsizetype i = 0; i < qMin(kMaxLogged, result.warnings.size()); ++i)
        qInfo("%s: %s", qPrintable(what), qPrintable(boundedForLog(result.warnings[i], 200)));
    if (result.warnings.size() > kMaxLogged)
        qInfo("%s: … and %lld more warnings", qPrintable(what), qlonglong(result.warnings.size() - kMaxLogged));
    return result.ok() ? ApiResponse::text("OK") : ApiResponse::error(result.status, result.error);
}

// Constant time in the length of `given`, so a wrong key reveals nothing through timing.
bool sameKey(const QByteArray &given, const QByteArray &expected)
{
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff |= static_cast<unsigned char>(given[i] ^ (expected.isEmpty() ? 0 : expected[i % expected.size()]));
    return diff == 0;
}

} // namespace

struct ApiService::Route {
    QByteArray path;
    QByteArray method;          // GET routes also answer HEAD
    QString module;             // empty: always on
    bool authExempt = false;
    Handler handler = nullptr;
    AsyncHandler asyncHandler = nullptr; // for the routes whose answer the backend computes on its threads
    bool json = false;          // the body is JSON: Content-Type application/json required
};

namespace {
const QByteArray kResultFeed = "/api/talkinghead/result_feed";
const QByteArray kObsView = "/view";

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').value(0).trimmed().toLower();
    return mime == "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

// The decoded value of `name` in the target's query, or a null QByteArray when absent.
QByteArray queryValue(const QByteArray &target, const QString &name)
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    const QUrlQuery query(QString::fromLatin1(target.sliced(q + 1)));
    if (!query.hasQueryItem(name))
        return {};
    return query.queryItemValue(name, QUrl::FullyDecoded).toUtf8();
}
} // namespace

const QList<ApiService::Route> &ApiService::routes()
{
    static const QList<Route> table = {
        {"/api/modules", "GET", {}, false, &ApiService::modules},
        {"/api/classify", "POST", kClassify, false, &ApiService::classify, nullptr, true},
        {"/api/classify/labels", "GET", kClassify, false, &ApiService::classifyLabels},
        {"/api/talkinghead/load", "POST", kTalkinghead, false, nullptr, &ApiService::load},
        {"/api/talkinghead/unload", "GET", kTalkinghead, false, &ApiService::unload},
        {"/api/talkinghead/start_talking", "GET", kTalkinghead, false, &ApiService::startTalking},
        {"/api/talkinghead/stop_talking", "GET", kTalkinghead, false, &ApiService::stopTalking},
        {"/api/talkinghead/set_emotion", "POST", kTalkinghead, false, &ApiService::setEmotion, nullptr, true},
        {kResultFeed, "GET", kTalkinghead, true, &ApiService::resultFeed}, // an <img> cannot send a header (?key=)
        {"/api/talkinghead/load_emotion_templates", "POST", kTalkinghead, false, &ApiService::loadEmotionTemplates, nullptr, true},
        {"/api/talkinghead/load_animator_settings", "POST", kTalkinghead, false, &ApiService::loadAnimatorSettings, nullptr, true},
        {"/api/talkinghead/status", "GET", kTalkinghead, false, &ApiService::status},
        {"/api/talkinghead/frame.png", "GET", kTalkinghead, false, &ApiService::framePng},
        {"/api/talkinghead/speak", "POST", kTalkinghead, false, nullptr, &ApiService::speak, true},
        {"/api/talkinghead/lipsync", "POST", kTalkinghead, false, nullptr, &ApiService::lipSync},
        {kObsView, "GET", kTalkinghead, true, &ApiService::obsView}, // an OBS Browser Source sends no header (?key=)
    };
    return table;
}

ApiService::ApiService(const ServerOptions &options, TalkingheadBackend *backend,
                       const EmotionClassifier *classifier, FrameHub *hub, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_originPolicy(options)
    , m_backend(backend)
    , m_classifier(classifier)
    , m_hub(hub)
{
    for (const QString &module : options.modules) {
        if ((module == kClassify && !classifier) || (module == kTalkinghead && (!backend || !hub)))
            qWarning("Module '%s' is enabled but has no implementation here; switched off", qPrintable(module));
        else if (ServerOptions::knownModules().contains(module) && !m_modules.contains(module))
            m_modules.append(module);
    }
    if (m_hub && m_backend) {
        m_hub->setTargetFps(m_backend->targetFps());
        // The hub is this service's: frames in, one acknowledgement per frame sent, demand while someone watches.
        connect(m_backend, &TalkingheadBackend::frameRendered, m_hub, &FrameHub::submitFrame);
        connect(m_hub, &FrameHub::framePublished, m_backend, &TalkingheadBackend::frameConsumed);
        connect(m_hub, &FrameHub::viewerCountChanged, this, &ApiService::followViewers);
    }
    if (m_backend)
        m_backend->setMaxAudioSeconds(options.maxAudioSeconds);
}

void ApiService::followViewers(int viewers)
{
    if (viewers > 0 && !m_viewerDemand.held() && m_backend) {
        // A first viewer is a new consumer: a frame rendered before it came (at load, with nobody watching) was
        // never acknowledged, and the backend would wait for that acknowledgement before rendering again.
        m_backend->frameConsumed();
        m_viewerDemand = DemandToken(m_backend, DemandSource::StreamViewers);
    } else if (viewers == 0) {
        m_viewerDemand.reset();
    }
}

void ApiService::addCorsHeaders(const ApiRequest &request, ApiResponse &response) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty()) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        return;
    }
    response.setHeader("Vary", "Origin");
    if (m_originPolicy.originAllowed(origin))
        response.setHeader("Access-Control-Allow-Origin", origin);
}

std::optional<ApiResponse> ApiService::refuseByOriginOrHost(const ApiRequest &request, const Route *route) const
{
    const QByteArray host = request.header("host");
    if (!m_originPolicy.hostAllowed(host))
        return ApiResponse::error(421, QStringLiteral("the Host header %1 does not name this server (use its address, "
                                                      "localhost, or allow the name with --allow-host)")
                                           .arg(QString::fromLatin1(host.left(100))));
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !m_originPolicy.originAllowed(origin))
        return ApiResponse::error(403, QStringLiteral("requests from web pages at %1 are not allowed (loopback origins "
                                                      "are; allow others with --cors-origin)")
                                           .arg(QString::fromLatin1(origin.left(100))));
    // A hostile page's <img>, <script> or form sends no Origin; browsers mark such requests. result_feed is meant
    // to be an <img> of another page (SillyTavern's).
    if (origin.isEmpty() && request.header("sec-fetch-site").compare("cross-site", Qt::CaseInsensitive) == 0
        && !(route && route->path == kResultFeed))
        return ApiResponse::error(403, QStringLiteral("a cross-site request without an Origin (a web page's <img>, "
                                                      "<script> or form) is not allowed"));
    return std::nullopt;
}

std::optional<ApiResponse> ApiService::refuseStreamKey(const ApiRequest &request, const QByteArray &path) const
{
    if (m_options.apiKey.isEmpty())
        return std::nullopt;
    const QByteArray key = queryValue(request.target, QStringLiteral("key"));
    const bool ok = !key.isNull() ? sameKey(key, m_options.apiKey.toUtf8())
                  : request.hasHeader("authorization") ? authorized(request)
                                                       : !m_options.privateStream;
    if (ok)
        return std::nullopt;
    if (key.isNull() && !request.hasHeader("authorization"))
        return ApiResponse::error(401, QStringLiteral("this server's stream needs the API key: add ?key=KEY to %1")
                                           .arg(QString::fromLatin1(path)), QStringLiteral("key"));
    return ApiResponse::error(401, QStringLiteral("Invalid API key (%1 takes it as ?key=KEY)")
                                       .arg(QString::fromLatin1(path == kResultFeed ? QByteArray("result_feed") : path)));
}

ApiResponse ApiService::rejection(const ApiRequest &head, int status, const QString &message) const
{
    ApiResponse response = ApiResponse::error(status, message);
    addCorsHeaders(head, response);
    return response;
}

ApiResponse ApiService::guarded(const ApiRequest &request, const std::function<ApiResponse()> &answer) const
{
    try {
        return answer();
    } catch (const std::exception &e) {
        qWarning("request handler failed: %s", e.what());
    } catch (...) {
        qWarning("request handler failed");
    }
    return internalError(request);
}

ApiResponse ApiService::internalError(const ApiRequest &request) const
{
    return rejection(request, 500, QStringLiteral("the request could not be completed (internal error)"));
}

bool ApiService::authorized(const ApiRequest &request) const
{
    if (m_options.apiKey.isEmpty())
        return true;
    const QByteArray value = request.header("authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space < 0 || value.first(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return false;
    return sameKey(value.sliced(space + 1).trimmed(), m_options.apiKey.toUtf8());
}

ApiResponse ApiService::preflight(const ApiRequest &request, const Route *route) const
{
    ApiResponse response = ApiResponse::text({});
    response.setHeader("Allow", route->method == "GET" ? "GET, HEAD, OPTIONS" : "OPTIONS, POST");
    if (request.hasHeader("access-control-request-method")) {
        response.setHeader("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
        // Echo the requested headers (flask-cors allows "*"), sorted, as header-name tokens only.
        QList<QByteArray> names;
        for (const QByteArray &raw : request.header("access-control-request-headers").split(',')) {
            const QByteArray name = raw.trimmed().toLower();
            if (!name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                }) && !names.contains(name))
                names.append(name);
        }
        std::sort(names.begin(), names.end());
        if (!names.isEmpty())
            response.setHeader("Access-Control-Allow-Headers", names.join(", "));
    }
    return response;
}

QFuture<ApiResponse> ApiService::handle(const ApiRequest &request)
{
    const QByteArray path = request.path();
    const auto found = std::find_if(routes().begin(), routes().end(), [&](const Route &r) { return r.path == path; });
    const Route *route = found == routes().end() ? nullptr : &*found;
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;

    // A refusal, or nullopt when the route's handler should answer.
    auto refusal = [&]() -> std::optional<ApiResponse> {
        if (auto refused = refuseByOriginOrHost(request, route))
            return refused;
        // Preflight and OPTIONS need neither the key nor the module (the browser cannot send the key here).
        if (request.method == "OPTIONS") {
            if (route)
                return preflight(request, route);
        } else if (!(route && route->authExempt) && !authorized(request)) {
            // Extras checks the key before routing, so unknown paths also get 401.
            return ApiResponse::error(401, QStringLiteral("Invalid API key"));
        }
        if (!route)
            return ApiResponse::error(404, QStringLiteral("no route %1 %2")
                                               .arg(QString::fromLatin1(request.method), QString::fromUtf8(path)));
        if (method != route->method) {
            ApiResponse r = ApiResponse::error(405, QStringLiteral("%1 expects %2, not %3")
                                                        .arg(QString::fromUtf8(path), QString::fromLatin1(route->method),
                                                             QString::fromLatin1(request.method)));
            r.setHeader("Allow", route->method == "GET" ? "GET, HEAD, OPTIONS" : "OPTIONS, POST");
            return r;
        }
        if (!route->module.isEmpty() && !m_modules.contains(route->module))
            return ApiResponse::error(403, QStringLiteral("Module '%1' not enabled in config").arg(route->module));
        if (route->path == kResultFeed || route->path == kObsView)
            if (auto refused = refuseStreamKey(request, route->path))
                return refused;
        // Normally HttpRequestReader has refused it while reading; this covers other transports.
        if (request.body.size() > m_options.maxUploadBytes)
            return ApiResponse::error(413, QStringLiteral("the request body has %1 bytes, the limit is %2 bytes")
                                               .arg(request.body.size()).arg(m_options.maxUploadBytes));
        if (route->json && !isJsonType(request.header("content-type")))
            return ApiResponse::error(415, QStringLiteral("Content-Type must be application/json, got \"%1\"")
                                               .arg(QString::fromLatin1(request.header("content-type").left(100))));
        return std::nullopt;
    };
    std::optional<ApiResponse> response = refusal();
    if (!response && route->asyncHandler) {
        // The continuation may run after this service is gone: it captures the headers it adds, not `this`.
        ApiResponse cors;
        addCorsHeaders(request, cors);
        return (this->*route->asyncHandler)(request).then([headers = cors.headers](ApiResponse answer) {
            for (const auto &h : headers)
                answer.setHeader(h.first, h.second);
            return answer;
        });
    }
    if (!response)
        response = guarded(request, [&] { return (this->*route->handler)(request); });
    addCorsHeaders(request, *response);
    return QtFuture::makeReadyFuture(std::move(*response));
}

ApiResponse ApiService::modules(const ApiRequest &)
{
    return ApiResponse::json({{QStringLiteral("modules"), QJsonArray::fromStringList(m_modules)}});
}

ApiResponse ApiService::classify(const ApiRequest &request)
{
    ApiResponse error;
    const auto body = jsonObjectBody(request, &error);
    const auto text = body ? stringField(*body, QStringLiteral("text"), &error) : std::nullopt;
    if (!text)
        return error;
    const QList<EmotionScore> scores = m_classifier->classify(*text);
    QJsonArray classification;
    for (const EmotionScore &s : scores)
        classification.append(QJsonObject{{QStringLiteral("label"), s.label}, {QStringLiteral("score"), s.score}});
    // Extras sets the talkinghead emotion from the top label itself (the client also calls set_emotion, but not
    // in every display mode).
    if (!scores.isEmpty() && m_modules.contains(kTalkinghead) && m_backend)
        m_backend->setEmotion(scores.first().label);
    return ApiResponse::json({{QStringLiteral("classification"), classification}});
}

ApiResponse ApiService::classifyLabels(const ApiRequest &)
{
    // The model's labels in the order it scores the empty text, as Extras. Extras appended "talkinghead", which is
    // how SillyTavern <= 1.12.12 learns that the talkinghead.png sprite slot exists; newer SillyTavern (which has
    // no talkinghead client) would show it as a sprite slot of its own, so only --talkinghead-label adds it.
    QStringList labels;
    for (const EmotionScore &s : m_classifier->classify(QString()))
        labels.append(s.label);
    if (m_options.talkingheadLabel && m_modules.contains(kTalkinghead))
        labels.append(kTalkinghead);
    return ApiResponse::json({{QStringLiteral("labels"), QJsonArray::fromStringList(labels)}});
}

QFuture<ApiResponse> ApiService::load(const ApiRequest &request)
{
    QString error;
    const auto form = MultipartParser::parse(request.body, request.header("content-type"), &error);
    if (!form)
        return QtFuture::makeReadyFuture(ApiResponse::error(400, error));
    const MultipartPart *file = form->find(u"file");
    if (!file)
        return QtFuture::makeReadyFuture(ApiResponse::error(
            400, QStringLiteral("\"file\" is required: send the image as the multipart/form-data field \"file\""),
            QStringLiteral("file")));
    // The SillyTavern client logs the body ("Load talkinghead response: OK"); others may ask for the report.
    const bool wantsJson = request.header("accept").contains("application/json");
    return m_backend->loadImage(file->data, file->fileName).then([wantsJson](const LoadImageResult &result) {
        if (!result.ok) {
            QJsonObject body{{QStringLiteral("error"),
                              QStringLiteral("400: %1").arg(result.error.isEmpty() ? QStringLiteral("the image cannot be used")
                                                                                   : result.error)},
                             {QStringLiteral("field"), QStringLiteral("file")}};
            if (!result.report.isEmpty())
                body.insert(QStringLiteral("report"), result.report);
            return ApiResponse::json(body, 400);
        }
        if (wantsJson)
            return ApiResponse::json({{QStringLiteral("ok"), true}, {QStringLiteral("report"), result.report}});
        return ApiResponse::text("OK");
    });
}

namespace {

// Optional "start_at": epoch milliseconds, a number (JSON) or a decimal string (a multipart field).
bool startAtField(const QJsonValue &value, std::optional<qint64> *startAt, ApiResponse *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    bool ok = value.isDouble();
    double ms = value.toDouble();
    if (value.isString())
        ms = value.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(ms) || ms < 0 || ms > 1e15) {
        *error = ApiResponse::error(400, QStringLiteral("\"start_at\" must be a time in milliseconds since the Unix epoch"),
                                    QStringLiteral("start_at"));
        return false;
    }
    *startAt = qint64(ms);
    return true;
}

} // namespace

QFuture<ApiResponse> ApiService::speak(const ApiRequest &request)
{
    ApiResponse error;
    const auto body = jsonObjectBody(request, &error);
    const auto text = body ? stringField(*body, QStringLiteral("text"), &error) : std::nullopt;
    std::optional<qint64> startAt;
    if (!text || !startAtField(body->value(QStringLiteral("start_at")), &startAt, &error))
        return QtFuture::makeReadyFuture(error);
    if (text->size() > m_options.maxSpeechChars)
        return QtFuture::makeReadyFuture(ApiResponse::error(
            413, QStringLiteral("\"text\" has %1 characters, the limit is %2 (--max-speech-chars)")
                     .arg(text->size()).arg(m_options.maxSpeechChars),
            QStringLiteral("text")));
    QString voice = QStringLiteral("en");
    if (body->contains(QStringLiteral("voice"))) {
        const auto v = stringField(*body, QStringLiteral("voice"), &error);
        if (!v)
            return QtFuture::makeReadyFuture(error);
        voice = *v;
    }
    return m_backend->speak(*text, voice, startAt, request.clientGone).then([](const SpeechAudio &speech) {
        if (!speech.error.isEmpty())
            return ApiResponse::error(speech.status, speech.error);
        ApiResponse response = ApiResponse::text(speech.wav);
        response.setHeader("Content-Type", "audio/wav");
        response.setHeader("X-Speech-Duration", QByteArray::number(speech.seconds, 'f', 3));
        return response;
    });
}

QFuture<ApiResponse> ApiService::lipSync(const ApiRequest &request)
{
    QString message;
    const auto form = MultipartParser::parse(request.body, request.header("content-type"), &message);
    if (!form)
        return QtFuture::makeReadyFuture(ApiResponse::error(400, message));
    const MultipartPart *file = form->find(u"file");
    if (!file)
        return QtFuture::makeReadyFuture(ApiResponse::error(
            400, QStringLiteral("\"file\" is required: send the audio as the multipart/form-data field \"file\""),
            QStringLiteral("file")));
    ApiResponse error;
    std::optional<qint64> startAt;
    if (const MultipartPart *field = form->find(u"start_at");
        field && !startAtField(QJsonValue(QString::fromUtf8(field->data)), &startAt, &error))
        return QtFuture::makeReadyFuture(error);
    return m_backend->lipSync(file->data, file->fileName, startAt, request.clientGone).then([](const BackendResult &result) {
        return backendAnswer(result, QStringLiteral("lipsync"));
    });
}

ApiResponse ApiService::unload(const ApiRequest &)
{
    m_backend->unload();
    return ApiResponse::text("animation paused");
}

ApiResponse ApiService::startTalking(const ApiRequest &)
{
    m_backend->startTalking();
    return ApiResponse::text("talking started");
}

ApiResponse ApiService::stopTalking(const ApiRequest &)
{
    m_backend->stopTalking();
    return ApiResponse::text("talking stopped");
}

ApiResponse ApiService::setEmotion(const ApiRequest &request)
{
    ApiResponse error;
    const auto body = jsonObjectBody(request, &error);
    const auto name = body ? stringField(*body, QStringLiteral("emotion_name"), &error) : std::nullopt;
    if (!name)
        return error;
    return ApiResponse::text("emotion set to " + m_backend->setEmotion(*name).toUtf8());
}

ApiResponse ApiService::resultFeed(const ApiRequest &request)
{
    // ?repeat=0: no part for a frame the viewer already has. A browser decodes every part it gets, and one showing the
    // stream on the same machine took a quarter of a core for 25 parts a second, most of them repeats (our /view page
    // and our SillyTavern extension ask for this).
    const QByteArray repeat = queryValue(request.target, QStringLiteral("repeat"));
    if (!repeat.isNull() && repeat != "0" && repeat != "1")
        return ApiResponse::error(400, QStringLiteral("repeat: expected 0 (only new frames) or 1 (the newest frame at "
                                                      "every tick, the default), got \"%1\"")
                                           .arg(QString::fromUtf8(repeat.left(40))),
                                  QStringLiteral("repeat"));
    ApiResponse head;
    head.streamRepeats = repeat != "0";
    head.contentType = "multipart/x-mixed-replace; boundary=frame";
    head.setHeader("Cache-Control", "no-cache, no-store");
    head.setHeader("Connection", "close"); // the body ends when the connection does
    head.stream = true;
    return head;
}

ApiResponse ApiService::obsView(const ApiRequest &request)
{
    ObsViewError error;
    if (!ObsView::parse(request.target, &error))
        return ApiResponse::error(400, error.message, error.field);
    ApiResponse page{200, "text/html; charset=utf-8", ObsView::page(), {}, false};
    page.setHeader("Cache-Control", "no-store");
    page.setHeader("Referrer-Policy", "no-referrer"); // the address may hold the key
    page.setHeader("X-Content-Type-Options", "nosniff");
    page.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
                                              "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    return page;
}

ApiResponse ApiService::loadEmotionTemplates(const ApiRequest &request)
{
    ApiResponse error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    if (!body->isObject() && !body->isArray())
        return ApiResponse::error(400, QStringLiteral("expected a JSON object of emotion templates, got %1").arg(jsonTypeName(*body)));
    if (body->isArray() && !body->toArray().isEmpty())
        return ApiResponse::error(400, QStringLiteral("expected a JSON object of emotion templates; an array is only "
                                                      "accepted empty (= reset), this one has %1 elements")
                                           .arg(body->toArray().size()));
    return backendAnswer(m_backend->loadEmotionTemplates(*body), QStringLiteral("load_emotion_templates"));
}

ApiResponse ApiService::loadAnimatorSettings(const ApiRequest &request)
{
    ApiResponse error;
    const auto body = jsonObjectBody(request, &error, true);
    if (!body)
        return error;
    const BackendResult result = m_backend->loadAnimatorSettings(*body);
    if (result.ok())
        m_hub->setTargetFps(m_backend->targetFps()); // open streams follow at once, as in Extras
    return backendAnswer(result, QStringLiteral("load_animator_settings"));
}

ApiResponse ApiService::status(const ApiRequest &)
{
    const FrameHub::Stats s = m_hub->stats();
    const QJsonObject stream{
        {QStringLiteral("viewers"), m_hub->viewerCount()},
        {QStringLiteral("target_fps"), m_hub->targetFps()},
        {QStringLiteral("frames_received"), double(s.submitted)},
        {QStringLiteral("frames_encoded"), double(s.encoded)},
        {QStringLiteral("parts_sent"), double(s.ticks)},
        {QStringLiteral("last_encode_ms"), s.lastEncodeMs},
        {QStringLiteral("last_png_bytes"), double(s.lastPngBytes)},
    };
    return ApiResponse::json({
        {QStringLiteral("version"), QCoreApplication::applicationVersion()}, // clients check what they may use
        {QStringLiteral("backend"), m_backend->status()},
        {QStringLiteral("stream"), stream},
        {QStringLiteral("modules"), QJsonArray::fromStringList(m_modules)},
        {QStringLiteral("auth"), !m_options.apiKey.isEmpty()},
        {QStringLiteral("max_upload_bytes"), double(m_options.maxUploadBytes)},
    });
}

ApiResponse ApiService::framePng(const ApiRequest &)
{
    const QByteArray png = m_hub->currentPng();
    if (png.isEmpty())
        return ApiResponse::error(404, QStringLiteral("no frame has been rendered yet (POST /api/talkinghead/load first)"));
    ApiResponse response{200, "image/png", png, {}, false};
    response.setHeader("Cache-Control", "no-store");
    return response;
}

} // namespace ths
