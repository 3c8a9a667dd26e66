// SPDX-License-Identifier: GPL-3.0-or-later
#include "mocap/ifacialmocap_converter.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ths::mocap {

namespace {

double clamp(double x, double lo, double hi)
{
    return std::max(lo, std::min(hi, x)); // NaN-safe order as the original: max(lo, min(hi, x))
}

constexpr double kPi = 3.14159265358979323846;

// The four vowel points (mouth open, lower lip down, funnel, pucker) the open mouth is fitted to.
constexpr double kVowelPoints[4][4] = {
    {1.0, 1.0, 0.0, 0.0},   // aaa
    {0.0, 1.0, 0.0, 0.0},   // iii
    {0.5, 0.3, 0.25, 0.75}, // uuu
    {1.0, 0.5, 0.5, 0.4},   // ooo
};
constexpr double kSparsity = 0.01; // weight of Σ w in the fit

int idx(const char *name)
{
    return Pose::indexOf(QLatin1String(name));
}

struct Indices {
    int troubledL = idx("eyebrow_troubled_left_index"), troubledR = idx("eyebrow_troubled_right_index");
    int angryL = idx("eyebrow_angry_left_index"), angryR = idx("eyebrow_angry_right_index");
    int loweredL = idx("eyebrow_lowered_left_index"), loweredR = idx("eyebrow_lowered_right_index");
    int raisedL = idx("eyebrow_raised_left_index"), raisedR = idx("eyebrow_raised_right_index");
    int happyL = idx("eyebrow_happy_left_index"), happyR = idx("eyebrow_happy_right_index");
    int seriousL = idx("eyebrow_serious_left_index"), seriousR = idx("eyebrow_serious_right_index");
    int winkL = idx("eye_wink_left_index"), winkR = idx("eye_wink_right_index");
    int happyWinkL = idx("eye_happy_wink_left_index"), happyWinkR = idx("eye_happy_wink_right_index");
    int surprisedL = idx("eye_surprised_left_index"), surprisedR = idx("eye_surprised_right_index");
    int relaxedL = idx("eye_relaxed_left_index"), relaxedR = idx("eye_relaxed_right_index");
    int lowerLidL = idx("eye_raised_lower_eyelid_left_index"), lowerLidR = idx("eye_raised_lower_eyelid_right_index");
    int irisSmallL = idx("iris_small_left_index"), irisSmallR = idx("iris_small_right_index");
    int aaa = idx("mouth_aaa_index"), iii = idx("mouth_iii_index"), uuu = idx("mouth_uuu_index");
    int eee = idx("mouth_eee_index"), ooo = idx("mouth_ooo_index");
    int loweredCornerL = idx("mouth_lowered_corner_left_index"), loweredCornerR = idx("mouth_lowered_corner_right_index");
    int raisedCornerL = idx("mouth_raised_corner_left_index"), raisedCornerR = idx("mouth_raised_corner_right_index");
    int irisX = idx("iris_rotation_x_index"), irisY = idx("iris_rotation_y_index");
    int headX = idx("head_x_index"), headY = idx("head_y_index"), neckZ = idx("neck_z_index");
    int bodyY = idx("body_y_index"), bodyZ = idx("body_z_index"), breathing = idx("breathing_index");
};

const Indices &indices()
{
    static const Indices i;
    return i;
}

// Solves the k×k system a·x = b (k ≤ 4) by Gaussian elimination with partial pivoting; false when singular.
bool solve(int k, double a[4][4], double b[4], double x[4])
{
    for (int c = 0; c < k; ++c) {
        int p = c;
        for (int r = c + 1; r < k; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c]))
                p = r;
        if (std::abs(a[p][c]) < 1e-12)
            return false;
        std::swap(a[p], a[c]);
        std::swap(b[p], b[c]);
        for (int r = c + 1; r < k; ++r) {
            const double f = a[r][c] / a[c][c];
            for (int j = c; j < k; ++j)
                a[r][j] -= f * a[c][j];
            b[r] -= f * b[c];
        }
    }
    for (int r = k - 1; r >= 0; --r) {
        double s = b[r];
        for (int j = r + 1; j < k; ++j)
            s -= a[r][j] * x[j];
        x[r] = s / a[r][r];
    }
    return true;
}

} // namespace

double mouthFitLoss(const std::array<double, 4> &point, const std::array<double, 4> &w)
{
    double norm2 = 0, sum = 0;
    for (int j = 0; j < 4; ++j) {
        double e = -point[size_t(j)];
        for (int k = 0; k < 4; ++k)
            e += w[size_t(k)] * kVowelPoints[k][j];
        norm2 += e * e;
    }
    for (const double v : w)
        sum += std::abs(v);
    return std::sqrt(norm2) + kSparsity * sum;
}

