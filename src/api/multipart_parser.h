// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A strict, bounds-checked parser for multipart/form-data request bodies (RFC 7578 on top of RFC 2046), which
// Qt does not have. Used for POST /api/talkinghead/load (field `file`).
//
// Line breaks must be CRLF everywhere, as every real client sends them (browsers, curl, Python requests,
// QHttpMultiPart); a bare LF after a boundary line is reported as an error rather than guessed at, because a
// tolerant reading would make the end of a part's data ambiguous (is a trailing CR data or line break?).
// Names and file names are taken byte for byte (UTF-8) after undoing backslash escapes of quoted strings;
// percent escapes (the HTML spec's %22 for '"') are left as they are, and `filename*=` (RFC 5987) is ignored.
// Preamble and epilogue are skipped. Errors start with "multipart: " and count parts from 1.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace ths {

struct MultipartPart {
    QString name;              // Content-Disposition name (required)
    QString fileName;          // Content-Disposition filename, when hasFileName
    bool hasFileName = false;  // browsers send filename="" for an empty file input
    QByteArray contentType;    // the part's Content-Type as sent, empty when absent (RFC 7578: text/plain)
    QByteArray data;
};

struct MultipartForm {
    QList<MultipartPart> parts;
    // The first part with that name, or nullptr.
    const MultipartPart *find(QStringView name) const;
};

struct MultipartLimits {
    int maxParts = 64;
    int maxHeaderBytes = 8 * 1024; // per part, the header block without its closing empty line
};

class MultipartParser
{
public:
    // (At namespace scope because GCC rejects `= {}` defaults of a nested struct with member initialisers.)
    using Limits = MultipartLimits;
    // RFC 2046: a boundary has 1 to 70 characters.
    static constexpr int kMaxBoundaryLength = 70;

    // Parses `body` sent with the Content-Type header value `contentType`. nullopt with the reason in *error
    // when the header or the body is malformed or over a limit.
    static std::optional<MultipartForm> parse(const QByteArray &body, QByteArrayView contentType,
                                              QString *error = nullptr, Limits limits = {});
    // The boundary parameter of a multipart/form-data Content-Type value (quoted or not), validated.
    static std::optional<QByteArray> boundary(QByteArrayView contentType, QString *error = nullptr);
};

} // namespace ths
