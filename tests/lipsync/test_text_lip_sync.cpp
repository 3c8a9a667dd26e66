// SPDX-License-Identifier: GPL-3.0-or-later
// Text → speech + mouth: espeak-ng synthesis, its phoneme timing, the viseme table and the coarticulated
// timeline, checked against the audio it was made with (written to WAV and decoded back).

#include "lipsync_test_support.h"

#include "lipsync/speech_synthesizer.h"
#include "lipsync/viseme_mapper.h"
#include "lipsync/viseme_table.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

using namespace ths;

namespace {

struct Segment {
    QString name;
    double begin, end;
    double middle() const { return (begin + end) / 2; }
};

std::vector<Segment> segments(const SpeechResult &s)
{
    std::vector<Segment> out;
    const double rate = s.audio.sampleRate;
    for (size_t i = 0; i < s.phonemes.size(); ++i) {
        const qint64 end = i + 1 < s.phonemes.size() ? s.phonemes[i + 1].sample : qint64(s.audio.samples.size());
        if (end > s.phonemes[i].sample)
            out.push_back({s.phonemes[i].name, s.phonemes[i].sample / rate, end / rate});
    }
    return out;
}

MouthTimeline timelineFor(const SpeechResult &s)
{
    return VisemeMapper::map(s.phonemes, qint64(s.audio.samples.size()), s.audio.sampleRate);
}

QString names(const SpeechResult &s)
{
    QStringList list;
    for (const PhonemeEvent &e : s.phonemes)
        list << e.name;
    return list.join(QLatin1Char(' '));
}

} // namespace

class TestTextLipSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Openness follows the audio's loudness, the mouth is shut in pauses, the timeline covers the audio.
    void sentences_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        for (const auto &s : test::sentences())
            QTest::newRow(s.voice) << QString::fromLatin1(s.voice) << QString::fromUtf8(s.text);
    }
    void sentences()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QString error;
        const auto speech = test::speakThroughFile(text, voice, m_dir.path(), &error);
        QVERIFY2(speech, qPrintable(error));
        QCOMPARE(speech->speech.audio.sampleRate, 22050);
        QVERIFY(speech->speech.phonemes.size() > 20);
        const MouthTimeline timeline = timelineFor(speech->speech);

        QVERIFY2(std::abs(timeline.duration() - speech->decoded.duration()) <= 0.02,
                 qPrintable(QStringLiteral("timeline %1 s, audio %2 s").arg(timeline.duration()).arg(speech->decoded.duration())));
        const std::vector<double> env = test::rmsEnvelope(speech->decoded, timeline.size());
        const std::vector<double> open = test::openness(timeline);
        const double r = test::pearson(open, env);
        const double peak = *std::max_element(env.begin(), env.end());
        const auto silences = test::silentRuns(env, 0.01 * peak, 15);
        double worst = 0.0;
        int worstFrame = -1;
        for (const auto &[first, last] : silences)
            for (int f = first; f <= last; ++f)
                if (open[size_t(f)] > worst) {
                    worst = open[size_t(f)];
                    worstFrame = f;
                }
        qInfo("%s: %.2f s, %zu phonemes, Pearson(openness, RMS) = %.3f, %zu silences > 150 ms, max openness in them %.3f",
              qPrintable(voice), speech->decoded.duration(), speech->speech.phonemes.size(), r, silences.size(), worst);
        if (worst > 0.05) {
            for (const Segment &s : segments(speech->speech))
                if (std::abs(s.middle() - worstFrame * 0.01) < 0.2)
                    qInfo("  %-6s %.3f-%.3f", qPrintable(s.name), s.begin, s.end);
            for (int f = std::max(0, worstFrame - 8); f < std::min(timeline.size(), worstFrame + 5); ++f)
                qInfo("  frame %d: RMS %.5f openness %.3f", f, env[size_t(f)], open[size_t(f)]);
        }
        QVERIFY2(r >= 0.5, qPrintable(QStringLiteral("Pearson %1 < 0.5").arg(r)));
        QVERIFY2(!silences.empty(), "the sentence should contain a pause longer than 150 ms");
        QVERIFY2(worst <= 0.05, qPrintable(QStringLiteral("openness %1 in a silence").arg(worst)));
    }

    // Events are on the audio's sample clock: in order, inside the buffer, the last pause ending at its end.
    void phonemesOnTheSampleClock()
    {
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(QStringLiteral("Hello world, this is a test."),
                                                          QStringLiteral("en"), &error);
        QVERIFY2(speech, qPrintable(error));
        QCOMPARE(speech->voice, QStringLiteral("en"));
        qint64 last = 0;
        for (const PhonemeEvent &e : speech->phonemes) {
            QVERIFY(e.sample >= last);
            QVERIFY(e.sample <= qint64(speech->audio.samples.size()));
            QVERIFY(!e.name.startsWith(QLatin1Char('(')));
            last = e.sample;
        }
        QVERIFY2(names(*speech).startsWith(QLatin1String("h @ l oU w 3: l d")), qPrintable(names(*speech)));
        QVERIFY(VisemeTable::isPause(speech->phonemes.back().name));
    }

    // "cmn" reads Chinese characters as Mandarin (n i X Au), not as English-spelt pinyin ("ni three").
    void mandarinReadsHanzi()
    {
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(QString::fromUtf8("你好"), QStringLiteral("cmn"), &error);
        QVERIFY2(speech, qPrintable(error));
        QCOMPARE(speech->voice, QStringLiteral("cmn-Latn-pinyin"));
        QVERIFY2(names(*speech).startsWith(QLatin1String("n i")), qPrintable(names(*speech)));
        QVERIFY2(!names(*speech).contains(QLatin1String("T r i:")), qPrintable(names(*speech)));
    }

    // Bilabials shut the lips in their middle, however open the vowels around them are.
    void bilabialsClose_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Bob saw a map of Pam's pop band.");
        QTest::newRow("ja") << QStringLiteral("ja") << QString::fromUtf8("ままは ぱぱと ばばに あいました。");
        QTest::newRow("cmn") << QStringLiteral("cmn") << QString::fromUtf8("妈妈买了八本书。");
    }
    void bilabialsClose()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(text, voice, &error);
        QVERIFY2(speech, qPrintable(error));
        const MouthTimeline timeline = timelineFor(*speech);
        int checked = 0;
        for (const Segment &s : segments(*speech)) {
            const QChar c = s.name.at(0);
            if (c != QLatin1Char('p') && c != QLatin1Char('b') && c != QLatin1Char('m'))
                continue;
            ++checked;
            const MouthFrame m = timeline.sample(s.middle());
            QVERIFY2(m.maxVowel() <= 0.05f, qPrintable(QStringLiteral("%1 at %2 s: openness %3 (%4)")
                                                          .arg(s.name).arg(s.middle()).arg(m.maxVowel()).arg(names(*speech))));
        }
        QVERIFY2(checked >= 4, qPrintable(names(*speech)));
    }

    // Each vowel shows its own mouth shape at its middle.
    void vowelsMapToTheirShape_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // dominant vowel per vowel segment, in order
        QTest::newRow("ja aiueo") << QStringLiteral("ja") << QString::fromUtf8("あ、い、う、え、お。") << QStringLiteral("aiueo");
        QTest::newRow("en phonemes") << QStringLiteral("en") << QStringLiteral("[[A:]], [[i:]], [[u:]], [[e]], [[o:]].")
                                     << QStringLiteral("aiueo");
    }
    void vowelsMapToTheirShape()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(text, voice, &error);
        QVERIFY2(speech, qPrintable(error));
        const MouthTimeline timeline = timelineFor(*speech);
        QString seen;
        for (const Segment &s : segments(*speech)) {
            if (VisemeTable::isPause(s.name))
                continue;
            const MouthFrame m = timeline.sample(s.middle());
            QVERIFY(m.maxVowel() > 0.5f);
            seen += QLatin1Char("aiueo"[int(m.dominantVowel())]);
        }
        QCOMPARE(seen, expected);
    }

    // Coarticulation: a velar between two i's takes their spread shape instead of its own; a vowel next to a
    // rounded consonant is pulled towards rounding.
    void consonantsTakeTheirNeighboursShape()
    {
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(QString::fromUtf8("いき"), QStringLiteral("ja"), &error);
        QVERIFY2(speech, qPrintable(error));
        const MouthTimeline timeline = timelineFor(*speech);
        bool found = false;
        for (const Segment &s : segments(*speech)) {
            if (s.name != QLatin1String("k"))
                continue;
            found = true;
            const MouthFrame m = timeline.sample(s.middle());
            QCOMPARE(m.dominantVowel(), Vowel::I);
            QVERIFY2(m.maxVowel() > 0.3f, qPrintable(QString::number(m.maxVowel())));
        }
        QVERIFY2(found, qPrintable(names(*speech)));
    }

    void visemeTable_data()
    {
        QTest::addColumn<QString>("phoneme");
        QTest::addColumn<int>("parts");
        QTest::addColumn<bool>("closes");
        QTest::addColumn<QString>("dominant"); // of the first part, "-" when closed
        QTest::newRow("a") << "a" << 1 << false << "a";
        QTest::newRow("A:") << "A:" << 1 << false << "a";
        QTest::newRow("i:") << "i:" << 1 << false << "i";
        QTest::newRow("u:") << "u:" << 1 << false << "u";
        QTest::newRow("E") << "E" << 1 << false << "e";
        QTest::newRow("O:") << "O:" << 1 << false << "o";
        QTest::newRow("aI") << "aI" << 2 << false << "a";
        QTest::newRow("oU") << "oU" << 2 << false << "o";
        QTest::newRow("iou") << "iou" << 3 << false << "i";
        QTest::newRow("ong") << "ong" << 2 << false << "o";
        QTest::newRow("p") << "p" << 1 << true << "-";
        QTest::newRow("b") << "b" << 1 << true << "-";
        QTest::newRow("m") << "m" << 1 << true << "-";
        QTest::newRow("_:") << "_:" << 1 << true << "-";
        QTest::newRow("_") << "_" << 1 << true << "-";
        QTest::newRow("w") << "w" << 1 << false << "u";
        QTest::newRow("tS") << "tS" << 1 << false << "o";
        QTest::newRow("t_s\\") << "t_s\\" << 1 << false << "e";
        QTest::newRow("_j (a glide, not a pause)") << "_j" << 1 << false << "i";
        QTest::newRow("unknown symbol") << "*" << 1 << false << "a";
        QTest::newRow("empty") << "" << 1 << true << "-";
    }
    void visemeTable()
    {
        QFETCH(QString, phoneme);
        QFETCH(int, parts);
        QFETCH(bool, closes);
        QFETCH(QString, dominant);
        const std::vector<Viseme> v = VisemeTable::lookup(phoneme);
        QCOMPARE(int(v.size()), parts);
        QCOMPARE(v.front().closesLips, closes);
        if (!closes) {
            const auto &s = v.front().shape;
            const int top = int(std::max_element(s.begin(), s.end()) - s.begin());
            QCOMPARE(QString(QLatin1Char("aiueo"[top])), dominant);
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty text") << "" << "en" << "the text to speak is empty";
        QTest::newRow("blank text") << " \n\t " << "en" << "the text to speak is empty";
        QTest::newRow("no voice") << "hello" << "" << "no voice given";
        QTest::newRow("unknown voice") << "hello" << "xx-nosuchvoice" << "unknown voice \"xx-nosuchvoice\"";
    }
    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, voice);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!SpeechSynthesizer::synthesize(text, voice, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
        // And the synthesizer still works afterwards.
        QVERIFY2(SpeechSynthesizer::synthesize(QStringLiteral("ok"), QStringLiteral("en"), &error), qPrintable(error));
    }

    // Calls from many threads are served one at a time on the synthesis thread, each with its own voice.
    // (espeak-ng's audio varies by a few samples from call to call, so the phonemes are compared, not the PCM.)
    // Long texts cost espeak-ng's own time only: the sample buffer grows geometrically. 8,000 characters took over
    // two minutes when the buffer was reallocated to the exact size on every callback; the bound is generous.
    void longTextIsLinear()
    {
        QString text;
        while (text.size() < 8000)
            text += QStringLiteral("The quick brown fox jumps over the lazy dog, and then it rests a while. ");
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto speech = SpeechSynthesizer::synthesize(text, QStringLiteral("en"), &error);
        QVERIFY2(speech, qPrintable(error));
        QVERIFY(speech->audio.duration() > 300);
        qInfo("8,000 characters: %.0f s of speech in %.1f s", speech->audio.duration(), timer.elapsed() / 1000.0);
        QVERIFY2(timer.elapsed() < 60000, "synthesis of 8,000 characters took over a minute");
    }

    // A cancelled synthesis stops at the next audio callback, and one cancelled while queued never starts.
    void cancellation()
    {
        QString text;
        while (text.size() < 20000)
            text += QStringLiteral("A long text that would take a while to speak in full. ");
        std::atomic<bool> cancel{false};
        QFuture<SpeechResult> first = SpeechSynthesizer::synthesizeAsync(text, QStringLiteral("en"), [&] { return cancel.load(); });
        QFuture<SpeechResult> queued = SpeechSynthesizer::synthesizeAsync(text, QStringLiteral("en"), [&] { return cancel.load(); });
        QTest::qWait(200);
        cancel = true;
        QVERIFY(QTest::qWaitFor([&] { return first.isFinished() && queued.isFinished(); }, 30000));
        QCOMPARE(first.result().error, SpeechSynthesizer::kCancelled);
        QCOMPARE(queued.result().error, SpeechSynthesizer::kCancelled);
        // And the synthesiser carries on.
        QString error;
        QVERIFY2(SpeechSynthesizer::synthesize(QStringLiteral("Still here."), QStringLiteral("en"), &error), qPrintable(error));
    }

    void concurrentCallsAreSerialised()
    {
        const QString english = QStringLiteral("Concurrency is fine."), japanese = QString::fromUtf8("こんにちは");
        QString error;
        const auto en = SpeechSynthesizer::synthesize(english, QStringLiteral("en"), &error);
        QVERIFY2(en, qPrintable(error));
        const auto ja = SpeechSynthesizer::synthesize(japanese, QStringLiteral("ja"), &error);
        QVERIFY2(ja, qPrintable(error));
        std::vector<std::optional<SpeechResult>> results(8);
        std::vector<std::thread> threads;
        for (size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] {
                QString e;
                // Interleaved voices: a voice switch racing a synthesis would show in the phonemes.
                results[i] = SpeechSynthesizer::synthesize(i % 2 ? english : japanese,
                                                           i % 2 ? QStringLiteral("en") : QStringLiteral("ja"), &e);
            });
        for (auto &t : threads)
            t.join();
        for (size_t i = 0; i < results.size(); ++i) {
            QVERIFY(results[i]);
            const SpeechResult &reference = i % 2 ? *en : *ja;
            QCOMPARE(results[i]->voice, reference.voice);
            QCOMPARE(names(*results[i]), names(reference));
            QVERIFY(std::abs(results[i]->audio.duration() - reference.audio.duration()) < 0.05);
        }
    }

    void mapperRejectsBadArguments()
    {
        QVERIFY(VisemeMapper::map({}, 0, 22050).isEmpty());
        QVERIFY(VisemeMapper::map({}, 100, 0).isEmpty());
        // No events at all: silence for the whole duration.
        const MouthTimeline silent = VisemeMapper::map({}, 22050, 22050);
        QCOMPARE(silent.size(), 100);
        for (const MouthFrame &f : silent.frames())
            QCOMPARE(f.maxVowel(), 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestTextLipSync)
#include "test_text_lip_sync.moc"
