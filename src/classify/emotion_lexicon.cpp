// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/emotion_lexicon.h"

#include "classify/english_stemmer.h"
#include "classify/text_tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ths {

const QString EmotionLexicon::kBuiltInPath = QStringLiteral(":/ths/classify/emotion_lexicon.json");

// Reads the JSON into an EmotionLexicon; every error names the JSON path ("emotions.joy.happy: …").
class EmotionLexiconParser
{
public:
    explicit EmotionLexiconParser(const QString &source) : m_source(source) {}

    std::optional<EmotionLexicon> parse(const QByteArray &json, QString *error)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        bool ok = false;
        if (parseError.error != QJsonParseError::NoError)
            ok = fail(QString(), QStringLiteral("invalid JSON at offset %1: %2")
                                     .arg(parseError.offset).arg(parseError.errorString()));
        else if (!doc.isObject())
            ok = fail(QString(), QStringLiteral("expected a JSON object at the top level"));
        else
            ok = parseRoot(doc.object());
        if (!ok) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return std::move(m_lexicon);
    }

private:
    EmotionLexicon m_lexicon;
    QString m_source;
    QString m_error;

    bool fail(const QString &path, const QString &message)
    {
        m_error = path.isEmpty() ? QStringLiteral("%1: %2").arg(m_source, message)
                                 : QStringLiteral("%1: %2: %3").arg(m_source, path, message);
        return false;
    }

    static QString join(const QString &path, const QString &key) { return path + QLatin1Char('.') + key; }

    bool parseRoot(const QJsonObject &root)
    {
        static const QStringList kKnown = {"comment", "parameters", "negators", "modifiers", "contrasts",
                                           "negation", "emotions"};
        for (auto it = root.begin(); it != root.end(); ++it)
            if (!kKnown.contains(it.key()))
                return fail(it.key(), QStringLiteral("unknown key (expected one of %1)").arg(kKnown.join(u", ")));
        for (const char *required : {"parameters", "emotions"})
            if (!root.contains(QLatin1String(required)))
                return fail(QString::fromLatin1(required), QStringLiteral("missing"));
        return parseParameters(root.value(u"parameters")) && parseEmotions(root.value(u"emotions"))
            && parseWordList(root.value(u"negators"), QStringLiteral("negators"), &EmotionLexicon::Entry::isNegator)
            && parseWordList(root.value(u"contrasts"), QStringLiteral("contrasts"), &EmotionLexicon::Entry::isContrast)
            && parseModifiers(root.value(u"modifiers")) && parseNegation(root.value(u"negation"));
    }

    bool object(const QJsonValue &value, const QString &path, QJsonObject *out)
    {
        if (!value.isObject())
            return fail(path, QStringLiteral("expected an object"));
        *out = value.toObject();
        return true;
    }

    bool number(const QJsonValue &value, const QString &path, double min, double max, double *out)
    {
        if (!value.isDouble())
            return fail(path, QStringLiteral("expected a number from %1 to %2").arg(min).arg(max));
        const double v = value.toDouble();
        if (!(v >= min && v <= max))
            return fail(path, QStringLiteral("%1 is out of range (expected %2 to %3)").arg(v).arg(min).arg(max));
        *out = v;
        return true;
    }

    bool labelIndex(const QString &label, const QString &path, int *out)
    {
        *out = EmotionClassifier::labelIndex(label);
        if (*out < 0)
            return fail(path, QStringLiteral("\"%1\" is not one of the 28 emotion labels").arg(label));
        return true;
    }

    // {"curiosity": 0.5, …} → a vector.
    bool labelWeights(const QJsonValue &value, const QString &path, double max, EmotionVector *out)
    {
        QJsonObject obj;
        if (!object(value, path, &obj))
            return false;
        *out = {};
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            int index = 0;
            double w = 0.0;
            if (!labelIndex(it.key(), join(path, it.key()), &index)
                || !number(it.value(), join(path, it.key()), 0.0, max, &w))
                return false;
            (*out)[size_t(index)] = w;
        }
        return true;
    }

    bool parseParameters(const QJsonValue &value)
    {
        const QString path = QStringLiteral("parameters");
        QJsonObject obj;
        if (!object(value, path, &obj))
            return false;
        EmotionLexicon::Parameters &p = m_lexicon.m_parameters;
        struct Scalar {
            const char *key;
            double *target;
            double min, max;
        };
        double negationScope = 0, modifierScope = 0, maxCharacters = 0;
        const Scalar scalars[] = {
            {"neutral_base", &p.neutralBase, 0.0, 10.0},
            {"evidence_floor", &p.evidenceFloor, 0.01, 10.0},
            {"sharpness", &p.sharpness, 0.1, 50.0},
            {"negation_scope", &negationScope, 1, 10},
            {"modifier_scope", &modifierScope, 1, 10},
            {"shout_factor", &p.shoutFactor, 0.0, 5.0},
            {"elongation_factor", &p.elongationFactor, 0.0, 5.0},
            {"exclaim_factor", &p.exclaimFactor, 0.0, 2.0},
            {"contrast_before", &p.contrastBefore, 0.0, 5.0},
            {"contrast_after", &p.contrastAfter, 0.0, 5.0},
            {"last_sentence_factor", &p.lastSentenceFactor, 0.0, 5.0},
            {"max_characters", &maxCharacters, 100, 100000000},
        };
        struct Vector {
            const char *key;
            EmotionVector *target;
        };
        const Vector vectors[] = {
            {"exclaim_cue", &p.exclaimCue},          {"question_cue", &p.questionCue},
            {"short_question_cue", &p.shortQuestionCue}, {"surprised_question_cue", &p.surpriseCue},
            {"ellipsis_cue", &p.ellipsisCue},        {"stutter_cue", &p.stutterCue},
            {"shout_cue", &p.shoutCue},
        };
        QStringList known;
        for (const Scalar &s : scalars) {
            const QString key = QString::fromLatin1(s.key);
            known << key;
            if (!obj.contains(key))
                return fail(join(path, key), QStringLiteral("missing"));
            if (!number(obj.value(key), join(path, key), s.min, s.max, s.target))
                return false;
        }
        for (const Vector &v : vectors) {
            const QString key = QString::fromLatin1(v.key);
            known << key;
            if (!obj.contains(key))
                return fail(join(path, key), QStringLiteral("missing"));
            if (!labelWeights(obj.value(key), join(path, key), 5.0, v.target))
                return false;
        }
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (!known.contains(it.key()))
                return fail(join(path, it.key()), QStringLiteral("unknown parameter"));
        for (const auto &[name, value] : {std::pair{"negation_scope", negationScope},
                                          std::pair{"modifier_scope", modifierScope},
                                          std::pair{"max_characters", maxCharacters}})
            if (value != std::floor(value))
                return fail(join(path, QString::fromLatin1(name)), QStringLiteral("expected a whole number"));
        p.negationScope = int(negationScope);
        p.modifierScope = int(modifierScope);
        p.maxCharacters = int(maxCharacters);
        return true;
    }

    // Turns a written key into its lookup form (stems joined by spaces); rejects keys with punctuation in them,
    // which could never match because matching stops at punctuation.
    bool lookupKey(const QString &text, const QString &path, QString *key, int *length)
    {
        const TextTokens tokens = TextTokenizer::tokenize(text);
        if (tokens.isEmpty())
            return fail(path, QStringLiteral("the key has no words or symbols"));
        QStringList stems;
        for (const TextToken &t : tokens) {
            if (t.isBreak())
                return fail(path, QStringLiteral("the key contains punctuation \"%1\", which a phrase can never "
                                                 "span").arg(t.text));
            stems << t.stem;
        }
        *key = stems.join(u' ');
        *length = int(tokens.size());
        return true;
    }

    EmotionLexicon::Entry &entry(const QString &key, int length)
    {
        EmotionLexicon::Entry &e = m_lexicon.m_entries[key];
        e.length = length;
        if (length > 1) {
            for (int i = 0; i < length - 1; ++i)
                m_lexicon.m_prefixes.insert(key.section(u' ', 0, i));
        }
        return e;
    }

    bool parseEmotions(const QJsonValue &value)
    {
        const QString path = QStringLiteral("emotions");
        QJsonObject obj;
        if (!object(value, path, &obj))
            return false;
        for (const QString &label : EmotionClassifier::labels())
            if (!obj.contains(label))
                return fail(join(path, label), QStringLiteral("missing (every label needs an entry, even if empty)"));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            int index = 0;
            if (!labelIndex(it.key(), join(path, it.key()), &index))
                return false;
            QJsonObject cues;
            if (!object(it.value(), join(path, it.key()), &cues))
                return false;
            QHash<QString, QString> seen; // lookup key → the key as written, to report duplicates
            for (auto cue = cues.begin(); cue != cues.end(); ++cue) {
                const QString cuePath = join(join(path, it.key()), cue.key());
                const bool exact = cue.key().startsWith(u'=');
                QString key;
                int length = 0;
                double weight = 0.0;
                if (!lookupKey(exact ? cue.key().mid(1) : cue.key(), cuePath, &key, &length)
                    || !number(cue.value(), cuePath, 0.01, 5.0, &weight))
                    return false;
                if (exact) {
                    const TextTokens tokens = TextTokenizer::tokenize(cue.key().mid(1));
                    if (tokens.size() != 1 || !tokens.first().isWord())
                        return fail(cuePath, QStringLiteral("an exact key (\"=word\") must be one word"));
                    key = QLatin1Char('=') + tokens.first().text;
                }
                if (seen.contains(key))
                    return fail(cuePath, QStringLiteral("same cue as \"%1\" after stemming (\"%2\"); merge them")
                                             .arg(seen.value(key), key));
                seen.insert(key, cue.key());
                EmotionLexicon::Entry &e = exact ? m_lexicon.m_exact[key.mid(1)] : entry(key, length);
                e.weights[size_t(index)] = weight;
                e.isCue = true;
            }
        }
        return true;
    }

    bool parseWordList(const QJsonValue &value, const QString &path, bool EmotionLexicon::Entry::*flag)
    {
        if (value.isUndefined())
            return true;
        if (!value.isArray())
            return fail(path, QStringLiteral("expected an array of strings"));
        const QJsonArray words = value.toArray();
        for (qsizetype i = 0; i < words.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (!words.at(i).isString())
                return fail(itemPath, QStringLiteral("expected a string"));
            QString key;
            int length = 0;
            if (!lookupKey(words.at(i).toString(), itemPath, &key, &length))
                return false;
            EmotionLexicon::Entry &e = entry(key, length);
            if (e.*flag)
                return fail(itemPath, QStringLiteral("\"%1\" is listed twice").arg(words.at(i).toString()));
            e.*flag = true;
        }
        return true;
    }

    // An optional object section: `each(key, value, memberPath)` for every member; false at the first failure.
    template<class F>
    bool eachMember(const QJsonValue &value, const QString &path, F &&each)
    {
        if (value.isUndefined())
            return true;
        QJsonObject obj;
        if (!object(value, path, &obj))
            return false;
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (!each(it.key(), it.value(), join(path, it.key())))
                return false;
        return true;
    }

    bool parseModifiers(const QJsonValue &value)
    {
        return eachMember(value, QStringLiteral("modifiers"), [this](const QString &word, const QJsonValue &v, const QString &at) {
            QString key;
            int length = 0;
            double factor = 1.0;
            if (!lookupKey(word, at, &key, &length) || !number(v, at, 0.05, 4.0, &factor))
                return false;
            if (factor == 1.0)
                return fail(at, QStringLiteral("a factor of 1 does nothing; remove the entry"));
            EmotionLexicon::Entry &e = entry(key, length);
            if (e.multiplier != 1.0)
                return fail(at, QStringLiteral("same modifier as another key after stemming"));
            e.multiplier = factor;
            return true;
        });
    }

    bool parseNegation(const QJsonValue &value)
    {
        return eachMember(value, QStringLiteral("negation"), [this](const QString &label, const QJsonValue &v, const QString &at) {
            int index = 0;
            return labelIndex(label, at, &index) && labelWeights(v, at, 2.0, &m_lexicon.m_negation[size_t(index)]);
        });
    }
};

