// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point for the multipart parser. Input: the Content-Type header value up to the first '\n',
// then the body. With -DTHS_SERVER_LIBFUZZER=ON (clang) this links -fsanitize=fuzzer; run it as
//   fuzz_multipart tests/api/data/fuzz_corpus
// Otherwise it is built with a main() that replays the files given on the command line (CTest runs the seed
// corpus that way), so the entry point is compiled and exercised with any compiler.

#include "api/multipart_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.first(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.sliced(newline + 1);
    QString error;
    const auto form = ths::MultipartParser::parse(body, contentType, &error);
    // The contract the fuzzer checks besides memory safety: a form within the limits, or an error message.
    if (form ? form->parts.size() > ths::MultipartLimits{}.maxParts : !error.startsWith(QLatin1String("multipart: ")))
        std::abort();
    return 0;
}

#ifdef THS_FUZZ_STANDALONE
#include <QFile>
#include <cstdio>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        QFile f(QString::fromLocal8Bit(argv[i]));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz_multipart: cannot read %s\n", argv[i]);
            return 1;
        }
        const QByteArray bytes = f.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        std::printf("%s: ok\n", argv[i]);
    }
    return 0;
}
#endif
