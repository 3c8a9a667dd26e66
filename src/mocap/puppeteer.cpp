// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/puppeteer.h"

#include "animation/steady_clock.h"
#include "mocap/take_file.h"
#include "mocap/tracking_blend.h"

#include <QJsonValue>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ths::mocap {

namespace {
constexpr double kStartStringRepeat = 2.0; // seconds between start strings while the phone is silent
constexpr int kPollMs = 100;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The phone's IPv4 address; errors name it.
std::optional<sockaddr_in> resolve(const QString &host, quint16 port, QString *error)
{
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo *found = nullptr;
    const int rc = getaddrinfo(host.toUtf8().constData(), nullptr, &hints, &found);
    if (rc != 0 || !found) {
        *error = QStringLiteral("the phone's address \"%1\" cannot be resolved: %2").arg(host, QString::fromLocal8Bit(gai_strerror(rc)));
        return std::nullopt;
    }
    sockaddr_in addr = *reinterpret_cast<const sockaddr_in *>(found->ai_addr);
    freeaddrinfo(found);
    addr.sin_port = htons(port);
    return addr;
}
} // namespace

struct Puppeteer::Impl {
    MocapSource source;
    std::shared_ptr<const Clock> clock;

    mutable std::mutex mutex;
    std::condition_variable wake;
    FaceStream stream;
    TakeWriter writer;
    double recordingStart = 0;
    std::optional<double> lastPacket;  // clock time of the last accepted face
    std::optional<double> lastReceived; // clock time of the last packet of any kind
    double startedAt = 0;
    TrackingBlend blend;
    double rateWindowStart = 0;
    quint64 rateWindowCount = 0;
    double packetsPerSecond = 0;
    std::function<void(const Pose &, double)> observer;

    std::thread thread;
    std::atomic<bool> stopping{false};
    bool running = false;
    int fd = -1;
    quint16 boundPort = 0;
    std::optional<sockaddr_in> phone;
    std::optional<Take> take;

    Impl(const MocapSource &s, const PuppeteerSettings &settings, std::shared_ptr<const Clock> c)
        : source(s)
        , clock(c ? std::move(c) : std::make_shared<SteadyClock>())
        , stream(s.kind == SourceKind::Replay ? SourceKind::IFacialMocap : s.kind, settings)
    {
    }

    // One packet that arrived now (`takeTime`: its time in a take being replayed, for the smoothing).
    void receive(const QByteArray &packet, std::optional<double> takeTime = std::nullopt)
    {
        std::optional<Pose> observed;
        double now;
        std::function<void(const Pose &, double)> notify;
        {
            std::lock_guard lock(mutex);
            now = clock->now();
            if (writer.isOpen())
                writer.write(now - recordingStart, packet);
            const ParseResult r = stream.feed(packet, takeTime.value_or(now));
            lastReceived = now;
            if (now - rateWindowStart >= 1.0) {
                packetsPerSecond = rateWindowStart > 0 ? rateWindowCount / (now - rateWindowStart) : 0;
                rateWindowStart = now;
                rateWindowCount = 0;
            }
            ++rateWindowCount;
            if (r.ok && r.frame) {
                lastPacket = now;
                if (observer) {
                    observed = stream.pose(now - startedAt);
                    notify = observer;
                }
            }
        }
        if (observed && notify)
            notify(*observed, now);
    }

    void sendStartString()
    {
        const QByteArray start = ifacialmocapStartString();
        // From our own socket: the phone answers to our port (the original's 49983, or the one bound in tests).
        ::sendto(fd, start.constData(), size_t(start.size()), 0, reinterpret_cast<const sockaddr *>(&*phone), sizeof(*phone));
    }

    void receiveLoop()
    {
        QByteArray buffer(65536, Qt::Uninitialized);
        double lastStartString = -1e9;
        while (!stopping.load()) {
            if (phone) {
                std::optional<double> last;
                double now;
                {
                    std::lock_guard lock(mutex);
                    last = lastPacket;
                    now = clock->now();
                }
                if (!TrackingBlend::tracking(last, now) && now - lastStartString >= kStartStringRepeat) {
                    sendStartString();
                    lastStartString = now;
                }
            }
            pollfd p{fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, kPollMs);
            if (ready > 0) {
                // Drain what is queued: each packet is parsed (and counted), only the newest face matters.
                for (;;) {
                    const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
                    if (n < 0)
                        break;
                    receive(QByteArray(buffer.constData(), qsizetype(n)));
                }
            }
            std::lock_guard lock(mutex);
            writer.flushIfDue();
        }
    }

    void replayLoop()
    {
        // From the first packet on (the silence before it, e.g. while a server loaded its model, is not played).
        const auto begin = std::chrono::steady_clock::now();
        const double first = take->packets.empty() ? 0.0 : take->packets.front().t;
        for (const TakePacket &packet : take->packets) {
            const auto due = begin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(packet.t - first));
            {
                std::unique_lock lock(mutex);
                if (wake.wait_until(lock, due, [&] { return stopping.load(); }))
                    return;
            }
            receive(packet.data, packet.t);
        }
    }
};

Puppeteer::Puppeteer(const MocapSource &source, const PuppeteerSettings &settings, std::shared_ptr<const Clock> clock)
    : d(std::make_unique<Impl>(source, settings, std::move(clock)))
{
}

Puppeteer::~Puppeteer()
{
    stop();
    stopRecording();
}