std::optional<EmotionLexicon> EmotionLexicon::fromJson(const QByteArray &json, const QString &source,
                                                       QString *error)
{
    return EmotionLexiconParser(source).parse(json, error);
}

std::optional<EmotionLexicon> EmotionLexicon::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

const EmotionLexicon &EmotionLexicon::builtIn()
{
    static const EmotionLexicon lexicon = [] {
        QString error;
        auto parsed = fromFile(kBuiltInPath, &error);
        if (!parsed)
            qFatal("built-in emotion lexicon is broken: %s", qPrintable(error));
        return std::move(*parsed);
    }();
    return lexicon;
}

EmotionLexicon::Match EmotionLexicon::match(const TextTokens &tokens, qsizetype pos) const
{
    const TextToken &first = tokens.at(pos);
    Match best;
    if (first.isBreak())
        return best;
    if (const auto it = m_exact.constFind(first.text); it != m_exact.cend() && first.isWord())
        best = {&*it, 1, 1.0};
    else if (const auto it = m_entries.constFind(first.stem); it != m_entries.cend())
        best = {&*it, 1, 1.0};
    if (!m_prefixes.contains(first.stem))
        return best;
    QString key = first.stem;
    double modifier = 1.0;
    for (qsizetype i = pos + 1; i < tokens.size(); ++i) {
        const TextToken &t = tokens.at(i);
        if (t.isBreak())
            break;
        const QString extended = key + QLatin1Char(' ') + t.stem;
        const auto it = m_entries.constFind(extended);
        const bool isPrefix = m_prefixes.contains(extended);
        if (it == m_entries.cend() && !isPrefix) {
            // A modifier that is no part of the phrase: step over it and keep its strength.
            if (const auto m = m_entries.constFind(t.stem); m != m_entries.cend() && m->multiplier != 1.0) {
                modifier *= m->multiplier;
                continue;
            }
            break;
        }
        if (it != m_entries.cend())
            best = {&*it, i - pos + 1, modifier};
        if (!isPrefix)
            break;
        key = extended;
    }
    return best;
}

