#pragma once
// Who is using a database file, between processes: a running server holds a shared lock on it,
// `agentdesk-server restore` an exclusive one, so a restore is refused while a server serves the
// database and a server does not start while a restore replaces it.
//
// The lock is flock(2) on "<database>-lock" beside the database (the database file itself
// carries SQLite's own POSIX locks, which closing any other descriptor of it would drop). The
// kernel releases it when the process ends, however it ends: a crashed server leaves no stale lock.
//
// Threads: an object is used by one thread; the lock belongs to the process.
#include <optional>
#include <string>

namespace agentdesk::server {

class DatabaseLock {
public:
    enum class Mode { Shared, Exclusive };

    // Takes the lock without waiting. nullopt with `error` set when another process holds it in a
    // conflicting mode (or the lock file cannot be created). A database in memory (":memory:")
    // needs no lock: an empty DatabaseLock is returned.
    static std::optional<DatabaseLock> tryAcquire(const std::string& dbPath, Mode mode,
                                                  std::string& error);

    DatabaseLock(DatabaseLock&& other) noexcept;
    DatabaseLock& operator=(DatabaseLock&& other) noexcept;
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;
    ~DatabaseLock();

private:
    explicit DatabaseLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace agentdesk::server
