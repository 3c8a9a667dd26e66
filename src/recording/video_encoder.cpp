// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/video_encoder.h"

#include <QPainter>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <algorithm>

namespace ths {

namespace {

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

// Audio is encoded at 48 kHz (Opus accepts nothing else; AAC is happy with it too).
constexpr int kAudioRate = 48000;

} // namespace

struct VideoEncoder::Impl {
    VideoEncoderOptions options;
    int width = 0, height = 0;
    AVFormatContext *format = nullptr;
    AVCodecContext *video = nullptr, *audio = nullptr;
    AVStream *videoStream = nullptr, *audioStream = nullptr;
    SwsContext *sws = nullptr;
    AVFrame *frame = nullptr, *audioFrame = nullptr;
    AVPacket *packet = nullptr;
    int64_t frames = 0;
    std::vector<float> samples; // the audio at kAudioRate
    size_t samplesSent = 0;
    bool headerWritten = false;

    ~Impl()
    {
        if (format && headerWritten && format->pb) // finish() was not reached: close the file as it is
            av_write_trailer(format);
        if (format && format->pb)
            avio_closep(&format->pb);
        avformat_free_context(format);
        avcodec_free_context(&video);
        avcodec_free_context(&audio);
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_frame_free(&audioFrame);
        av_packet_free(&packet);
    }

    bool fail(QString *error, const QString &what, int code)
    {
        *error = QStringLiteral("%1: %2: %3").arg(options.path, what, avError(code));
        return false;
    }

    // Sends `f` (null: flush) to `codec` and writes every packet it gives back.
    bool encode(AVCodecContext *codec, AVStream *stream, AVFrame *f, QString *error)
    {
        int ret = avcodec_send_frame(codec, f);
        if (ret < 0)
            return fail(error, QStringLiteral("encoding"), ret);
        for (;;) {
            ret = avcodec_receive_packet(codec, packet);
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
                return true;
            if (ret < 0)
                return fail(error, QStringLiteral("encoding"), ret);
            // A frame lasts one tick: without a duration MP4's edit list ends before the last frame is shown.
            if (codec == video && packet->duration == 0)
                packet->duration = 1;
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            ret = av_interleaved_write_frame(format, packet);
            if (ret < 0)
                return fail(error, QStringLiteral("writing"), ret);
        }
    }

    // Encodes audio up to `until` samples (at kAudioRate); `all`: the remainder too, the last frame padded.
    bool sendAudio(size_t until, bool all, QString *error)
    {
        if (!audio)
            return true;
        const int frameSize = audio->frame_size > 0 ? audio->frame_size : 1024;
        until = std::min(until, samples.size());
        while (samplesSent < samples.size() && (samplesSent + size_t(frameSize) <= until || all)) {
            int ret = av_frame_make_writable(audioFrame);
            if (ret < 0)
                return fail(error, QStringLiteral("audio frame"), ret);
            const size_t n = std::min(size_t(frameSize), samples.size() - samplesSent);
            float *dst = reinterpret_cast<float *>(audioFrame->data[0]);
            std::copy_n(samples.data() + samplesSent, n, dst);
            std::fill(dst + n, dst + frameSize, 0.0f);
            audioFrame->pts = int64_t(samplesSent);
            samplesSent += n;
            if (!encode(audio, audioStream, audioFrame, error))
                return false;
        }
        return true;
    }

