// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/lexicon_emotion_classifier.h"

#include "classify/text_tokenizer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ths {

namespace {

// Positions in labels(), checked by a test.
constexpr size_t kConfusion = 6;
constexpr size_t kCuriosity = 7;
constexpr size_t kNeutral = 20;

EmotionVector &operator+=(EmotionVector &a, const EmotionVector &b)
{
    for (size_t i = 0; i < a.size(); ++i)
        a[i] += b[i];
    return a;
}

EmotionVector operator*(EmotionVector a, double f)
{
    for (double &v : a)
        v *= f;
    return a;
}

bool isEmpty(const EmotionVector &v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return x == 0.0; });
}

// "joy 0.80, love 0.30" (largest first), for traces.
QString describe(const EmotionVector &v)
{
    std::array<size_t, EmotionClassifier::kLabelCount> order;
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] > v[b]; });
    QStringList parts;
    const QStringList labels = EmotionClassifier::labels();
    for (size_t i : order)
        if (v[i] > 0.0)
            parts << QStringLiteral("%1 %2").arg(labels.at(qsizetype(i))).arg(v[i], 0, 'f', 2);
    return parts.isEmpty() ? QStringLiteral("nothing") : parts.join(QStringLiteral(", "));
}

QString quote(const TextTokens &tokens, qsizetype begin, qsizetype end)
{
    QStringList words;
    for (qsizetype i = begin; i < end; ++i)
        words << tokens.at(i).text;
    return QLatin1Char('"') + words.join(u' ') + QLatin1Char('"');
}

// Reads one sentence (tokens up to and including its closing Break) into evidence.
class SentenceReader
{
public:
    // `context` is the evidence of the sentences before this one.
    SentenceReader(const EmotionLexicon &lexicon, const TextTokens &tokens, const EmotionVector &context,
                   QStringList *trace)
        : m_lexicon(lexicon), m_p(lexicon.parameters()), m_tokens(tokens), m_context(context), m_trace(trace)
    {
    }

    // Sets *discountEarlier when the sentence opens with "but": what earlier sentences said then counts less.
    EmotionVector read(qsizetype begin, qsizetype end, bool *discountEarlier)
    {
        for (qsizetype i = begin; i < end;) {
            const TextToken &t = m_tokens.at(i);
            if (t.isBreak()) {
                if (t.endsSentence())
                    break;
                endClause();
                ++i;
                continue;
            }
            const EmotionLexicon::Match match = m_lexicon.match(m_tokens, i);
            const EmotionLexicon::Entry *entry = match.entry;
            const qsizetype length = entry ? match.length : 1;
            countWords(i, i + length);
            const bool followed = i + length < end && !m_tokens.at(i + length).isBreak();
            if (!entry) {
                tick(1);
            } else if (entry->isContrast) {
                endClause();
                if (i == begin)
                    *discountEarlier = true;
                else
                    m_evidence = m_evidence * m_p.contrastBefore;
                m_afterContrast = true;
                note(QStringLiteral("%1: contrast, what came before × %2").arg(quote(m_tokens, i, i + length))
                         .arg(m_p.contrastBefore));
            } else if (entry->isNegator && followed) {
                endClause();
                m_negationLeft = m_p.negationScope;
                m_negator = entry;
                m_negatorAt = i;
            } else if (entry->multiplier != 1.0 && followed) {
                m_modifier *= entry->multiplier;
                m_modifierLeft = m_p.modifierScope;
            } else if (entry->isCue) {
                addCue(*entry, i, i + length, match.modifier);
            } else {
                tick(int(length));
            }
            i += length;
        }
        endClause();
        applyPunctuation(end);
        return m_evidence;
    }

private:
    const EmotionLexicon &m_lexicon;
    const EmotionLexicon::Parameters &m_p;
    const TextTokens &m_tokens;
    const EmotionVector &m_context;
    QStringList *m_trace;
    EmotionVector m_evidence{};
    bool m_hasCue = false;
    bool m_afterContrast = false;
    int m_words = 0, m_shouted = 0;
    bool m_stutter = false;
    int m_negationLeft = 0;
    const EmotionLexicon::Entry *m_negator = nullptr; // pending negator, in case it ends up standing alone
    qsizetype m_negatorAt = 0;
    double m_modifier = 1.0;
    int m_modifierLeft = 0;

    void note(const QString &line)
    {
        if (m_trace)
            m_trace->append(line);
    }

