// SPDX-License-Identifier: GPL-3.0-or-later
#include "look/filter_catalog.h"

#include "core/json_file.h"

#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ths::look {

namespace {

// Bounds: wide enough for every look the original's parameters describe, narrow enough that nothing degenerates
// (a blur wider than its kernel, a glitch taller than any frame, a speed that aliases into noise).
constexpr double kMaxSpeed = 1000;     // cycles per image height per normalised frame × height
constexpr double kMaxDensity = 1000;   // waves per image height
constexpr double kMaxSigma = 10;       // pixels; 0 switches a blur off
constexpr double kMaxPixels = 4096;    // glitch heights
constexpr double kMaxHold = 10000;     // normalised frames

ParamSpec number(const char *name, double def, double min, double max, bool nullable = false)
{
    return ParamSpec{name, ParamType::Number, def, min, max, nullable};
}

ParamSpec integer(const char *name, double def, double min, double max)
{
    return ParamSpec{name, ParamType::Integer, def, min, max};
}

ParamSpec flag(const char *name, bool def)
{
    return ParamSpec{name, ParamType::Flag, def ? 1.0 : 0.0};
}

ParamSpec choice(const char *name, QStringList choices)
{
    ParamSpec p{name, ParamType::Choice};
    p.choices = std::move(choices);
    return p;
}

ParamSpec instanceName(const char *def)
{
    ParamSpec p{"name", ParamType::Name};
    p.defaultText = QString::fromLatin1(def);
    return p;
}

ParamSpec rgb(const char *name, std::array<double, 3> def)
{
    ParamSpec p{name, ParamType::Rgb, 0, 0, 1};
    p.defaultRgb = def;
    return p;
}

// The glitch filters share their randomisation parameters.
std::vector<ParamSpec> glitchParams(double strength, double strengthMin, double strengthMax, double minHeight,
                                    double maxHeight, const char *name)
{
    return {number("strength", strength, strengthMin, strengthMax), number("unboost", 4.0, 0, 100),
            integer("max_glitches", 3, 0, 100), integer("min_glitch_height", minHeight, 1, kMaxPixels),
            integer("max_glitch_height", maxHeight, 1, kMaxPixels), integer("hold_min", 1, 0, kMaxHold),
            integer("hold_max", 3, 0, kMaxHold), instanceName(name)};
}

std::vector<FilterSpec> makeCatalog()
{
    using K = FilterKind;
    return {
        {K::Bloom, "bloom", false, {number("luma_threshold", 0.8, 0, 1), number("hdr_exposure", 0.7, 0, 100)}},
        {K::ChromaticAberration, "chromatic_aberration", false,
         {number("transverse_sigma", 0.5, 0, kMaxSigma), number("axial_scale", 0.005, -0.5, 0.5)}},
        {K::Vignetting, "vignetting", false, {number("strength", 0.42, 0, 1)}},
        {K::Translucency, "translucency", false, {number("alpha", 0.9, 0, 1)}},
        {K::AlphaNoise, "alphanoise", true,
         {number("magnitude", 0.1, 0, 1), number("sigma", 0.0, 0, kMaxSigma), instanceName("alphanoise0")}},
        {K::LumaNoise, "lumanoise", true,
         {number("magnitude", 0.1, 0, 1), number("sigma", 0.0, 0, kMaxSigma), instanceName("lumanoise0")}},
        {K::AnalogLowres, "analog_lowres", false,
         {integer("kernel_size", 5, 1, 31), number("sigma", 0.75, 0, kMaxSigma)}},
        {K::AnalogBadHsync, "analog_badhsync", true,
         {number("speed", 8.0, -kMaxSpeed, kMaxSpeed), number("amplitude1", 0.001, -1, 1),
          number("density1", 4.0, 0, kMaxDensity), number("amplitude2", 0.001, -1, 1, true),
          number("density2", 13.0, 0, kMaxDensity, true), number("amplitude3", 0.001, -1, 1, true),
          number("density3", 27.0, 0, kMaxDensity, true)}},
        {K::AnalogDistort, "analog_distort", true,
         {number("speed", 8.0, -kMaxSpeed, kMaxSpeed), number("strength", 0.1, -2, 2),
          number("ripple_amplitude", 0.05, 0, 1), number("ripple_density1", 4.0, 0, kMaxDensity),
          number("ripple_density2", 13.0, 0, kMaxDensity, true), number("ripple_density3", 27.0, 0, kMaxDensity, true),
          choice("edge", {QStringLiteral("top"), QStringLiteral("bottom")})}},
        {K::AnalogVhsGlitches, "analog_vhsglitches", true, glitchParams(0.1, 0, 1, 3, 6, "analog_vhsglitches0")},
        {K::AnalogVhsTracking, "analog_vhstracking", true,
         {number("base_offset", 0.03, 0, 2), number("max_dynamic_offset", 0.01, 0, 2),
          number("speed", 2.5, -kMaxSpeed, kMaxSpeed)}},
        {K::ShiftDistort, "shift_distort", true, glitchParams(0.05, -2, 2, 20, 30, "shift_distort0")},
        {K::Desaturate, "desaturate", false,
         {number("strength", 1.0, 0, 1), rgb("tint_rgb", {1, 1, 1}), rgb("bandpass_reference_rgb", {1, 0, 0}),
          number("bandpass_q", 0.0, 0, 1)}},
        {K::Banding, "banding", true,
         {number("strength", 0.4, -1, 10), number("density", 2.0, 0, kMaxDensity),
          number("speed", 16.0, -kMaxSpeed, kMaxSpeed)}},
        {K::Scanlines, "scanlines", true,
         {integer("field", 0, 0, 1), flag("dynamic", true), choice("channel", {QStringLiteral("Y"), QStringLiteral("A")})}},
    };
}

QString bound(double v)
{
    return QString::number(v, 'g', 10);
}

QString expected(const ParamSpec &p)
{
    const QString range = QStringLiteral("[%1, %2]").arg(bound(p.min), bound(p.max));
    switch (p.type) {
    case ParamType::Number:
        return QStringLiteral("expected a number in %1%2").arg(range, p.nullable ? QStringLiteral(" or null") : QString());
    case ParamType::Integer:
        if (p.name == std::string_view("kernel_size"))
            return QStringLiteral("expected an odd integer in %1").arg(range);
        return QStringLiteral("expected an integer in %1").arg(range);
    case ParamType::Flag: return QStringLiteral("expected true or false");
    case ParamType::Choice: return QStringLiteral("expected one of \"%1\"").arg(p.choices.join(QStringLiteral("\", \"")));
    case ParamType::Name: return QStringLiteral("expected a non-empty string");
    case ParamType::Rgb: return QStringLiteral("expected [r, g, b], each a number in %1").arg(range);
    }
    return {};
}

ParamValue defaultValue(const ParamSpec &p)
{
    ParamValue v;
    v.number = p.defaultNumber;
    v.text = p.type == ParamType::Choice ? p.choices.value(0) : p.defaultText;
    v.rgb = p.defaultRgb;
    return v;
}

bool inRange(double x, const ParamSpec &p)
{
    return std::isfinite(x) && x >= p.min && x <= p.max;
}

// The value of `json` for `p`, or nothing when it does not fit.
std::optional<ParamValue> parseValue(const ParamSpec &p, const QJsonValue &json)
{
    ParamValue v = defaultValue(p);
    switch (p.type) {
    case ParamType::Number:
        if (p.nullable && json.isNull()) {
            v.number = 0;
            return v;
        }
        if (!json.isDouble() || !inRange(json.toDouble(), p))
            return std::nullopt;
        v.number = json.toDouble();
        return v;
    case ParamType::Integer: {
        const double x = json.toDouble();
        if (!json.isDouble() || !inRange(x, p) || x != std::floor(x))
            return std::nullopt;
        if (p.name == std::string_view("kernel_size") && int(x) % 2 == 0)
            return std::nullopt;
        v.number = x;
        return v;
    }
    case ParamType::Flag:
        if (!json.isBool())
            return std::nullopt;
        v.number = json.toBool() ? 1 : 0;
        return v;
    case ParamType::Choice:
        if (!json.isString() || !p.choices.contains(json.toString()))
            return std::nullopt;
        v.text = json.toString();
        return v;
    case ParamType::Name:
        if (!json.isString() || json.toString().isEmpty())
            return std::nullopt;
        v.text = json.toString();
        return v;
    case ParamType::Rgb: {
        const QJsonArray list = json.toArray();
        if (!json.isArray() || list.size() != 3)
            return std::nullopt;
        for (int i = 0; i < 3; ++i) {
            if (!list.at(i).isDouble() || !inRange(list.at(i).toDouble(), p))
                return std::nullopt;
            v.rgb[size_t(i)] = list.at(i).toDouble();
        }
        return v;
    }
    }
    return std::nullopt;
}

// Rules between two parameters of one filter: the upper bound of a random range is not below the lower one.
bool checkPairs(const FilterStep &step, const QString &field, QString *error)
{
    const auto pair = [&](const char *low, const char *high) {
        if (step.number(high) >= step.number(low))
            return true;
        *error = QStringLiteral("%1.%2: expected at least %3 (%4), got %5")
                     .arg(field, QLatin1String(high), QLatin1String(low), bound(step.number(low)), bound(step.number(high)));
        return false;
    };
    if (step.spec->kind == FilterKind::AnalogVhsGlitches || step.spec->kind == FilterKind::ShiftDistort)
        return pair("min_glitch_height", "max_glitch_height") && pair("hold_min", "hold_max");
    return true;
}

size_t indexOf(const FilterSpec &spec, const char *name)
{
    for (size_t i = 0; i < spec.params.size(); ++i)
        if (std::strcmp(spec.params[i].name, name) == 0)
            return i;
    std::fprintf(stderr, "look: filter %s has no parameter %s\n", spec.name, name);
    std::abort();
}

} // namespace

