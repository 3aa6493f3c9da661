#pragma once
// The center's accounts: counselors, team leads, trainers, speech-to-text services.
//
// Threads: not thread-safe; one thread per store object (the server's I/O thread).
#include <optional>
#include <string>
#include <vector>

#include "server/domain.h"

namespace agentdesk::server {

class UserStore {
public:
    virtual ~UserStore() = default;
    virtual std::optional<User> userByUsername(const std::string& username) = 0;
    virtual std::optional<User> userById(const std::string& id) = 0;
    virtual std::vector<User> users() = 0;  // by id
    virtual void upsertUser(const User& user) = 0;
};

}  // namespace agentdesk::server
