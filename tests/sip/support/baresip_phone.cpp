// baresip 1.0 facts this class is built on (checked on Debian 12, baresip-core 1.0.0):
// - No audio player module is loaded at all: baresip then skips the player, and the sndfile
//   filter still writes dump-<YYYY-MM-DD-HH-MM-SS>-dec.wav (decoded RTP = what the phone
//   heard) and -enc.wav (what it sent) into snd_path when the call's audio starts.
// - The dec dump only grows while RTP arrives: time without packets is left out, not filled
//   with silence. Two dumps started in the same second share a name (the later wins).
// - A re-INVITE that is not sendrecv (hold) resets the decoder's filter chain for good: the
//   dec dump of that call stops at the hold on both phones and no new one starts.
// - Events are only sent to a connected ctrl_tcp client, so the account is created with
//   `uanew` after connecting; from the accounts file, REGISTER_OK would come before we listen.
// - The aufile source ends the call (AUDIO_ERROR, CALL_CLOSED) at the end of its file.
// - `quit` waits for un-REGISTER/BYE answers; the first SIGTERM does the same, the second exits.
// - RTP/RTCP and DNS sockets bind 0.0.0.0 whatever the config; SIP, ctrl_tcp and the SDP
//   address are 127.0.0.1, so all traffic stays on loopback.
#include "tests/sip/support/baresip_phone.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/sip/support/free_port.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/sip/support/work_dir.h"

namespace agentdesk::siptest {
namespace {

constexpr const char* kBaresip = AGENTDESK_BARESIP;
constexpr const char* kModuleDir = AGENTDESK_BARESIP_MODULES;

int connectLoopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// baresip colours its log lines; the escapes only clutter a failure message.
std::string stripAnsi(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && !(text[i] >= '@' && text[i] <= '~'))
                ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : separator) + part;
    return out;
}

}  // namespace

BaresipPhone::BaresipPhone(BaresipPhoneOptions options) : options_(std::move(options)) {}

BaresipPhone::~BaresipPhone() {
    try {
        stop();
    } catch (...) {
        process_.terminate(std::chrono::milliseconds(0));
    }
}

std::string BaresipPhone::accountLine() const {
    const std::string domain =
        options_.registrar.empty() ? "127.0.0.1:" + std::to_string(sipPort_) : options_.registrar;
    std::string line = "<sip:" + options_.user + "@" + domain + ">";
    line += options_.registrar.empty() ? ";regint=0" : ";regint=60";
    if (!options_.password.empty())
        line += ";auth_pass=" + options_.password;
    line += options_.autoAnswer ? ";answermode=auto" : ";answermode=manual";
    if (!options_.codecs.empty())
        line += ";audio_codecs=" + join(options_.codecs, ",");
    return line;
}

void BaresipPhone::writeConfig() const {
    const std::vector<std::string> lines = {
        "# Written by agentdesk::siptest::BaresipPhone: one headless test phone, loopback only.",
        "module_path " + std::string(kModuleDir),
        "poll_method epoll",
        "sip_listen 127.0.0.1:" + std::to_string(sipPort_),
        // An address, not "lo": baresip 1.0 finds no IPv4 address for an interface name.
        "net_interface 127.0.0.1",
        // URIs are IP literals, nothing is resolved; should something be, it stays local.
        "dns_server 127.0.0.1:53",
        "call_local_timeout 120",
        "call_max_calls 4",
        // No audio_player and no player module: baresip then plays nothing, and the sndfile
        // dumps are the recording.
        "audio_source aufile," + (dir_ / "tone.wav").string(),
        "ausrc_srate 8000",
        "auplay_srate 8000",
        "ausrc_channels 1",
        "auplay_channels 1",
        "audio_level no",
        // Apart from free_port.cpp's 20000-31999, so RTP never takes a port handed out there.
        "rtp_ports 10000-19999",
        "rtcp_mux no",
        "statmode_default off",  // else menu writes a status line to the log every 100 ms
        "snd_path " + dir_.string(),
        "ctrl_tcp_listen 127.0.0.1:" + std::to_string(ctrlPort_),
        "module g711.so",
        "module aufile.so",
        "module sndfile.so",
        "module_tmp account.so",
        "module_app menu.so",
        "module_app ctrl_tcp.so",
    };
    std::ofstream config(dir_ / "config");
    for (const std::string& line : lines)
        config << line << "\n";
    for (const std::string& line : options_.extraConfig)
        config << line << "\n";
    if (!config)
        throw std::runtime_error("cannot write " + (dir_ / "config").string());
}

