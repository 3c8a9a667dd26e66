// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/poser.h"

#include "core/compute_thread.h"

#include <QDir>
#include <QFileInfo>

#include <array>
#include <exception>
#include <mutex>
#include <thread>

namespace ths {

static_assert(Pose::kCount == tha3::kPoseCount && Pose::kEyebrowCount == tha3::kEyebrowCount
                  && Pose::kFaceBegin == tha3::kFaceBegin && Pose::kFaceCount == tha3::kFaceCount
                  && Pose::kRotationBegin == tha3::kRotationBegin && Pose::kRotationCount == tha3::kRotationCount,
              "the pose layout is the networks' input layout");

namespace {

struct VariantInfo {
    ModelVariant variant;
    const char *name;
    tha3::Structure structure;
    bool half;
};
constexpr VariantInfo kVariants[] = {
    {ModelVariant::SeparableFloat, "separable_float", tha3::Structure::Separable, false},
    {ModelVariant::SeparableHalf, "separable_half", tha3::Structure::Separable, true},
    {ModelVariant::StandardFloat, "standard_float", tha3::Structure::Standard, false},
    {ModelVariant::StandardHalf, "standard_half", tha3::Structure::Standard, true},
};

const VariantInfo &info(ModelVariant v)
{
    for (const auto &i : kVariants)
        if (i.variant == v)
            return i;
    return kVariants[0];
}

constexpr tha3::Precision kPrecisions[] = {tha3::Precision::Auto, tha3::Precision::Float32, tha3::Precision::Float16,
                                           tha3::Precision::BFloat16};

// The pipeline checks the size (EngineError naming it).
QImage rgba8888(const QImage &image)
{
    return image.convertToFormat(QImage::Format_RGBA8888);
}

} // namespace

QString variantName(ModelVariant variant)
{
    return QString::fromLatin1(info(variant).name);
}

std::optional<ModelVariant> parseVariant(const QString &name)
{
    for (const auto &i : kVariants)
        if (name == QLatin1String(i.name))
            return i.variant;
    return std::nullopt;
}

QStringList variantNames()
{
    QStringList names;
    for (const auto &i : kVariants)
        names << QString::fromLatin1(i.name);
    return names;
}

std::optional<tha3::Precision> parsePrecision(const QString &name)
{
    for (const auto p : kPrecisions)
        if (name == QLatin1String(tha3::precisionName(p)))
            return p;
    return std::nullopt;
}

const QStringList &Poser::networkNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const char *n : tha3::networkNames())
            list << QString::fromLatin1(n);
        return list;
    }();
    return names;
}

QStringList Poser::missingWeightFiles(const QString &modelsDir, ModelVariant variant)
{
    QStringList missing;
    const QDir dir(QDir(modelsDir).filePath(variantName(variant)));
    for (const QString &net : networkNames()) {
        const QString path = dir.filePath(net + QStringLiteral(".pt"));
        if (!QFileInfo(path).isFile())
            missing << path;
    }
    return missing;
}

struct Poser::Impl {
    mutable std::mutex mutex;
    std::unique_ptr<tha3::Pipeline> pipeline;
    // Fixed at construction, so reading them never waits for a render (status routes ask while frames render).
    QStringList notices;
    QString deviceName;
    tha3::Precision precision = tha3::Precision::Float32;
    QString rendererId;

    // The pipeline's work runs on the compute thread (compute_thread.h: one OpenMP team for the process, whichever
    // thread renders); its figures are read on the caller's.
    void useImage(const QImage &rgba) // under mutex
    {
        onComputeThread([&] { pipeline->setImage(rgba.constBits(), rgba.width(), rgba.height(), rgba.bytesPerLine()); });
    }
    QImage renderFrame(const Pose &pose) // under mutex
    {
        QImage frame(tha3::kImageSize, tha3::kImageSize, QImage::Format_RGBA8888);
        const auto values = pose.clamped().values();
        onComputeThread([&] { pipeline->render(values.data(), frame.bits(), frame.bytesPerLine()); });
        return frame;
    }
};

Poser::Poser(const PoserOptions &options)
    : d(std::make_unique<Impl>())
{
    const VariantInfo &variant = info(options.variant);
    tha3::PipelineOptions p;
    p.weightsDir = QDir(options.modelsDir).filePath(variantName(options.variant)).toStdString();
    p.structure = variant.structure;
    p.halfWeights = variant.half;
    p.device = options.device.trimmed().toStdString();
    p.threads = options.threads;
    p.caching = options.caching;
    p.exactOps = options.exactOps;
    p.precision = options.precision;
    // Loading (seconds: reading, converting and moving the weights) runs on a thread of its own rather than the
    // compute thread, so that a reload does not stop the animation of the weights in use; the OpenMP team that the
    // conversions start there ends with the thread (see core/compute_thread.h for why teams must not pile up).
    std::exception_ptr error;
    std::thread([&] {
        try {
            d->pipeline = std::make_unique<tha3::Pipeline>(p);
        } catch (...) {
            error = std::current_exception();
        }
    }).join();
    if (error)
        std::rethrow_exception(error);
    for (const std::string &notice : d->pipeline->notices())
        d->notices << QStringLiteral("%1: %2").arg(variantName(options.variant), QString::fromStdString(notice));
    d->deviceName = QString::fromStdString(d->pipeline->deviceName());
    d->precision = d->pipeline->precision();
    d->rendererId = QStringLiteral("%1|%2|%3|%4")
                        .arg(QFileInfo(QString::fromStdString(p.weightsDir)).absoluteFilePath(), d->deviceName,
                             QString::fromLatin1(tha3::precisionName(d->precision)),
                             options.exactOps ? QStringLiteral("exact") : QStringLiteral("fast"));
}

Poser::~Poser() = default; // freeing tensors opens no parallel region: any thread may, without waiting for renders

void Poser::setImage(const QImage &image)
{
    const QImage rgba = rgba8888(image);
    std::lock_guard lock(d->mutex);
    d->useImage(rgba);
}

bool Poser::hasImage() const
{
    std::lock_guard lock(d->mutex);
    return d->pipeline->hasImage();
}

QImage Poser::render(const QImage &image, const Pose &pose)
{
    const QImage rgba = rgba8888(image);
    std::lock_guard lock(d->mutex);
    d->useImage(rgba);
    return d->renderFrame(pose);
}

QImage Poser::render(const Pose &pose)
{
    std::lock_guard lock(d->mutex);
    return d->renderFrame(pose);
}

NetworkTimings Poser::lastTimings() const
{
    std::lock_guard lock(d->mutex);
    return d->pipeline->lastTimings();
}

NetworkRuns Poser::runs() const
{
    std::lock_guard lock(d->mutex);
    return d->pipeline->runs();
}

QString Poser::deviceName() const
{
    return d->deviceName;
}

QString Poser::rendererId() const
{
    return d->rendererId;
}

tha3::Precision Poser::precision() const
{
    return d->precision;
}

QStringList Poser::notices() const
{
    return d->notices;
}

} // namespace ths
