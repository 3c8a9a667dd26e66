// SPDX-License-Identifier: GPL-3.0-or-later
#include "image/image_import.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ths {

namespace {

// A pixel counts as part of the character from this alpha on. Anti-aliased fringes and soft shadows stay below it,
// so they neither move the measured head top nor make a border look opaque.
constexpr int kOpaqueAlpha = 128;
// Below this short side the image is enlarged more than 2×, which visibly blurs the face the networks must read.
constexpr int kLowResolutionSide = 256;
// More than this share of the outermost pixel ring opaque means a background was left in. The bottom edge alone
// can be half opaque on a proper character (THA3 cuts the body there), which is a quarter of the ring at most.
constexpr double kOpaqueBorderFraction = 0.5;
// Rows where fewer pixels than this are opaque in the head box's columns are a stray strand or an ahoge, not the
// top of the head (the example character lambda_00 has a 4–11 px wide ahoge from row 46; its hair starts at row 65).
constexpr int kHeadRowMinWidth = 16;
// A head in the box covers most of it (face plus hair); below this share the box holds at most a stray strand.
constexpr double kMinHeadBoxFill = 0.2;

QString displayName(const QString &source)
{
    if (source.isEmpty())
        return QCoreApplication::translate("ImageImport", "the image");
    return QStringLiteral("“%1”").arg(source);
}

QJsonObject sizeObject(int width, int height)
{
    return {{QStringLiteral("width"), width}, {QStringLiteral("height"), height}};
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Sets RGB to 0 wherever alpha is 0, as THA3 expects; returns how many such pixels had a colour.
int clearHiddenColour(QImage &rgba8888)
{
    int cleared = 0;
    for (int y = 0; y < rgba8888.height(); ++y) {
        uchar *p = rgba8888.scanLine(y);
        for (int x = 0; x < rgba8888.width(); ++x, p += 4) {
            if (p[3] == 0 && (p[0] | p[1] | p[2])) {
                p[0] = p[1] = p[2] = 0;
                ++cleared;
            }
        }
    }
    return cleared;
}

inline int alphaAt(const QImage &rgba8888, int x, int y)
{
    return rgba8888.constScanLine(y)[4 * x + 3];
}

// First row with at least kHeadRowMinWidth opaque pixels in the head box's columns, or -1.
int measureHeadTop(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        int opaque = 0;
        for (int x = kHeadBox.left(); x <= kHeadBox.right(); ++x)
            opaque += alphaAt(image, x, y) >= kOpaqueAlpha;
        if (opaque >= kHeadRowMinWidth)
            return y;
    }
    return -1;
}

// Scales on premultiplied alpha so that the colour hidden under transparent pixels cannot bleed into the edge of the
// character; 16 bits per channel so that faint edge pixels keep their colour through the round trip.
QImage scaleToPoserSize(const QImage &straight)
{
    const QImage premultiplied = straight.convertToFormat(QImage::Format_RGBA64_Premultiplied);
    QImage scaled = premultiplied.scaled(kPoserImageSize, kPoserImageSize, Qt::IgnoreAspectRatio,
                                         Qt::SmoothTransformation);
    scaled.convertTo(QImage::Format_RGBA8888);
    return scaled;
}

void checkAlpha(const QImage &image, ImageImportReport &report)
{
    const int size = kPoserImageSize;
    qint64 transparent = 0, opaque = 0, partial = 0;
    for (int y = 0; y < size; ++y) {
        const uchar *p = image.constScanLine(y);
        for (int x = 0; x < size; ++x, p += 4) {
            transparent += p[3] == 0;
            opaque += p[3] >= kOpaqueAlpha;
            partial += p[3] != 255;
        }
    }
    const double pixels = double(size) * size;
    report.setMeasurement(QStringLiteral("transparentFraction"), roundTo(transparent / pixels, 4));
    report.setMeasurement(QStringLiteral("opaqueFraction"), roundTo(opaque / pixels, 4));

    if (transparent == qint64(pixels)) {
        report.add(ImageIssueSeverity::Error, QStringLiteral("fully-transparent"),
                   QCoreApplication::translate(
                       "ImageImport", "Every pixel is fully transparent, so there is no character to animate. Check "
                                      "that the export kept the character layer."));
        return;
    }
    if (partial == 0) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("no-transparency"),
                   QCoreApplication::translate(
                       "ImageImport", "The image has an alpha channel but no transparent pixels. THA3 needs the "
                                      "background removed (transparent), otherwise the background is animated as part "
                                      "of the character."));
        return; // the border and head checks below would only repeat this
    }

    qint64 ringOpaque = 0;
    for (int i = 0; i < size; ++i) {
        ringOpaque += alphaAt(image, i, 0) >= kOpaqueAlpha;
        ringOpaque += alphaAt(image, i, size - 1) >= kOpaqueAlpha;
    }
    for (int i = 1; i < size - 1; ++i) {
        ringOpaque += alphaAt(image, 0, i) >= kOpaqueAlpha;
        ringOpaque += alphaAt(image, size - 1, i) >= kOpaqueAlpha;
    }
    const double ringFraction = ringOpaque / double(4 * (size - 1));
    report.setMeasurement(QStringLiteral("borderOpaqueFraction"), roundTo(ringFraction, 4));
    if (ringFraction > kOpaqueBorderFraction) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("opaque-border"),
                   QCoreApplication::translate(
                       "ImageImport", "%1% of the pixels along the edge of the image are opaque: the background does "
                                      "not seem to be transparent. Remove it so that only the character is left.")
                       .arg(qRound(ringFraction * 100)),
                   {{QStringLiteral("borderOpaqueFraction"), roundTo(ringFraction, 4)},
                    {QStringLiteral("limit"), kOpaqueBorderFraction}});
    }

    const int headTop = measureHeadTop(image);
    report.setMeasurement(QStringLiteral("headTop"), headTop >= 0 ? QJsonValue(headTop) : QJsonValue());
    qint64 boxOpaque = 0;
    for (int y = kHeadBox.top(); y <= kHeadBox.bottom(); ++y)
        for (int x = kHeadBox.left(); x <= kHeadBox.right(); ++x)
            boxOpaque += alphaAt(image, x, y) >= kOpaqueAlpha;
    const double boxFill = boxOpaque / double(kHeadBox.width() * kHeadBox.height());
    report.setMeasurement(QStringLiteral("headBoxFill"), roundTo(boxFill, 4));

    const QJsonObject box{{QStringLiteral("x"), kHeadBox.x()},
                          {QStringLiteral("y"), kHeadBox.y()},
                          {QStringLiteral("width"), kHeadBox.width()},
                          {QStringLiteral("height"), kHeadBox.height()}};
    if (headTop < 0) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("head-box-empty"),
                   QCoreApplication::translate(
                       "ImageImport", "The character barely reaches columns %1–%2, where THA3 expects the head. "
                                      "Centre it horizontally with its head in the box x %1–%2, y %3–%4.")
                       .arg(kHeadBox.left()).arg(kHeadBox.right() + 1).arg(kHeadBox.top()).arg(kHeadBox.bottom() + 1),
                   {{QStringLiteral("headBox"), box}, {QStringLiteral("headBoxFill"), roundTo(boxFill, 4)}});
        return;
    }
    if (headTop < kHeadTopMin || headTop > kHeadTopMax) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("head-outside-box"),
                   (headTop < kHeadTopMin
                        ? QCoreApplication::translate(
                            "ImageImport", "The top of the head is at row %1, higher than THA3 expects (rows %2–%3): "
                                           "the head is probably too large or too high. Scale the character down or "
                                           "move it lower so the head fits the box x %4–%5, y %6–%7.")
                        : QCoreApplication::translate(
                            "ImageImport", "The top of the head is at row %1, lower than THA3 expects (rows %2–%3): "
                                           "the character is probably too small or too low, and its mouth may fall "
                                           "outside the area that THA3 animates. Scale it up or move it higher so "
                                           "the head fits the box x %4–%5, y %6–%7."))
                       .arg(headTop).arg(kHeadTopMin).arg(kHeadTopMax).arg(kHeadBox.left())
                       .arg(kHeadBox.right() + 1).arg(kHeadBox.top()).arg(kHeadBox.bottom() + 1),
                   {{QStringLiteral("headTop"), headTop},
                    {QStringLiteral("allowedHeadTop"), QJsonArray{kHeadTopMin, kHeadTopMax}},
                    {QStringLiteral("headBox"), box}});
    }
    if (headTop <= kHeadTopMax && boxFill < kMinHeadBoxFill) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("head-box-empty"),
                   QCoreApplication::translate(
                       "ImageImport", "Only %1% of the head box (x %2–%3, y %4–%5) is opaque: the head does not seem "
                                      "to be in it. The character may be off-centre or too small.")
                       .arg(qRound(boxFill * 100)).arg(kHeadBox.left()).arg(kHeadBox.right() + 1)
                       .arg(kHeadBox.top()).arg(kHeadBox.bottom() + 1),
                   {{QStringLiteral("headBox"), box},
                    {QStringLiteral("headBoxFill"), roundTo(boxFill, 4)},
                    {QStringLiteral("limit"), kMinHeadBoxFill}});
    }
}

