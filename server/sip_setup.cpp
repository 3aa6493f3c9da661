#include "server/sip_setup.h"

#include <filesystem>

#include "common/logging.h"
#include "common/version.h"
#include "server/acd/acd.h"
#include "server/auth/sip_credentials.h"
#include "server/calls/prompts/prompt_library.h"
#include "server/calls/sip/sip_call_control.h"
#include "server/demo/demo_data.h"
#include "server/store/crm_store.h"
#include "server/store/store_engine.h"

namespace agentdesk::server {

std::unique_ptr<SipCallControl> startSipTelephony(const ServerConfig& config,
                                                  const CenterConfig& center,
                                                  const std::string& dbPath, const Clock& clock,
                                                  Acd& acd, CrmStore& store,
                                                  std::function<void(std::function<void()>)> post) {
    SipTelephonyOptions o;
    o.sip.listenHost = config.sipHost;
    o.sip.listenPort = config.sipPort;
    o.sip.trunkAddrs = config.sipTrunks;
    o.sip.outboundUri = config.sipOutbound;
    o.sip.realm = std::string(kSipRealm);
    o.sip.rtpPortMin = config.rtpPortMin;
    o.sip.rtpPortMax = config.rtpPortMax;
    o.sip.rtpTimeoutSec = config.rtpTimeoutSec;
    o.sip.userAgent = std::string("AgentDesk/") + agentdesk::kVersion;
    std::string why;
    auto dir = prompts::findPromptDir(config.promptsDir, &why);
    if (!dir)
        throw std::runtime_error("no caller prompts: " + why);
    o.promptDir = *dir;
    if (!config.recordingsDir.empty()) {
        o.recordingsDir = config.recordingsDir;
    } else {
        // Beside the database file; with PostgreSQL, in this node's data directory.
        const std::filesystem::path db(dbPath == ":memory:"    ? "."
                                       : isPostgresUri(dbPath) ? defaultDatabasePath()
                                                               : dbPath);
        o.recordingsDir = db.parent_path().empty() ? std::filesystem::path("recordings")
                                                   : db.parent_path() / "recordings";
    }
    o.recordingRetentionDays = config.recordingRetentionDays;
    o.numbers = center.numbers;
    o.centerNumberE164 = center.settings.dnis;
    o.lang = config.promptLang == "en" ? prompts::Lang::En : prompts::Lang::Ko;
    auto sip = std::make_unique<SipCallControl>(std::move(o), clock, acd, acd, std::move(post));
    acd.attach(*sip, "sip");
    acd.requirePhones(true);
    sip->setAgents(store.users());
    if (!sip->start(&why))
        throw std::runtime_error("SIP: " + why);
    logging::get("server")->info("SIP on {}:{}", config.sipHost, sip->sipPort());
    return sip;
}

}  // namespace agentdesk::server
