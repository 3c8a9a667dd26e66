// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One HTTP request as the API sees it, independent of the HTTP library: ApiService maps it to an ApiResponse,
// so the routing, auth and CORS rules are testable without sockets (as llama.cpp's server_http_req).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <atomic>
#include <memory>

namespace ths {

struct ApiRequest {
    QByteArray method;  // upper case as sent: "GET", "POST", "OPTIONS", …
    QByteArray target;  // the request target as sent, e.g. "//api/talkinghead/result_feed?t=1"
    QList<QPair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;
    // Set by the transport when the client goes away before its answer (may be null): a backend still computing the
    // answer (speech, lip-sync) stops instead of working for nobody.
    std::shared_ptr<const std::atomic<bool>> clientGone;

    // The first header of that name (case-insensitive), or empty.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    // The target's path, percent-decoded, with runs of '/' collapsed: SillyTavern builds URLs by concatenating
    // the user's base URL and "/api/…", so "http://host:5100/" gives "//api/…", which Flask accepted.
    [[nodiscard]] QByteArray path() const;
};

} // namespace ths