ImportedImage decodeFrom(QImageReader &reader, const QString &source)
{
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true); // photos and some exports rely on EXIF orientation
    // Asked before reading: some handlers only answer while the device is still at the start.
    const QByteArray format = reader.format();
    const int frames = reader.imageCount();
    // From the header; invalid when the format does not say.
    const QSize declaredSize = reader.size();
    const QImage::Format declaredFormat = reader.imageFormat();
    const int bytesPerPixel = declaredFormat == QImage::Format_Invalid
                                  ? 4 : std::max(1, int(QImage::toPixelFormat(declaredFormat).bitsPerPixel()) / 8);
    QImage decoded;
    if (!reader.read(&decoded) || decoded.isNull()) {
        ImportedImage result;
        result.report.setSource(source);
        // Qt refuses images above its allocation limit (a guard against decompression bombs in uploads); say so
        // rather than passing on its generic "Unable to read image data".
        const int limitMiB = QImageReader::allocationLimit();
        if (declaredSize.isValid() && limitMiB > 0
            && qint64(declaredSize.width()) * declaredSize.height() * bytesPerPixel > qint64(limitMiB) * 1024 * 1024) {
            result.report.add(ImageIssueSeverity::Error, QStringLiteral("too-large"),
                              QCoreApplication::translate(
                                  "ImageImport", "%1 is %2×%3 pixels, too large to decode (limit %4 MiB of pixel "
                                                 "data). Scale it down to about 1024×1024 first.")
                                  .arg(displayName(source)).arg(declaredSize.width()).arg(declaredSize.height())
                                  .arg(limitMiB),
                              {{QStringLiteral("size"), sizeObject(declaredSize.width(), declaredSize.height())},
                               {QStringLiteral("limitMiB"), limitMiB}});
            return result;
        }
        const QStringList formats = [] {
            QStringList names;
            for (const QByteArray &f : QImageReader::supportedImageFormats())
                names << QString::fromLatin1(f);
            return names;
        }();
        result.report.add(ImageIssueSeverity::Error, QStringLiteral("decode-failed"),
                          QCoreApplication::translate(
                              "ImageImport", "Cannot decode %1 as an image (%2). Save it as a PNG with transparency.")
                              .arg(displayName(source), reader.errorString()),
                          {{QStringLiteral("reason"), reader.errorString()},
                           {QStringLiteral("supportedFormats"), QJsonArray::fromStringList(formats)}});
        return result;
    }
    ImportedImage result = importImage(decoded, source);
    result.report.setMeasurement(QStringLiteral("format"), QString::fromLatin1(format));
    if (frames > 1) {
        result.report.add(ImageIssueSeverity::Info, QStringLiteral("multiple-frames"),
                          QCoreApplication::translate(
                              "ImageImport", "The file holds %1 frames; only the first one is used.").arg(frames),
                          {{QStringLiteral("frames"), frames}});
    }
    return result;
}