// The objective is convex, so its minimum lies inside one face of the box [0,1]^4 (each weight at 0, at 1 or free)
// and is the stationary point of that face. On a face with free weights B (columns = their vowel points) and the
// rest fixed, with q = point − fixed part: x = x0 − λ s w, where x0 is the least-squares fit of q, w = (BᵀB)⁻¹1 and
// s = |q − B x0| / sqrt(1 − λ² 1ᵀw) is the residual's length at the optimum. All 81 faces are tried and the best
// feasible point wins: exact, and a few microseconds.
std::array<double, 4> fitMouthVowels(const std::array<double, 4> &point)
{
    std::array<double, 4> best{};
    double bestLoss = std::numeric_limits<double>::infinity();
    for (int code = 0; code < 81; ++code) {
        int state[4]; // 0: at 0, 1: at 1, 2: free
        for (int j = 0, c = code; j < 4; ++j, c /= 3)
            state[j] = c % 3;
        std::array<double, 4> w{};
        int free[4], k = 0;
        double q[4];
        for (int j = 0; j < 4; ++j) {
            if (state[j] == 2)
                free[k++] = j;
            else
                w[size_t(j)] = state[j];
        }
        for (int d = 0; d < 4; ++d) {
            q[d] = point[size_t(d)];
            for (int j = 0; j < 4; ++j)
                q[d] -= w[size_t(j)] * kVowelPoints[j][d];
        }
        if (k > 0) {
            double btb[4][4], btq[4], x0[4], ones[4], wv[4];
            for (int a = 0; a < k; ++a) {
                for (int b = 0; b < k; ++b) {
                    btb[a][b] = 0;
                    for (int d = 0; d < 4; ++d)
                        btb[a][b] += kVowelPoints[free[a]][d] * kVowelPoints[free[b]][d];
                }
                btq[a] = 0;
                for (int d = 0; d < 4; ++d)
                    btq[a] += kVowelPoints[free[a]][d] * q[d];
                ones[a] = 1.0;
            }
            double m1[4][4], m2[4][4];
            std::copy(&btb[0][0], &btb[0][0] + 16, &m1[0][0]);
            std::copy(&btb[0][0], &btb[0][0] + 16, &m2[0][0]);
            if (!solve(k, m1, btq, x0) || !solve(k, m2, ones, wv))
                continue;
            double perp2 = 0, sumW = 0;
            for (int d = 0; d < 4; ++d) {
                double r = q[d];
                for (int a = 0; a < k; ++a)
                    r -= kVowelPoints[free[a]][d] * x0[a];
                perp2 += r * r;
            }
            for (int a = 0; a < k; ++a)
                sumW += wv[a];
            const double denom = 1.0 - kSparsity * kSparsity * sumW;
            if (denom <= 0)
                continue; // the objective falls without bound on this face: its minimum is on a smaller one
            const double s = std::sqrt(perp2) / std::sqrt(denom);
            bool feasible = true;
            for (int a = 0; a < k; ++a) {
                const double v = x0[a] - kSparsity * s * wv[a];
                feasible = feasible && v >= 0.0 && v <= 1.0;
                w[size_t(free[a])] = v;
            }
            if (!feasible)
                continue;
        }
        const double loss = mouthFitLoss(point, w);
        if (loss < bestLoss) {
            bestLoss = loss;
            best = w;
        }
    }
    return best;
}

double breathingAt(const ConverterSettings &settings, double seconds)
{
    if (settings.breathingPerMinute <= 0)
        return 0.0;
    const double period = 60.0 / settings.breathingPerMinute;
    const double frac = std::fmod(std::fmod(seconds, period) + period, period) / period; // Python's % is never negative
    return (-std::cos(2 * kPi * frac) + 1.0) / 2.0;
}

