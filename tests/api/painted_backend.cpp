// SPDX-License-Identifier: GPL-3.0-or-later
#include "painted_backend.h"

#include "keyword_classifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPainter>
#include <QRandomGenerator>
#include <QThread>
#include <QtConcurrent>

namespace ths::test {

PaintedBackend::PaintedBackend(QSize frameSize, QObject *parent)
    : TalkingheadBackend(parent)
    , m_size(frameSize)
    , m_thread(QThread::create([this] { renderLoop(); }))
{
    m_thread->start();
}

PaintedBackend::~PaintedBackend()
{
    m_stop = true;
    m_thread->wait();
    delete m_thread;
}

QString PaintedBackend::emotion() const { QMutexLocker lock(&m_mutex); return m_emotion; }
bool PaintedBackend::talking() const { QMutexLocker lock(&m_mutex); return m_talking; }
bool PaintedBackend::paused() const { QMutexLocker lock(&m_mutex); return m_paused; }
QImage PaintedBackend::character() const { QMutexLocker lock(&m_mutex); return m_character; }

void PaintedBackend::renderLoop()
{
    quint32 frame = 0;
    while (!m_stop) {
        bool running;
        {
            QMutexLocker lock(&m_mutex);
            running = !m_paused && !m_character.isNull();
        }
        if (running) {
            Q_EMIT frameRendered(render(frame++));
            ++m_frames;
        }
        QThread::usleep(static_cast<unsigned long>(1e6 / qMax(1.0, m_renderFps.load())));
    }
}

QImage PaintedBackend::render(quint32 frame) const
{
    QImage image(m_size, QImage::Format_RGBA8888);
    if (m_noise) {
        auto *rng = QRandomGenerator::global();
        for (int y = 0; y < image.height(); ++y)
            rng->fillRange(reinterpret_cast<quint32 *>(image.scanLine(y)), image.width());
        return image;
    }
    image.fill(Qt::transparent);
    QMutexLocker lock(&m_mutex);
    QPainter p(&image);
    p.drawImage(image.rect(), m_character);
    p.setPen(QPen(QColor::fromHsv(int(qHash(m_emotion) % 360), 255, 255), 4));
    p.drawRect(image.rect().adjusted(2, 2, -3, -3));
    if (m_talking)
        p.fillRect(QRect(m_size.width() / 3, m_size.height() * 2 / 3, m_size.width() / 3, 4 + int(frame % 8)), Qt::darkRed);
    p.fillRect(QRect(int(frame % quint32(m_size.width())), 0, 1, 2), Qt::white); // every frame differs
    return image;
}

QFuture<LoadImageResult> PaintedBackend::loadImage(const QByteArray &data, const QString &fileName)
{
    return QtConcurrent::run([this, data, fileName] {
        LoadImageResult result;
        QImage image;
        auto issue = [&](const QString &code, const QString &message) {
            result.error = code + QStringLiteral(": ") + message;
            result.report = {{QStringLiteral("ok"), false}, {QStringLiteral("source"), fileName},
                             {QStringLiteral("issues"), QJsonArray{QJsonObject{{QStringLiteral("severity"), QStringLiteral("error")},
                                                                               {QStringLiteral("code"), code},
                                                                               {QStringLiteral("message"), message}}}}};
        };
        if (data.isEmpty())
            issue(QStringLiteral("empty-file"), QStringLiteral("the upload is empty"));
        else if (!image.loadFromData(data))
            issue(QStringLiteral("decode-failed"), QStringLiteral("\"%1\" is not an image Qt can decode").arg(fileName));
        else if (!image.hasAlphaChannel())
            issue(QStringLiteral("missing-alpha"), QStringLiteral("the image has no alpha channel"));
        if (!result.error.isEmpty())
            return result;
        QMutexLocker lock(&m_mutex);
        m_character = image.convertToFormat(QImage::Format_RGBA8888);
        m_paused = false;
        result.ok = true;
        result.report = {{QStringLiteral("ok"), true}, {QStringLiteral("source"), fileName},
                         {QStringLiteral("width"), image.width()}, {QStringLiteral("height"), image.height()}};
        return result;
    });
}

void PaintedBackend::unload() { QMutexLocker lock(&m_mutex); m_paused = true; }
void PaintedBackend::startTalking() { QMutexLocker lock(&m_mutex); m_talking = true; }
void PaintedBackend::stopTalking() { QMutexLocker lock(&m_mutex); m_talking = false; }

QString PaintedBackend::setEmotion(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    const bool known = KeywordClassifier::goEmotions().contains(name) || m_customEmotions.contains(name)
                       || name == QLatin1String("[custom]") || name == QLatin1String("[reset]");
    m_emotion = known ? name : QStringLiteral("neutral");
    return m_emotion;
}

BackendResult PaintedBackend::loadEmotionTemplates(const QJsonValue &templates)
{
    BackendResult result;
    QSet<QString> custom;
    const QJsonObject object = templates.toObject(); // an empty array arrives as an empty object here
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it->isObject()) {
            result.error = QStringLiteral("emotion \"%1\": expected an object of morph values").arg(it.key());
            return result;
        }
        const QJsonObject morphs = it->toObject();
        for (auto m = morphs.begin(); m != morphs.end(); ++m)
            if (!m->isDouble()) {
                result.error = QStringLiteral("emotion \"%1\": \"%2\" must be a number").arg(it.key(), m.key());
                return result;
            }
        if (!KeywordClassifier::goEmotions().contains(it.key()))
            custom.insert(it.key());
    }
    QMutexLocker lock(&m_mutex);
    m_customEmotions = custom;
    return result;
}

BackendResult PaintedBackend::loadAnimatorSettings(const QJsonObject &settings)
{
    BackendResult result;
    double fps = 25.0;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        if (it.key() == QLatin1String("target_fps")) {
            if (!it->isDouble() || !(it->toDouble() > 0)) {
                result.error = QStringLiteral("\"target_fps\" must be a number above 0");
                return result;
            }
            fps = it->toDouble();
        } else {
            result.warnings.append(QStringLiteral("unknown setting \"%1\" ignored").arg(it.key()));
        }
    }
    QMutexLocker lock(&m_mutex);
    m_targetFps = fps;
    return result;
}

double PaintedBackend::targetFps() const { QMutexLocker lock(&m_mutex); return m_targetFps; }

QJsonObject PaintedBackend::status() const
{
    QMutexLocker lock(&m_mutex);
    return {{QStringLiteral("loaded"), !m_character.isNull()}, {QStringLiteral("paused"), m_paused},
            {QStringLiteral("talking"), m_talking}, {QStringLiteral("emotion"), m_emotion},
            {QStringLiteral("frames_rendered"), m_frames.load()}};
}

QFuture<SpeechAudio> PaintedBackend::speak(const QString &text, const QString &voice, std::optional<qint64> startAtEpochMs,
                                           std::shared_ptr<const std::atomic<bool>> clientGone)
{
    if (!m_endlessSpeech)
        return TalkingheadBackend::speak(text, voice, startAtEpochMs, clientGone);
    ++m_speechStarted;
    return QtConcurrent::run([this, clientGone] {
        SpeechAudio speech;
        QElapsedTimer waited;
        waited.start();
        while (!(clientGone && clientGone->load()) && waited.elapsed() < 30000)
            QThread::msleep(5);
        if (clientGone && clientGone->load())
            ++m_speechCancelled;
        speech.error = QStringLiteral("stopped");
        return speech;
    });
}

} // namespace ths::test
