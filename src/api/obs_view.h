// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// GET /view: a page that shows the live character on a transparent background, for an OBS Browser Source (or any
// page that wants the character without SillyTavern). The page is the same for every request; it reads its
// options from its own address, which the server has validated first:
//   size=N     the character is drawn in an N×N pixel square (16–4096), centred; default: as large as the window
//   bg=COLOUR  "transparent" (default) or six hex digits such as 00ff00, for a chroma key
//   key=KEY    the API key; with --private-stream the stream needs it
// The page shows result_feed, so the server renders only while the page is open and visible: it drops the stream
// when the browser hides it (document hidden, OBS source not visible) and reopens it on return.

#include <QByteArray>
#include <QString>

#include <optional>

namespace ths {

struct ObsViewOptions {
    int size = 0;                 // 0: fit the window
    QString background;           // "transparent" or "#rrggbb"
};

struct ObsViewError {
    QString field;                // the query option at fault
    QString message;
};

class ObsView
{
public:
    static constexpr int kMinSize = 16;
    static constexpr int kMaxSize = 4096;

    // The options in the query of `target` (the request target, path and query), or the first thing wrong.
    static std::optional<ObsViewOptions> parse(const QByteArray &target, ObsViewError *error);
    // The page (HTML, UTF-8): constant, so nothing from the request is ever written into it.
    static QByteArray page();
};

} // namespace ths