Pose convertFace(const FaceInput &face, const ConverterSettings &s, std::optional<double> breathingSeconds)
{
    const Indices &i = indices();
    const auto b = [&](const char *name) { return face.blendshape(name); };
    double pose[Pose::kCount] = {};

    const double smile = (b("mouthSmileLeft") + b("mouthSmileRight")) / 2.0 + b("mouthShrugUpper");
    double smileDegree;
    if (smile < s.lowerSmileThreshold)
        smileDegree = 0.0;
    else if (smile > s.upperSmileThreshold)
        smileDegree = 1.0;
    else
        smileDegree = (smile - s.lowerSmileThreshold) / (s.upperSmileThreshold - s.lowerSmileThreshold);

    // Eyebrows: up from inner + outer, down (in the chosen form) fading out with the smile, happy with the smile.
    pose[i.raisedL] = clamp(b("browInnerUp") + b("browOuterUpLeft"), 0.0, 1.0);
    pose[i.raisedR] = clamp(b("browInnerUp") + b("browOuterUpRight"), 0.0, 1.0);
    const double downL = (1.0 - smileDegree) * clamp(b("browDownLeft") / s.eyebrowDownMax, 0.0, 1.0);
    const double downR = (1.0 - smileDegree) * clamp(b("browDownRight") / s.eyebrowDownMax, 0.0, 1.0);
    const auto [downIndexL, downIndexR] = [&]() -> std::pair<int, int> {
        switch (s.eyebrowDownMode) {
        case EyebrowDownMode::Troubled: return {i.troubledL, i.troubledR};
        case EyebrowDownMode::Lowered: return {i.loweredL, i.loweredR};
        case EyebrowDownMode::Serious: return {i.seriousL, i.seriousR};
        case EyebrowDownMode::Angry: break;
        }
        return {i.angryL, i.angryR};
    }();
    pose[downIndexL] = downL;
    pose[downIndexR] = downR;
    pose[i.happyL] = pose[i.happyR] = clamp(smile, 0.0, 1.0) * smileDegree;

    // Eyes: wide → surprised; blink → wink (or relaxed), turning into the happy wink with the smile; cheek squint →
    // raised lower eyelid.
    pose[i.surprisedL] = clamp(b("eyeWideLeft") / s.eyeSurprisedMax, 0.0, 1.0);
    pose[i.surprisedR] = clamp(b("eyeWideRight") / s.eyeSurprisedMax, 0.0, 1.0);
    const double blinkL = clamp(b("eyeBlinkLeft") / s.eyeWinkMax, 0.0, 1.0);
    const double blinkR = clamp(b("eyeBlinkRight") / s.eyeWinkMax, 0.0, 1.0);
    const bool normal = s.winkMode == WinkMode::Normal;
    pose[normal ? i.winkL : i.relaxedL] = (1.0 - smileDegree) * blinkL;
    pose[normal ? i.winkR : i.relaxedR] = (1.0 - smileDegree) * blinkR;
    pose[i.happyWinkL] = smileDegree * blinkL;
    pose[i.happyWinkR] = smileDegree * blinkR;
    const double squintRange = s.cheekSquintMax - s.cheekSquintMin;
    pose[i.lowerLidL] = clamp((b("cheekSquintLeft") - s.cheekSquintMin) / squintRange, 0.0, 1.0);
    pose[i.lowerLidR] = clamp((b("cheekSquintRight") - s.cheekSquintMin) / squintRange, 0.0, 1.0);

    // Irises: where both eyes look, and the fixed size.
    const double lookY = (b("eyeLookInLeft") - b("eyeLookOutLeft") - b("eyeLookInRight") + b("eyeLookOutRight")) / 2.0
                         * s.eyeRotationFactor;
    const double lookX = (b("eyeLookUpLeft") + b("eyeLookUpRight") - b("eyeLookDownLeft") - b("eyeLookDownRight"))
                         / 2.0 * s.eyeRotationFactor;
    pose[i.irisY] = clamp(lookY, -1.0, 1.0);
    pose[i.irisX] = clamp(lookX, -1.0, 1.0);
    pose[i.irisSmallL] = s.irisSmallLeft;
    pose[i.irisSmallR] = s.irisSmallRight;

    // Head; the body turns and tilts with it.
    const double toDegrees = 180.0 / kPi;
    pose[i.headX] = clamp(-face.head[0] * toDegrees, -15.0, 15.0) / 15.0;
    pose[i.headY] = pose[i.bodyY] = clamp(-face.head[1] * toDegrees, -10.0, 10.0) / 10.0;
    pose[i.neckZ] = pose[i.bodyZ] = clamp(face.head[2] * toDegrees, -15.0, 15.0) / 15.0;

    // Mouth: closed, the corners follow smile and frown; open, the vowel fit.
    const double open = clamp((b("jawOpen") - s.jawOpenMin) / (s.jawOpenMax - s.jawOpenMin), 0.0, 1.0);
    pose[i.aaa] = open;
    pose[i.raisedCornerL] = pose[i.raisedCornerR] = clamp(smile, 0.0, 1.0);
    if (!(open > 0.0)) {
        const double frown = clamp((b("mouthFrownLeft") + b("mouthFrownRight")) / s.mouthFrownMax, 0.0, 1.0);
        pose[i.loweredCornerL] = pose[i.loweredCornerR] = frown;
    } else {
        const double lowerDown = clamp(b("mouthLowerDownLeft") + b("mouthLowerDownRight"), 0.0, 1.0);
        const double funnel = b("mouthFunnel");
        const auto w = fitMouthVowels({open, lowerDown, funnel, b("mouthPucker")});
        pose[i.aaa] = w[0];
        pose[i.iii] = w[1];
        const double oooAlpha = clamp((funnel - s.mouthFunnelMin) / (s.mouthFunnelMax - s.mouthFunnelMin), 0.0, 1.0);
        const double uo = clamp(w[2] + w[3], 0.0, 1.0);
        pose[i.uuu] = uo * (1.0 - oooAlpha);
        pose[i.ooo] = uo * oooAlpha;
    }

    if (breathingSeconds)
        pose[i.breathing] = breathingAt(s, *breathingSeconds);

    // VMC only: the body's own rotation (Spine/Chest) instead of following the head, on the head's scales.
    if (face.hasBody) {
        pose[i.bodyY] = clamp(-face.body[0] * toDegrees, -10.0, 10.0) / 10.0;
        pose[i.bodyZ] = clamp(face.body[1] * toDegrees, -15.0, 15.0) / 15.0;
    }
    // VMC only: the VRM presets, each raising the parameters of its expression (never lowering what the ARKit
    // blendshapes set). Blinks go through the converter's wink (with the smile's happy form) via eyeBlink.
    if (face.hasPresets) {
        const auto p = [&](VrmPreset preset) { return clamp(face.presets[size_t(preset)], 0.0, 1.0); };
        const auto raise = [&](int index, double v) { pose[index] = std::max(pose[index], v); };
        const double vowels[5] = {p(VrmPreset::A), p(VrmPreset::I), p(VrmPreset::U), p(VrmPreset::E), p(VrmPreset::O)};
        const int vowelIndex[5] = {i.aaa, i.iii, i.uuu, i.eee, i.ooo};
        for (int k = 0; k < 5; ++k)
            raise(vowelIndex[k], vowels[k]);
        const double blinkL = std::max(p(VrmPreset::Blink), p(VrmPreset::BlinkL));
        const double blinkR = std::max(p(VrmPreset::Blink), p(VrmPreset::BlinkR));
        raise(normal ? i.winkL : i.relaxedL, (1.0 - smileDegree) * blinkL);
        raise(normal ? i.winkR : i.relaxedR, (1.0 - smileDegree) * blinkR);
        raise(i.happyWinkL, smileDegree * blinkL);
        raise(i.happyWinkR, smileDegree * blinkR);
        const double joy = p(VrmPreset::Joy), angry = p(VrmPreset::Angry), sorrow = p(VrmPreset::Sorrow), fun = p(VrmPreset::Fun);
        for (const int k : {i.happyWinkL, i.happyWinkR, i.happyL, i.happyR})
            raise(k, joy);
        for (const int k : {i.raisedCornerL, i.raisedCornerR})
            raise(k, std::max(joy, fun));
        for (const int k : {i.angryL, i.angryR})
            raise(k, angry);
        for (const int k : {i.troubledL, i.troubledR, i.loweredCornerL, i.loweredCornerR})
            raise(k, sorrow);
        for (const int k : {i.relaxedL, i.relaxedR})
            raise(k, fun);
    }

    Pose out;
    for (int k = 0; k < Pose::kCount; ++k)
        out[k] = float(pose[k]);
    return out;
}

