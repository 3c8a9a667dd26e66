// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads the THA3 poser for the studio, off the GUI thread (loading five weight files takes seconds and must never
// freeze the window), and shares the loaded poser with the preview, the live character and the batch exporter.
//
// A load is a one-shot job: load() starts a private coroutine (QCoro) that awaits the worker thread and applies the
// result unless a later load() superseded it or the controller is gone.

#include <QCoroFwd>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ths {

class Poser;

class EngineController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EngineController is owned by Studio")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QStringList missingFiles READ missingFiles NOTIFY stateChanged)
    Q_PROPERTY(QStringList notices READ notices NOTIFY stateChanged)
    Q_PROPERTY(double loadSeconds READ loadSeconds NOTIFY stateChanged)
    Q_PROPERTY(QString modelsDir READ modelsDir WRITE setModelsDir NOTIFY optionsChanged)
    Q_PROPERTY(QString variant READ variant WRITE setVariant NOTIFY optionsChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY optionsChanged)
    Q_PROPERTY(int threads READ threads WRITE setThreads NOTIFY optionsChanged)
    Q_PROPERTY(QString precision READ precision WRITE setPrecision NOTIFY optionsChanged)
    // The arithmetic the loaded poser computes in ("fp32", "bf16", "fp16"); "" while none is loaded.
    Q_PROPERTY(QString precisionInUse READ precisionInUse NOTIFY stateChanged)
    Q_PROPERTY(QStringList variants READ variants CONSTANT)

public:
    enum State {
        Idle,           // nothing loaded yet
        Loading,
        Ready,
        MissingWeights, // missingFiles lists the absent weight files, full paths
        Failed,         // error says why (e.g. CUDA unavailable)
    };
    Q_ENUM(State)

    explicit EngineController(QObject *parent = nullptr);
    ~EngineController() override;

    State state() const { return m_state; }
    QString error() const { return m_error; }
    QStringList missingFiles() const { return m_missingFiles; }
    QStringList notices() const { return m_notices; }
    double loadSeconds() const { return m_loadSeconds; }

    // The options take effect at the next load().
    // The folder the variant is loaded from: the first of the search path that holds it all (else the first one).
    QString modelsDir() const;
    // Sets a search path of that one folder.
    void setModelsDir(const QString &dir);
    QStringList modelsDirs() const { return m_modelsDirs; }
    void setModelsDirs(const QStringList &dirs);
    QString variant() const { return m_variant; }
    void setVariant(const QString &variant);
    QString device() const { return m_device; }
    void setDevice(const QString &device);
    int threads() const { return m_threads; }
    void setThreads(int threads);
    // "auto", "fp32", "fp16" or "bf16"; an unknown name counts as "auto".
    QString precision() const { return m_precision; }
    void setPrecision(const QString &precision);
    QString precisionInUse() const;
    QStringList variants() const;

    // (Re)loads the poser with the current options on a worker thread. The previous poser stays in use until the
    // new one is ready; a load() while loading supersedes the running one (its result is discarded).
    Q_INVOKABLE void load();

    // The loaded poser; null unless state is Ready (a failed reload keeps null, so nothing renders stale weights
    // with options the user has changed).
    std::shared_ptr<Poser> poser() const { return m_poser; }

Q_SIGNALS:
    void stateChanged();
    void optionsChanged();
    void poserChanged();

private:
    struct Result;
    QCoro::Task<void> loadAsync(QString modelsDir, QString variant, QString device, int threads, QString precision,
                                quint64 generation);
    static Result loadPoser(const QString &modelsDir, const QString &variant, const QString &device, int threads,
                            const QString &precision);
    void finish(const Result &result);

    State m_state = Idle;
    QString m_error;
    QStringList m_missingFiles;
    QStringList m_notices;
    double m_loadSeconds = 0;
    QStringList m_modelsDirs;
    QString m_variant;
    QString m_device = QStringLiteral("cpu");
    int m_threads = 0;
    QString m_precision = QStringLiteral("auto");
    quint64 m_generation = 0;
    std::shared_ptr<Poser> m_poser;
};

} // namespace ths
