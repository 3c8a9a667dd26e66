// SPDX-License-Identifier: GPL-3.0-or-later
#include "animation/animator.h"

#include "core/log_text.h"

#include "animation/animation_log.h"
#include "animation/pose_interpolator.h"
#include "animation/steady_clock.h"

#include <QMutexLocker>
#include <QRandomGenerator>

#include <algorithm>

namespace ths {

namespace {
const int kBreathing = Pose::indexOf(QStringLiteral("breathing_index"));

// An emotion's target as the speech atlas renders it: breathing at 0 (it is the breathing driver's alone).
Pose atRest(Pose target)
{
    target[kBreathing] = 0.0f;
    return target;
}
const QString kConfusion = QStringLiteral("confusion");
} // namespace

Animator::Animator(std::shared_ptr<const Clock> clock, std::optional<quint32> seed)
    : m_clock(clock ? std::move(clock) : std::make_shared<SteadyClock>())
    , m_random(seed ? *seed : QRandomGenerator::global()->generate())
    , m_blink(m_random)
    , m_sway(m_random)
    , m_talking(m_random)
{
}

Pose Animator::nextFrame()
{
    return poseAt(m_clock->now());
}

Pose Animator::poseAt(double now)
{
    return advanceTo(now).pose;
}

AnimatedFrame Animator::advance()
{
    return advanceTo(m_clock->now());
}

Pose Animator::restPose() const
{
    QMutexLocker lock(&m_mutex);
    return atRest(emotionTarget());
}

void Animator::setHoldStillWhileSpeaking(bool hold)
{
    QMutexLocker lock(&m_mutex);
    m_holdStillWhileSpeaking = hold;
}

Pose Animator::emotionTarget() const
{
    return m_emotion == EmotionTemplates::kCustom ? m_customTarget : m_templates.pose(m_emotion);
}

AnimatedFrame Animator::advanceTo(double now)
{
    QMutexLocker lock(&m_mutex);
    // The first frame has no measured frame time; assume the nominal one.
    const double dt = m_lastFrame ? std::max(0.0, now - *m_lastFrame) : 1.0 / m_settings.targetFps;
    if (m_lastFrame && now < *m_lastFrame)
        now = *m_lastFrame;

    const bool emotionChanged = m_emotion != m_lastEmotion;
    if (emotionChanged) {
        m_emotionChangedAt = now;
        if (m_emotion == EmotionTemplates::kCustom && !m_customTargetGiven)
            m_customTarget = m_lastTarget; // freeze where the previous emotion was heading
    }

    Pose target = emotionTarget();
    m_lastTarget = target;
    const Pose rest = atRest(target);
    if (!m_current)
        m_current = target;
    target[kBreathing] = (*m_current)[kBreathing]; // breathing is the breathing driver's alone

    // The mouth source is a pure function of time, asked before the sway so that a held-still frame knows it speaks.
    const std::optional<MouthShape> shape = m_mouthSource ? m_mouthSource(now) : std::nullopt;
    const bool speaking = shape.has_value() || (m_isTalking && Pose::indexOf(m_settings.talkingMorph) >= 0);
    const bool holdStill = m_holdStillWhileSpeaking && speaking;

    // A reloaded template moves the emotion's centre, so the sway target is drawn afresh as on an emotion change.
    if (!holdStill)
        m_sway.apply(target, now, emotionChanged || m_templatesChanged, m_settings);
    m_templatesChanged = false;
    // Held still for the speech atlas (a slow renderer), a new emotion applies at once: each frame of the easing is a
    // pose off the atlas, a full render (4–5 a second on 2 cores), so the mouth all but stopped for the second the face
    // took to arrive; at rest at once, the mouth goes on from the new emotion's cells.
    const double step = holdStill && emotionChanged ? 1.0 : PoseInterpolator::stepFor(m_settings.poseInterpolatorStep, dt);
    Pose pose = PoseInterpolator::approach(*m_current, target, step);

    const bool confused =
        m_emotion == kConfusion && now - m_emotionChangedAt < m_settings.blinkConfusionDuration;
    m_blink.apply(pose, now, dt, m_settings, confused);

    m_talking.apply(pose, target, now, m_isTalking, m_settings, shape);

    m_breathing.apply(pose, now, m_settings.breathingCycleDuration);
    // The fade uses the pose's own easing, so breathing stops and resumes as smoothly as the head settles.
    m_breathingAmplitude += step * ((holdStill ? 0.0 : 1.0) - m_breathingAmplitude);
    if (m_breathingAmplitude < PoseInterpolator::kSnapDistance)
        m_breathingAmplitude = 0.0;
    else if (m_breathingAmplitude > 1.0 - PoseInterpolator::kSnapDistance)
        m_breathingAmplitude = 1.0;
    pose[kBreathing] = float(pose[kBreathing] * m_breathingAmplitude);

    m_current = pose;
    m_lastEmotion = m_emotion;
    m_lastFrame = now;
    return AnimatedFrame{pose, rest, speaking};
}

std::optional<Pose> Animator::currentPose() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

QString Animator::setEmotion(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    const QString resolved = m_templates.resolve(name);
    if (resolved != name) {
        // A client may send any name, of any length, as often as it likes.
        static LogRateLimit limit(5, 10000);
        int suppressed = 0;
        if (limit.allow(&suppressed))
            qCWarning(lcAnimation).noquote()
                << QStringLiteral("unknown emotion \"%1\" - using %2%3")
                       .arg(boundedForLog(name), resolved,
                            suppressed ? QStringLiteral(" (%1 more unknown emotions not logged)").arg(suppressed) : QString());
    }
    m_emotion = resolved;
    m_customTargetGiven = false;
    return resolved;
}

void Animator::setTargetPose(const Pose &pose)
{
    QMutexLocker lock(&m_mutex);
    m_emotion = EmotionTemplates::kCustom;
    m_customTarget = pose.clamped();
    m_customTargetGiven = true;
}

QString Animator::emotion() const
{
    QMutexLocker lock(&m_mutex);
    return m_emotion;
}

void Animator::startTalking()
{
    QMutexLocker lock(&m_mutex);
    m_isTalking = true;
}

void Animator::stopTalking()
{
    QMutexLocker lock(&m_mutex);
    m_isTalking = false;
}

bool Animator::isTalking() const
{
    QMutexLocker lock(&m_mutex);
    return m_isTalking;
}

void Animator::setMouthSource(MouthSource source)
{
    QMutexLocker lock(&m_mutex);
    m_mouthSource = std::move(source);
}

void Animator::setSettings(const AnimatorSettings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
}

AnimatorSettings Animator::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void Animator::setDefaultSettings(const AnimatorSettings &defaults)
{
    QMutexLocker lock(&m_mutex);
    m_defaultSettings = defaults;
}

AnimatorSettings Animator::defaultSettings() const
{
    QMutexLocker lock(&m_mutex);
    return m_defaultSettings;
}

bool Animator::loadAnimatorSettings(const QJsonObject &body, QString *error, QStringList *ignoredKeys)
{
    QMutexLocker lock(&m_mutex);
    auto settings = AnimatorSettings::fromJson(body, m_defaultSettings, error, ignoredKeys);
    if (!settings)
        return false;
    m_settings = std::move(*settings);
    return true;
}

void Animator::setTemplates(const EmotionTemplates &templates)
{
    QMutexLocker lock(&m_mutex);
    m_templates = templates;
    m_templatesChanged = true;
    fallBackIfEmotionMissing();
}

EmotionTemplates Animator::templates() const
{
    QMutexLocker lock(&m_mutex);
    return m_templates;
}

bool Animator::loadEmotionTemplates(const QJsonValue &body, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!m_templates.loadClientTemplates(body, error))
        return false;
    m_templatesChanged = true;
    fallBackIfEmotionMissing();
    return true;
}

void Animator::fallBackIfEmotionMissing()
{
    if (m_templates.contains(m_emotion))
        return;
    qCWarning(lcAnimation) << "emotion" << m_emotion << "was removed by a template reload - using"
                           << EmotionTemplates::kNeutral;
    m_emotion = EmotionTemplates::kNeutral;
}

} // namespace ths
