// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The live animator of talkinghead: computes the pose to render for each frame (no rendering, no threads).
//
// Per frame (nextFrame() / poseAt()), in the original's order:
//   1. The target is the current emotion's template (breathing excluded); the first frame starts from it.
//   2. Idle sway moves the sway morphs of the target (SwayDriver).
//   3. The pose approaches the target by the frame-time corrected interpolator (PoseInterpolator).
//   4. Blinking may close the eyes (BlinkDriver).
//   5. The mouth: an external MouthSource shape, or random talking, or a snap shut after either (TalkingDriver).
//   6. Breathing sets breathing_index (BreathingDriver).
// Every driver works in wall-clock time taken from the injected Clock, and the frame time dt is measured between
// frames, so the animation looks the same at any frame rate. Randomness comes from one seeded generator: the same
// seed, settings and frame times replay the same poses.
//
// The API mirrors the talkinghead endpoints: setEmotion (set_emotion; unknown names become "neutral"),
// startTalking/stopTalking, loadEmotionTemplates (load_emotion_templates; `{}` resets), loadAnimatorSettings
// (load_animator_settings; `{}` resets to the server defaults). Invalid templates or settings are rejected with an
// error and change nothing. When a template reload removes the current emotion, the animator switches to
// "neutral" instead of failing (the original's animation thread died there).
//
// All methods lock an internal mutex, so API handlers and the render loop may call from different threads.

#include "animation/animator_settings.h"
#include "animation/blink_driver.h"
#include "animation/breathing_driver.h"
#include "animation/clock.h"
#include "animation/emotion_templates.h"
#include "animation/mouth_shape.h"
#include "core/random_source.h"
#include "animation/sway_driver.h"
#include "animation/talking_driver.h"
#include "pose/pose.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace ths {

// One frame of the animation, with what the speech atlas needs to know about it.
struct AnimatedFrame {
    Pose pose;             // the pose to render
    Pose rest;             // the emotion's pose: no sway, blink, mouth movement or breathing (breathing_index 0)
    bool speaking = false; // the mouth is driven (lip-sync or random talking)
};

class Animator
{
public:
    // `clock` defaults to a SteadyClock; `seed` to a random one.
    explicit Animator(std::shared_ptr<const Clock> clock = nullptr, std::optional<quint32> seed = std::nullopt);
    Animator(const Animator &) = delete;
    Animator &operator=(const Animator &) = delete;

    // Advances the animation to the clock's current time and returns the pose to render.
    Pose nextFrame();
    // Advances the animation to `now` (seconds on the clock's scale) and returns the pose to render. Times must
    // not go backwards; a frame at an earlier time is computed as if no time had passed.
    Pose poseAt(double now);
    // nextFrame() / poseAt() with the frame's rest pose and whether it speaks.
    AnimatedFrame advance();
    AnimatedFrame advanceTo(double now);
    // The current emotion's rest pose (see AnimatedFrame::rest) without advancing the animation.
    [[nodiscard]] Pose restPose() const;
    // While the mouth is driven, hold the head still: the sway pauses (the pose eases to the emotion's own) and
    // breathing fades out; both come back smoothly when the mouth is let go. The speech atlas can only show poses at
    // rest, so the live character turns this on with it; an emotion change while held still then applies at once
    // instead of easing in. Off by default (the original's behaviour).
    void setHoldStillWhileSpeaking(bool hold);
    // The pose of the last frame; empty before the first.
    [[nodiscard]] std::optional<Pose> currentPose() const;

    // Sets the emotion the pose moves toward from the next frame on; returns the name applied ("neutral" for an
    // unknown name).
    QString setEmotion(const QString &name);
    [[nodiscard]] QString emotion() const;
    // Selects "[custom]" with `pose` as the target (breathing excluded), so blinking, breathing, sway and talking
    // play on top of a hand-made pose (the studio's pose editor). A later call moves the target again.
    void setTargetPose(const Pose &pose);

    void startTalking();
    void stopTalking();
    [[nodiscard]] bool isTalking() const;

    // Lip-sync hook: while set, the source is asked every frame; a shape it returns replaces random talking (see
    // mouth_shape.h). An empty function removes it.
    void setMouthSource(MouthSource source);

    void setSettings(const AnimatorSettings &settings);
    [[nodiscard]] AnimatorSettings settings() const;
    // The server-wide layer that `{}` resets to (the server's animator.json over the built-in defaults).
    void setDefaultSettings(const AnimatorSettings &defaults);
    [[nodiscard]] AnimatorSettings defaultSettings() const;
    // load_animator_settings: `body` over the default settings. On error (naming the field) nothing changes.
    bool loadAnimatorSettings(const QJsonObject &body, QString *error, QStringList *ignoredKeys = nullptr);

    void setTemplates(const EmotionTemplates &templates);
    [[nodiscard]] EmotionTemplates templates() const;
    // load_emotion_templates: replaces the client template layer (`{}` resets it). On error (naming the emotion
    // and field) nothing changes.
    bool loadEmotionTemplates(const QJsonValue &body, QString *error);

private:
    void fallBackIfEmotionMissing();
    Pose emotionTarget() const;

    mutable QMutex m_mutex;
    std::shared_ptr<const Clock> m_clock;
    RandomSource m_random;
    AnimatorSettings m_settings;
    AnimatorSettings m_defaultSettings;
    EmotionTemplates m_templates;
    BlinkDriver m_blink;
    BreathingDriver m_breathing;
    SwayDriver m_sway;
    TalkingDriver m_talking;
    MouthSource m_mouthSource;

    QString m_emotion = EmotionTemplates::kNeutral;
    QString m_lastEmotion; // emotion of the previous frame; empty before the first
    double m_emotionChangedAt = 0.0;
    Pose m_customTarget; // frozen target while "[custom]" is selected
    bool m_customTargetGiven = false; // setTargetPose() chose m_customTarget: do not freeze over it
    Pose m_lastTarget;
    bool m_templatesChanged = false;
    bool m_isTalking = false;
    std::optional<Pose> m_current;
    std::optional<double> m_lastFrame;
    bool m_holdStillWhileSpeaking = false;
    double m_breathingAmplitude = 1.0; // fades to 0 while held still
};

} // namespace ths
