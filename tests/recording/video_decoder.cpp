// SPDX-License-Identifier: GPL-3.0-or-later
#include "video_decoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <memory>

namespace ths::test {

namespace {

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

struct Codec {
    AVCodecContext *ctx = nullptr;
    ~Codec() { avcodec_free_context(&ctx); }
};

} // namespace

DecodedVideo decodeVideo(const QString &path, QString *error)
{
    DecodedVideo out;
    AVFormatContext *format = nullptr;
    int ret = avformat_open_input(&format, path.toUtf8().constData(), nullptr, nullptr);
    if (ret < 0) {
        *error = QStringLiteral("%1: %2").arg(path, avError(ret));
        return out;
    }
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext *)> closer(format, [](AVFormatContext *f) { avformat_close_input(&f); });
    avformat_find_stream_info(format, nullptr);
    int videoIndex = -1, audioIndex = -1;
    Codec video, audio;
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        const AVCodecParameters *par = format->streams[i]->codecpar;
        const AVCodec *codec = nullptr;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && videoIndex < 0) {
            // FFmpeg's own VP9 decoder ignores the alpha side data; libvpx's reads it.
            codec = par->codec_id == AV_CODEC_ID_VP9 ? avcodec_find_decoder_by_name("libvpx-vp9") : avcodec_find_decoder(par->codec_id);
            videoIndex = int(i);
            video.ctx = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(video.ctx, par);
            avcodec_open2(video.ctx, codec, nullptr);
            out.videoCodec = QString::fromLatin1(avcodec_get_name(par->codec_id));
            const AVRational r = format->streams[i]->avg_frame_rate;
            out.fps = r.den ? double(r.num) / r.den : 0;
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO && audioIndex < 0) {
            codec = avcodec_find_decoder(par->codec_id);
            audioIndex = int(i);
            audio.ctx = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(audio.ctx, par);
            avcodec_open2(audio.ctx, codec, nullptr);
            out.audioCodec = QString::fromLatin1(avcodec_get_name(par->codec_id));
        }
    }
    if (videoIndex < 0) {
        *error = QStringLiteral("%1: no video stream").arg(path);
        return out;
    }
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int64_t audioSamples = 0;
    int audioRate = 0;
    const auto drain = [&](AVCodecContext *ctx, bool isVideo) {
        while (avcodec_receive_frame(ctx, frame) == 0) {
            if (!isVideo) {
                audioSamples += frame->nb_samples;
                audioRate = frame->sample_rate;
                continue;
            }
            const AVPixelFormat fmt = AVPixelFormat(frame->format);
            out.alpha = out.alpha || (av_pix_fmt_desc_get(fmt)->flags & AV_PIX_FMT_FLAG_ALPHA);
            QImage image(frame->width, frame->height, QImage::Format_RGBA8888);
            SwsContext *sws = sws_getContext(frame->width, frame->height, fmt, frame->width, frame->height,
                                             AV_PIX_FMT_RGBA, SWS_BICUBIC, nullptr, nullptr, nullptr);
            uint8_t *dst[] = {image.bits()};
            const int stride[] = {int(image.bytesPerLine())};
            sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, stride);
            sws_freeContext(sws);
            out.frames.push_back(image);
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == videoIndex) {
            avcodec_send_packet(video.ctx, packet);
            drain(video.ctx, true);
        } else if (packet->stream_index == audioIndex) {
            avcodec_send_packet(audio.ctx, packet);
            drain(audio.ctx, false);
        }
        av_packet_unref(packet);
    }
    avcodec_send_packet(video.ctx, nullptr);
    drain(video.ctx, true);
    if (audio.ctx) {
        avcodec_send_packet(audio.ctx, nullptr);
        drain(audio.ctx, false);
    }
    av_frame_free(&frame);
    av_packet_free(&packet);
    out.audioSeconds = audioRate ? double(audioSamples) / audioRate : 0;
    return out;
}

} // namespace ths::test
