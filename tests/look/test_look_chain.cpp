// SPDX-License-Identifier: GPL-3.0-or-later
// The postprocessor_chain parser: the fifteen filters with the original's defaults, and precise errors for
// anything else (the original called whatever the chain named and died on a typo).
#include "look/filter_catalog.h"
#include "look/linear_frame.h"
#include "look/postprocessor.h"

#include <QJsonDocument>
#include <QTest>

using namespace ths::look;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

QString errorOf(const char *chain)
{
    QString error;
    const auto parsed = parseChain(json(chain), &error);
    return parsed ? QStringLiteral("(accepted)") : error;
}

} // namespace

class TestLookChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fifteenFiltersWithTheOriginalsNames()
    {
        QStringList names;
        for (const FilterSpec &s : filterCatalog())
            names << QLatin1String(s.name);
        QCOMPARE(names, (QStringList{"bloom", "chromatic_aberration", "vignetting", "translucency", "alphanoise",
                                     "lumanoise", "analog_lowres", "analog_badhsync", "analog_distort",
                                     "analog_vhsglitches", "analog_vhstracking", "shift_distort", "desaturate",
                                     "banding", "scanlines"}));
    }

    void defaultsAreTheOriginals()
    {
        QString error;
        const auto chain = parseChain(json(R"([["bloom"], ["analog_vhsglitches", {}], ["desaturate", {}],
                                               ["scanlines", {}], ["analog_distort", {}]])"), &error);
        QVERIFY2(chain, qPrintable(error));
        QCOMPARE(chain->steps.size(), size_t(5));
        QCOMPARE(chain->steps[0].number("luma_threshold"), 0.8);
        QCOMPARE(chain->steps[0].number("hdr_exposure"), 0.7);
        const FilterStep &g = chain->steps[1];
        QCOMPARE(g.number("strength"), 0.1);
        QCOMPARE(g.number("unboost"), 4.0);
        QCOMPARE(g.integer("max_glitches"), 3);
        QCOMPARE(g.integer("min_glitch_height"), 3);
        QCOMPARE(g.integer("max_glitch_height"), 6);
        QCOMPARE(g.integer("hold_min"), 1);
        QCOMPARE(g.integer("hold_max"), 3);
        QCOMPARE(g.text("name"), QStringLiteral("analog_vhsglitches0"));
        QCOMPARE(chain->steps[2].rgb("tint_rgb"), (std::array<double, 3>{1, 1, 1}));
        QCOMPARE(chain->steps[2].rgb("bandpass_reference_rgb"), (std::array<double, 3>{1, 0, 0}));
        QCOMPARE(chain->steps[3].flag("dynamic"), true);
        QCOMPARE(chain->steps[3].text("channel"), QStringLiteral("Y"));
        QCOMPARE(chain->steps[4].text("edge"), QStringLiteral("top"));
        QCOMPARE(chain->steps[4].number("ripple_density3"), 27.0);
        // Round trip through JSON gives the same steps.
        QJsonArray back;
        for (const FilterStep &s : chain->steps)
            back.append(stepToJson(s));
        const auto again = parseChain(back, &error);
        QVERIFY2(again, qPrintable(error));
        for (size_t i = 0; i < chain->steps.size(); ++i)
            QCOMPARE(stepToJson(again->steps[i]), stepToJson(chain->steps[i]));
    }

    void theReadmeExamplesParse()
    {
        for (const char *chain : {
                 R"([["bloom",{}],["lumanoise",{"magnitude":0.1,"sigma":0.0}],["banding",{}],["scanlines",{"dynamic":true,"channel":"A"}]])",
                 R"([["chromatic_aberration",{}],["vignetting",{}],["desaturate",{"tint_rgb":[1.0,0.5,0.2]}],["banding",{}],["scanlines",{"dynamic":false,"channel":"A"}]])",
                 R"([["bloom",{}],["analog_lowres",{}],["lumanoise",{"magnitude":0.3,"sigma":2.0}],["analog_badhsync",{}],["analog_vhsglitches",{"unboost":1.0}],["analog_vhstracking",{}],["banding",{}],["scanlines",{"dynamic":true,"channel":"A"}]])"})
            QCOMPARE(errorOf(chain), QStringLiteral("(accepted)"));
    }

    void errorsNameTheElementAndField_data()
    {
        QTest::addColumn<QString>("chain");
        QTest::addColumn<QString>("error");
        QTest::newRow("the issue's example") << R"([["bloom",{}],["banding",{}],["vignetting",{"strength":1.5}]])"
            << "postprocessor_chain[2].strength: expected a number in [0, 1], got 1.5";
        QTest::newRow("unknown filter") << R"([["no_such_filter",{}]])"
            << "postprocessor_chain[0][0]: unknown filter \"no_such_filter\"; expected one of bloom, chromatic_aberration, "
               "vignetting, translucency, alphanoise, lumanoise, analog_lowres, analog_badhsync, analog_distort, "
               "analog_vhsglitches, analog_vhstracking, shift_distort, desaturate, banding, scanlines";
        QTest::newRow("unknown parameter") << R"([["bloom",{"strength":1}]])"
            << "postprocessor_chain[0].strength: bloom has no such parameter; expected one of luma_threshold, hdr_exposure";
        QTest::newRow("bool for a number") << R"([["translucency",{"alpha":true}]])"
            << "postprocessor_chain[0].alpha: expected a number in [0, 1], got a boolean";
        QTest::newRow("string for a number") << R"([["bloom",{"hdr_exposure":"0.7"}]])"
            << "postprocessor_chain[0].hdr_exposure: expected a number in [0, 100], got a string";
        QTest::newRow("number for a flag") << R"([["scanlines",{"dynamic":1}]])"
            << "postprocessor_chain[0].dynamic: expected true or false, got 1";
        QTest::newRow("unknown choice") << R"([["scanlines",{"channel":"R"}]])"
            << "postprocessor_chain[0].channel: expected one of \"Y\", \"A\", got a string";
        QTest::newRow("fractional integer") << R"([["analog_vhsglitches",{"max_glitches":2.5}]])"
            << "postprocessor_chain[0].max_glitches: expected an integer in [0, 100], got 2.5";
        QTest::newRow("even kernel") << R"([["analog_lowres",{"kernel_size":4}]])"
            << "postprocessor_chain[0].kernel_size: expected an odd integer in [1, 31], got 4";
        QTest::newRow("short colour") << R"([["desaturate",{"tint_rgb":[1,0.5]}]])"
            << "postprocessor_chain[0].tint_rgb: expected [r, g, b], each a number in [0, 1], got an array";
        QTest::newRow("null where not allowed") << R"([["analog_badhsync",{"amplitude1":null}]])"
            << "postprocessor_chain[0].amplitude1: expected a number in [-1, 1], got null";
        QTest::newRow("empty name") << R"([["alphanoise",{"name":""}]])"
            << "postprocessor_chain[0].name: expected a non-empty string, got a string";
        QTest::newRow("inverted heights") << R"([["shift_distort",{"min_glitch_height":10,"max_glitch_height":5}]])"
            << "postprocessor_chain[0].max_glitch_height: expected at least min_glitch_height (10), got 5";
        QTest::newRow("inverted hold") << R"([["analog_vhsglitches",{"hold_min":4}]])"
            << "postprocessor_chain[0].hold_max: expected at least hold_min (4), got 3";
        QTest::newRow("not a list") << R"({"bloom":{}})"
            << "postprocessor_chain: expected a list of [filter_name, {param: value}], got an object";
        QTest::newRow("bare name") << R"(["bloom"])"
            << "postprocessor_chain[0]: expected [filter_name, {param: value}], got a string";
        QTest::newRow("three items") << R"([["bloom",{},{}]])"
            << "postprocessor_chain[0]: expected [filter_name, {param: value}], got a list of 3 items";
        QTest::newRow("params not an object") << R"([["bloom",[]]])"
            << "postprocessor_chain[0][1]: expected the filter's parameters as an object, got an array";
        QTest::newRow("name not a string") << R"([[3,{}]])"
            << "postprocessor_chain[0][0]: expected a filter name (a string), got a number";
    }

    void errorsNameTheElementAndField()
    {
        QFETCH(QString, chain);
        QFETCH(QString, error);
        QCOMPARE(errorOf(chain.toUtf8().constData()), error);
    }

    void nullSwitchesAWaveOff()
    {
        QString error;
        const auto chain = parseChain(json(R"([["analog_badhsync",{"amplitude2":null,"density3":null}]])"), &error);
        QVERIFY2(chain, qPrintable(error));
        QCOMPARE(chain->steps[0].number("amplitude2"), 0.0);
        QCOMPARE(chain->steps[0].number("density3"), 0.0);
    }

    void srgbRoundTripIsExact()
    {
        for (int v = 0; v < 256; ++v)
            QCOMPARE(int(linearToSrgb(srgbToLinear((unsigned char)v))), v);
        QCOMPARE(int(linearToSrgb(-1.0f)), 0);
        QCOMPARE(int(linearToSrgb(2.0f)), 255);
    }

    void anEmptyChainLeavesTheFrameAlone()
    {
        QImage image(8, 8, QImage::Format_RGBA8888);
        image.fill(QColor(10, 200, 30, 128));
        Postprocessor post(1);
        const QImage out = post.apply(image, 1.0);
        QCOMPARE(out.cacheKey(), image.cacheKey());
        // A static filter with no effect (full translucency) changes no pixel in 8 bits either.
        QString error;
        post.setChain(*parseChain(json(R"([["translucency",{"alpha":1}]])"), &error));
        QCOMPARE(post.apply(image, 1.0), image);
    }
};

QTEST_GUILESS_MAIN(TestLookChain)
#include "test_look_chain.moc"