void BaresipPhone::start(std::chrono::milliseconds timeout) {
    if (process_.pid() > 0)
        throw std::logic_error("BaresipPhone::start called twice");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    dir_ = makeRunDir(options_.name);
    sipPort_ = freePortBlock(2);
    ctrlPort_ = freePort();
    writeToneWav(dir_ / "tone.wav", options_.toneHz, options_.toneAmplitude, options_.toneSeconds);
    writeConfig();
    std::ofstream(dir_ / "accounts").flush();  // empty, see uanew below; missing = template

    startedAt_ = std::chrono::steady_clock::now();
    process_ =
        ChildProcess({{kBaresip, "-4", "-f", dir_.string()}, dir_, dir_ / "baresip.log", {}});
    int fd = -1;
    while ((fd = connectLoopback(ctrlPort_)) < 0) {
        if (!process_.running())
            throw std::runtime_error("baresip exited during start\n" + diagnostics());
        if (std::chrono::steady_clock::now() >= deadline)
            throw std::runtime_error("baresip ctrl_tcp not up in time\n" + diagnostics());
        std::this_thread::sleep_for(20ms);
    }
    socket_ = fd;
    {
        const std::lock_guard lock(mutex_);
        connected_ = true;
    }
    reader_ = std::thread([this] { readLoop(); });

    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    const auto response = command("uanew", accountLine(), std::max(left, 1000ms));
    if (!ok(response))
        throw std::runtime_error("baresip uanew failed: " + response.dump() + "\n" + diagnostics());
}

void BaresipPhone::stop() {
    if (process_.running()) {
        bool connected = false;
        {
            const std::lock_guard lock(mutex_);
            connected = connected_;
        }
        if (connected)
            command("quit", {}, 1000ms);
        if (!process_.waitExit(1500ms)) {
            process_.signal(SIGTERM);
            if (!process_.waitExit(300ms)) {
                process_.signal(SIGTERM);
                process_.waitExit(1000ms);
            }
        }
        process_.terminate(std::chrono::milliseconds(0));  // SIGKILL if still there; reaps
    }
    if (socket_ >= 0)
        ::shutdown(socket_, SHUT_RDWR);
    if (reader_.joinable())
        reader_.join();
    if (socket_ >= 0) {
        ::close(socket_);
        socket_ = -1;
    }
}

bool BaresipPhone::running() {
    return process_.running();
}

void BaresipPhone::readLoop() {
    std::string buffer;
    char chunk[4096];
    for (;;) {
        const ssize_t n = ::recv(socket_, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        buffer.append(chunk, static_cast<std::size_t>(n));
        // ctrl_tcp frames every message as a netstring: "<length>:<json>,".
        for (;;) {
            const auto colon = buffer.find(':');
            if (colon == std::string::npos)
                break;
            const std::string digits = buffer.substr(0, colon);
            if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                               [](char c) { return c >= '0' && c <= '9'; })) {
                buffer.clear();  // out of step; cannot happen with ctrl_tcp
                break;
            }
            const std::size_t length = std::stoul(digits);
            if (buffer.size() < colon + 1 + length + 1)
                break;
            handleMessage(buffer.substr(colon + 1, length));
            buffer.erase(0, colon + 1 + length + 1);
        }
    }
    const std::lock_guard lock(mutex_);
    connected_ = false;
    changed_.notify_all();
}

void BaresipPhone::handleMessage(const std::string& text) {
    auto message = nlohmann::json::parse(text, nullptr, false);
    if (!message.is_object())
        return;
    const std::lock_guard lock(mutex_);
    if (message.contains("event")) {
        message["harness_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - startedAt_)
                                    .count();
        events_.push_back({std::move(message), false});
    } else if (message.contains("response")) {
        const std::string token = message.value("token", "");
        responses_[token] = std::move(message);
    }
    changed_.notify_all();
}

nlohmann::json BaresipPhone::command(const std::string& name, const std::string& params,
                                     std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!connected_)
        return nullptr;
    const std::string token = options_.name + "-" + std::to_string(nextToken_++);
    nlohmann::json request = {{"command", name}, {"token", token}};
    if (!params.empty())
        request["params"] = params;
    const std::string payload = request.dump();
    if (!sendAll(socket_, std::to_string(payload.size()) + ":" + payload + ","))
        return nullptr;
    changed_.wait_for(lock, timeout, [&] { return responses_.count(token) || !connected_; });
    const auto it = responses_.find(token);
    if (it == responses_.end())
        return nullptr;
    auto response = std::move(it->second);
    responses_.erase(it);
    return response;
}

