// SPDX-License-Identifier: GPL-3.0-or-later
#include "gstreamer_encoder.h"

#include <dlfcn.h>

#include <cstdint>

namespace ths::test {

namespace {

// The public, ABI-stable head of GstMessage (GStreamer 1.x): a GstMiniObject followed by the message type.
struct MiniObject {
    size_t type;
    int refcount;
    int lockstate;
    unsigned flags;
    void *copy, *dispose, *free;
    unsigned privUint;
    void *privPointer;
};
struct Message {
    MiniObject mini;
    unsigned type;
};
struct Error {
    uint32_t domain;
    int code;
    char *message;
};

constexpr unsigned kMessageEos = 1u << 0, kMessageError = 1u << 1;
constexpr int kStateNull = 1, kStatePlaying = 4;
constexpr uint64_t kTimeoutNs = 60ull * 1000 * 1000 * 1000;

} // namespace

bool runGStreamerPipeline(const QString &description, QString *why)
{
    void *lib = dlopen("libgstreamer-1.0.so.0", RTLD_NOW);
    if (!lib) {
        *why = QStringLiteral("libgstreamer-1.0.so.0 is not available");
        return false;
    }
    auto init = reinterpret_cast<void (*)(int *, char ***)>(dlsym(lib, "gst_init"));
    auto parse = reinterpret_cast<void *(*)(const char *, Error **)>(dlsym(lib, "gst_parse_launch"));
    auto setState = reinterpret_cast<int (*)(void *, int)>(dlsym(lib, "gst_element_set_state"));
    auto getBus = reinterpret_cast<void *(*)(void *)>(dlsym(lib, "gst_element_get_bus"));
    auto pop = reinterpret_cast<Message *(*)(void *, uint64_t, unsigned)>(dlsym(lib, "gst_bus_timed_pop_filtered"));
    auto unrefMessage = reinterpret_cast<void (*)(void *)>(dlsym(lib, "gst_mini_object_unref"));
    auto unrefObject = reinterpret_cast<void (*)(void *)>(dlsym(lib, "gst_object_unref"));
    if (!init || !parse || !setState || !getBus || !pop || !unrefMessage || !unrefObject) {
        *why = QStringLiteral("libgstreamer lacks an expected function");
        return false;
    }
    init(nullptr, nullptr);
    Error *error = nullptr;
    void *pipeline = parse(description.toUtf8().constData(), &error);
    if (!pipeline || error) {
        *why = QStringLiteral("GStreamer cannot build \"%1\": %2")
                   .arg(description, error ? QString::fromUtf8(error->message) : QStringLiteral("unknown error"));
        if (pipeline)
            unrefObject(pipeline);
        return false; // the GError is leaked: a few bytes, once, in a test
    }
    setState(pipeline, kStatePlaying);
    void *bus = getBus(pipeline);
    Message *message = pop(bus, kTimeoutNs, kMessageEos | kMessageError);
    const bool ok = message && message->type == kMessageEos;
    if (!ok)
        *why = message ? QStringLiteral("GStreamer reported an error running \"%1\"").arg(description)
                       : QStringLiteral("GStreamer did not finish \"%1\" in time").arg(description);
    if (message)
        unrefMessage(message);
    unrefObject(bus);
    setState(pipeline, kStateNull);
    unrefObject(pipeline);
    return ok;
}

} // namespace ths::test
