// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/talkinghead_backend.h"

namespace ths {

QFuture<SpeechAudio> TalkingheadBackend::speak(const QString &, const QString &, std::optional<qint64>,
                                               std::shared_ptr<const std::atomic<bool>>)
{
    SpeechAudio none;
    none.error = QStringLiteral("this server has no speech synthesis");
    return QtFuture::makeReadyFuture(none);
}

QFuture<BackendResult> TalkingheadBackend::lipSync(const QByteArray &, const QString &, std::optional<qint64>,
                                                   std::shared_ptr<const std::atomic<bool>>)
{
    BackendResult none;
    none.error = QStringLiteral("this server has no lip-sync");
    return QtFuture::makeReadyFuture(none);
}

} // namespace ths
