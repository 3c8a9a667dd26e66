// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Puppeteer panel's backend: a face tracker (iFacialMocap, VMC) or a recorded take drives the studio's live
// character (mocap/puppeteer.h), so the preview and the embedded server show the tracked face. Keeps what the panel
// shows — packets per second, age of the last packet, tracking, the 45 values — refreshed ten times a second, and
// the settings, persisted in QSettings (group "puppeteer") as the same JSON `serve --mocap-settings` reads.

#include "mocap/puppeteer_settings.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class LiveCharacter;
namespace mocap {
class Puppeteer;
}

class PuppeteerController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    // "ifacialmocap", "vmc" or "replay"
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY configChanged)
    Q_PROPERTY(QString phoneAddress READ phoneAddress WRITE setPhoneAddress NOTIFY configChanged)
    // The UDP port: the phone's (iFacialMocap) or ours (VMC); 0 = any free port (VMC)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY configChanged)
    Q_PROPERTY(QString takeFile READ takeFile WRITE setTakeFile NOTIFY configChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int boundPort READ boundPort NOTIFY runningChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool tracking READ tracking NOTIFY statusChanged)
    Q_PROPERTY(double packetsPerSecond READ packetsPerSecond NOTIFY statusChanged)
    Q_PROPERTY(int lastPacketAgeMs READ lastPacketAgeMs NOTIFY statusChanged) // -1: none yet
    Q_PROPERTY(int packets READ packets NOTIFY statusChanged)
    Q_PROPERTY(int rejected READ rejected NOTIFY statusChanged)
    Q_PROPERTY(QVariantList values READ values NOTIFY statusChanged) // the 45 tracked values (empty before a face)
    Q_PROPERTY(QStringList names READ names CONSTANT)                  // their template names
    Q_PROPERTY(QString recordingPath READ recordingPath NOTIFY recordingChanged) // empty: not recording
    Q_PROPERTY(bool smoothing READ smoothing WRITE setSmoothing NOTIFY settingsChanged)
    Q_PROPERTY(double minCutoff READ minCutoff WRITE setMinCutoff NOTIFY settingsChanged)
    Q_PROPERTY(double beta READ beta WRITE setBeta NOTIFY settingsChanged)
    Q_PROPERTY(QString eyebrowDownMode READ eyebrowDownMode WRITE setEyebrowDownMode NOTIFY settingsChanged)
    Q_PROPERTY(QString winkMode READ winkMode WRITE setWinkMode NOTIFY settingsChanged)
    Q_PROPERTY(bool calibrated READ calibrated NOTIFY settingsChanged)

public:
    explicit PuppeteerController(bool persist = true, QObject *parent = nullptr);
    ~PuppeteerController() override;

    // The character the tracker drives (not owned; may be null). A running puppeteer moves to the new one.
    void setLiveCharacter(LiveCharacter *live);

    QString source() const { return m_source; }
    void setSource(const QString &source);
    QString phoneAddress() const { return m_phone; }
    void setPhoneAddress(const QString &address);
    int port() const { return m_port; }
    void setPort(int port);
    QString takeFile() const { return m_takeFile; }
    void setTakeFile(const QString &file);
    bool running() const;
    int boundPort() const;
    QString error() const { return m_error; }
    bool tracking() const { return m_tracking; }
    double packetsPerSecond() const { return m_rate; }
    int lastPacketAgeMs() const { return m_age; }
    int packets() const { return m_packets; }
    int rejected() const { return m_rejected; }
    QVariantList values() const { return m_values; }
    QStringList names() const;
    QString recordingPath() const;
    bool smoothing() const { return m_settings.smoothing; }
    void setSmoothing(bool on);
    double minCutoff() const { return m_settings.minCutoff; }
    void setMinCutoff(double hz);
    double beta() const { return m_settings.beta; }
    void setBeta(double beta);
    QString eyebrowDownMode() const;
    void setEyebrowDownMode(const QString &mode);
    QString winkMode() const;
    void setWinkMode(const QString &mode);
    bool calibrated() const { return m_settings.neutral.has_value(); }

    // Starts receiving (or replaying); false with error() naming the port or file.
    Q_INVOKABLE bool start();
    Q_INVOKABLE void stop();
    // The face tracked now becomes the neutral pose; false (with error()) before a face arrived.
    Q_INVOKABLE bool calibrate();
    Q_INVOKABLE void clearCalibration();
    // Gains per group: "eyebrow", "eye", "iris", "mouth", "head", "body" (0…3).
    Q_INVOKABLE double gain(const QString &group) const;
    Q_INVOKABLE void setGain(const QString &group, double value);
    // Records into `file` (a path or file: URL); false with error() naming it.
    Q_INVOKABLE bool startRecording(const QString &file);
    Q_INVOKABLE void stopRecording();
    // Replays a take (a path or file: URL) on the character.
    Q_INVOKABLE bool openRecording(const QString &file);

Q_SIGNALS:
    void configChanged();
    void runningChanged();
    void errorChanged();
    void statusChanged();
    void recordingChanged();
    void settingsChanged();

private:
    void setError(const QString &error);
    void refresh();
    void applySettings();

    bool m_persist;
    LiveCharacter *m_live = nullptr;
    std::shared_ptr<mocap::Puppeteer> m_puppeteer;
    mocap::PuppeteerSettings m_settings;
    QString m_source = QStringLiteral("vmc");
    QString m_phone;
    int m_port = 39539;
    QString m_takeFile;
    QString m_error;
    bool m_tracking = false;
    double m_rate = 0;
    int m_age = -1, m_packets = 0, m_rejected = 0;
    QVariantList m_values;
    QTimer m_timer;
};

} // namespace ths
