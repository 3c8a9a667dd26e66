// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The animated preview: the same LiveCharacter the HTTP server drives (idle blink, breathing and sway; talking;
// speech), sharing the engine's poser. The pose edited by hand is the animation's target, so the idle motion plays
// on top of it. Frames go to image://studio/live.

#include "api/talkinghead_backend.h"
#include "pose/pose.h"
#include "studio/frame_rate_meter.h"

#include <QImage>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class LiveCharacter;
class Poser;
class StudioImages;

class LivePreview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LivePreview is owned by Studio")
    Q_PROPERTY(bool animating READ animating WRITE setAnimating NOTIFY animatingChanged)
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // Whether the preview should show the live frames: animating, or speaking (speech moves the mouth even when the
    // idle animation is off).
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QUrl frameUrl READ frameUrl NOTIFY frameUrlChanged)
    // Distinct pictures per second: a frame repeated from the speech atlas (the same cell again) is not motion. The
    // figure bench_serve reports as distinct frames per second.
    Q_PROPERTY(double fps READ fps NOTIFY fpsChanged)

public:
    // `images` receives each frame as "live"; may be null.
    explicit LivePreview(std::shared_ptr<StudioImages> images, QObject *parent = nullptr);
    ~LivePreview() override;

    bool animating() const { return m_animating; }
    // On: frames are rendered continuously (as fast as the poser allows, paced to the animator's target fps).
    // Off: rendering stops after the frame in progress.
    void setAnimating(bool on);
    // Speech plays (the mouth moves in the preview): the preview shows live frames and holds the character's
    // DemandSource::Speech demand meanwhile. The server's viewers hold their own demand (ApiService).
    void setSpeaking(bool speaking);
    // The character's speech atlas on or off (LiveCharacter::setSpeechAtlas; the user's cache folder). On by default.
    void setSpeechAtlas(bool on);
    bool active() const { return m_animating || m_speaking; }
    // Whether weights are loaded (the Animate switch is usable).
    bool available() const { return m_character != nullptr && m_hasPoser; }
    QUrl frameUrl() const;
    double fps() const;

    // The first poser creates the live character (characterChanged() tells the server and speech); later ones —
    // an engine reload, or null while no weights are loaded — go into the same character, so its animation, speech
    // and the server's viewers carry on.
    void setPoser(std::shared_ptr<Poser> poser, const QString &modelName = {});
    void setImage(const QImage &image);
    // The hand-made pose the animation moves toward (Animator::setTargetPose).
    void setBasePose(const Pose &pose);
    // Null until the first poser is set; the same object from then on.
    LiveCharacter *character() const { return m_character.get(); }

Q_SIGNALS:
    void animatingChanged();
    void activeChanged();
    void characterChanged();
    void availableChanged();
    void frameReady(const QImage &frame);
    void frameUrlChanged();
    void fpsChanged();

private:
    void onFrame(const QImage &frame);
    // The Preview and Speech demand tokens follow m_animating and m_speaking.
    void holdDemand();

    std::shared_ptr<StudioImages> m_images;
    std::unique_ptr<LiveCharacter> m_character;
    QImage m_image;
    Pose m_basePose;
    bool m_hasBasePose = false;
    bool m_animating = false;
    bool m_speechAtlas = true;
    bool m_speaking = false;
    DemandToken m_animateDemand;
    DemandToken m_speechDemand;
    bool m_hasPoser = false;
    quint64 m_serial = 0;
    FrameRateMeter m_fps;
    qint64 m_lastFrameKey = 0;
};

} // namespace ths