const std::vector<FilterSpec> &filterCatalog()
{
    static const std::vector<FilterSpec> catalog = makeCatalog();
    return catalog;
}

const FilterSpec *findFilter(const QString &name)
{
    for (const FilterSpec &spec : filterCatalog())
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

double FilterStep::number(const char *name) const
{
    return values[indexOf(*spec, name)].number;
}

const QString &FilterStep::text(const char *name) const
{
    return values[indexOf(*spec, name)].text;
}

const std::array<double, 3> &FilterStep::rgb(const char *name) const
{
    return values[indexOf(*spec, name)].rgb;
}

std::optional<LookChain> parseChain(const QJsonValue &json, QString *error, const QString &fieldName)
{
    if (!json.isArray()) {
        *error = QStringLiteral("%1: expected a list of [filter_name, {param: value}], got %2").arg(fieldName, jsonTypeName(json));
        return std::nullopt;
    }
    const QJsonArray list = json.toArray();
    LookChain chain;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("%1[%2]").arg(fieldName).arg(i);
        const QJsonValue element = list.at(i);
        const QJsonArray pair = element.toArray();
        if (!element.isArray() || pair.isEmpty() || pair.size() > 2) {
            *error = QStringLiteral("%1: expected [filter_name, {param: value}], got %2")
                         .arg(field, element.isArray() ? QStringLiteral("a list of %1 items").arg(pair.size()) : jsonTypeName(element));
            return std::nullopt;
        }
        if (!pair.at(0).isString()) {
            *error = QStringLiteral("%1[0]: expected a filter name (a string), got %2").arg(field, jsonTypeName(pair.at(0)));
            return std::nullopt;
        }
        const FilterSpec *spec = findFilter(pair.at(0).toString());
        if (!spec) {
            QStringList names;
            for (const FilterSpec &s : filterCatalog())
                names << QLatin1String(s.name);
            *error = QStringLiteral("%1[0]: unknown filter \"%2\"; expected one of %3")
                         .arg(field, pair.at(0).toString(), names.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (pair.size() == 2 && !pair.at(1).isObject()) {
            *error = QStringLiteral("%1[1]: expected the filter's parameters as an object, got %2").arg(field, jsonTypeName(pair.at(1)));
            return std::nullopt;
        }
        const QJsonObject params = pair.at(1).toObject();
        FilterStep step{spec, {}};
        for (const ParamSpec &p : spec->params)
            step.values.push_back(defaultValue(p));
        for (auto it = params.begin(); it != params.end(); ++it) {
            size_t k = 0;
            while (k < spec->params.size() && it.key() != QLatin1String(spec->params[k].name))
                ++k;
            if (k == spec->params.size()) {
                QStringList names;
                for (const ParamSpec &p : spec->params)
                    names << QLatin1String(p.name);
                *error = QStringLiteral("%1.%2: %3 has no such parameter; expected one of %4")
                             .arg(field, it.key(), QLatin1String(spec->name), names.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            const auto value = parseValue(spec->params[k], it.value());
            if (!value) {
                *error = QStringLiteral("%1.%2: %3, got %4")
                             .arg(field, it.key(), expected(spec->params[k]),
                                  it.value().isDouble() ? bound(it.value().toDouble()) : jsonTypeName(it.value()));
                return std::nullopt;
            }
            step.values[k] = *value;
        }
        if (!checkPairs(step, field, error))
            return std::nullopt;
        chain.steps.push_back(std::move(step));
    }
    return chain;
}

QJsonArray stepToJson(const FilterStep &step)
{
    QJsonObject params;
    for (size_t i = 0; i < step.spec->params.size(); ++i) {
        const ParamSpec &p = step.spec->params[i];
        const ParamValue &v = step.values[i];
        const QString key = QLatin1String(p.name);
        switch (p.type) {
        case ParamType::Number: params.insert(key, v.number); break;
        case ParamType::Integer: params.insert(key, int(v.number)); break;
        case ParamType::Flag: params.insert(key, v.number != 0); break;
        case ParamType::Choice:
        case ParamType::Name: params.insert(key, v.text); break;
        case ParamType::Rgb: params.insert(key, QJsonArray{v.rgb[0], v.rgb[1], v.rgb[2]}); break;
        }
    }
    return QJsonArray{QLatin1String(step.spec->name), params};
}

} // namespace ths::look
