#pragma once
// The routing matrix of the media core: what each leg hears (other legs with a gain, its
// players, silence) and the recordings. A leg that hears exactly one other leg and no player is
// relayed packet by packet as RTP arrives (no added delay); everything else (two or more
// sources, players, silence, in-band DTMF) is mixed on a 20 ms tick from small per-source
// jitter buffers. Recordings tap the decoded audio of their legs.
//
// Threads: re thread only.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/calls/sip/call_recorder.h"
#include "server/calls/sip/media_leg.h"
#include "server/calls/sip/pcm_fifo.h"
#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/wav_player.h"

namespace agentdesk::server::sip {

class MediaMixer {
public:
    class Events {
    public:
        virtual ~Events() = default;
        virtual void playbackFinished(LegId leg, std::uint64_t playId) = 0;
    };

    explicit MediaMixer(Events& events);
    ~MediaMixer();
    MediaMixer(const MediaMixer&) = delete;
    MediaMixer& operator=(const MediaMixer&) = delete;

    void start();  // starts the 20 ms tick
    void stop();

    // The mixer does not own legs; a leg is removed before it is destroyed.
    void addLeg(MediaLeg* leg);
    void removeLeg(LegId id);  // its players stop silently; recordings write silence for it

    bool setHears(LegId id, std::vector<Hear> hears);
    bool play(LegId id, std::uint64_t playId, std::vector<std::string> files, bool loop,
              bool exclusive);
    void stopPlay(LegId id);

    int startRecording(std::uint64_t recId, LegId left, LegId right, const std::string& path);
    bool setRecordingLegs(std::uint64_t recId, LegId left, LegId right);
    bool pauseRecording(std::uint64_t recId, bool paused);
    bool stopRecording(std::uint64_t recId);
    std::size_t recordings() const { return recorders_.size(); }

    // A packet `from` received (called by the leg's handler).
    void onAudio(MediaLeg& from, const AudioPacket& packet);

private:
    struct Route {
        MediaLeg* leg = nullptr;
        std::vector<Hear> hears;
        std::vector<std::unique_ptr<WavPlayer>> players;
        // derived by recompute()
        bool mixing = true;
        std::vector<std::pair<MediaLeg*, float>> relayTargets;  // legs relaying this one
        bool feedsMix = false;
        PcmFifo fifo;
        std::array<std::int16_t, kFrameSamples> frame{};
        std::uint32_t mixTs = 0;
    };

    static void onTick(void* arg);
    void scheduleTick();
    void runFrame();
    void mixFor(Route& route, std::vector<std::pair<LegId, std::uint64_t>>& finished);
    void recompute();

    Events& events_;
    std::unordered_map<LegId, std::unique_ptr<Route>> routes_;
    std::map<std::uint64_t, std::unique_ptr<CallRecorder>> recorders_;
    tmr tick_{};
    bool running_ = false;
    std::chrono::steady_clock::time_point nextFrame_{};
};

}  // namespace agentdesk::server::sip
