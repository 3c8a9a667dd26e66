// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/puppeteer_controller.h"

#include "live/live_character.h"
#include "mocap/puppeteer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

namespace ths {

namespace {
QString localPath(const QString &fileOrUrl)
{
    const QUrl url(fileOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : fileOrUrl;
}

double *gainOf(mocap::PuppeteerSettings &s, const QString &group)
{
    if (group == QLatin1String("eyebrow"))
        return &s.gainEyebrow;
    if (group == QLatin1String("eye"))
        return &s.gainEye;
    if (group == QLatin1String("iris"))
        return &s.gainIris;
    if (group == QLatin1String("mouth"))
        return &s.gainMouth;
    if (group == QLatin1String("head"))
        return &s.gainHead;
    if (group == QLatin1String("body"))
        return &s.gainBody;
    return nullptr;
}
} // namespace

PuppeteerController::PuppeteerController(bool persist, QObject *parent)
    : QObject(parent)
    , m_persist(persist)
{
    if (m_persist) {
        QSettings settings;
        settings.beginGroup(QStringLiteral("puppeteer"));
        m_source = settings.value(QStringLiteral("source"), m_source).toString();
        m_phone = settings.value(QStringLiteral("phone"), m_phone).toString();
        m_port = settings.value(QStringLiteral("port"), m_port).toInt();
        QString error;
        const auto saved = mocap::PuppeteerSettings::fromJson(
            QJsonDocument::fromJson(settings.value(QStringLiteral("settings")).toByteArray()).object(), &error);
        if (saved)
            m_settings = *saved; // an unreadable entry (another version's) falls back to the defaults
    }
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &PuppeteerController::refresh);
}

PuppeteerController::~PuppeteerController()
{
    stop();
}

void PuppeteerController::setLiveCharacter(LiveCharacter *live)
{
    if (m_live && m_puppeteer)
        m_live->setPuppeteer(nullptr);
    m_live = live;
    if (m_live && m_puppeteer)
        m_live->setPuppeteer(m_puppeteer);
}

void PuppeteerController::setSource(const QString &source)
{
    if (source == m_source || !mocap::sourceKindFromName(source))
        return;
    m_source = source;
    m_port = source == QLatin1String("ifacialmocap") ? 49983 : 39539;
    if (m_persist) {
        QSettings().setValue(QStringLiteral("puppeteer/source"), m_source);
        QSettings().setValue(QStringLiteral("puppeteer/port"), m_port);
    }
    Q_EMIT configChanged();
}

void PuppeteerController::setPhoneAddress(const QString &address)
{
    if (address == m_phone)
        return;
    m_phone = address.trimmed();
    if (m_persist)
        QSettings().setValue(QStringLiteral("puppeteer/phone"), m_phone);
    Q_EMIT configChanged();
}

void PuppeteerController::setPort(int port)
{
    if (port == m_port || port < 0 || port > 65535)
        return;
    m_port = port;
    if (m_persist)
        QSettings().setValue(QStringLiteral("puppeteer/port"), m_port);
    Q_EMIT configChanged();
}

void PuppeteerController::setTakeFile(const QString &file)
{
    if (file == m_takeFile)
        return;
    m_takeFile = localPath(file);
    Q_EMIT configChanged();
}

bool PuppeteerController::running() const
{
    return m_puppeteer && m_puppeteer->isRunning();
}

int PuppeteerController::boundPort() const
{
    return m_puppeteer ? m_puppeteer->port() : 0;
}

QStringList PuppeteerController::names() const
{
    return Pose::names();
}

QString PuppeteerController::recordingPath() const
{
    return m_puppeteer ? m_puppeteer->recordingPath() : QString();
}

bool PuppeteerController::start()
{
    stop();
    mocap::MocapSource source;
    source.kind = *mocap::sourceKindFromName(m_source);
    if (source.kind == mocap::SourceKind::IFacialMocap) {
        if (m_phone.isEmpty()) {
            setError(tr("Enter the phone's address (iFacialMocap shows it on the phone)."));
            return false;
        }
        source.phoneHost = m_phone;
        source.phonePort = quint16(m_port ? m_port : 49983);
        source.listenPort = 49983;
    } else if (source.kind == mocap::SourceKind::Vmc) {
        source.listenPort = quint16(m_port);
    } else {
        source.takeFile = m_takeFile;
    }
    auto puppeteer = std::make_shared<mocap::Puppeteer>(source, m_settings);
    QString error;
    if (!puppeteer->start(&error)) {
        setError(error);
        return false;
    }
    m_puppeteer = puppeteer;
    if (m_live)
        m_live->setPuppeteer(m_puppeteer);
    setError(QString());
    m_timer.start();
    Q_EMIT runningChanged();
    refresh();
    return true;
}

void PuppeteerController::stop()
{
    if (!m_puppeteer)
        return;
    if (m_live)
        m_live->setPuppeteer(nullptr);
    m_timer.stop();
    m_puppeteer->stop();
    QString error;
    if (!m_puppeteer->stopRecording(&error))
        setError(error);
    m_puppeteer.reset();
    m_tracking = false;
    m_rate = 0;
    Q_EMIT runningChanged();
    Q_EMIT recordingChanged();
    Q_EMIT statusChanged();
}

bool PuppeteerController::calibrate()
{
    if (!m_puppeteer || !m_puppeteer->calibrate()) {
        setError(tr("Calibrate while the tracker sends your face: look straight ahead with a relaxed face."));
        return false;
    }
    m_settings = m_puppeteer->settings();
    applySettings();
    return true;
}

void PuppeteerController::clearCalibration()
{
    m_settings.neutral.reset();
    applySettings();
}

double PuppeteerController::gain(const QString &group) const
{
    auto s = m_settings;
    const double *g = gainOf(s, group);
    return g ? *g : 1.0;
}

void PuppeteerController::setGain(const QString &group, double value)
{
    double *g = gainOf(m_settings, group);
    if (!g || !(value >= 0 && value <= 3) || *g == value)
        return;
    *g = value;
    applySettings();
}

void PuppeteerController::setSmoothing(bool on)
{
    if (on == m_settings.smoothing)
        return;
    m_settings.smoothing = on;
    applySettings();
}

void PuppeteerController::setMinCutoff(double hz)
{
    if (!(hz >= 0.001 && hz <= 100) || hz == m_settings.minCutoff)
        return;
    m_settings.minCutoff = hz;
    applySettings();
}

void PuppeteerController::setBeta(double beta)
{
    if (!(beta >= 0 && beta <= 100) || beta == m_settings.beta)
        return;
    m_settings.beta = beta;
    applySettings();
}

QString PuppeteerController::eyebrowDownMode() const
{
    return m_settings.converter.toJson().value(QStringLiteral("eyebrow_down_mode")).toString();
}

void PuppeteerController::setEyebrowDownMode(const QString &mode)
{
    QJsonObject json = m_settings.converter.toJson();
    json.insert(QStringLiteral("eyebrow_down_mode"), mode);
    QString error;
    if (const auto c = mocap::ConverterSettings::fromJson(json, &error); c && !(*c == m_settings.converter)) {
        m_settings.converter = *c;
        applySettings();
    }
}

QString PuppeteerController::winkMode() const
{
    return m_settings.converter.toJson().value(QStringLiteral("wink_mode")).toString();
}

void PuppeteerController::setWinkMode(const QString &mode)
{
    QJsonObject json = m_settings.converter.toJson();
    json.insert(QStringLiteral("wink_mode"), mode);
    QString error;
    if (const auto c = mocap::ConverterSettings::fromJson(json, &error); c && !(*c == m_settings.converter)) {
        m_settings.converter = *c;
        applySettings();
    }
}

bool PuppeteerController::startRecording(const QString &file)
{
    if (!m_puppeteer) {
        setError(tr("Start the puppeteer first."));
        return false;
    }
    QString error;
    if (!m_puppeteer->startRecording(localPath(file), &error)) {
        setError(error);
        return false;
    }
    setError(QString());
    Q_EMIT recordingChanged();
    return true;
}

void PuppeteerController::stopRecording()
{
    if (!m_puppeteer)
        return;
    QString error;
    if (!m_puppeteer->stopRecording(&error))
        setError(error);
    Q_EMIT recordingChanged();
}

bool PuppeteerController::openRecording(const QString &file)
{
    setTakeFile(file);
    setSource(QStringLiteral("replay"));
    return start();
}

void PuppeteerController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void PuppeteerController::refresh()
{
    if (!m_puppeteer)
        return;
    const QJsonObject s = m_puppeteer->status();
    m_tracking = s.value(QStringLiteral("tracking")).toBool();
    m_rate = s.value(QStringLiteral("packets_per_second")).toDouble();
    m_age = s.value(QStringLiteral("last_packet_age_ms")).isNull() ? -1 : s.value(QStringLiteral("last_packet_age_ms")).toInt();
    m_packets = s.value(QStringLiteral("packets")).toInt();
    m_rejected = s.value(QStringLiteral("rejected")).toInt();
    m_values.clear();
    if (const auto pose = m_puppeteer->inputPose())
        for (const float v : pose->values())
            m_values.append(double(v));
    Q_EMIT statusChanged();
}

void PuppeteerController::applySettings()
{
    if (m_puppeteer)
        m_puppeteer->setSettings(m_settings);
    if (m_persist)
        QSettings().setValue(QStringLiteral("puppeteer/settings"), QJsonDocument(m_settings.toJson()).toJson(QJsonDocument::Compact));
    Q_EMIT settingsChanged();
}

} // namespace ths
