// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The look: the fifteen postprocessor filters of SillyTavern-Extras' talkinghead, by the original's names, with
// their parameters and defaults, and the one parser of a `postprocessor_chain` ([[name, {param: value}], …]).
//
// The original called any method named in the chain with whatever keyword arguments it was given, so a typo killed
// the animation. Here every filter, parameter name, type and range is checked, and an error names the element and
// the field: `postprocessor_chain[2].strength: expected a number in [0, 1]`. Parameters left out take the defaults.
// docs/look.md describes every filter and where we differ from the original.

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace ths::look {

enum class ParamType {
    Number,  // a JSON number in [min, max]
    Integer, // a JSON number with no fractional part in [min, max]
    Flag,    // true or false
    Choice,  // one of `choices`
    Name,    // a non-empty string (the instance name of a filter that keeps state)
    Rgb,     // [r, g, b], each a number in [min, max]
};

struct ParamSpec {
    const char *name;
    ParamType type;
    double defaultNumber = 0; // Number, Integer, Flag (0/1)
    double min = 0, max = 0;  // Number, Integer, Rgb
    bool nullable = false;    // the original accepted None (JSON null) for this one: it switches the wave off (0)
    QStringList choices = {}; // Choice; the default is the first
    QString defaultText = {}; // Name
    std::array<double, 3> defaultRgb = {};
};

enum class FilterKind {
    Bloom, ChromaticAberration, Vignetting, Translucency, AlphaNoise, LumaNoise, AnalogLowres, AnalogBadHsync,
    AnalogDistort, AnalogVhsGlitches, AnalogVhsTracking, ShiftDistort, Desaturate, Banding, Scanlines,
};

struct FilterSpec {
    FilterKind kind;
    const char *name;
    bool dynamic; // depends on the frame clock
    std::vector<ParamSpec> params;
};

// The fifteen filters in the order of the original's README (light → camera → transport → display).
const std::vector<FilterSpec> &filterCatalog();
const FilterSpec *findFilter(const QString &name);

// One parameter's value (the member its type uses).
struct ParamValue {
    double number = 0;             // Number, Integer, Flag
    QString text;                  // Choice, Name
    std::array<double, 3> rgb = {}; // Rgb
};

// One step of a chain: a filter with every parameter set (the defaults filled in), in the spec's order.
struct FilterStep {
    const FilterSpec *spec = nullptr;
    std::vector<ParamValue> values;

    // The value of the parameter `name` of this filter (a name not in its spec is a programming error: abort).
    double number(const char *name) const;
    int integer(const char *name) const { return int(number(name)); }
    bool flag(const char *name) const { return number(name) != 0; }
    const QString &text(const char *name) const;
    const std::array<double, 3> &rgb(const char *name) const;
};

struct LookChain {
    std::vector<FilterStep> steps;
    bool isEmpty() const { return steps.empty(); }
};

// Parses a postprocessor_chain. Each element is [name] or [name, {param: value}]. On the first error returns
// nothing and sets `error` to "<field>: <what was expected>", the field starting with `fieldName`.
std::optional<LookChain> parseChain(const QJsonValue &json, QString *error,
                                    const QString &fieldName = QStringLiteral("postprocessor_chain"));

// The step as JSON ([name, {every parameter}]), for the studio's editor and for round trips.
QJsonArray stepToJson(const FilterStep &step);

} // namespace ths::look
