// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SillyTavern-Extras wire contract (README, "The API server") as a function from ApiRequest to
// ApiResponse: routing (with "//api/…" accepted), the API key, module switches, CORS on every answer, JSON and
// multipart checks with errors that name the field, and the classify / talkinghead endpoints. No sockets here:
// ApiServer feeds it from its HTTP connections, and result_feed comes back as a response with `stream` set.
//
// Every request is first checked against OriginPolicy (Host 421, Origin 403); JSON routes require Content-Type
// application/json (415), so a plain cross-site form post cannot reach them.
// Routes (all also answer OPTIONS preflight without auth; GET routes answer HEAD):
//   GET  /api/modules                          {"modules": [...]}
//   POST /api/classify                         {"text"} → {"classification": [{"label","score"}…]}, sets the emotion
//   GET  /api/classify/labels                  {"labels": [28 labels…, "talkinghead"]}
//   POST /api/talkinghead/load                 multipart field "file" → "OK" | 400 {error, report}
//   GET  /api/talkinghead/unload               "animation paused"
//   GET  /api/talkinghead/start_talking        "talking started"
//   GET  /api/talkinghead/stop_talking         "talking stopped"
//   POST /api/talkinghead/set_emotion          {"emotion_name"} → "emotion set to <applied>"
//   GET  /api/talkinghead/result_feed          multipart/x-mixed-replace; boundary=frame (no auth: <img> source;
//                                              with a key, ?key=KEY is checked, and required with privateStream)
//   POST /api/talkinghead/load_emotion_templates   JSON → "OK"
//   POST /api/talkinghead/load_animator_settings   JSON → "OK"
//   GET  /api/talkinghead/status               ours: backend status + stream figures
//   GET  /api/talkinghead/frame.png            ours: the newest frame

#include "api/api_request.h"
#include "api/api_response.h"
#include "api/origin_policy.h"
#include "api/server_options.h"
#include "api/talkinghead_backend.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace ths {

class EmotionClassifier;
class FrameHub;

class ApiService : public QObject
{
    Q_OBJECT

public:
    // `backend` null disables talkinghead, `classifier` null disables classify, whatever options.modules says.
    // None is owned; all must outlive the service. `hub` is required when talkinghead is enabled; it is this
    // service's own (one service per hub): it takes the backend's frames, acknowledges every frame it publishes
    // (TalkingheadBackend::frameConsumed, so the backend renders only frames that will be sent) and holds
    // DemandSource::StreamViewers demand while result_feed has viewers.
    ApiService(const ServerOptions &options, TalkingheadBackend *backend, const EmotionClassifier *classifier,
               FrameHub *hub, QObject *parent = nullptr);

    // The answer, with CORS headers. Ready at once except for POST load, speak and lipsync (the backend works
    // asynchronously);
    // an unfinished future finishes on some thread and never touches this object afterwards.
    QFuture<ApiResponse> handle(const ApiRequest &request);
    // The answer to a request refused by the transport (400, 408, 413, 431, 501, 503, 505), for HttpConnection.
    [[nodiscard]] ApiResponse rejection(const ApiRequest &head, int status, const QString &message) const;
    // The one exception guard of every route, synchronous or not: `answer`'s response, or — when it throws (a bug,
    // or a backend's future that failed) — a logged 500, so a failing handler never takes the server down.
    [[nodiscard]] ApiResponse guarded(const ApiRequest &request, const std::function<ApiResponse()> &answer) const;
    // The 500 guarded() answers with (also for a backend's future that ended without a result).
    [[nodiscard]] ApiResponse internalError(const ApiRequest &request) const;

    [[nodiscard]] QStringList enabledModules() const { return m_modules; }
    [[nodiscard]] const ServerOptions &options() const { return m_options; }

    // flask-cors' answer for the origins OriginPolicy allows: Access-Control-Allow-Origin echoes Origin (plus
    // Vary: Origin), or "*" without one; nothing for other origins (their requests are refused anyway).
    void addCorsHeaders(const ApiRequest &request, ApiResponse &response) const;

private:
    struct Route;
    using Handler = ApiResponse (ApiService::*)(const ApiRequest &);
    using AsyncHandler = QFuture<ApiResponse> (ApiService::*)(const ApiRequest &);

    static const QList<Route> &routes();
    ApiResponse preflight(const ApiRequest &request, const Route *route) const;
    [[nodiscard]] bool authorized(const ApiRequest &request) const;

    ApiResponse modules(const ApiRequest &request);
    ApiResponse classify(const ApiRequest &request);
    ApiResponse classifyLabels(const ApiRequest &request);
    ApiResponse unload(const ApiRequest &request);
    ApiResponse startTalking(const ApiRequest &request);
    ApiResponse stopTalking(const ApiRequest &request);
    ApiResponse setEmotion(const ApiRequest &request);
    ApiResponse resultFeed(const ApiRequest &request);
    ApiResponse loadEmotionTemplates(const ApiRequest &request);
    ApiResponse loadAnimatorSettings(const ApiRequest &request);
    ApiResponse status(const ApiRequest &request);
    ApiResponse framePng(const ApiRequest &request);
    ApiResponse obsView(const ApiRequest &request);
    QFuture<ApiResponse> load(const ApiRequest &request);
    QFuture<ApiResponse> speak(const ApiRequest &request);
    QFuture<ApiResponse> lipSync(const ApiRequest &request);

    [[nodiscard]] std::optional<ApiResponse> refuseByOriginOrHost(const ApiRequest &request, const Route *route) const;
    [[nodiscard]] std::optional<ApiResponse> refuseStreamKey(const ApiRequest &request, const QByteArray &path) const;
    void followViewers(int viewers);

    ServerOptions m_options;
    OriginPolicy m_originPolicy;
    QStringList m_modules;
    QPointer<TalkingheadBackend> m_backend;
    const EmotionClassifier *m_classifier;
    QPointer<FrameHub> m_hub;
    DemandToken m_viewerDemand; // held while result_feed has viewers
};

} // namespace ths
