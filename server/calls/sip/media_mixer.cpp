#include "server/calls/sip/media_mixer.h"

#include <algorithm>
#include <cstring>

#include "common/logging.h"

namespace agentdesk::server::sip {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kFrame = std::chrono::milliseconds(20);
// A relayed leg whose source is quiet (on hold, not answered yet) gets silence after this long,
// so the phone keeps receiving RTP and its NAT binding and RTP timeout stay happy.
constexpr auto kRelayQuiet = std::chrono::milliseconds(60);

constexpr std::uint64_t kMixKey = 0x4D49584D49584D49ull;
constexpr std::uint64_t kInbandKey = 0x494E42414E444454ull;

std::uint64_t streamKey(LegId from, std::uint32_t ssrc) {
    return (from * 0x9E3779B97F4A7C15ull) ^ ssrc;
}

}  // namespace

MediaMixer::MediaMixer(Events& events) : events_(events) {
    tmr_init(&tick_);
}

MediaMixer::~MediaMixer() {
    stop();
}

void MediaMixer::start() {
    if (running_) {
        return;
    }
    running_ = true;
    nextFrame_ = Clock::now() + kFrame;
    scheduleTick();
}

void MediaMixer::stop() {
    running_ = false;
    tmr_cancel(&tick_);
    recorders_.clear();
}

void MediaMixer::scheduleTick() {
    const auto wait = nextFrame_ - Clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(wait).count();
    // libre timers have millisecond resolution; rounding up keeps us from running early.
    const std::uint64_t delay = ms <= 0 ? 0 : static_cast<std::uint64_t>((ms + 999) / 1000);
    tmr_start(&tick_, delay, &MediaMixer::onTick, this);
}

void MediaMixer::onTick(void* arg) {
    auto* self = static_cast<MediaMixer*>(arg);
    const auto now = Clock::now();
    int frames = 0;
    while (self->nextFrame_ <= now && frames < 10) {
        self->runFrame();
        self->nextFrame_ += kFrame;
        ++frames;
    }
    if (self->nextFrame_ <= now) {
        self->nextFrame_ = now + kFrame;  // far behind (suspended?): do not burst to catch up
    }
    if (self->running_) {
        self->scheduleTick();
    }
}

void MediaMixer::addLeg(MediaLeg* leg) {
    auto route = std::make_unique<Route>();
    route->leg = leg;
    route->mixTs = rand_u32();
    routes_[leg->id()] = std::move(route);
    recompute();
}

void MediaMixer::removeLeg(LegId id) {
    if (routes_.erase(id) > 0) {
        recompute();
    }
}

bool MediaMixer::setHears(LegId id, std::vector<Hear> hears) {
    const auto it = routes_.find(id);
    if (it == routes_.end()) {
        return false;
    }
    it->second->hears = std::move(hears);
    recompute();
    return true;
}

bool MediaMixer::play(LegId id, std::uint64_t playId, std::vector<std::string> files, bool loop,
                      bool exclusive) {
    const auto it = routes_.find(id);
    if (it == routes_.end()) {
        return false;
    }
    it->second->players.push_back(
        std::make_unique<WavPlayer>(playId, std::move(files), loop, exclusive));
    recompute();
    return true;
}

void MediaMixer::stopPlay(LegId id) {
    const auto it = routes_.find(id);
    if (it != routes_.end() && !it->second->players.empty()) {
        it->second->players.clear();
        recompute();
    }
}

int MediaMixer::startRecording(std::uint64_t recId, LegId left, LegId right,
                               const std::string& path) {
    auto rec = std::make_unique<CallRecorder>(recId, left, right);
    const int err = rec->open(path);
    if (err != 0) {
        return err;
    }
    recorders_[recId] = std::move(rec);  // an old recording with the same id is closed
    return 0;
}

bool MediaMixer::setRecordingLegs(std::uint64_t recId, LegId left, LegId right) {
    const auto it = recorders_.find(recId);
    if (it == recorders_.end()) {
        return false;
    }
    it->second->setLegs(left, right);
    return true;
}

bool MediaMixer::pauseRecording(std::uint64_t recId, bool paused) {
    const auto it = recorders_.find(recId);
    if (it == recorders_.end()) {
        return false;
    }
    it->second->setPaused(paused);
    return true;
}

bool MediaMixer::stopRecording(std::uint64_t recId) {
    return recorders_.erase(recId) > 0;
}

