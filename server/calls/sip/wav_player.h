#pragma once
// One prompt or music player of a leg: WAV files (8 kHz mono 16-bit PCM) read one after another
// in 20 ms frames by the mixer tick, optionally looping.
//
// Threads: re thread only (it reads files with libre's aufile).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct aufile;

namespace agentdesk::server::sip {

class WavPlayer {
public:
    WavPlayer(std::uint64_t playId, std::vector<std::string> files, bool loop, bool exclusive);
    ~WavPlayer();
    WavPlayer(const WavPlayer&) = delete;
    WavPlayer& operator=(const WavPlayer&) = delete;

    std::uint64_t id() const { return id_; }
    bool exclusive() const { return exclusive_; }
    bool loop() const { return loop_; }
    bool finished() const { return finished_; }

    // Fills `count` samples (silence after the end); the frame that reaches the end of the last
    // file marks the player finished.
    void read(std::int16_t* out, std::size_t count);

private:
    bool openNext();  // false when there is nothing (more) to play
    void closeCurrent();

    std::uint64_t id_;
    std::vector<std::string> files_;
    bool loop_;
    bool exclusive_;
    bool finished_ = false;
    std::size_t next_ = 0;          // index of the next file to open
    std::size_t playedInPass_ = 0;  // files that produced audio in this pass (loop guard)
    ::aufile* current_ = nullptr;
};

}  // namespace agentdesk::server::sip