    void countWords(qsizetype begin, qsizetype end)
    {
        for (qsizetype i = begin; i < end; ++i) {
            const TextToken &t = m_tokens.at(i);
            if (t.isWord()) {
                ++m_words;
                m_shouted += t.shouted ? 1 : 0;
                m_stutter = m_stutter || t.stutter;
            }
        }
    }

    // Words that match nothing use up the reach of a pending negator or modifier.
    void tick(int words)
    {
        if (m_negationLeft > 0 && (m_negationLeft -= words) <= 0)
            endNegation();
        if (m_modifierLeft > 0 && (m_modifierLeft -= words) <= 0)
            m_modifier = 1.0;
    }

    // A negator that turned nothing around counts as its own cue ("No." is a refusal).
    void endNegation()
    {
        if (m_negator && m_negator->isCue)
            addWeights(m_negator->weights, QStringLiteral("%1 (standing alone)").arg(quote(m_tokens, m_negatorAt,
                                                                                            m_negatorAt + m_negator->length)));
        m_negator = nullptr;
        m_negationLeft = 0;
    }

    void endClause()
    {
        endNegation();
        m_modifier = 1.0;
        m_modifierLeft = 0;
    }

    void addWeights(EmotionVector w, const QString &what)
    {
        if (m_afterContrast)
            w = w * m_p.contrastAfter;
        m_evidence += w;
        m_hasCue = true;
        note(QStringLiteral("%1 → %2").arg(what, describe(w)));
    }

    void addCue(const EmotionLexicon::Entry &entry, qsizetype begin, qsizetype end, double inner)
    {
        double factor = (m_modifierLeft > 0 ? m_modifier : 1.0) * inner;
        bool shouted = false, elongated = false, symbol = false;
        for (qsizetype i = begin; i < end; ++i) {
            shouted = shouted || m_tokens.at(i).shouted;
            elongated = elongated || m_tokens.at(i).elongated;
            symbol = symbol || !m_tokens.at(i).isWord();
        }
        QString what = quote(m_tokens, begin, end);
        if (factor != 1.0)
            what += QStringLiteral(" ×%1 (modifier)").arg(factor);
        if (shouted) {
            factor *= m_p.shoutFactor;
            what += QStringLiteral(" ×%1 (capitals)").arg(m_p.shoutFactor);
        }
        if (elongated) {
            factor *= m_p.elongationFactor;
            what += QStringLiteral(" ×%1 (stretched)").arg(m_p.elongationFactor);
        }
        EmotionVector w = entry.weights;
        // Emoji keep their meaning after "not"; words turn around.
        const bool negated = m_negationLeft > 0 && !symbol;
        if (negated) {
            w = m_lexicon.negate(w);
            what = QStringLiteral("negated %1").arg(what);
        }
        addWeights(w * factor, what);
        m_modifier = 1.0;
        m_modifierLeft = 0;
        if (negated) {
            // A negator turns one cue around: "can't stop smiling" is not "not smiling".
            m_negator = nullptr;
            m_negationLeft = 0;
        }
        tick(int(end - begin));
    }

    void applyPunctuation(qsizetype end)
    {
        const QString closing = end < m_tokens.size() && m_tokens.at(end).isBreak() ? m_tokens.at(end).text : QString();
        const int exclaims = int(closing.count(u'!') + closing.count(u'¡') + closing.count(u'！'));
        const int questions = int(closing.count(u'?') + closing.count(u'¿') + closing.count(u'？'));
        const bool ellipsis = closing.contains(u'…') || closing.contains(QStringLiteral(".."));
        if (closing.contains(u'‽') || (exclaims > 0 && questions > 0)) {
            addRule(m_p.surpriseCue, QStringLiteral("\"?!\""));
        } else if (questions > 0) {
            if (m_words <= 2) {
                addRule(m_p.shortQuestionCue, QStringLiteral("short question"));
            } else if (confusionLeads()) {
                // A question asked in confusion ("Huh? Who's driving?") is a confused one, not a curious one.
                EmotionVector confused{};
                confused[kConfusion] = std::accumulate(m_p.questionCue.begin(), m_p.questionCue.end(), 0.0);
                addRule(confused, QStringLiteral("question, confused"));
            } else {
                addRule(m_p.questionCue, QStringLiteral("question"));
            }
        } else if (exclaims > 0) {
            if (m_hasCue) {
                const double f = 1.0 + m_p.exclaimFactor * std::min(exclaims, 3);
                m_evidence = m_evidence * f;
                note(QStringLiteral("\"%1\": sentence × %2").arg(closing).arg(f));
            } else {
                addRule(m_p.exclaimCue, QStringLiteral("\"!\" without a cue"));
            }
        }
        if (ellipsis && m_words > 0)
            addRule(m_p.ellipsisCue, QStringLiteral("trailing \"…\""));
        if (m_stutter)
            addRule(m_p.stutterCue, QStringLiteral("stutter"));
        if (m_words >= 2 && m_shouted * 3 >= m_words * 2)
            addRule(m_p.shoutCue, QStringLiteral("shouting"));
    }

