// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Simulated face trackers over real UDP sockets on loopback, for the receiver tests and the benchmark:
// - SimulatedPhone: the iFacialMocap app. It listens on its own port, waits for the start string, then streams v2
//   packets to whoever sent it, at the given rate.
// - a VMC sender: liblo's own lo_send_* from a lo_address (see sendVmc()).

#include "mocap/face_input.h"
#include "mocap/ifacialmocap_packet.h"

#include <lo/lo.h>

#include <QByteArray>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace ths::test {

// The phone's packet for frame `i` of a test face: every name, values that move with i.
inline QByteArray phoneFrame(int i)
{
    QByteArray p;
    int k = 0;
    for (const char *n : mocap::blendshapeNames()) {
        QByteArray name(n);
        if (name.endsWith("Left"))
            name = name.chopped(4) + "_L";
        else if (name.endsWith("Right"))
            name = name.chopped(5) + "_R";
        p += name + '&' + QByteArray::number((i * 7 + k++ * 13) % 101) + '|';
    }
    return p + "=head#" + QByteArray::number((i % 40) - 20) + ',' + QByteArray::number((i % 30) - 15) + ",3,0,0,0|rightEye#0,0,0|leftEye#0,0,0|";
}

class SimulatedPhone
{
public:
    // `frames` packets at `perSecond` after the start string (0: as fast as possible); `packet(i)` makes packet i.
    SimulatedPhone(int frames, double perSecond, std::function<QByteArray(int)> packet = phoneFrame)
        : m_frames(frames)
        , m_perSecond(perSecond)
        , m_packet(std::move(packet))
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
        socklen_t len = sizeof(addr);
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~SimulatedPhone()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    int startStrings() const { return m_startStrings.load(); }
    int sent() const { return m_sent.load(); }
    // Sends more packets later (after a pause), to the same receiver.
    void resume(int frames) { m_more += frames; }

private:
    void run()
    {
        sockaddr_in receiver{};
        socklen_t len = sizeof(receiver);
        char buffer[256];
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                const ssize_t n = ::recvfrom(m_fd, buffer, sizeof(buffer), 0, reinterpret_cast<sockaddr *>(&receiver), &len);
                if (n > 0 && QByteArray(buffer, int(n)) == mocap::ifacialmocapStartString()) {
                    ++m_startStrings;
                    m_more += m_streaming ? 0 : m_frames;
                    m_streaming = true;
                }
            }
            const auto begin = std::chrono::steady_clock::now();
            int sentNow = 0;
            while (m_more > 0 && !m_stop) {
                const QByteArray packet = m_packet(m_sent);
                ::sendto(m_fd, packet.constData(), size_t(packet.size()), 0, reinterpret_cast<sockaddr *>(&receiver), sizeof(receiver));
                ++m_sent;
                --m_more;
                ++sentNow;
                if (m_perSecond > 0)
                    std::this_thread::sleep_until(begin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                              std::chrono::duration<double>(sentNow / m_perSecond)));
            }
        }
    }

    int m_fd = -1;
    quint16 m_port = 0;
    int m_frames;
    double m_perSecond;
    std::function<QByteArray(int)> m_packet;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_startStrings{0}, m_sent{0}, m_more{0};
    bool m_streaming = false;
};

} // namespace ths::test
