// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/poser_options.h"

#include "app/data_locations.h"
#include "engine/model_search.h"

#include <QDir>

#include <cstdio>

namespace ths {

namespace {

// Whether the option was given or has a default (the studio's options have none: unset keeps the saved setting).
bool present(const QCommandLineParser &parser, const QString &name)
{
    return parser.isSet(name) || !parser.value(name).isEmpty();
}

} // namespace

void addPoserOptions(QCommandLineParser &parser, PoserOptionStyle style)
{
    const bool defaults = style == PoserOptionStyle::WithDefaults;
    const auto orNone = [defaults](const QString &value) { return defaults ? value : QString(); };
    parser.addOptions({
        {QStringLiteral("models"), QStringLiteral("Directory holding <variant>/<network>.pt (default: %1).").arg(modelsSearchPathHelp()),
         QStringLiteral("DIR")},
        {QStringLiteral("variant"), QStringLiteral("Model variant: %1.").arg(variantNames().join(QStringLiteral(", "))),
         QStringLiteral("NAME"), orNone(QStringLiteral("separable_float"))},
        {QStringLiteral("device"), QStringLiteral("cpu, cuda or cuda:N."), QStringLiteral("DEVICE"), orNone(QStringLiteral("cpu"))},
        {QStringLiteral("threads"), QStringLiteral("CPU threads for inference (0 = all cores)."), QStringLiteral("N"),
         orNone(QStringLiteral("0"))},
        {QStringLiteral("precision"),
         QStringLiteral("Arithmetic: auto (fp16 for half weights on CUDA, else fp32), fp32, fp16 (CUDA) or bf16 (CUDA, or "
                        "CPUs with AVX512-BF16/AMX)%1.").arg(defaults ? QString() : QStringLiteral("; this run only, the Settings page saves one")),
         QStringLiteral("P"), orNone(QStringLiteral("auto"))},
    });
    if (defaults)
        parser.addOption({QStringLiteral("exact"), QStringLiteral("Reproduce the original's op sequence exactly (slower; "
                                                                  "default: faster kernels equal up to fp32 rounding).")});
}

bool checkPoserOptions(const QCommandLineParser &parser)
{
    const QString variant = parser.value(QStringLiteral("variant"));
    if (present(parser, QStringLiteral("variant")) && !parseVariant(variant)) {
        std::fprintf(stderr, "error: --variant \"%s\" is not one of %s\n", qPrintable(variant),
                     qPrintable(variantNames().join(QStringLiteral(", "))));
        return false;
    }
    const QString threads = parser.value(QStringLiteral("threads"));
    bool ok = false;
    if (present(parser, QStringLiteral("threads")) && (threads.toInt(&ok) < 0 || !ok)) {
        std::fprintf(stderr, "error: --threads \"%s\" must be 0 (all cores) or a positive whole number\n", qPrintable(threads));
        return false;
    }
    const QString precision = parser.value(QStringLiteral("precision"));
    if (present(parser, QStringLiteral("precision")) && !parsePrecision(precision)) {
        std::fprintf(stderr, "error: --precision \"%s\" is not one of auto, fp32, fp16, bf16\n", qPrintable(precision));
        return false;
    }
    return true;
}

std::optional<PoserOptions> poserOptionsFrom(const QCommandLineParser &parser)
{
    if (!checkPoserOptions(parser))
        return std::nullopt;
    PoserOptions options;
    options.variant = *parseVariant(parser.value(QStringLiteral("variant")));
    options.modelsDir = parser.isSet(QStringLiteral("models")) ? parser.value(QStringLiteral("models"))
                                                               : findModelsDir(modelsSearchPath(), options.variant);
    // Several folders may hold weights (app/data_locations.h): say which one this run uses.
    std::fprintf(stderr, "weights: %s\n", qPrintable(QDir(options.modelsDir).filePath(variantName(options.variant))));
    options.device = parser.value(QStringLiteral("device"));
    options.threads = parser.value(QStringLiteral("threads")).toInt();
    options.precision = *parsePrecision(parser.value(QStringLiteral("precision")));
    options.exactOps = parser.isSet(QStringLiteral("exact"));
    return options;
}

void printPoserNotices(const Poser &poser)
{
    for (const QString &notice : poser.notices())
        std::fprintf(stderr, "note: %s\n", qPrintable(notice));
}

} // namespace ths
