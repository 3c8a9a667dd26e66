// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/obs_view.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace ths {

namespace {

// The page reads its options from location.search; the server has refused anything invalid before sending it,
// and the script checks again, so nothing from the address reaches the page as markup.
const char kPage[] = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Talkinghead Studio</title>
<style>
  html, body { margin: 0; height: 100%; background: transparent; overflow: hidden; }
  body { display: flex; align-items: center; justify-content: center; }
  #character { width: 100vmin; height: 100vmin; object-fit: contain; }
</style>
</head>
<body>
<img id="character" alt="">
<script>
'use strict';
(() => {
  const query = new URLSearchParams(location.search);
  const img = document.getElementById('character');
  const size = query.get('size');
  if (size && /^[0-9]{1,4}$/.test(size)) {
    img.style.width = img.style.height = `${Number(size)}px`;
  }
  const bg = query.get('bg');
  if (bg && /^#?[0-9a-fA-F]{6}$/.test(bg)) {
    document.documentElement.style.background = `#${bg.replace('#', '')}`;
  }
  const key = query.get('key');
  // repeat=0: a part only for a new frame (the browser decodes every part it gets).
  const feed = '/api/talkinghead/result_feed?repeat=0' + (key ? `&key=${encodeURIComponent(key)}` : '');
  // A blank picture instead of the stream: changing src ends the stream's request, so the server stops
  // rendering for this page.
  const blank = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
  let obsVisible = true;
  let retry = null;
  const wanted = () => document.visibilityState === 'visible' && obsVisible;
  const update = () => {
    clearTimeout(retry);
    const showing = img.src.endsWith('result_feed') || img.src.includes('result_feed?');
    if (wanted() && !showing) img.src = feed;
    else if (!wanted() && showing) img.src = blank;
    document.body.dataset.streaming = String(wanted());
  };
  // The server went away or restarted: try again every two seconds.
  img.addEventListener('error', () => {
    img.src = blank;
    retry = setTimeout(update, 2000);
  });
  document.addEventListener('visibilitychange', update);
  // OBS's browser source tells the page when its source is shown or hidden.
  window.addEventListener('obsSourceVisibleChanged', (event) => {
    obsVisible = Boolean(event.detail && event.detail.visible);
    update();
  });
  update();
})();
</script>
</body>
</html>
)HTML";

const QRegularExpression kHexColour(QStringLiteral("^#?[0-9a-fA-F]{6}$"));

} // namespace

std::optional<ObsViewOptions> ObsView::parse(const QByteArray &target, ObsViewError *error)
{
    ObsViewOptions options;
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return options;
    auto fail = [error](const QString &field, const QString &message) -> std::optional<ObsViewOptions> {
        *error = {field, message};
        return std::nullopt;
    };
    const QUrlQuery query(QString::fromLatin1(target.sliced(q + 1)));
    QSet<QString> seen;
    for (const auto &[rawName, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString &name = rawName;
        const QString value = rawValue.trimmed();
        if (name != QLatin1String("size") && name != QLatin1String("bg") && name != QLatin1String("key"))
            return fail(name, QStringLiteral("unknown option \"%1\" (/view takes size, bg and key)").arg(name.left(100)));
        if (seen.contains(name))
            return fail(name, QStringLiteral("\"%1\" is given more than once").arg(name));
        seen.insert(name);
        if (name == QLatin1String("size")) {
            bool ok = false;
            const int size = value.toInt(&ok);
            if (!ok || size < kMinSize || size > kMaxSize)
                return fail(name, QStringLiteral("\"size\" must be a whole number of pixels from %1 to %2, got \"%3\"")
                                      .arg(kMinSize).arg(kMaxSize).arg(value.left(100)));
            options.size = size;
        } else if (name == QLatin1String("bg")) {
            if (value.compare(QLatin1String("transparent"), Qt::CaseInsensitive) == 0) {
                options.background = QStringLiteral("transparent");
            } else if (kHexColour.match(value).hasMatch()) {
                options.background = QLatin1Char('#') + value.right(6).toLower();
            } else {
                return fail(name, QStringLiteral("\"bg\" must be \"transparent\" or a colour as six hex digits such as "
                                                 "00ff00 (a green chroma key), got \"%1\"").arg(value.left(100)));
            }
        } else if (value.isEmpty()) {
            return fail(name, QStringLiteral("\"key\" is empty (leave it out if the server has no API key)"));
        }
    }
    return options;
}

QByteArray ObsView::page()
{
    return QByteArray(kPage);
}

} // namespace ths
