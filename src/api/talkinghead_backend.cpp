// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/talkinghead_backend.h"

#include <utility>

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

void TalkingheadBackend::addDemand(DemandSource source)
{
    std::lock_guard lock(m_demandMutex);
    const bool had = hasDemandLocked();
    ++m_demand[size_t(source)];
    if (!had)
        demandChanged(true);
}

void TalkingheadBackend::removeDemand(DemandSource source)
{
    std::lock_guard lock(m_demandMutex);
    int &count = m_demand[size_t(source)];
    if (count == 0) {
        qWarning("TalkingheadBackend::removeDemand(%d) without addDemand()", int(source));
        return;
    }
    --count;
    if (!hasDemandLocked())
        demandChanged(false);
}

int TalkingheadBackend::demand(DemandSource source) const
{
    std::lock_guard lock(m_demandMutex);
    return m_demand[size_t(source)];
}

bool TalkingheadBackend::hasDemand() const
{
    std::lock_guard lock(m_demandMutex);
    return hasDemandLocked();
}

bool TalkingheadBackend::hasDemandLocked() const
{
    for (int count : m_demand)
        if (count > 0)
            return true;
    return false;
}

DemandToken::DemandToken(TalkingheadBackend *backend, DemandSource source)
    : m_backend(backend)
    , m_source(source)
{
    if (backend)
        backend->addDemand(source);
}

DemandToken::DemandToken(DemandToken &&other) noexcept
    : m_backend(std::exchange(other.m_backend, nullptr))
    , m_source(other.m_source)
{
}

DemandToken &DemandToken::operator=(DemandToken &&other) noexcept
{
    if (this != &other) {
        reset();
        m_backend = std::exchange(other.m_backend, nullptr);
        m_source = other.m_source;
    }
    return *this;
}

DemandToken::~DemandToken()
{
    reset();
}

void DemandToken::reset()
{
    if (TalkingheadBackend *backend = std::exchange(m_backend, nullptr))
        backend->removeDemand(m_source);
}

} // namespace ths