namespace {
const char *eyebrowModeName(EyebrowDownMode m)
{
    switch (m) {
    case EyebrowDownMode::Troubled: return "troubled";
    case EyebrowDownMode::Lowered: return "lowered";
    case EyebrowDownMode::Serious: return "serious";
    case EyebrowDownMode::Angry: break;
    }
    return "angry";
}

struct NumberField {
    const char *key;
    double ConverterSettings::*member;
    double lo, hi;
};

const NumberField kNumberFields[] = {
    {"lower_smile_threshold", &ConverterSettings::lowerSmileThreshold, 0, 2},
    {"upper_smile_threshold", &ConverterSettings::upperSmileThreshold, 0, 2},
    {"eye_surprised_max_value", &ConverterSettings::eyeSurprisedMax, 0.01, 1},
    {"eye_wink_max_value", &ConverterSettings::eyeWinkMax, 0.01, 1},
    {"eyebrow_down_max_value", &ConverterSettings::eyebrowDownMax, 0.01, 1},
    {"cheek_squint_min_value", &ConverterSettings::cheekSquintMin, 0, 1},
    {"cheek_squint_max_value", &ConverterSettings::cheekSquintMax, 0, 1},
    {"eye_rotation_factor", &ConverterSettings::eyeRotationFactor, 0, 10},
    {"jaw_open_min_value", &ConverterSettings::jawOpenMin, 0, 1},
    {"jaw_open_max_value", &ConverterSettings::jawOpenMax, 0, 1},
    {"mouth_frown_max_value", &ConverterSettings::mouthFrownMax, 0.01, 2},
    {"mouth_funnel_min_value", &ConverterSettings::mouthFunnelMin, 0, 1},
    {"mouth_funnel_max_value", &ConverterSettings::mouthFunnelMax, 0, 1},
    {"iris_small_left", &ConverterSettings::irisSmallLeft, 0, 1},
    {"iris_small_right", &ConverterSettings::irisSmallRight, 0, 1},
    {"breathing_per_minute", &ConverterSettings::breathingPerMinute, 0, 60},
};
} // namespace

