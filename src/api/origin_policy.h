// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which web pages may drive the server, and under which names it may be addressed. Without a key (the default)
// any page the user opens could otherwise send it requests: set emotions, load settings, make it speak.
//
//   - Origins (CORS): loopback origins (http(s)://localhost, 127.x.x.x, [::1], *.localhost, this machine's name —
//     SillyTavern on the same machine) are allowed, others only when listed with --cors-origin; --cors-origin '*' allows every
//     origin (the original's behaviour). A request from an origin that is not allowed is refused outright (403),
//     since CORS alone only hides the answer from the page, after the request has had its effect.
//   - Host (DNS rebinding: a hostile name resolving to 127.0.0.1): the Host header must be an IP address this
//     server can be reached at (a loopback address when bound to loopback), localhost (or *.localhost), this
//     machine's name, or a name listed with --allow-host (tunnels, proxies).

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>

namespace ths {

struct ServerOptions;

class OriginPolicy
{
public:
    explicit OriginPolicy(const ServerOptions &options);

    // The value of an Origin header (never empty here).
    [[nodiscard]] bool originAllowed(const QByteArray &origin) const;
    // The value of a Host header; an absent Host (HTTP/1.0) is allowed.
    [[nodiscard]] bool hostAllowed(const QByteArray &host) const;
    // "http://example.org:8000" → true with the normalised form in *normalised; false for anything else.
    static bool normaliseOrigin(const QString &origin, QString *normalised);

private:
    QHostAddress m_bound;
    QStringList m_origins; // normalised
    bool m_anyOrigin = false;
    QStringList m_hosts;   // lower case
};

} // namespace ths
