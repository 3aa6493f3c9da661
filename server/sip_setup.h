#pragma once
// Real telephony for a server: the B2BUA on the configured SIP address, its prompts and
// recordings, and the agents' phones from the users, attached to the ACD and started.
#include <functional>
#include <memory>
#include <string>

#include "server/server_app.h"

namespace agentdesk::server {

class Acd;
class CrmStore;
struct CenterConfig;

// Throws std::runtime_error when the prompts are missing or the SIP side cannot start.
std::unique_ptr<SipCallControl> startSipTelephony(const ServerConfig& config,
                                                  const CenterConfig& center,
                                                  const std::string& dbPath, const Clock& clock,
                                                  Acd& acd, CrmStore& store,
                                                  std::function<void(std::function<void()>)> post);

}  // namespace agentdesk::server
