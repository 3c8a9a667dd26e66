// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/poser_options.h"

#include "app/data_locations.h"
#include "engine/model_search.h"

#include <QDir>

#include <cstdio>

namespace ths {

void addPoserOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("models"), QStringLiteral("Directory holding <variant>/<network>.pt (default: %1).").arg(modelsSearchPathHelp()),
         QStringLiteral("DIR")},
        {QStringLiteral("variant"), QStringLiteral("Model variant: %1.").arg(variantNames().join(QStringLiteral(", "))),
         QStringLiteral("NAME"), QStringLiteral("separable_float")},
        {QStringLiteral("device"), QStringLiteral("cpu, cuda or cuda:N."), QStringLiteral("DEVICE"), QStringLiteral("cpu")},
        {QStringLiteral("threads"), QStringLiteral("CPU threads for inference (0 = all cores)."), QStringLiteral("N"),
         QStringLiteral("0")},
        {QStringLiteral("precision"),
         QStringLiteral("Arithmetic: auto (fp16 for half weights on CUDA, else fp32), fp32, fp16 (CUDA) or bf16 (CUDA, or "
                        "CPUs with AVX512-BF16/AMX)."),
         QStringLiteral("P"), QStringLiteral("auto")},
        {QStringLiteral("exact"), QStringLiteral("Reproduce the original's op sequence exactly (slower; default: faster kernels "
                                                 "equal up to fp32 rounding).")},
    });
}

std::optional<PoserOptions> poserOptionsFrom(const QCommandLineParser &parser)
{
    PoserOptions options;
    const auto variant = parseVariant(parser.value(QStringLiteral("variant")));
    if (!variant) {
        std::fprintf(stderr, "error: --variant \"%s\" is not one of %s\n", qPrintable(parser.value(QStringLiteral("variant"))),
                     qPrintable(variantNames().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    options.variant = *variant;
    options.modelsDir = parser.isSet(QStringLiteral("models")) ? parser.value(QStringLiteral("models"))
                                                               : findModelsDir(modelsSearchPath(), *variant);
    // Several folders may hold weights (app/data_locations.h): say which one this run uses.
    std::fprintf(stderr, "weights: %s\n", qPrintable(QDir(options.modelsDir).filePath(variantName(*variant))));
    options.device = parser.value(QStringLiteral("device"));
    bool ok = false;
    options.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || options.threads < 0) {
        std::fprintf(stderr, "error: --threads \"%s\" must be 0 (all cores) or a positive whole number\n",
                     qPrintable(parser.value(QStringLiteral("threads"))));
        return std::nullopt;
    }
    const auto precision = parsePrecision(parser.value(QStringLiteral("precision")));
    if (!precision) {
        std::fprintf(stderr, "error: --precision \"%s\" is not one of auto, fp32, fp16, bf16\n",
                     qPrintable(parser.value(QStringLiteral("precision"))));
        return std::nullopt;
    }
    options.precision = *precision;
    options.exactOps = parser.isSet(QStringLiteral("exact"));
    return options;
}

} // namespace ths