void MediaMixer::recompute() {
    for (auto& [id, route] : routes_) {
        route->relayTargets.clear();
        route->feedsMix = false;
    }
    for (auto& [id, route] : routes_) {
        const bool exclusive = std::any_of(route->players.begin(), route->players.end(),
                                           [](const auto& p) { return p->exclusive(); });
        if (route->players.empty() && route->hears.size() == 1 && route->hears[0].from != id) {
            const auto src = routes_.find(route->hears[0].from);
            if (src != routes_.end()) {
                route->mixing = false;
                src->second->relayTargets.emplace_back(route->leg, route->hears[0].gain);
                continue;
            }
        }
        route->mixing = true;
        if (exclusive) {
            continue;
        }
        for (const Hear& h : route->hears) {
            const auto src = routes_.find(h.from);
            if (src != routes_.end()) {
                src->second->feedsMix = true;
            }
        }
    }
    for (auto& [id, route] : routes_) {
        if (!route->feedsMix) {
            route->fifo.clear();
        }
    }
}

void MediaMixer::onAudio(MediaLeg& from, const AudioPacket& packet) {
    const auto it = routes_.find(from.id());
    if (it == routes_.end()) {
        return;
    }
    Route& route = *it->second;
    if (!route.relayTargets.empty()) {
        const std::uint64_t key = streamKey(from.id(), packet.ssrc());
        for (const auto& [target, gain] : route.relayTargets) {
            target->relay(packet, key, gain);
        }
    }
    if (route.feedsMix) {
        route.fifo.push(packet.pcm(), packet.samples());
    }
    for (auto& [recId, rec] : recorders_) {
        if (rec->left() == from.id() || rec->right() == from.id()) {
            rec->feed(from.id(), packet.pcm(), packet.samples());
        }
    }
}

void MediaMixer::runFrame() {
    for (auto& [id, route] : routes_) {
        if (route->feedsMix) {
            route->fifo.pull(route->frame.data(), kFrameSamples);
        }
    }
    std::vector<std::pair<LegId, std::uint64_t>> finished;
    const auto now = Clock::now();
    for (auto& [id, route] : routes_) {
        MediaLeg& leg = *route->leg;
        leg.pollDtmf();
        if (!leg.active()) {
            continue;
        }
        std::array<std::int16_t, kFrameSamples> tone{};
        if (leg.takeInbandFrame(tone.data())) {
            leg.sendPcm(tone.data(), kFrameSamples, kInbandKey, route->mixTs);
            route->mixTs += kFrameSamples;
            continue;
        }
        if (route->mixing) {
            mixFor(*route, finished);
        } else if (now - leg.lastTx() > kRelayQuiet) {
            const std::array<std::int16_t, kFrameSamples> silence{};
            leg.sendPcm(silence.data(), kFrameSamples, kMixKey, route->mixTs);
            route->mixTs += kFrameSamples;
        }
    }
    for (auto& [recId, rec] : recorders_) {
        rec->tick(kFrameSamples);
    }
    if (!finished.empty()) {
        recompute();
        for (const auto& [leg, playId] : finished) {
            events_.playbackFinished(leg, playId);
        }
    }
}

void MediaMixer::mixFor(Route& route, std::vector<std::pair<LegId, std::uint64_t>>& finished) {
    std::array<std::int32_t, kFrameSamples> acc{};
    const bool exclusive = std::any_of(route.players.begin(), route.players.end(),
                                       [](const auto& p) { return p->exclusive(); });
    if (!exclusive) {
        for (const Hear& h : route.hears) {
            const auto src = routes_.find(h.from);
            if (src == routes_.end() || !src->second->feedsMix) {
                continue;
            }
            const auto& frame = src->second->frame;
            for (std::size_t i = 0; i < kFrameSamples; ++i) {
                acc[i] += static_cast<std::int32_t>(static_cast<float>(frame[i]) * h.gain);
            }
        }
    }
    std::array<std::int16_t, kFrameSamples> buf{};
    for (auto it = route.players.begin(); it != route.players.end();) {
        WavPlayer& player = **it;
        player.read(buf.data(), kFrameSamples);
        for (std::size_t i = 0; i < kFrameSamples; ++i) {
            acc[i] += buf[i];
        }
        if (player.finished()) {
            if (!player.loop()) {
                finished.emplace_back(route.leg->id(), player.id());
            }
            it = route.players.erase(it);
        } else {
            ++it;
        }
    }
    for (std::size_t i = 0; i < kFrameSamples; ++i) {
        buf[i] = static_cast<std::int16_t>(std::clamp(acc[i], -32768, 32767));
    }
    route.leg->sendPcm(buf.data(), kFrameSamples, kMixKey, route.mixTs);
    route.mixTs += kFrameSamples;
}

}  // namespace agentdesk::server::sip