QJsonObject ConverterSettings::toJson() const
{
    QJsonObject json;
    for (const NumberField &f : kNumberFields)
        json.insert(QLatin1String(f.key), this->*f.member);
    json.insert(QStringLiteral("eyebrow_down_mode"), QLatin1String(eyebrowModeName(eyebrowDownMode)));
    json.insert(QStringLiteral("wink_mode"), winkMode == WinkMode::Normal ? QStringLiteral("normal") : QStringLiteral("relaxed"));
    return json;
}

std::optional<ConverterSettings> ConverterSettings::fromJson(const QJsonObject &json, QString *error)
{
    ConverterSettings s;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("eyebrow_down_mode")) {
            const QString m = v.toString();
            if (m == QLatin1String("troubled"))
                s.eyebrowDownMode = EyebrowDownMode::Troubled;
            else if (m == QLatin1String("angry"))
                s.eyebrowDownMode = EyebrowDownMode::Angry;
            else if (m == QLatin1String("lowered"))
                s.eyebrowDownMode = EyebrowDownMode::Lowered;
            else if (m == QLatin1String("serious"))
                s.eyebrowDownMode = EyebrowDownMode::Serious;
            else {
                *error = QStringLiteral("converter.eyebrow_down_mode: expected \"troubled\", \"angry\", \"lowered\" or \"serious\"");
                return std::nullopt;
            }
            continue;
        }
        if (key == QLatin1String("wink_mode")) {
            const QString m = v.toString();
            if (m != QLatin1String("normal") && m != QLatin1String("relaxed")) {
                *error = QStringLiteral("converter.wink_mode: expected \"normal\" or \"relaxed\"");
                return std::nullopt;
            }
            s.winkMode = m == QLatin1String("normal") ? WinkMode::Normal : WinkMode::Relaxed;
            continue;
        }
        const auto field = std::find_if(std::begin(kNumberFields), std::end(kNumberFields),
                                        [&](const NumberField &f) { return key == QLatin1String(f.key); });
        if (field == std::end(kNumberFields)) {
            *error = QStringLiteral("converter.%1: unknown setting").arg(key);
            return std::nullopt;
        }
        if (!v.isDouble() || !(v.toDouble() >= field->lo && v.toDouble() <= field->hi)) {
            *error = QStringLiteral("converter.%1: expected a number from %2 to %3").arg(key).arg(field->lo).arg(field->hi);
            return std::nullopt;
        }
        s.*(field->member) = v.toDouble();
    }
    const auto range = [&](double lo, double hi, const char *what) {
        if (hi > lo)
            return true;
        *error = QStringLiteral("converter: %1 must be above its minimum").arg(QLatin1String(what));
        return false;
    };
    if (!range(s.lowerSmileThreshold, s.upperSmileThreshold, "upper_smile_threshold")
        || !range(s.cheekSquintMin, s.cheekSquintMax, "cheek_squint_max_value")
        || !range(s.jawOpenMin, s.jawOpenMax, "jaw_open_max_value")
        || !range(s.mouthFunnelMin, s.mouthFunnelMax, "mouth_funnel_max_value"))
        return std::nullopt;
    return s;
}

} // namespace ths::mocap