    bool openVideo(QString *error)
    {
        const bool webm = options.container == VideoContainer::WebM;
        const char *name = webm ? "libvpx-vp9" : "libx264";
        const AVCodec *codec = avcodec_find_encoder_by_name(name);
        if (!codec) {
            *error = QStringLiteral("%1: this FFmpeg has no %2 encoder").arg(options.path, QLatin1String(name));
            return false;
        }
        videoStream = avformat_new_stream(format, nullptr);
        video = avcodec_alloc_context3(codec);
        video->width = width;
        video->height = height;
        video->time_base = AVRational{1, options.fps};
        video->framerate = AVRational{options.fps, 1};
        video->pix_fmt = webm ? AV_PIX_FMT_YUVA420P : AV_PIX_FMT_YUV420P;
        video->gop_size = options.fps * 2;
        if (format->oformat->flags & AVFMT_GLOBALHEADER)
            video->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary *opts = nullptr;
        if (webm) {
            // Constant quality for editing, at a speed that keeps encoding far below the networks' time per frame.
            av_dict_set(&opts, "crf", "20", 0);
            av_dict_set(&opts, "b", "0", 0);
            av_dict_set(&opts, "deadline", "good", 0);
            av_dict_set(&opts, "cpu-used", "4", 0);
            av_dict_set(&opts, "row-mt", "1", 0);
        } else {
            av_dict_set(&opts, "crf", "20", 0);
            av_dict_set(&opts, "preset", "veryfast", 0);
        }
        int ret = avcodec_open2(video, codec, &opts);
        av_dict_free(&opts);
        if (ret < 0)
            return fail(error, QStringLiteral("opening %1").arg(QLatin1String(name)), ret);
        ret = avcodec_parameters_from_context(videoStream->codecpar, video);
        if (ret < 0)
            return fail(error, QStringLiteral("video stream"), ret);
        videoStream->time_base = video->time_base;
        frame = av_frame_alloc();
        frame->format = video->pix_fmt;
        frame->width = width;
        frame->height = height;
        ret = av_frame_get_buffer(frame, 0);
        if (ret < 0)
            return fail(error, QStringLiteral("video frame"), ret);
        sws = sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, video->pix_fmt, SWS_BICUBIC, nullptr,
                             nullptr, nullptr);
        if (!sws) {
            *error = QStringLiteral("%1: no conversion from RGBA to the encoder's pixel format").arg(options.path);
            return false;
        }
        return true;
    }

    bool openAudio(QString *error)
    {
        const bool webm = options.container == VideoContainer::WebM;
        const char *name = webm ? "libopus" : "aac";
        const AVCodec *codec = avcodec_find_encoder_by_name(name);
        if (!codec) {
            *error = QStringLiteral("%1: this FFmpeg has no %2 encoder").arg(options.path, QLatin1String(name));
            return false;
        }
        audioStream = avformat_new_stream(format, nullptr);
        audio = avcodec_alloc_context3(codec);
        audio->sample_fmt = webm ? AV_SAMPLE_FMT_FLT : AV_SAMPLE_FMT_FLTP; // mono: the same layout in memory
        audio->sample_rate = kAudioRate;
        av_channel_layout_default(&audio->ch_layout, 1);
        audio->bit_rate = 96000;
        audio->time_base = AVRational{1, kAudioRate};
        if (format->oformat->flags & AVFMT_GLOBALHEADER)
            audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        int ret = avcodec_open2(audio, codec, nullptr);
        if (ret < 0)
            return fail(error, QStringLiteral("opening %1").arg(QLatin1String(name)), ret);
        ret = avcodec_parameters_from_context(audioStream->codecpar, audio);
        if (ret < 0)
            return fail(error, QStringLiteral("audio stream"), ret);
        audioStream->time_base = audio->time_base;
        audioFrame = av_frame_alloc();
        audioFrame->format = audio->sample_fmt;
        audioFrame->sample_rate = kAudioRate;
        av_channel_layout_copy(&audioFrame->ch_layout, &audio->ch_layout);
        audioFrame->nb_samples = audio->frame_size > 0 ? audio->frame_size : 1024;
        ret = av_frame_get_buffer(audioFrame, 0);
        if (ret < 0)
            return fail(error, QStringLiteral("audio frame"), ret);
        return resample(error);
    }