EmotionVector EmotionLexicon::negate(const EmotionVector &weights) const
{
    EmotionVector out{};
    for (size_t from = 0; from < weights.size(); ++from)
        if (weights[from] != 0.0)
            for (size_t to = 0; to < out.size(); ++to)
                out[to] += weights[from] * m_negation[from][to];
    return out;
}

void EmotionLexicon::resolveElongation(TextTokens &tokens) const
{
    const auto known = [this](const QString &text, const QString &stem) {
        return m_exact.contains(text) || m_entries.contains(stem) || m_prefixes.contains(stem);
    };
    for (TextToken &t : tokens) {
        if (t.variant.isEmpty() || known(t.text, t.stem))
            continue;
        const QString stem = EnglishStemmer::stem(t.variant);
        if (known(t.variant, stem)) {
            t.text = t.variant;
            t.stem = stem;
        }
    }
}

std::array<int, EmotionClassifier::kLabelCount> EmotionLexicon::cueCounts() const
{
    std::array<int, EmotionClassifier::kLabelCount> counts{};
    for (const auto *table : {&m_entries, &m_exact})
        for (const Entry &e : *table)
            for (size_t i = 0; i < counts.size(); ++i)
                if (e.weights[i] > 0.0)
                    ++counts[i];
    return counts;
}

} // namespace ths