ImportedImage errorResult(const QString &source, const QString &code, const QString &message,
                          const QJsonObject &details = {})
{
    ImportedImage result;
    result.report.setSource(source);
    result.report.add(ImageIssueSeverity::Error, code, message, details);
    return result;
}

std::optional<ImageIssueSeverity> severityFromName(const QString &name)
{
    for (auto s : {ImageIssueSeverity::Error, ImageIssueSeverity::Warning, ImageIssueSeverity::Info})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace

QString severityName(ImageIssueSeverity severity)
{
    switch (severity) {
    case ImageIssueSeverity::Error:
        return QStringLiteral("error");
    case ImageIssueSeverity::Warning:
        return QStringLiteral("warning");
    case ImageIssueSeverity::Info:
        break;
    }
    return QStringLiteral("info");
}

// ---- ImageImportReport -------------------------------------------------------------------------------------------

void ImageImportReport::add(ImageIssueSeverity severity, const QString &code, const QString &message,
                            const QJsonObject &details)
{
    m_issues.append({severity, code, message, details});
}

bool ImageImportReport::ok() const
{
    return count(ImageIssueSeverity::Error) == 0;
}

bool ImageImportReport::has(const QString &code) const
{
    return find(code) != nullptr;
}

const ImageIssue *ImageImportReport::find(const QString &code) const
{
    for (const ImageIssue &issue : m_issues)
        if (issue.code == code)
            return &issue;
    return nullptr;
}

QStringList ImageImportReport::codes() const
{
    QStringList result;
    for (const ImageIssue &issue : m_issues)
        result << issue.code;
    return result;
}

int ImageImportReport::count(ImageIssueSeverity severity) const
{
    return int(std::count_if(m_issues.cbegin(), m_issues.cend(),
                             [severity](const ImageIssue &issue) { return issue.severity == severity; }));
}

QString ImageImportReport::summary() const
{
    const int errors = count(ImageIssueSeverity::Error);
    const int warnings = count(ImageIssueSeverity::Warning);
    if (errors > 0)
        return QCoreApplication::translate(
            "ImageImport", "not usable — errors: %1, warnings: %2").arg(errors).arg(warnings);
    if (warnings > 0)
        return QCoreApplication::translate("ImageImport", "usable — warnings: %1").arg(warnings);
    return QCoreApplication::translate("ImageImport", "OK");
}

QJsonObject ImageImportReport::toJson() const
{
    QJsonArray issues;
    for (const ImageIssue &issue : m_issues) {
        QJsonObject o{{QStringLiteral("severity"), severityName(issue.severity)},
                      {QStringLiteral("code"), issue.code},
                      {QStringLiteral("message"), issue.message}};
        if (!issue.details.isEmpty())
            o.insert(QStringLiteral("details"), issue.details);
        issues.append(o);
    }
    return {{QStringLiteral("ok"), ok()},
            {QStringLiteral("source"), m_source},
            {QStringLiteral("errors"), count(ImageIssueSeverity::Error)},
            {QStringLiteral("warnings"), count(ImageIssueSeverity::Warning)},
            {QStringLiteral("issues"), issues},
            {QStringLiteral("measurements"), m_measurements}};
}

std::optional<ImageImportReport> ImageImportReport::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<ImageImportReport> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!json.value(QStringLiteral("issues")).isArray())
        return fail(QStringLiteral("image report: \"issues\" must be an array"));
    ImageImportReport report;
    report.m_source = json.value(QStringLiteral("source")).toString();
    report.m_measurements = json.value(QStringLiteral("measurements")).toObject();
    const QJsonArray issues = json.value(QStringLiteral("issues")).toArray();
    for (qsizetype i = 0; i < issues.size(); ++i) {
        const QJsonObject o = issues.at(i).toObject();
        const auto severity = severityFromName(o.value(QStringLiteral("severity")).toString());
        const QString code = o.value(QStringLiteral("code")).toString();
        if (!issues.at(i).isObject() || !severity || code.isEmpty()
            || !o.value(QStringLiteral("message")).isString()) {
            return fail(QStringLiteral("image report: issues[%1] needs \"severity\" (error, warning or info), "
                                       "\"code\" and \"message\" strings")
                            .arg(i));
        }
        report.add(*severity, code, o.value(QStringLiteral("message")).toString(),
                   o.value(QStringLiteral("details")).toObject());
    }
    return report;
}