    // The caller's mono samples at 48 kHz.
    bool resample(QString *error)
    {
        AVChannelLayout mono;
        av_channel_layout_default(&mono, 1);
        SwrContext *swr = nullptr;
        int ret = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, kAudioRate, &mono, AV_SAMPLE_FMT_FLT,
                                      options.audioSampleRate, 0, nullptr);
        if (ret >= 0)
            ret = swr_init(swr);
        if (ret < 0) {
            swr_free(&swr);
            return fail(error, QStringLiteral("audio resampler"), ret);
        }
        const int in = int(options.audio.size());
        samples.resize(size_t(swr_get_out_samples(swr, in)) + 64);
        uint8_t *out[] = {reinterpret_cast<uint8_t *>(samples.data())};
        const uint8_t *src[] = {reinterpret_cast<const uint8_t *>(options.audio.data())};
        int got = swr_convert(swr, out, int(samples.size()), src, in);
        int total = std::max(got, 0);
        if (got >= 0) { // the resampler's delay line
            uint8_t *rest[] = {reinterpret_cast<uint8_t *>(samples.data() + total)};
            got = swr_convert(swr, rest, int(samples.size()) - total, nullptr, 0);
            total += std::max(got, 0);
        }
        swr_free(&swr);
        if (got < 0)
            return fail(error, QStringLiteral("audio resampling"), got);
        samples.resize(size_t(total));
        return true;
    }
};

VideoEncoder::VideoEncoder()
    : d(std::make_unique<Impl>())
{
}

VideoEncoder::~VideoEncoder() = default;

std::unique_ptr<VideoEncoder> VideoEncoder::open(const VideoEncoderOptions &options, QString *error)
{
    av_log_set_level(AV_LOG_ERROR); // errors come back as messages; libav's own chatter is not for the user
    std::unique_ptr<VideoEncoder> encoder(new VideoEncoder);
    Impl &d = *encoder->d;
    d.options = options;
    d.width = options.width + options.width % 2;
    d.height = options.height + options.height % 2;
    const bool webm = options.container == VideoContainer::WebM;
    const QByteArray path = options.path.toUtf8();
    int ret = avformat_alloc_output_context2(&d.format, nullptr, webm ? "webm" : "mp4", path.constData());
    if (ret < 0 || !d.format) {
        d.fail(error, QStringLiteral("output"), ret);
        return nullptr;
    }
    if (!d.openVideo(error))
        return nullptr;
    if (options.audioSampleRate > 0 && !options.audio.empty() && !d.openAudio(error))
        return nullptr;
    d.packet = av_packet_alloc();
    ret = avio_open(&d.format->pb, path.constData(), AVIO_FLAG_WRITE);
    if (ret < 0) {
        d.fail(error, QStringLiteral("cannot open"), ret);
        return nullptr;
    }
    ret = avformat_write_header(d.format, nullptr);
    if (ret < 0) {
        d.fail(error, QStringLiteral("writing the header"), ret);
        return nullptr;
    }
    d.headerWritten = true;
    return encoder;
}

int VideoEncoder::width() const
{
    return d->width;
}

int VideoEncoder::height() const
{
    return d->height;
}

bool VideoEncoder::addFrame(const QImage &input, QString *error)
{
    QImage rgba(d->width, d->height, QImage::Format_RGBA8888);
    if (d->options.container == VideoContainer::Mp4) {
        rgba.fill(d->options.background.rgb() | 0xff000000u);
        QPainter painter(&rgba);
        painter.drawImage(0, 0, input);
    } else {
        rgba.fill(Qt::transparent);
        QPainter painter(&rgba);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        painter.drawImage(0, 0, input.convertToFormat(QImage::Format_RGBA8888));
    }
    int ret = av_frame_make_writable(d->frame);
    if (ret < 0)
        return d->fail(error, QStringLiteral("video frame"), ret);
    const uint8_t *src[] = {rgba.constBits()};
    const int stride[] = {int(rgba.bytesPerLine())};
    sws_scale(d->sws, src, stride, 0, d->height, d->frame->data, d->frame->linesize);
    d->frame->pts = d->frames++;
    if (!d->encode(d->video, d->videoStream, d->frame, error))
        return false;
    return d->sendAudio(size_t(double(d->frames) / d->options.fps * kAudioRate), false, error);
}

bool VideoEncoder::finish(QString *error)
{
    if (!d->sendAudio(d->samples.size(), true, error))
        return false;
    if (!d->encode(d->video, d->videoStream, nullptr, error))
        return false;
    if (d->audio && !d->encode(d->audio, d->audioStream, nullptr, error))
        return false;
    const int ret = av_write_trailer(d->format);
    d->headerWritten = false;
    if (ret < 0)
        return d->fail(error, QStringLiteral("writing the trailer"), ret);
    avio_closep(&d->format->pb);
    return true;
}

} // namespace ths
