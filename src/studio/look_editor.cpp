// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/look_editor.h"

#include "animation/animator.h"
#include "core/json_file.h"
#include "live/live_character.h"

#include <QJsonDocument>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace ths {

namespace {

const QString kChainKey = QStringLiteral("postprocessor_chain");

QJsonArray parse(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

// The three example chains of the original README.
struct Preset {
    const char *name;
    const char *chain;
};

const Preset kPresets[] = {
    {QT_TRANSLATE_NOOP("LookEditor", "HDR sci-fi hologram"),
     R"([["bloom",{}],["lumanoise",{"magnitude":0.1,"sigma":0.0}],["banding",{}],["scanlines",{"dynamic":true,"channel":"A"}]])"},
    {QT_TRANSLATE_NOOP("LookEditor", "Cheap camera, amber monitor"),
     R"([["chromatic_aberration",{}],["vignetting",{}],["desaturate",{"tint_rgb":[1.0,0.5,0.2]}],["banding",{}],["scanlines",{"dynamic":false,"channel":"A"}]])"},
    {QT_TRANSLATE_NOOP("LookEditor", "HDR, cheap camera, 1980s VHS"),
     R"([["bloom",{}],["analog_lowres",{}],["lumanoise",{"magnitude":0.3,"sigma":2.0}],["analog_badhsync",{}],["analog_vhsglitches",{"unboost":1.0}],["analog_vhstracking",{}],["banding",{}],["scanlines",{"dynamic":true,"channel":"A"}]])"},
};

const char *typeName(look::ParamType type)
{
    switch (type) {
    case look::ParamType::Number: return "number";
    case look::ParamType::Integer: return "integer";
    case look::ParamType::Flag: return "flag";
    case look::ParamType::Choice: return "choice";
    case look::ParamType::Name: return "name";
    case look::ParamType::Rgb: return "rgb";
    }
    return "";
}

} // namespace

LookEditor::LookEditor(QObject *parent)
    : QObject(parent)
{
}

QVariantList LookEditor::steps() const
{
    QVariantList list;
    for (const look::FilterStep &step : m_chain.steps) {
        QVariantList params;
        const QJsonObject values = look::stepToJson(step).at(1).toObject();
        for (const look::ParamSpec &p : step.spec->params)
            params << QVariantMap{{QStringLiteral("name"), QLatin1String(p.name)},
                                  {QStringLiteral("type"), QLatin1String(typeName(p.type))},
                                  {QStringLiteral("value"), values.value(QLatin1String(p.name)).toVariant()},
                                  {QStringLiteral("min"), p.min},
                                  {QStringLiteral("max"), p.max},
                                  {QStringLiteral("choices"), p.choices}};
        list << QVariantMap{{QStringLiteral("name"), QLatin1String(step.spec->name)},
                            {QStringLiteral("dynamic"), step.spec->dynamic},
                            {QStringLiteral("params"), params}};
    }
    return list;
}

QStringList LookEditor::filterNames() const
{
    QStringList names;
    for (const look::FilterSpec &spec : look::filterCatalog())
        names << QLatin1String(spec.name);
    return names;
}

QStringList LookEditor::presetNames() const
{
    QStringList names;
    for (const Preset &p : kPresets)
        names << QCoreApplication::translate("LookEditor", p.name);
    return names;
}

QJsonArray LookEditor::chainJson() const
{
    QJsonArray chain;
    for (const look::FilterStep &step : m_chain.steps)
        chain.append(look::stepToJson(step));
    return chain;
}

bool LookEditor::setChain(const QJsonArray &chain)
{
    return accept(chain);
}

bool LookEditor::add(const QString &filter)
{
    QJsonArray chain = chainJson();
    chain.append(QJsonArray{filter, QJsonObject()});
    return accept(chain);
}

bool LookEditor::remove(int index)
{
    QJsonArray chain = chainJson();
    if (index < 0 || index >= chain.size())
        return false;
    chain.removeAt(index);
    return accept(chain);
}

bool LookEditor::move(int from, int to)
{
    QJsonArray chain = chainJson();
    if (from < 0 || from >= chain.size() || to < 0 || to >= chain.size())
        return false;
    const QJsonValue step = chain.takeAt(from);
    chain.insert(to, step);
    return accept(chain);
}

bool LookEditor::setParameter(int index, const QString &parameter, const QVariant &value)
{
    QJsonArray chain = chainJson();
    if (index < 0 || index >= chain.size())
        return false;
    QJsonArray step = chain.at(index).toArray();
    QJsonObject params = step.at(1).toObject();
    params.insert(parameter, QJsonValue::fromVariant(value));
    step[1] = params;
    chain[index] = step;
    return accept(chain);
}

bool LookEditor::applyPreset(int index)
{
    if (index < 0 || index >= int(std::size(kPresets)))
        return false;
    return accept(parse(kPresets[index].chain));
}

void LookEditor::clear()
{
    accept(QJsonArray());
}

bool LookEditor::load(const QUrl &file)
{
    const QString path = file.toLocalFile();
    QString message;
    const auto document = readJsonFile(path, &message);
    if (!document) {
        fail(message);
        return false;
    }
    if (!document->isObject()) {
        fail(QStringLiteral("%1: expected animator settings (a JSON object)").arg(path));
        return false;
    }
    const QJsonObject object = document->object();
    const auto chain = look::parseChain(object.value(kChainKey).isUndefined() ? QJsonValue(QJsonArray()) : object.value(kChainKey),
                                        &message);
    if (!chain) {
        fail(QStringLiteral("%1: %2").arg(path, message));
        return false;
    }
    m_document = object;
    m_chain = *chain;
    m_file = file;
    Q_EMIT fileChanged();
    fail(QString());
    apply();
    Q_EMIT changed();
    return true;
}

bool LookEditor::save(const QUrl &file)
{
    const QString path = file.toLocalFile();
    QJsonObject object = file == m_file ? m_document : QJsonObject();
    if (file != m_file && QFile::exists(path)) { // another character's file: keep its own settings
        QString message;
        const auto existing = readJsonFile(path, &message);
        if (!existing || !existing->isObject()) {
            fail(existing ? QStringLiteral("%1: expected animator settings (a JSON object)").arg(path) : message);
            return false;
        }
        object = existing->object();
    }
    object.insert(kChainKey, chainJson());
    QSaveFile out(path); // the old file stays whole until the new one is written
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(object).toJson()) < 0 || !out.commit()) {
        fail(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
        return false;
    }
    m_document = object;
    if (m_file != file) {
        m_file = file;
        Q_EMIT fileChanged();
    }
    fail(QString());
    return true;
}

void LookEditor::setLiveCharacter(LiveCharacter *character)
{
    m_character = character;
    apply();
}

bool LookEditor::accept(const QJsonArray &chain)
{
    QString message;
    auto parsed = look::parseChain(chain, &message);
    if (!parsed) {
        fail(message);
        return false;
    }
    m_chain = std::move(*parsed);
    fail(QString());
    apply();
    Q_EMIT changed();
    return true;
}

void LookEditor::fail(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    Q_EMIT errorChanged();
}

// The live character's settings with this chain; the rest of its settings stay.
void LookEditor::apply()
{
    if (!m_character)
        return;
    AnimatorSettings settings = m_character->animator().settings();
    settings.postprocessorChain = chainJson();
    m_character->animator().setSettings(settings);
}

} // namespace ths