    // Whether confusion is the strongest emotion so far in the message (neutral aside).
    bool confusionLeads() const
    {
        EmotionVector sofar = m_context;
        sofar += m_evidence;
        if (sofar[kConfusion] <= 0.0)
            return false;
        for (size_t i = 0; i < sofar.size(); ++i)
            if (i != kNeutral && sofar[i] > sofar[kConfusion])
                return false;
        return true;
    }

    void addRule(const EmotionVector &w, const QString &what)
    {
        m_evidence += w;
        note(QStringLiteral("%1 → %2").arg(what, describe(w)));
    }
};

} // namespace

LexiconEmotionClassifier::LexiconEmotionClassifier() : m_lexicon(EmotionLexicon::builtIn()) {}

LexiconEmotionClassifier::LexiconEmotionClassifier(EmotionLexicon lexicon) : m_lexicon(std::move(lexicon)) {}

EmotionVector LexiconEmotionClassifier::evidence(const QString &text, QStringList *trace) const
{
    const EmotionLexicon::Parameters &p = m_lexicon.parameters();
    TextTokens tokens = TextTokenizer::tokenize(QStringView(text).left(p.maxCharacters));
    m_lexicon.resolveElongation(tokens);

    EmotionVector total{};
    EmotionVector last{};
    for (qsizetype begin = 0; begin < tokens.size();) {
        qsizetype end = begin;
        while (end < tokens.size() && !tokens.at(end).endsSentence())
            ++end;
        bool discountEarlier = false;
        EmotionVector context = total;
        context += last;
        const EmotionVector sentence =
            SentenceReader(m_lexicon, tokens, context, trace).read(begin, end, &discountEarlier);
        if (discountEarlier) {
            total = total * p.contrastBefore;
            last = last * p.contrastBefore;
        }
        // The closing sentence of a message is where the speaker lands, so it weighs a little more. Emoji after
        // the full stop ("Thanks! 😭❤️") belong to the sentence before them rather than replacing it.
        const bool onlySymbols = std::none_of(tokens.begin() + begin, tokens.begin() + std::min(end, tokens.size()),
                                              [](const TextToken &t) { return t.isWord(); });
        if (onlySymbols && !isEmpty(last)) {
            last += sentence;
        } else if (!isEmpty(sentence)) {
            total += last;
            last = sentence;
        }
        begin = end + 1;
    }
    if (!isEmpty(last) && p.lastSentenceFactor != 1.0 && trace)
        trace->append(QStringLiteral("last sentence with evidence × %1").arg(p.lastSentenceFactor));
    total += last * p.lastSentenceFactor;
    total[kNeutral] += p.neutralBase;
    return total;
}

QList<EmotionScore> LexiconEmotionClassifier::scores(const EmotionVector &evidence) const
{
    const EmotionLexicon::Parameters &p = m_lexicon.parameters();
    EmotionVector logits{};
    for (size_t i = 0; i < logits.size(); ++i)
        logits[i] = p.sharpness * std::log(p.evidenceFloor + std::max(0.0, evidence[i]));
    const double top = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (double &z : logits) {
        z = std::exp(z - top);
        sum += z;
    }
    const QStringList labels = EmotionClassifier::labels();
    QList<EmotionScore> out;
    out.reserve(kLabelCount);
    for (size_t i = 0; i < logits.size(); ++i)
        out.append({labels.at(qsizetype(i)), logits[i] / sum});
    std::stable_sort(out.begin(), out.end(),
                     [](const EmotionScore &a, const EmotionScore &b) { return a.score > b.score; });
    return out;
}

QList<EmotionScore> LexiconEmotionClassifier::classify(const QString &text) const
{
    return scores(evidence(text));
}

} // namespace ths
