// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/engine_controller.h"

#include "tha3/engine_error.h"
#include "engine/model_search.h"
#include "engine/poser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <exception>

namespace ths {

struct EngineController::Result {
    std::shared_ptr<Poser> poser;
    QString state;
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
    const quint64 generation = ++m_generation;
    m_state = QStringLiteral("loading");
    m_error.clear();
    m_missingFiles.clear();
    Q_EMIT stateChanged();

    const QString modelsDir = this->modelsDir();
    const QString variantText = m_variant;
    const QString device = m_device;
    const int threads = m_threads;
    const tha3::Precision precision = parsePrecision(m_precision).value_or(tha3::Precision::Auto);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->result());
    });
    // Loading reads ~500 MB of weights and may initialise CUDA: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([modelsDir, variantText, device, threads, precision]() -> Result {
        Result result;
        QElapsedTimer timer;
        timer.start();
        const std::optional<ModelVariant> variant = parseVariant(variantText);
        if (!variant) {
            result.state = QStringLiteral("failed");
            result.error = tr("Unknown model variant \"%1\" (expected one of: %2).")
                               .arg(variantText, variantNames().join(QStringLiteral(", ")));
            return result;
        }
        // Absent weights are the common first-run problem: say exactly which files, rather than an exception text.
        result.missingFiles = Poser::missingWeightFiles(modelsDir, *variant);
        if (!result.missingFiles.isEmpty()) {
            result.state = QStringLiteral("missing-weights");
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
            options.precision = precision;
            result.poser = std::make_shared<Poser>(options);
            result.notices = result.poser->notices();
            result.state = QStringLiteral("ready");
        } catch (const EngineError &e) {
            result.state = QStringLiteral("failed");
            result.error = QString::fromUtf8(e.what());
        } catch (const std::exception &e) {
            result.state = QStringLiteral("failed");
            result.error = QString::fromLocal8Bit(e.what());
        }
        result.seconds = timer.nsecsElapsed() / 1e9;
        return result;
    }));
}

void EngineController::finish(quint64 generation, const Result &result)
{
    if (generation != m_generation)
        return; // superseded by a later load()
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
