#include "server/store/database_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace agentdesk::server {

std::optional<DatabaseLock> DatabaseLock::tryAcquire(const std::string& dbPath, Mode mode,
                                                     std::string& error) {
    if (dbPath == ":memory:" || dbPath.rfind("file:", 0) == 0)
        return DatabaseLock(-1);
    const std::string path = dbPath + "-lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = "cannot open the lock file " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    const int operation = (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    int rc;
    do {
        rc = ::flock(fd, operation);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int cause = errno;
        ::close(fd);
        error = cause == EWOULDBLOCK
                    ? (mode == Mode::Shared
                           ? "a restore is replacing the database " + dbPath + " (wait for it)"
                           : "a server is using the database " + dbPath +
                                 " (stop it first, e.g. systemctl stop agentdesk-server)")
                    : "cannot lock " + path + ": " + std::strerror(cause);
        return std::nullopt;
    }
    return DatabaseLock(fd);
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DatabaseLock& DatabaseLock::operator=(DatabaseLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DatabaseLock::~DatabaseLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

}  // namespace agentdesk::server