// ---- import ------------------------------------------------------------------------------------------------------

ImportedImage importImageFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return errorResult(path, QStringLiteral("file-not-found"),
                           QCoreApplication::translate(
                               "ImageImport", "The file %1 does not exist.").arg(displayName(path)));
    }
    if (!info.isFile()) {
        return errorResult(path, QStringLiteral("file-unreadable"),
                           QCoreApplication::translate("ImageImport", "%1 is not a file.").arg(displayName(path)));
    }
    if (info.size() == 0) {
        return errorResult(path, QStringLiteral("empty-file"),
                           QCoreApplication::translate(
                               "ImageImport", "The file %1 is empty (0 bytes).").arg(displayName(path)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return errorResult(path, QStringLiteral("file-unreadable"),
                           QCoreApplication::translate(
                               "ImageImport", "Cannot open %1: %2.").arg(displayName(path), file.errorString()),
                           {{QStringLiteral("reason"), file.errorString()}});
    }
    QImageReader reader(&file);
    return decodeFrom(reader, path);
}

ImportedImage importImageData(const QByteArray &data, const QString &sourceName)
{
    if (data.isEmpty()) {
        return errorResult(sourceName, QStringLiteral("empty-file"),
                           QCoreApplication::translate(
                               "ImageImport", "%1 is empty (0 bytes).").arg(displayName(sourceName)));
    }
    QByteArray bytes = data; // QBuffer wants a non-const array; this copy is shared, not deep
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return decodeFrom(reader, sourceName);
}

ImportedImage importImage(const QImage &source, const QString &sourceName)
{
    if (source.isNull()) {
        return errorResult(sourceName, QStringLiteral("decode-failed"),
                           QCoreApplication::translate(
                               "ImageImport", "%1 holds no pixels.").arg(displayName(sourceName)));
    }
    ImportedImage result;
    ImageImportReport &report = result.report;
    report.setSource(sourceName);
    const int width = source.width(), height = source.height();
    report.setMeasurement(QStringLiteral("originalSize"), sizeObject(width, height));
    const bool hasAlpha = source.hasAlphaChannel();
    report.setMeasurement(QStringLiteral("hasAlpha"), hasAlpha);

    if (!hasAlpha) {
        report.add(ImageIssueSeverity::Error, QStringLiteral("missing-alpha"),
                   QCoreApplication::translate(
                       "ImageImport", "%1 has no alpha channel. THA3 needs the character on a transparent background: "
                                      "remove the background and export as PNG (or WebP) with transparency.")
                       .arg(displayName(sourceName)));
    }

    const int side = std::min(width, height);
    const QRect crop((width - side) / 2, (height - side) / 2, side, side);
    if (width != height) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("cropped"),
                   QCoreApplication::translate(
                       "ImageImport", "The image is %1×%2, not square; only its centre %3×%3 square (from x %4, y %5) "
                                      "is used. Check that the head is still inside.")
                       .arg(width).arg(height).arg(side).arg(crop.x()).arg(crop.y()),
                   {{QStringLiteral("originalSize"), sizeObject(width, height)},
                    {QStringLiteral("crop"), QJsonObject{{QStringLiteral("x"), crop.x()},
                                                         {QStringLiteral("y"), crop.y()},
                                                         {QStringLiteral("side"), side}}}});
    }
    if (side != kPoserImageSize) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("resized"),
                   (side > kPoserImageSize
                        ? QCoreApplication::translate(
                            "ImageImport", "The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was shrunk "
                                           "to 512×512.")
                        : QCoreApplication::translate(
                            "ImageImport", "The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was "
                                           "enlarged to 512×512."))
                       .arg(width).arg(height).arg(side),
                   {{QStringLiteral("originalSize"), sizeObject(width, height)},
                    {QStringLiteral("fromSide"), side},
                    {QStringLiteral("toSide"), kPoserImageSize},
                    {QStringLiteral("scale"), roundTo(double(kPoserImageSize) / side, 4)}});
    }
    if (side < kLowResolutionSide) {
        report.add(ImageIssueSeverity::Warning, QStringLiteral("low-resolution"),
                   QCoreApplication::translate(
                       "ImageImport", "The image is only %1 pixels on its short side, so it is enlarged %2×: the "
                                      "animated face will look blurred. Use a source of at least 512×512.")
                       .arg(side).arg(roundTo(double(kPoserImageSize) / side, 1)),
                   {{QStringLiteral("shortSide"), side}, {QStringLiteral("recommended"), kPoserImageSize}});
    }

    // Clear the hidden colour before scaling too: the premultiplied scaling ignores it anyway, but the count
    // tells the user about the source, and a 512×512 image goes through this path only.
    QImage straight = (crop.size() == source.size() ? source : source.copy(crop))
                          .convertToFormat(QImage::Format_RGBA8888);
    const int cleared = clearHiddenColour(straight);
    if (side != kPoserImageSize) {
        straight = scaleToPoserSize(straight);
        clearHiddenColour(straight); // edge pixels whose alpha rounded down to 0
    }
    result.image = straight;
    if (cleared > 0) {
        report.add(ImageIssueSeverity::Info, QStringLiteral("hidden-colour-cleared"),
                   QCoreApplication::translate(
                       "ImageImport", "%1 fully transparent pixels carried a colour; it was set to black, as THA3 "
                                      "requires. Save a fixed copy to store the cleaned image.")
                       .arg(cleared),
                   {{QStringLiteral("pixels"), cleared}});
    }
    if (hasAlpha)
        checkAlpha(result.image, report);
    return result;
}

