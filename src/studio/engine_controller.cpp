// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/engine_controller.h"

#include "tha3/engine_error.h"
#include "engine/model_search.h"
#include "engine/poser.h"
#include "studio/job_result.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent>

#include <exception>

namespace ths {

struct EngineController::Result {
    std::shared_ptr<Poser> poser;
    State state = Failed;
    QString error;
    QStringList missingFiles;
    QStringList notices;
    double seconds = 0;
};

EngineController::EngineController(QObject *parent)
    : QObject(parent)
    , m_variant(variantName(ModelVariant::SeparableFloat))
{
}

// A load still running keeps its own copy of everything it needs; its result is simply dropped.
EngineController::~EngineController() = default;

QString EngineController::modelsDir() const
{
    const std::optional<ModelVariant> variant = parseVariant(m_variant);
    return variant ? findModelsDir(m_modelsDirs, *variant) : m_modelsDirs.value(0);
}

void EngineController::setModelsDir(const QString &dir)
{
    setModelsDirs(QStringList{dir});
}

void EngineController::setModelsDirs(const QStringList &dirs)
{
    if (dirs == m_modelsDirs)
        return;
    m_modelsDirs = dirs;
    Q_EMIT optionsChanged();
}

void EngineController::setVariant(const QString &variant)
{
    if (variant == m_variant)
        return;
    m_variant = variant;
    Q_EMIT optionsChanged();
}

void EngineController::setDevice(const QString &device)
{
    if (device == m_device)
        return;
    m_device = device;
    Q_EMIT optionsChanged();
}

void EngineController::setThreads(int threads)
{
    threads = std::max(0, threads);
    if (threads == m_threads)
        return;
    m_threads = threads;
    Q_EMIT optionsChanged();
}

void EngineController::setPrecision(const QString &precision)
{
    if (precision == m_precision)
        return;
    m_precision = precision;
    Q_EMIT optionsChanged();
}

QString EngineController::precisionInUse() const
{
    return m_poser ? QString::fromLatin1(tha3::precisionName(m_poser->precision())) : QString();
}

QStringList EngineController::variants() const
{
    return variantNames();
}

void EngineController::load()
{
    m_state = Loading;
    m_error.clear();
    m_missingFiles.clear();
    Q_EMIT stateChanged();
    // modelsDir(): the first folder of the search path that holds this variant, at the time of the request.
    loadAsync(modelsDir(), m_variant, m_device, m_threads, m_precision, ++m_generation);
}

// The options by value: the coroutine outlives load(), and the user may change them meanwhile.
QCoro::Task<void> EngineController::loadAsync(QString modelsDir, QString variant, QString device, int threads,
                                              QString precision, quint64 generation)
{
    const QPointer<EngineController> self(this);
    // Loading reads ~500 MB of weights and may initialise CUDA: never on the GUI thread.
    const Result result = co_await jobResult(QtConcurrent::run(&EngineController::loadPoser, modelsDir, variant, device,
                                                                threads, precision));
    if (self && generation == m_generation) // not destroyed, and not superseded by a later load()
        finish(result);
}

EngineController::Result EngineController::loadPoser(const QString &modelsDir, const QString &variantText,
                                                     const QString &device, int threads, const QString &precisionText)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    const std::optional<ModelVariant> variant = parseVariant(variantText);
    if (!variant) {
        result.state = Failed;
        result.error = tr("Unknown model variant \"%1\" (expected one of: %2).")
                           .arg(variantText, variantNames().join(QStringLiteral(", ")));
        return result;
    }
    // Absent weights are the common first-run problem: say exactly which files, rather than an exception text.
    result.missingFiles = Poser::missingWeightFiles(modelsDir, *variant);
    if (!result.missingFiles.isEmpty()) {
        result.state = MissingWeights;
        result.error = tr("%n model file(s) missing in %1.", nullptr, int(result.missingFiles.size()))
                           .arg(QDir::toNativeSeparators(modelsDir));
        return result;
    }
    try {
        PoserOptions options;
        options.modelsDir = modelsDir;
        options.variant = *variant;
        options.device = device;
        options.threads = threads;
        options.precision = parsePrecision(precisionText).value_or(tha3::Precision::Auto);
        result.poser = std::make_shared<Poser>(options);
        result.notices = result.poser->notices();
        result.state = Ready;
    } catch (const EngineError &e) {
        result.state = Failed;
        result.error = QString::fromUtf8(e.what());
    } catch (const std::exception &e) {
        result.state = Failed;
        result.error = QString::fromLocal8Bit(e.what());
    }
    result.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

void EngineController::finish(const Result &result)
{
    m_state = result.state;
    m_error = result.error;
    m_missingFiles = result.missingFiles;
    m_notices = result.notices;
    m_loadSeconds = result.seconds;
    const bool poserChanges = m_poser != result.poser;
    m_poser = result.poser;
    Q_EMIT stateChanged();
    if (poserChanges)
        Q_EMIT poserChanged();
}

} // namespace ths
