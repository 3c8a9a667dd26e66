// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/live_preview.h"

#include "animation/animator.h"
#include "engine/poser.h"
#include "live/live_character.h"
#include "live/speech_atlas.h"
#include "studio/studio_image_provider.h"

namespace ths {

LivePreview::LivePreview(std::shared_ptr<StudioImages> images, QObject *parent)
    : QObject(parent)
    , m_images(std::move(images))
{
    connect(&m_fps, &FrameRateMeter::decayed, this, &LivePreview::fpsChanged);
}

LivePreview::~LivePreview() = default; // the LiveCharacter joins its render thread

QUrl LivePreview::frameUrl() const
{
    return m_serial == 0 ? QUrl() : StudioImages::url(QStringLiteral("live"), m_serial);
}

double LivePreview::fps() const
{
    return m_fps.fps();
}

void LivePreview::setAnimating(bool on)
{
    if (on == m_animating)
        return;
    m_animating = on;
    holdDemand();
    Q_EMIT animatingChanged();
    Q_EMIT activeChanged();
}

void LivePreview::setSpeaking(bool speaking)
{
    if (speaking == m_speaking)
        return;
    m_speaking = speaking;
    holdDemand();
    Q_EMIT activeChanged();
}

void LivePreview::setSpeechAtlas(bool on)
{
    m_speechAtlas = on;
    if (m_character)
        m_character->setSpeechAtlas(on, SpeechAtlas::defaultCacheDir());
}

void LivePreview::holdDemand()
{
    if (m_animating && !m_animateDemand.held())
        m_animateDemand = DemandToken(m_character.get(), DemandSource::Preview);
    else if (!m_animating)
        m_animateDemand.reset();
    if (m_speaking && !m_speechDemand.held())
        m_speechDemand = DemandToken(m_character.get(), DemandSource::Speech);
    else if (!m_speaking)
        m_speechDemand.reset();
}

void LivePreview::setPoser(std::shared_ptr<Poser> poser, const QString &modelName)
{
    const bool had = available();
    m_hasPoser = poser != nullptr;
    if (m_character) {
        m_character->setPoser(std::move(poser), modelName);
    } else if (poser) {
        m_character = std::make_unique<LiveCharacter>(std::move(poser), modelName);
        m_character->setSpeechAtlas(m_speechAtlas, SpeechAtlas::defaultCacheDir());
        // frameRendered comes from the render thread: queued to this (GUI) thread.
        connect(m_character.get(), &TalkingheadBackend::frameRendered, this, &LivePreview::onFrame,
                Qt::QueuedConnection);
        if (m_hasBasePose)
            m_character->animator().setTargetPose(m_basePose);
        holdDemand();
        if (!m_image.isNull())
            m_character->setImage(m_image);
        Q_EMIT characterChanged();
    }
    if (available() != had)
        Q_EMIT availableChanged();
}

void LivePreview::setImage(const QImage &image)
{
    m_image = image;
    if (m_character && !image.isNull())
        m_character->setImage(image);
}

void LivePreview::setBasePose(const Pose &pose)
{
    m_basePose = pose;
    m_hasBasePose = true;
    if (m_character)
        m_character->animator().setTargetPose(pose);
}

void LivePreview::onFrame(const QImage &frame)
{
    // A frame queued by a character that has since been replaced is still a picture of the character: show it.
    if (frame.cacheKey() != m_lastFrameKey)
        m_fps.frame();
    m_lastFrameKey = frame.cacheKey();
    ++m_serial;
    if (m_images)
        m_images->set(QStringLiteral("live"), frame);
    // Shown: the next frame may be rendered (the character never renders ahead of its consumer).
    if (m_character && sender() == m_character.get())
        m_character->frameConsumed();
    Q_EMIT frameUrlChanged();
    Q_EMIT fpsChanged();
    Q_EMIT frameReady(frame);
}

} // namespace ths
