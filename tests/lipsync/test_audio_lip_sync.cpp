// SPDX-License-Identifier: GPL-3.0-or-later
// Audio → mouth on real speech: espeak-ng audio written to WAV (and other formats where an encoder exists),
// decoded by AudioFile through Qt Multimedia, analysed offline and streaming.

#include "gstreamer_encoder.h"
#include "lipsync_test_support.h"

#include "lipsync/audio_file.h"
#include "lipsync/audio_lip_sync.h"
#include "lipsync/streaming_lip_sync.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ths;

class TestAudioLipSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    MouthTimeline analyse(const PcmBuffer &pcm)
    {
        QString error;
        auto timeline = AudioLipSync::analyze(pcm, &error);
        if (!timeline)
            qFatal("analysis failed: %s", qPrintable(error));
        return *timeline;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The dominant vowel is the spoken one in at least 70 % of the voiced frames.
    void isolatedVowels_data()
    {
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("vowel");
        const char *kana[] = {"あー", "いー", "うー", "えー", "おー"};
        const char *names[] = {"a", "i", "u", "e", "o"};
        for (int v = 0; v < 5; ++v)
            QTest::addRow("ja %s", names[v]) << QStringLiteral("ja") << QString::fromUtf8(kana[v]) << v;
        // Higher voices: their formants lie higher; the analyser scales by the voice's pitch.
        for (const char *variant : {"ja+f1", "ja+f4"})
            for (int v = 0; v < 5; ++v)
                QTest::addRow("%s %s", variant, names[v]) << QString::fromLatin1(variant) << QString::fromUtf8(kana[v]) << v;
        // English has no plain a/e/o phonemes in words; espeak-ng speaks phoneme mnemonics given in [[ ]].
        const char *mnemonics[] = {"[[A:]]", "[[i:]]", "[[u:]]", "[[e:]]", "[[o:]]"};
        for (int v = 0; v < 5; ++v)
            QTest::addRow("en %s", names[v]) << QStringLiteral("en") << QString::fromLatin1(mnemonics[v]) << v;
    }
    void isolatedVowels()
    {
        QFETCH(QString, voice);
        QFETCH(QString, text);
        QFETCH(int, vowel);
        QString error;
        const auto speech = test::speakThroughFile(text, voice, m_dir.path(), &error);
        QVERIFY2(speech, qPrintable(error));
        const MouthTimeline timeline = analyse(speech->decoded);
        const std::vector<double> env = test::rmsEnvelope(speech->decoded, timeline.size());
        const double peak = *std::max_element(env.begin(), env.end());
        int voiced = 0, right = 0;
        QString seen;
        for (int f = 0; f < timeline.size(); ++f) {
            if (env[size_t(f)] < 0.1 * peak)
                continue; // not voiced: within 20 dB of the loudest frame
            ++voiced;
            const MouthFrame &m = timeline[f];
            const bool ok = m.maxVowel() > 0.0f && int(m.dominantVowel()) == vowel;
            right += ok ? 1 : 0;
            seen += m.maxVowel() > 0.0f ? QLatin1Char("aiueo"[int(m.dominantVowel())]) : QLatin1Char('-');
        }
        QVERIFY2(voiced >= 10, qPrintable(QStringLiteral("only %1 voiced frames").arg(voiced)));
        const double share = double(right) / voiced;
        qInfo("%s: %d/%d voiced frames right (%.0f %%): %s", QTest::currentDataTag(), right, voiced, share * 100,
              qPrintable(seen));
        QVERIFY2(share >= 0.7, qPrintable(QStringLiteral("%1 % right: %2").arg(share * 100, 0, 'f', 0).arg(seen)));
    }

    // Openness follows loudness and the mouth is shut in pauses; the timeline covers the audio.
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
        const MouthTimeline timeline = analyse(speech->decoded);
        QVERIFY(std::abs(timeline.duration() - speech->decoded.duration()) <= 0.02);

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
        if (worst > 0.05) {
            for (int f = std::max(0, worstFrame - 8); f < std::min(timeline.size(), worstFrame + 5); ++f)
                qInfo("  frame %d: RMS %.5f (%.1f dB re peak) openness %.3f", f, env[size_t(f)],
                      20 * std::log10(env[size_t(f)] / peak + 1e-12), open[size_t(f)]);
        }
        qInfo("%s: %.2f s, Pearson(openness, RMS) = %.3f, %zu silences > 150 ms, max openness in them %.3f",
              qPrintable(voice), speech->decoded.duration(), r, silences.size(), worst);
        QVERIFY2(r >= 0.6, qPrintable(QStringLiteral("Pearson %1 < 0.6").arg(r)));
        QVERIFY2(!silences.empty(), "the sentence should contain a pause longer than 150 ms");
        QVERIFY2(worst <= 0.05, qPrintable(QStringLiteral("openness %1 in a silence").arg(worst)));
    }

    // A noisy recording: steady background noise is learnt as the floor, so pauses still close the mouth.
    void noisyRecording_data()
    {
        QTest::addColumn<double>("noiseDb");
        QTest::newRow("noise at -50 dBFS") << -50.0;
        QTest::newRow("noise at -40 dBFS") << -40.0;
    }
    void noisyRecording()
    {
        QFETCH(double, noiseDb);
        QString error;
        const auto speech = test::speakThroughFile(QString::fromUtf8(test::sentences()[0].text),
                                                   QStringLiteral("en"), m_dir.path(), &error);
        QVERIFY2(speech, qPrintable(error));
        PcmBuffer noisy = speech->decoded;
        QRandomGenerator random(17);
        const double amplitude = std::pow(10.0, noiseDb / 20.0) * std::sqrt(3.0); // uniform noise with that RMS
        for (float &s : noisy.samples)
            s += float(amplitude * (random.generateDouble() * 2.0 - 1.0));
        const MouthTimeline timeline = analyse(noisy);
        // Judge against the clean speech: where it is loud and where it is silent.
        const std::vector<double> env = test::rmsEnvelope(speech->decoded, timeline.size());
        const std::vector<double> open = test::openness(timeline);
        const double peak = *std::max_element(env.begin(), env.end());
        double worst = 0.0;
        for (const auto &[first, last] : test::silentRuns(env, 0.01 * peak, 15))
            for (int f = first; f <= last; ++f)
                worst = std::max(worst, open[size_t(f)]);
        const double r = test::pearson(open, env);
        qInfo("%s: Pearson %.3f, max openness in silences %.3f", QTest::currentDataTag(), r, worst);
        QVERIFY(r >= 0.6);
        QVERIFY2(worst <= 0.05, qPrintable(QString::number(worst)));
    }

    // Pushing the same audio in chunks of any size gives exactly the offline frames.
    void streamingMatchesOffline()
    {
        QString error;
        const auto speech = test::speakThroughFile(QString::fromUtf8(test::sentences()[0].text),
                                                   QStringLiteral("en"), m_dir.path(), &error);
        QVERIFY2(speech, qPrintable(error));
        const MouthTimeline offline = analyse(speech->decoded);

        StreamingLipSync stream(speech->decoded.sampleRate);
        std::vector<MouthFrame> frames;
        QRandomGenerator random(7);
        const auto &s = speech->decoded.samples;
        for (size_t at = 0; at < s.size();) {
            const size_t n = std::min(s.size() - at, size_t(random.bounded(1, 2000)));
            for (const MouthFrame &f : stream.push(s.data() + at, n))
                frames.push_back(f);
            at += n;
        }
        for (const MouthFrame &f : stream.finish())
            frames.push_back(f);
        QCOMPARE(int(frames.size()), offline.size());
        for (int i = 0; i < offline.size(); ++i) {
            QCOMPARE(frames[size_t(i)].t, offline[i].t);
            QCOMPARE(frames[size_t(i)].vowels, offline[i].vowels);
        }
    }

    // A frame at time t is out once audio up to t + 50 ms has been pushed.
    void streamingLookAhead_data()
    {
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("16 kHz") << 16000;
        QTest::newRow("22.05 kHz") << 22050;
        QTest::newRow("44.1 kHz") << 44100;
        QTest::newRow("48 kHz") << 48000;
    }
    void streamingLookAhead()
    {
        QFETCH(int, sampleRate);
        StreamingLipSync stream(sampleRate);
        QVERIFY(stream.lookAheadSeconds() <= 0.05);
        const int chunk = sampleRate / 200; // 5 ms
        std::vector<float> audio(static_cast<size_t>(chunk));
        int emitted = 0;
        for (int i = 0; i < 400; ++i) {
            for (int k = 0; k < chunk; ++k) // a 150 Hz buzz, so the analysis has something to do
                audio[size_t(k)] = 0.3f * float(std::sin(2.0 * M_PI * 150.0 * double(i * chunk + k) / sampleRate));
            emitted += int(stream.push(audio).size());
            const double pushed = stream.pushedSeconds();
            // Every frame with t <= pushed - 50 ms must be out: frames 0 … floor((pushed - 0.05) / 0.01).
            const int due = pushed >= 0.05 ? int(std::floor((pushed - 0.05) / 0.01 + 1e-9)) + 1 : 0;
            QVERIFY2(emitted >= due, qPrintable(QStringLiteral("after %1 s only %2 frames, %3 due")
                                                    .arg(pushed).arg(emitted).arg(due)));
        }
        emitted += int(stream.finish().size());
        QCOMPARE(emitted, 200); // 2 s of audio, one frame per 10 ms
    }

    // Digital silence and faint noise keep the mouth shut.
    void silenceStaysClosed_data()
    {
        QTest::addColumn<float>("amplitude");
        QTest::newRow("digital silence") << 0.0f;
        QTest::newRow("noise at -70 dBFS") << 0.0003f;
    }
    void silenceStaysClosed()
    {
        QFETCH(float, amplitude);
        PcmBuffer pcm;
        pcm.sampleRate = 16000;
        QRandomGenerator random(3);
        for (int i = 0; i < 32000; ++i)
            pcm.samples.push_back(amplitude * float(random.generateDouble() * 2.0 - 1.0));
        const MouthTimeline timeline = analyse(pcm);
        QCOMPARE(timeline.size(), 200);
        for (const MouthFrame &f : timeline.frames())
            QCOMPARE(f.maxVowel(), 0.0f);
    }

    // Compressed formats decode through the same path and give the same mouth as the WAV.
    void compressedFormats_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::newRow("ogg") << QStringLiteral("ogg");
        QTest::newRow("flac") << QStringLiteral("flac");
        QTest::newRow("mp3") << QStringLiteral("mp3");
    }
    void compressedFormats()
    {
        QFETCH(QString, extension);
        QString error;
        const auto speech = test::speakThroughFile(QString::fromUtf8(test::sentences()[0].text),
                                                   QStringLiteral("en"), m_dir.path(), &error);
        QVERIFY2(speech, qPrintable(error));
        const QString out = m_dir.filePath(QStringLiteral("speech.") + extension);
        // Encode with whatever the machine has: sox writes OGG and FLAC; ffmpeg or lame write MP3; failing those,
        // GStreamer's own encoder elements (the plugins Qt Multimedia decodes with) do all three.
        const QList<QStringList> encoders{
            {QStringLiteral("sox"), speech->wavPath, out},
            {QStringLiteral("ffmpeg"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
             QStringLiteral("-i"), speech->wavPath, out},
            {QStringLiteral("lame"), QStringLiteral("--quiet"), speech->wavPath, out},
        };
        bool encoded = false;
        for (const QStringList &command : encoders) {
            if (command.first() == QLatin1String("lame") && extension != QLatin1String("mp3"))
                continue;
            if (QStandardPaths::findExecutable(command.first()).isEmpty())
                continue;
            QProcess p;
            p.start(command.first(), command.mid(1));
            if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
                && QFileInfo(out).size() > 0) {
                encoded = true;
                break;
            }
        }
        QString why;
        if (!encoded) {
            const QString element = extension == QLatin1String("mp3") ? QStringLiteral("lamemp3enc")
                : extension == QLatin1String("ogg")                   ? QStringLiteral("vorbisenc ! oggmux")
                                                                      : QStringLiteral("flacenc");
            encoded = test::runGStreamerPipeline(
                QStringLiteral("filesrc location=\"%1\" ! wavparse ! audioconvert ! audioresample ! %2 ! filesink location=\"%3\"")
                    .arg(speech->wavPath, element, out),
                &why);
        }
        if (!encoded)
            QSKIP(qPrintable(QStringLiteral("no encoder for .%1 on this machine (tried sox, ffmpeg, lame, GStreamer: %2)")
                                 .arg(extension, why)));

        const auto decoded = AudioFile::decode(out, 0, &error);
        if (!decoded && error.contains(QLatin1String("not a supported audio format")))
            QSKIP(qPrintable(QStringLiteral("Qt Multimedia cannot decode .%1 here: %2").arg(extension, error)));
        QVERIFY2(decoded, qPrintable(error));
        // Encoders may add their delay and pad to whole frames (MP3: ~50 ms each at 22 kHz); otherwise the length
        // must match.
        QVERIFY2(std::abs(decoded->duration() - speech->decoded.duration()) < 0.15,
                 qPrintable(QStringLiteral("%1 s vs %2 s").arg(decoded->duration()).arg(speech->decoded.duration())));
        const MouthTimeline fromWav = analyse(speech->decoded), fromFile = analyse(*decoded);
        const std::vector<double> env = test::rmsEnvelope(*decoded, fromFile.size());
        const double r = test::pearson(test::openness(fromFile), env);
        qInfo(".%s: %.2f s, Pearson(openness, RMS) = %.3f", qPrintable(extension), decoded->duration(), r);
        QVERIFY(r >= 0.6);
    }

    void emptyPcmIsAnError()
    {
        QString error;
        PcmBuffer pcm;
        pcm.sampleRate = 16000;
        QVERIFY(!AudioLipSync::analyze(pcm, &error));
        QCOMPARE(error, QStringLiteral("the audio has no samples"));
        pcm.samples = {0.1f, 0.2f};
        pcm.sampleRate = 0;
        QVERIFY(!AudioLipSync::analyze(pcm, &error));
        QCOMPARE(error, QStringLiteral("the audio has no sample rate"));
    }
};

QTEST_GUILESS_MAIN(TestAudioLipSync)
#include "test_audio_lip_sync.moc"
