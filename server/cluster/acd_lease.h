#pragma once
// Keeps this node's claim on the ACD lease (lease_table.h) on a thread of its own: every second
// the owner renews it; the other nodes try every 250 ms to take it once it has expired,
// so a dead owner's ACD is taken over within ttl + half a second. A change of owner or epoch is
// handed to `changed` on the I/O thread.
//
// An owner acts only while valid(): less than ttl minus a margin since the start of its last
// successful renewal, by this machine's monotonic clock. A node frozen (SIGSTOP, a long pause)
// past that stops itself the moment it runs again, before the database has told it anything.
//
// Threads: start()/stop() on the owning thread; valid() and state() from any thread; the lease's
// own thread has its own database connection.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "server/cluster/lease_table.h"

namespace agentdesk::server::cluster {

struct LeaseOptions {
    std::string database;          // libpq connection string or postgresql:// URI
    std::string group = "center";  // the routing group whose ACD the lease is for
    std::string node;              // this node's name, as the lease row shows it
    std::chrono::milliseconds renewEvery{1000};
    std::chrono::milliseconds tryEvery{250};  // a node without the lease, waiting for it
    std::chrono::milliseconds ttl{3000};
    // valid() ends this long before the lease itself would (clock rates differ a little).
    std::chrono::milliseconds margin{300};
};

class AcdLease {
public:
    using Post = std::function<void(std::function<void()>)>;
    using Changed = std::function<void(const LeaseState&)>;
    AcdLease(LeaseOptions options, Post postToIo, Changed changed);
    ~AcdLease();
    AcdLease(const AcdLease&) = delete;
    AcdLease& operator=(const AcdLease&) = delete;

    void start();
    // Waits until the first claim has been made (taken, or seen to be another node's), at most
    // `limit`: a node then knows whether it runs the ACD before it serves its first request.
    void waitFirstAttempt(std::chrono::milliseconds limit);
    // Stops the thread; a lease this node holds is released, so another node takes over at once.
    void stop();

    bool valid() const;
    LeaseState state() const;
    const LeaseOptions& options() const { return options_; }

private:
    void run();
    void attempt(std::unique_ptr<pg::PgDb>& db);
    void publish(const LeaseState& state);

    LeaseOptions options_;
    Post post_;
    Changed changed_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool failing_ = false;    // the last attempt met a database error
    bool attempted_ = false;  // the first attempt has ended
    std::condition_variable attemptedCv_;
    LeaseState state_;                                 // as last learnt
    LeaseState posted_;                                // as last handed to `changed`
    const std::string instance_ = newLeaseInstance();  // this process, in the lease row
    std::chrono::steady_clock::time_point validUntil_{};
    std::shared_ptr<AcdLease*> self_ = std::make_shared<AcdLease*>(this);
};

}  // namespace agentdesk::server::cluster