bool BaresipPhone::ok(const nlohmann::json& response) const {
    return response.is_object() && response.value("ok", false);
}

bool BaresipPhone::dial(const std::string& uri) {
    return ok(command("dial", uri));
}
bool BaresipPhone::accept() {
    return ok(command("accept"));
}
bool BaresipPhone::hangup() {
    return ok(command("hangup"));
}
bool BaresipPhone::hold() {
    return ok(command("hold"));
}
bool BaresipPhone::resume() {
    return ok(command("resume"));
}
bool BaresipPhone::sendDtmf(const std::string& digits) {
    return ok(command("sndcode", digits));
}

bool BaresipPhone::mute(bool on) {
    // baresip 1.0 only has a toggle, answering "call muted" / "call un-muted"; a new call
    // starts un-muted, so the state is read from the answer rather than remembered.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto response = command("mute");
        if (!ok(response))
            return false;
        const std::string data = response.value("data", "");
        const bool muted = data.find("un-muted") == std::string::npos;
        if (muted == on)
            return true;
    }
    return false;
}

std::optional<nlohmann::json> BaresipPhone::waitAnyEvent(const std::vector<std::string>& types,
                                                         std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    Event* hit = nullptr;
    const auto find = [&] {
        for (Event& event : events_) {
            const std::string type = event.json.value("type", "");
            if (!event.taken && std::find(types.begin(), types.end(), type) != types.end())
                return &event;
        }
        return static_cast<Event*>(nullptr);
    };
    // A dead connection ends the wait early: no more events will come.
    changed_.wait_for(lock, timeout, [&] { return (hit = find()) != nullptr || !connected_; });
    if (!hit)
        return std::nullopt;
    hit->taken = true;
    return hit->json;
}

std::optional<nlohmann::json> BaresipPhone::waitEvent(const std::string& type,
                                                      std::chrono::milliseconds timeout) {
    return waitAnyEvent({type}, timeout);
}

bool BaresipPhone::waitRegistered(std::chrono::milliseconds timeout) {
    const auto event = waitAnyEvent({"REGISTER_OK", "REGISTER_FAIL"}, timeout);
    return event && event->value("type", "") == "REGISTER_OK";
}

std::vector<nlohmann::json> BaresipPhone::events() const {
    const std::lock_guard lock(mutex_);
    std::vector<nlohmann::json> out;
    for (const Event& event : events_)
        out.push_back(event.json);
    return out;
}

std::string BaresipPhone::sipUri() const {
    return "sip:" + options_.user + "@127.0.0.1:" + std::to_string(sipPort_);
}

std::vector<std::filesystem::path> BaresipPhone::dumps(const std::string& suffix) const {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("dump-") && name.ends_with(suffix))
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());  // the names are zero-padded timestamps
    return out;
}

std::vector<std::filesystem::path> BaresipPhone::heardWavs() const {
    return dumps("-dec.wav");
}

std::filesystem::path BaresipPhone::heardWav() const {
    const auto all = dumps("-dec.wav");
    return all.empty() ? std::filesystem::path() : all.back();
}

std::filesystem::path BaresipPhone::sentWav() const {
    const auto all = dumps("-enc.wav");
    return all.empty() ? std::filesystem::path() : all.back();
}

std::string BaresipPhone::logTail(std::size_t lines) const {
    std::ifstream in(dir_ / "baresip.log");
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);)
        all.push_back(stripAnsi(line));
    const std::size_t from = all.size() > lines ? all.size() - lines : 0;
    std::string out;
    for (std::size_t i = from; i < all.size(); ++i)
        out += all[i] + "\n";
    return out;
}

std::string BaresipPhone::diagnostics() const {
    std::ostringstream out;
    out << "phone " << options_.name << " " << sipUri() << " (ctrl_tcp " << ctrlPort_ << ", dir "
        << dir_.string() << ")\nevents:";
    {
        const std::lock_guard lock(mutex_);
        for (const Event& event : events_) {
            const std::string type = event.json.value("type", "?");
            if (type != "CALL_RTCP")  // one every few seconds per call, pure noise here
                out << " " << type << "@" << event.json.value("harness_ms", 0L);
        }
    }
    out << "\nbaresip.log (tail):\n" << logTail();
    return out.str();
}

}  // namespace agentdesk::siptest
