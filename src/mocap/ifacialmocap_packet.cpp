// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/ifacialmocap_packet.h"

#include <QStringDecoder>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ths::mocap {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string_view trim(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

bool number(std::string_view s, double *out)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// The phone's names ("eyeBlink_L") → blendshape index, or -1.
int phoneNameIndex(std::string_view key)
{
    static const std::unordered_map<std::string, int> index = [] {
        std::unordered_map<std::string, int> m;
        for (int i = 0; i < kBlendshapeCount; ++i) {
            std::string name = blendshapeNames()[size_t(i)];
            m.emplace(name, i);
            if (name.size() > 4 && name.compare(name.size() - 4, 4, "Left") == 0)
                m.emplace(name.substr(0, name.size() - 4) + "_L", i);
            else if (name.size() > 5 && name.compare(name.size() - 5, 5, "Right") == 0)
                m.emplace(name.substr(0, name.size() - 5) + "_R", i);
        }
        return m;
    }();
    const auto it = index.find(std::string(key));
    return it == index.end() ? -1 : it->second;
}

// "a,b,c…" with exactly `count` finite numbers (degrees, |x| ≤ 360 for the angles among them).
bool components(std::string_view s, int count, double *out, QString *error, const char *what)
{
    int n = 0;
    for (;;) {
        const size_t comma = s.find(',');
        const std::string_view item = s.substr(0, comma);
        if (n == count) {
            *error = QStringLiteral("%1: expected %2 numbers").arg(QLatin1String(what)).arg(count);
            return false;
        }
        if (!number(item, &out[n])) {
            *error = QStringLiteral("%1: component %2 is not a finite number").arg(QLatin1String(what)).arg(n + 1);
            return false;
        }
        ++n;
        if (comma == std::string_view::npos)
            break;
        s.remove_prefix(comma + 1);
    }
    if (n != count) {
        *error = QStringLiteral("%1: expected %2 numbers, got %3").arg(QLatin1String(what)).arg(count).arg(n);
        return false;
    }
    return true;
}

bool angles(const double *degrees, int count, QString *error, const char *what)
{
    for (int i = 0; i < count; ++i)
        if (std::abs(degrees[i]) > 360.0) {
            *error = QStringLiteral("%1: angle %2 is beyond ±360°").arg(QLatin1String(what)).arg(degrees[i]);
            return false;
        }
    return true;
}

} // namespace

QByteArray ifacialmocapStartString()
{
    return QByteArrayLiteral("iFacialMocap_sahuasouryya9218sauhuiayeta91555dy3719|sendDataVersion=v2");
}

ParseResult parseIfacialmocapPacket(const QByteArray &packet, FaceInput *face)
{
    ParseResult result;
    if (packet.size() > kMaxIfacialmocapPacket) {
        result.error = QStringLiteral("packet of %1 bytes is over %2").arg(packet.size()).arg(kMaxIfacialmocapPacket);
        return result;
    }
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)QString(utf8(packet));
        if (utf8.hasError()) {
            result.error = QStringLiteral("packet is not UTF-8");
            return result;
        }
    }
    FaceInput next = *face;
    bool any = false;
    std::string_view rest(packet.constData(), size_t(packet.size()));
    while (!rest.empty()) {
        const size_t bar = rest.find('|');
        const std::string_view part = trim(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        if (part.empty())
            continue;
        double v[6];
        if (part.substr(0, 6) == "=head#") {
            if (!components(part.substr(6), 6, v, &result.error, "head") || !angles(v, 3, &result.error, "head"))
                return result;
            for (int i = 0; i < 3; ++i)
                next.head[size_t(i)] = v[i] * kPi / 180;
            next.hasHead = any = true;
            continue;
        }
        if (part.substr(0, 9) == "rightEye#" || part.substr(0, 8) == "leftEye#") {
            // The eyes' bone angles: checked, not used (the irises follow the eyeLook blendshapes, as in the original).
            const bool right = part.front() == 'r';
            if (!components(part.substr(right ? 9 : 8), 3, v, &result.error, right ? "rightEye" : "leftEye")
                || !angles(v, 3, &result.error, right ? "rightEye" : "leftEye"))
                return result;
            any = true;
            continue;
        }
        const size_t amp = part.find('&');
        const char separator = amp != std::string_view::npos ? '&' : '-';
        const size_t at = part.find(separator);
        if (at == std::string_view::npos || part.find(separator, at + 1) != std::string_view::npos) {
            result.error = QStringLiteral("part \"%1\" is not name&value (v2) or name-value (v1)")
                               .arg(QString::fromUtf8(part.data(), qsizetype(std::min<size_t>(part.size(), 60))));
            return result;
        }
        const std::string_view name = part.substr(0, at);
        double value;
        if (!number(part.substr(at + 1), &value)) {
            result.error = QStringLiteral("%1: value is not a finite number").arg(QString::fromUtf8(name.data(), qsizetype(std::min<size_t>(name.size(), 60))));
            return result;
        }
        if (value < 0.0 || value > 100.0) {
            result.error = QStringLiteral("%1: %2 is outside 0…100").arg(QString::fromUtf8(name.data(), qsizetype(std::min<size_t>(name.size(), 60)))).arg(value);
            return result;
        }
        const int index = phoneNameIndex(name);
        if (index < 0) {
            ++result.unknownNames;
            continue;
        }
        next.blendshapes[size_t(index)] = value / 100.0;
        next.hasBlendshapes = any = true;
    }
    if (!any) {
        result.error = QStringLiteral("packet carries no blendshape or head data");
        return result;
    }
    *face = next;
    result.ok = result.frame = true;
    return result;
}

} // namespace ths::mocap