// ---- overlay and fixed copy --------------------------------------------------------------------------------------

QImage importOverlay(const QImage &image)
{
    if (image.width() != kPoserImageSize || image.height() != kPoserImageSize)
        return {};
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    QImage layer(kPoserImageSize, kPoserImageSize, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    const QRgb tint = qPremultiply(qRgba(40, 110, 255, 110));
    for (int y = 0; y < kPoserImageSize; ++y) {
        auto *out = reinterpret_cast<QRgb *>(layer.scanLine(y));
        for (int x = 0; x < kPoserImageSize; ++x)
            if (alphaAt(rgba, x, y) < kOpaqueAlpha)
                out[x] = tint;
    }
    QPainter painter(&layer);
    painter.setCompositionMode(QPainter::CompositionMode_Source); // lines replace the tint instead of mixing
    painter.setPen(QPen(QColor(255, 140, 0), 2, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.drawRect(QRectF(kHeadBox).adjusted(1, 1, -1, -1)); // the 2 px line lies just inside the box
    const int headTop = measureHeadTop(rgba);
    if (headTop >= 0) {
        const bool inside = headTop >= kHeadTopMin && headTop <= kHeadTopMax;
        painter.setPen(QPen(inside ? QColor(0, 200, 70) : QColor(230, 20, 20), 1));
        painter.drawLine(QPointF(kHeadBox.left(), headTop + 0.5), QPointF(kHeadBox.right() + 1, headTop + 0.5));
    }
    return layer;
}

std::optional<QString> saveFixedCopy(const QString &originalPath, const QImage &fixedImage, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<QString> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (fixedImage.isNull())
        return fail(QCoreApplication::translate(
            "ImageImport", "There is no image to save for %1.").arg(displayName(originalPath)));
    const QFileInfo original(originalPath);
    const QDir dir = original.absoluteDir();
    const QString base = original.completeBaseName().isEmpty() ? original.fileName() : original.completeBaseName();
    constexpr int kMaxCandidates = 1000;
    for (int n = 1; n <= kMaxCandidates; ++n) {
        const QString name = n == 1 ? base + QStringLiteral(".fixed.png")
                                    : base + QStringLiteral(".fixed-%1.png").arg(n);
        const QString path = dir.filePath(name);
        QFile file(path);
        // NewOnly is O_EXCL: a file that appears between a check and the write can never be clobbered.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
                continue;
            return fail(QCoreApplication::translate(
                "ImageImport", "Cannot create %1: %2.").arg(displayName(path), file.errorString()));
        }
        QImageWriter writer(&file, "png");
        const bool written = writer.write(fixedImage) && file.flush();
        if (!written) {
            const QString why = writer.error() != QImageWriter::UnknownError ? writer.errorString()
                                                                               : file.errorString();
            file.remove();
            return fail(QCoreApplication::translate("ImageImport", "Cannot write %1: %2.").arg(displayName(path), why));
        }
        return path;
    }
    return fail(QCoreApplication::translate(
        "ImageImport", "Cannot save a fixed copy of %1: %2 fixed copies already exist.")
                    .arg(displayName(originalPath)).arg(kMaxCandidates));
}

} // namespace ths