bool Puppeteer::start(QString *error)
{
    stop();
    d->stopping = false;
    if (d->source.kind == SourceKind::Replay) {
        d->take = Take::read(d->source.takeFile, error);
        if (!d->take)
            return false;
        {
            std::lock_guard lock(d->mutex);
            d->stream = FaceStream(d->take->source, d->take->settings);
            d->startedAt = d->clock->now();
        }
        d->running = true;
        d->thread = std::thread([this] { d->replayLoop(); });
        return true;
    }
    if (d->source.kind == SourceKind::IFacialMocap) {
        d->phone = resolve(d->source.phoneHost, d->source.phonePort, error);
        if (!d->phone)
            return false;
    }
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QStringLiteral("cannot open a UDP socket: %1").arg(systemError(errno));
        return false;
    }
    const int bufferBytes = 4 << 20; // bursts while the receiving thread waits for the CPU
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufferBytes, sizeof(bufferBytes));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(d->source.listenPort);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (!d->source.listenHost.isEmpty() && ::inet_pton(AF_INET, d->source.listenHost.toLatin1().constData(), &addr.sin_addr) != 1) {
        ::close(fd);
        *error = QStringLiteral("\"%1\" is not an IPv4 address to listen on").arg(d->source.listenHost);
        return false;
    }
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof(addr)) != 0) {
        const int e = errno;
        ::close(fd);
        *error = e == EADDRINUSE
                     ? QStringLiteral("UDP port %1 is in use: another program (a second puppeteer or tracker receiver) listens there; "
                                      "quit it or choose another port")
                           .arg(d->source.listenPort)
                     : QStringLiteral("cannot listen on UDP port %1: %2").arg(d->source.listenPort).arg(systemError(e));
        return false;
    }
    socklen_t len = sizeof(addr);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    d->fd = fd;
    d->boundPort = ntohs(addr.sin_port);
    {
        std::lock_guard lock(d->mutex);
        d->startedAt = d->clock->now();
    }
    d->running = true;
    d->thread = std::thread([this] { d->receiveLoop(); });
    return true;
}

void Puppeteer::stop()
{
    if (!d->running)
        return;
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    d->thread.join();
    if (d->fd >= 0)
        ::close(d->fd);
    d->fd = -1;
    d->running = false;
}

bool Puppeteer::isRunning() const
{
    return d->running;
}

quint16 Puppeteer::port() const
{
    return d->boundPort;
}

MocapSource Puppeteer::source() const
{
    return d->source;
}

Pose Puppeteer::apply(const Pose &animated)
{
    std::lock_guard lock(d->mutex);
    const double now = d->clock->now();
    return d->blend.apply(animated, d->stream.pose(now - d->startedAt), d->stream.providedChannels(),
                          TrackingBlend::tracking(d->lastPacket, now), now);
}

bool Puppeteer::active() const
{
    std::lock_guard lock(d->mutex);
    return d->blend.showing() || TrackingBlend::tracking(d->lastPacket, d->clock->now());
}

std::optional<Pose> Puppeteer::inputPose() const
{
    std::lock_guard lock(d->mutex);
    return d->stream.pose(d->clock->now() - d->startedAt);
}

QJsonObject Puppeteer::status() const
{
    std::lock_guard lock(d->mutex);
    const double now = d->clock->now();
    const bool tracking = TrackingBlend::tracking(d->lastPacket, now);
    const bool rateFresh = d->lastReceived && now - *d->lastReceived < 2.0;
    return QJsonObject{
        {QStringLiteral("source"), d->source.toString()},
        {QStringLiteral("port"), d->boundPort ? QJsonValue(d->boundPort) : QJsonValue()},
        {QStringLiteral("packets"), double(d->stream.packets())},
        {QStringLiteral("rejected"), double(d->stream.rejected())},
        {QStringLiteral("unknown_names"), double(d->stream.unknownNames())},
        {QStringLiteral("last_packet_age_ms"), d->lastReceived ? QJsonValue(std::round((now - *d->lastReceived) * 1000.0)) : QJsonValue()},
        {QStringLiteral("tracking"), tracking},
        {QStringLiteral("packets_per_second"), rateFresh ? d->packetsPerSecond : 0.0},
        {QStringLiteral("last_error"), d->stream.lastError().isEmpty() ? QJsonValue() : QJsonValue(d->stream.lastError())},
        {QStringLiteral("recording"), d->writer.isOpen() ? QJsonValue(d->writer.path()) : QJsonValue()},
    };
}

PuppeteerSettings Puppeteer::settings() const
{
    std::lock_guard lock(d->mutex);
    return d->stream.settings();
}

void Puppeteer::setSettings(const PuppeteerSettings &settings)
{
    std::lock_guard lock(d->mutex);
    d->stream.setSettings(settings);
}

bool Puppeteer::calibrate()
{
    std::lock_guard lock(d->mutex);
    return d->stream.calibrate();
}

bool Puppeteer::startRecording(const QString &path, QString *error)
{
    std::lock_guard lock(d->mutex);
    d->writer.close();
    const SourceKind kind = d->take ? d->take->source : d->source.kind;
    if (!d->writer.open(path, kind, d->stream.settings(), error))
        return false;
    d->recordingStart = d->clock->now();
    return true;
}

bool Puppeteer::stopRecording(QString *error)
{
    std::lock_guard lock(d->mutex);
    return d->writer.close(error);
}

QString Puppeteer::recordingPath() const
{
    std::lock_guard lock(d->mutex);
    return d->writer.isOpen() ? d->writer.path() : QString();
}

void Puppeteer::setFrameObserver(std::function<void(const Pose &, double)> observer)
{
    std::lock_guard lock(d->mutex);
    d->observer = std::move(observer);
}

} // namespace ths::mocap
