// SPDX-License-Identifier: GPL-3.0-or-later
// Image import and validation: every issue code from an image painted here, the pixel rules (alpha-0 colour,
// premultiplied resizing, centre crop), decode failures, the JSON report, the overlay, fixed copies and the
// check-image command, on real files in a temporary directory.
#include "image/image_import.h"
#include "support/drawn_character.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPainterPath>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <functional>

using namespace ths;
using ths::test::character;
using ths::test::filled;
using ths::test::shifted;

namespace {

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality))
        qFatal("cannot encode a test image as %s", format);
    return bytes;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A two-frame 2×2 GIF, written by hand because Qt cannot write GIFs. The LZW stream sends a clear code before every
// pixel, so each code is a literal of 3 bits and the dictionary never grows.
QByteArray twoFrameGif()
{
    QByteArray gif("GIF89a");
    const auto le16 = [&gif](int v) { gif.append(char(v & 0xff)).append(char(v >> 8)); };
    le16(2);
    le16(2);
    gif.append(char(0x81)).append(char(0)).append(char(0)); // global table of 4 colours, background 0
    gif.append(QByteArray::fromHex("000000ff0000" "00ff000000ff"));
    for (int frame = 0; frame < 2; ++frame) {
        gif.append(QByteArray::fromHex("21f9040500000000")); // graphic control: transparent index 0, delay 0
        gif.append(char(0x2c));
        le16(0), le16(0), le16(2), le16(2);
        gif.append(char(0));
        gif.append(char(2)); // LZW minimum code size
        const int clear = 4, end = 5;
        QList<int> codes;
        for (int pixel : {1 + frame, 0, 2, 3 - frame})
            codes << clear << pixel;
        codes << end;
        QByteArray data;
        quint32 bits = 0;
        int count = 0;
        for (int code : codes) {
            bits |= quint32(code) << count;
            count += 3;
            while (count >= 8) {
                data.append(char(bits & 0xff));
                bits >>= 8;
                count -= 8;
            }
        }
        if (count > 0)
            data.append(char(bits & 0xff));
        gif.append(char(data.size())).append(data).append(char(0));
    }
    gif.append(char(0x3b));
    return gif;
}

// The start of a PNG that declares `side`×`side` RGBA pixels; Qt checks the size against its allocation limit
// before it inflates anything, so no pixel data is needed.
QByteArray pngHeaderOnly(quint32 side)
{
    const auto crc32 = [](const QByteArray &bytes) {
        quint32 crc = 0xffffffffu;
        for (char c : bytes) {
            crc ^= quint8(c);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    };
    const auto be32 = [](quint32 v) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        return QByteArray(bytes, 4);
    };
    const auto chunk = [&](const QByteArray &type, const QByteArray &data) {
        return be32(quint32(data.size())) + type + data + be32(crc32(type + data));
    };
    return QByteArray("\x89PNG\r\n\x1a\n", 8)
           + chunk("IHDR", be32(side) + be32(side) + QByteArray::fromHex("0806000000"))
           + chunk("IDAT", QByteArray::fromHex("789c")) + chunk("IEND", {});
}

QStringList codesOf(const ImageImportReport &report)
{
    return report.codes();
}

} // namespace

Q_DECLARE_METATYPE(ImageIssueSeverity)

class TestImageImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString savePng(const QImage &image, const QString &name) const
    {
        const QString p = path(name);
        if (!image.save(p, "png"))
            qFatal("cannot write %s", qPrintable(p));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void validCharacterHasNoIssues()
    {
        const ImportedImage imported = importImage(character());
        QVERIFY2(imported.report.issues().isEmpty(), qPrintable(codesOf(imported.report).join(", ")));
        QVERIFY(imported.report.ok());
        QCOMPARE(imported.image.size(), QSize(512, 512));
        QCOMPARE(imported.image.format(), QImage::Format_RGBA8888);
        // The ahoge reaches row 30 but the head top is where the head is wide.
        const int headTop = imported.report.measurements().value(QStringLiteral("headTop")).toInt();
        QVERIFY2(headTop >= 66 && headTop <= 70, qPrintable(QString::number(headTop)));
        QCOMPARE(imported.report.summary(), QStringLiteral("OK"));
        // A 512×512 image is used as is: every pixel identical (none has colour under alpha 0).
        QCOMPARE(imported.image, character().convertToFormat(QImage::Format_RGBA8888));
    }

    void validCharacterFiles_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QByteArray("png");
        QTest::newRow("16-bit png") << QByteArray("png16");
        QTest::newRow("webp lossless") << QByteArray("webp");
        QTest::newRow("tiff") << QByteArray("tiff");
    }
    void validCharacterFiles()
    {
        QFETCH(QByteArray, format);
        QImage image = character();
        if (format == "png16") {
            image.convertTo(QImage::Format_RGBA64);
            format = "png";
        }
        if (!QImageReader::supportedImageFormats().contains(format))
            QSKIP("this Qt has no plugin for the format");
        // The name says nothing: the format is sniffed from the content.
        const QString file = path(QStringLiteral("valid-%1.img").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFile(file, encode(image, format.constData(), 100)));
        const QByteArray before = readAll(file);
        const QDateTime modified = QFileInfo(file).lastModified();

        const ImportedImage imported = importImageFile(file);
        // Lossless WebP may store any colour under alpha 0, which the importer clears (an info, not a warning).
        QVERIFY2(imported.report.ok() && imported.report.count(ImageIssueSeverity::Warning) == 0,
                 qPrintable(codesOf(imported.report).join(", ")));
        QCOMPARE(imported.report.source(), file);
        QCOMPARE(imported.report.measurements().value(QStringLiteral("format")).toString(),
                 QString::fromLatin1(format));
        QCOMPARE(imported.image, character().convertToFormat(QImage::Format_RGBA8888));
        // The importer never touches the user's file.
        QCOMPARE(readAll(file), before);
        QCOMPARE(QFileInfo(file).lastModified(), modified);
    }

    // Every error and warning code, from an image made to trigger it, as an in-memory QImage and as a PNG file.
    void issueCodes_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<QString>("code");
        QTest::addColumn<ImageIssueSeverity>("severity");
        QTest::addColumn<QStringList>("absent"); // codes that must not come with it

        const auto E = ImageIssueSeverity::Error, W = ImageIssueSeverity::Warning, I = ImageIssueSeverity::Info;
        QImage opaqueCharacter = filled({512, 512}, Qt::white, QImage::Format_RGB32);
        QPainter(&opaqueCharacter).drawImage(0, 0, character());
        QTest::newRow("no alpha channel") << opaqueCharacter << "missing-alpha" << E << QStringList{"no-transparency"};
        QTest::newRow("fully transparent") << filled({512, 512}, Qt::transparent) << "fully-transparent" << E
                                           << QStringList{"head-box-empty"};
        QImage allOpaque = filled({512, 512}, Qt::white);
        QPainter(&allOpaque).drawImage(0, 0, character());
        QTest::newRow("alpha but all opaque") << allOpaque << "no-transparency" << W
                                              << QStringList{"opaque-border", "head-outside-box"};
        // A background was left in except for a transparent patch beside the character.
        QImage background = character();
        {
            QPainter p(&background);
            p.setCompositionMode(QPainter::CompositionMode_DestinationOver);
            p.fillRect(background.rect(), QColor(200, 230, 200));
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.fillRect(QRect(20, 20, 100, 100), Qt::transparent);
        }
        QTest::newRow("opaque background") << background << "opaque-border" << W << QStringList{};
        QTest::newRow("head too high") << shifted(0, -40) << "head-outside-box" << W << QStringList{};
        QTest::newRow("head too low") << shifted(0, 60) << "head-outside-box" << W << QStringList{};
        QTest::newRow("off-centre") << shifted(-200, 0) << "head-box-empty" << W << QStringList{"head-outside-box"};
        // Something thin stands in the box's columns at the right height, but the head is elsewhere.
        QImage pole = shifted(200, 0);
        QPainter(&pole).fillRect(QRect(246, 70, 20, 442), Qt::black);
        QTest::newRow("box nearly empty") << pole << "head-box-empty" << W << QStringList{"head-outside-box"};
        QTest::newRow("not square") << character({512, 768}, QTransform::fromTranslate(0, 128)) << "cropped" << W
                                    << QStringList{"resized", "head-outside-box"};
        QTest::newRow("larger") << character({1024, 1024}, QTransform::fromScale(2, 2)) << "resized" << W
                                << QStringList{"cropped", "low-resolution", "head-outside-box", "head-box-empty"};
        QTest::newRow("smaller") << character({300, 300}, QTransform::fromScale(300 / 512.0, 300 / 512.0))
                                 << "resized" << W << QStringList{"low-resolution", "head-outside-box"};
        QTest::newRow("tiny") << character({200, 200}, QTransform::fromScale(200 / 512.0, 200 / 512.0))
                              << "low-resolution" << W << QStringList{"head-outside-box", "head-box-empty"};
        QImage hidden = character();
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x)
                hidden.setPixel(x, y, qRgba(255, 0, 0, 0));
        QTest::newRow("colour under alpha 0") << hidden << "hidden-colour-cleared" << I << QStringList{};
    }
    void issueCodes()
    {
        QFETCH(QImage, image);
        QFETCH(QString, code);
        QFETCH(ImageIssueSeverity, severity);
        QFETCH(QStringList, absent);

        const QString file = savePng(image, QStringLiteral("issue-%1.png").arg(QTest::currentDataTag()));
        for (const ImportedImage &imported : {importImage(image, QStringLiteral("painted")), importImageFile(file)}) {
            const ImageImportReport &report = imported.report;
            const QString codes = codesOf(report).join(QStringLiteral(", "));
            const ImageIssue *issue = report.find(code);
            QVERIFY2(issue, qPrintable(QStringLiteral("%1 missing from [%2]").arg(code, codes)));
            QCOMPARE(issue->severity, severity);
            QVERIFY(!issue->message.isEmpty());
            QCOMPARE(report.ok(), severity != ImageIssueSeverity::Error);
            for (const QString &other : absent)
                QVERIFY2(!report.has(other), qPrintable(QStringLiteral("unexpected %1 in [%2]").arg(other, codes)));
            // Whatever was wrong, a decoded image comes back in the poser's format for the studio to show.
            QCOMPARE(imported.image.size(), QSize(512, 512));
            QCOMPARE(imported.image.format(), QImage::Format_RGBA8888);
        }
    }

    void headMeasurements()
    {
        const ImageImportReport high = importImage(shifted(0, -40)).report;
        const ImageIssue *issue = high.find(QStringLiteral("head-outside-box"));
        QVERIFY(issue);
        const int top = issue->details.value(QStringLiteral("headTop")).toInt();
        QVERIFY2(top >= 26 && top <= 30, qPrintable(QString::number(top)));
        QCOMPARE(issue->details.value(QStringLiteral("allowedHeadTop")).toArray(),
                 (QJsonArray{kHeadTopMin, kHeadTopMax}));
        QVERIFY(issue->message.contains(QString::number(top)));

        // The edges of the allowed band: inside at both ends, outside one row beyond. Whole-pixel shifts move the
        // antialiased drawing unchanged, so the head top moves by exactly dy.
        const int base = importImage(character()).report.measurements().value(QStringLiteral("headTop")).toInt();
        for (int top : {kHeadTopMin - 1, kHeadTopMin, kHeadTopMax, kHeadTopMax + 1}) {
            const ImageImportReport r = importImage(shifted(0, top - base)).report;
            QCOMPARE(r.measurements().value(QStringLiteral("headTop")).toInt(), top);
            QCOMPARE(r.has(QStringLiteral("head-outside-box")), top < kHeadTopMin || top > kHeadTopMax);
            QVERIFY2(!r.has(QStringLiteral("head-box-empty")), qPrintable(r.codes().join(", ")));
        }

        const ImageIssue *empty = importImage(shifted(-200, 0)).report.find(QStringLiteral("head-box-empty"));
        QVERIFY(empty);
        QCOMPARE(empty->details.value(QStringLiteral("headBox")).toObject().value(QStringLiteral("x")).toInt(), 192);
    }

    void opaqueBorderThreshold()
    {
        // The body touching the bottom edge across its whole width is a quarter of the ring: still fine.
        QImage wideBody = character();
        QPainter(&wideBody).fillRect(QRect(0, 400, 512, 112), QColor(60, 90, 200));
        const ImageImportReport r = importImage(wideBody).report;
        QVERIFY2(!r.has(QStringLiteral("opaque-border")), qPrintable(r.codes().join(", ")));
        QVERIFY(r.measurements().value(QStringLiteral("borderOpaqueFraction")).toDouble() > 0.25);
    }

    void alphaZeroColourIsCleared()
    {
        QImage image = character();
        image.setPixel(0, 0, qRgba(255, 0, 0, 0));     // hidden colour → cleared
        image.setPixel(1, 0, qRgba(0, 0, 0, 0));       // already clean
        image.setPixel(2, 0, qRgba(10, 20, 30, 1));    // almost transparent: kept exactly (straight alpha)
        image.setPixel(3, 0, qRgba(255, 255, 255, 0)); // hidden colour → cleared
        const ImportedImage imported = importImage(image);
        const auto pixel = [&](int x, int y) {
            const uchar *p = imported.image.constScanLine(y) + 4 * x;
            return QList<int>{p[0], p[1], p[2], p[3]};
        };
        QCOMPARE(pixel(0, 0), (QList<int>{0, 0, 0, 0}));
        QCOMPARE(pixel(1, 0), (QList<int>{0, 0, 0, 0}));
        QCOMPARE(pixel(2, 0), (QList<int>{10, 20, 30, 1}));
        QCOMPARE(pixel(3, 0), (QList<int>{0, 0, 0, 0}));
        QCOMPARE(pixel(256, 120), (QList<int>{240, 200, 170, 255})); // the face, untouched
        const ImageIssue *issue = imported.report.find(QStringLiteral("hidden-colour-cleared"));
        QVERIFY(issue);
        QCOMPARE(issue->details.value(QStringLiteral("pixels")).toInt(), 2);
        // No pixel anywhere keeps a colour under alpha 0.
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x)
                if (pixel(x, y)[3] == 0)
                    QVERIFY(pixel(x, y) == (QList<int>{0, 0, 0, 0}));
    }

    // Distinct colours in the parts that must be cut away and in the four quarters of the centre square prove which
    // part was kept and that it is not mirrored.
    void resizeKeepsTheCentre_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("landscape 1024×768") << QSize(1024, 768);
        QTest::newRow("portrait 768×1024") << QSize(768, 1024);
        QTest::newRow("upscale 300×400") << QSize(300, 400);
        QTest::newRow("odd 701×700") << QSize(701, 700);
    }
    void resizeKeepsTheCentre()
    {
        QFETCH(QSize, size);
        const int side = qMin(size.width(), size.height());
        const QRect centre((size.width() - side) / 2, (size.height() - side) / 2, side, side);
        const int h = side / 2;
        QImage image = filled(size, QColor(255, 0, 255)); // magenta: must not survive
        {
            QPainter p(&image);
            p.fillRect(QRect(centre.topLeft(), QSize(h, h)), QColor(255, 0, 0));
            p.fillRect(QRect(centre.topLeft() + QPoint(h, 0), QSize(side - h, h)), QColor(0, 255, 0));
            p.fillRect(QRect(centre.topLeft() + QPoint(0, h), QSize(h, side - h)), QColor(0, 0, 255));
            p.fillRect(QRect(centre.topLeft() + QPoint(h, h), QSize(side - h, side - h)), QColor(255, 255, 0));
        }
        const ImportedImage imported = importImage(image);
        QCOMPARE(imported.image.size(), QSize(512, 512));
        QCOMPARE(imported.image.format(), QImage::Format_RGBA8888);
        QCOMPARE(imported.image.pixelColor(5, 5), QColor(255, 0, 0));
        QCOMPARE(imported.image.pixelColor(506, 5), QColor(0, 255, 0));
        QCOMPARE(imported.image.pixelColor(5, 506), QColor(0, 0, 255));
        QCOMPARE(imported.image.pixelColor(506, 506), QColor(255, 255, 0));
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x) {
                const QRgb c = imported.image.pixel(x, y);
                QVERIFY2(!(qRed(c) > 128 && qBlue(c) > 128 && qGreen(c) < 128), "magenta from outside the crop");
            }

        const ImageImportReport &report = imported.report;
        QCOMPARE(report.has(QStringLiteral("cropped")), size.width() != size.height());
        const ImageIssue *resized = report.find(QStringLiteral("resized"));
        QVERIFY(resized);
        QCOMPARE(resized->details.value(QStringLiteral("fromSide")).toInt(), side);
        QCOMPARE(resized->details.value(QStringLiteral("toSide")).toInt(), 512);
        QVERIFY(resized->message.contains(QStringLiteral("%1×%2").arg(size.width()).arg(size.height())));
        if (const ImageIssue *cropped = report.find(QStringLiteral("cropped"))) {
            const QJsonObject crop = cropped->details.value(QStringLiteral("crop")).toObject();
            QCOMPARE(crop.value(QStringLiteral("x")).toInt(), centre.x());
            QCOMPARE(crop.value(QStringLiteral("y")).toInt(), centre.y());
            QCOMPARE(crop.value(QStringLiteral("side")).toInt(), side);
        }
    }

    // Scaling on straight alpha would mix the red hidden under the transparent half into the edge of the blue half.
    void resizeDoesNotBleedHiddenColour()
    {
        QImage image(1000, 1000, QImage::Format_ARGB32);
        image.fill(qRgba(255, 0, 0, 0));
        QPainter(&image).fillRect(QRect(0, 0, 501, 1000), QColor(0, 0, 255)); // the edge falls mid-pixel at 512
        // Straight alpha: the painter must not have premultiplied the hidden red away.
        QCOMPARE(qRed(image.pixel(900, 10)), 255);
        const QImage out = importImage(image).image;
        int partial = 0;
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x) {
                const uchar *p = out.constScanLine(y) + 4 * x;
                QVERIFY2(p[0] == 0 && p[1] == 0, qPrintable(QStringLiteral("red/green at %1,%2").arg(x).arg(y)));
                if (p[3] == 0)
                    QCOMPARE(p[2], uchar(0));
                else if (p[3] < 255) {
                    ++partial;
                    QCOMPARE(p[2], uchar(255)); // straight alpha: a soft edge keeps its full colour
                }
            }
        QVERIFY(partial > 0); // the scaled edge is soft, so the test looked at mixed pixels
    }

    void decodeFailures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // null: no file at all
        QTest::addColumn<QString>("code");
        const QByteArray png = encode(character(), "png");
        QTest::newRow("missing file") << "missing.png" << QByteArray() << "file-not-found";
        QTest::newRow("empty file") << "empty.png" << QByteArray("") << "empty-file";
        QTest::newRow("garbage") << "garbage.png" << QByteArray("this is not an image, only text\n").repeated(40)
                                 << "decode-failed";
        QTest::newRow("truncated png") << "truncated.png" << png.left(png.size() / 2) << "decode-failed";
        QTest::newRow("png header only") << "header.png" << png.left(40) << "decode-failed";
        QTest::newRow("too large") << "huge.png" << pngHeaderOnly(7000) << "too-large";
        QTest::newRow("directory") << "a-directory.png" << QByteArray() << "file-unreadable";
    }
    void decodeFailures()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        const QString file = path(name);
        if (code == QLatin1String("file-unreadable"))
            QVERIFY(QDir(m_dir.path()).mkpath(name));
        else if (!bytes.isNull())
            QVERIFY(writeFile(file, bytes));

        const ImportedImage imported = importImageFile(file);
        QVERIFY(imported.image.isNull());
        QVERIFY(!imported.report.ok());
        QCOMPARE(imported.report.codes(), QStringList{code});
        const ImageIssue &issue = imported.report.issues().first();
        QCOMPARE(issue.severity, ImageIssueSeverity::Error);
        QVERIFY2(issue.message.contains(file), qPrintable(issue.message)); // names the file

        if (!bytes.isNull()) { // the same bytes as an upload
            const ImportedImage uploaded = importImageData(bytes, QStringLiteral("upload.png"));
            QCOMPARE(uploaded.report.codes(), QStringList{code});
            QVERIFY(uploaded.report.issues().first().message.contains(QStringLiteral("upload.png")));
        }
    }

    void importsUploadsAndJpegs()
    {
        // An upload is sniffed from its bytes, whatever its name says; a JPEG decodes but has no alpha.
        const QByteArray jpeg = encode(character().convertToFormat(QImage::Format_RGB32), "jpeg");
        const ImportedImage fromJpeg = importImageData(jpeg, QStringLiteral("talkinghead.png"));
        QVERIFY(!fromJpeg.image.isNull());
        QCOMPARE(fromJpeg.report.codes(), QStringList{QStringLiteral("missing-alpha")});
        QCOMPARE(fromJpeg.report.measurements().value(QStringLiteral("format")).toString(), QStringLiteral("jpeg"));

        const ImportedImage fromPng = importImageData(encode(character(), "png"), QStringLiteral("talkinghead.png"));
        QVERIFY(fromPng.report.issues().isEmpty());
        QCOMPARE(fromPng.image, character().convertToFormat(QImage::Format_RGBA8888));

        const ImportedImage null = importImage(QImage());
        QCOMPARE(null.report.codes(), QStringList{QStringLiteral("decode-failed")});
        QVERIFY(null.image.isNull());
    }

    void multipleFrames()
    {
        const ImportedImage imported = importImageData(twoFrameGif(), QStringLiteral("anim.gif"));
        QVERIFY2(!imported.image.isNull(), qPrintable(imported.report.codes().join(", ")));
        const ImageIssue *issue = imported.report.find(QStringLiteral("multiple-frames"));
        QVERIFY2(issue, qPrintable(imported.report.codes().join(", ")));
        QCOMPARE(issue->severity, ImageIssueSeverity::Info);
        QCOMPARE(issue->details.value(QStringLiteral("frames")).toInt(), 2);
        // The first frame is the one used: its top-left pixel is palette entry 1 (red).
        QCOMPARE(imported.image.pixelColor(0, 0), QColor(255, 0, 0));
    }

    void jsonRoundTrip()
    {
        QImage image = shifted(0, 60).convertToFormat(QImage::Format_RGB32).scaled(600, 512);
        const ImageImportReport report = importImage(image, QStringLiteral("x.png")).report;
        QCOMPARE(report.codes(), (QStringList{QStringLiteral("missing-alpha"), QStringLiteral("cropped")}));
        const QByteArray bytes = QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact);
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(bytes, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("errors")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("source")).toString(), QStringLiteral("x.png"));
        QStringList codes;
        for (const QJsonValue &v : json.value(QStringLiteral("issues")).toArray())
            codes << v.toObject().value(QStringLiteral("code")).toString();
        QCOMPARE(codes, report.codes());
        QCOMPARE(json.value(QStringLiteral("issues")).toArray().first().toObject().value("severity").toString(),
                 QStringLiteral("error"));

        QString error;
        const auto back = ImageImportReport::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->codes(), report.codes());
        QCOMPARE(back->ok(), false);
        QCOMPARE(back->source(), report.source());
        QCOMPARE(back->measurements(), report.measurements());
        for (qsizetype i = 0; i < report.issues().size(); ++i) {
            QCOMPARE(back->issues().at(i).severity, report.issues().at(i).severity);
            QCOMPARE(back->issues().at(i).message, report.issues().at(i).message);
            QCOMPARE(back->issues().at(i).details, report.issues().at(i).details);
        }
        QCOMPARE(back->toJson(), report.toJson());
    }

    void jsonRejectsOtherShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no issues") << QByteArray(R"({"ok": true})") << "\"issues\" must be an array";
        QTest::newRow("bad severity") << QByteArray(R"({"issues": [{"severity": "fatal", "code": "x", "message": ""}]})")
                                      << "issues[0]";
        QTest::newRow("no code") << QByteArray(R"({"issues": [{"severity": "info", "message": "m"}, 3]})")
                                 << "issues[0]";
        QTest::newRow("not an object") << QByteArray(R"({"issues": [3]})") << "issues[0]";
    }
    void jsonRejectsOtherShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!ImageImportReport::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void overlay()
    {
        const QImage image = importImage(character()).image;
        const QImage layer = importOverlay(image);
        QCOMPARE(layer.size(), QSize(512, 512));
        QVERIFY(importOverlay(QImage(256, 256, QImage::Format_ARGB32)).isNull());
        const QColor tint = layer.pixelColor(20, 20); // transparent background: tinted blue
        QVERIFY(tint.alpha() > 0 && tint.blue() > tint.red());
        QCOMPARE(layer.pixelColor(256, 140).alpha(), 0);             // inside the face: left alone
        QCOMPARE(layer.pixelColor(256, 400).alpha(), 0);             // the body: left alone
        QCOMPARE(layer.pixelColor(192, 128), QColor(255, 140, 0)); // the box's left edge
        QCOMPARE(layer.pixelColor(319, 128), QColor(255, 140, 0)); // and its right edge
        QCOMPARE(layer.pixelColor(250, 191), QColor(255, 140, 0)); // and its bottom
        const int headTop = importImage(image).report.measurements().value(QStringLiteral("headTop")).toInt();
        QCOMPARE(layer.pixelColor(230, headTop), QColor(0, 200, 70));  // the head top, inside the allowed rows
        const QImage high = importOverlay(importImage(shifted(0, -40)).image);
        QCOMPARE(high.pixelColor(230, headTop - 40), QColor(230, 20, 20)); // outside them
    }

    void savesFixedCopiesWithoutClobbering()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("my.char.png"));
        QImage big = character({1024, 1024}, QTransform::fromScale(2, 2));
        big.setPixel(0, 0, qRgba(255, 0, 0, 0));
        QVERIFY(big.save(original, "png"));
        const QByteArray originalBytes = readAll(original);
        // Someone already has a file by the first name.
        const QString taken = dir.filePath(QStringLiteral("my.char.fixed.png"));
        QVERIFY(writeFile(taken, "not mine to overwrite"));

        const ImportedImage imported = importImageFile(original);
        QVERIFY(imported.report.has(QStringLiteral("resized")));
        QString error;
        const auto first = saveFixedCopy(original, imported.image, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(*first, dir.filePath(QStringLiteral("my.char.fixed-2.png")));
        const auto second = saveFixedCopy(original, imported.image, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(*second, dir.filePath(QStringLiteral("my.char.fixed-3.png")));
        QCOMPARE(readAll(taken), QByteArray("not mine to overwrite"));
        QCOMPARE(readAll(original), originalBytes);

        // The fixed copy is the poser's input exactly and needs no more fixing.
        const ImportedImage again = importImageFile(*first);
        QVERIFY2(again.report.issues().isEmpty(), qPrintable(again.report.codes().join(", ")));
        QCOMPARE(again.image, imported.image);

        QVERIFY(!saveFixedCopy(dir.filePath(QStringLiteral("no/such/dir/x.png")), imported.image, &error));
        QVERIFY2(error.contains(QStringLiteral("no/such/dir")), qPrintable(error));
        QVERIFY(!saveFixedCopy(original, QImage(), &error));
        QVERIFY(!error.isEmpty());
    }

    void realExampleCharacter()
    {
        const QString file = QStringLiteral(THS_IMAGES_DIR "/lambda_00.png");
        if (!QFileInfo::exists(file))
            QSKIP("images/lambda_00.png is not installed (run the set-up script)");
        const ImportedImage imported = importImageFile(file);
        QVERIFY2(imported.report.ok(), qPrintable(imported.report.codes().join(", ")));
        QCOMPARE(imported.report.count(ImageIssueSeverity::Warning), 0);
        QCOMPARE(imported.image.size(), QSize(512, 512));
    }
};

QTEST_GUILESS_MAIN(TestImageImport)
#include "test_image_import.moc"
