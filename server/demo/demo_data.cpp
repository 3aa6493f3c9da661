#include "server/demo/demo_data.h"

#include "server/demo/data_set.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "common/logging.h"
#include "common/phone.h"
#include "resources/embedded.h"
#include "server/auth/password_hash.h"
#include "server/auth/sip_credentials.h"
#include "server/kb/kb_import.h"

namespace agentdesk::server {

using nlohmann::json;

CenterConfig parseCenterConfig(const json& center) {
    if (!center.is_object() || !center.contains("queues")) {
        throw std::runtime_error("center configuration has no queues");
    }
    CenterConfig c;
    const json s = center.value("settings", json::object());
    c.settings.acwMandatory = s.value("acwMode", std::string("mandatory")) == "mandatory";
    c.settings.acwTimeoutSec = s.value("acwTimeoutSec", 120);
    c.settings.ringTimeoutSec = s.value("ringTimeoutSec", 15);
    c.settings.abuseWarningsBeforeHangup = s.value("abuseWarningsBeforeHangup", 2);
    c.settings.ewtMinAnswered = s.value("ewtMinAnswered", 5);
    c.settings.outboundAnswerSec = s.value("outboundAnswerSec", 4);
    c.settings.protectionRestMin = s.value("protectionRestMin", 10);
    if (c.settings.protectionRestMin < 1 || c.settings.protectionRestMin > 120)
        throw std::runtime_error("settings.protectionRestMin must be 1-120 minutes");
    const json info = center.value("center", json::object());
    c.settings.utcOffsetMinutes = info.value("utcOffsetMinutes", 540);
    for (const auto& q : center["queues"]) {
        QueueConfig qc;
        qc.id = q.at("id").get<std::string>();
        qc.name = q.value("name", qc.id);
        qc.nameEn = q.value("nameEn", qc.name);
        qc.skill = q.value("skill", qc.id);
        qc.slThresholdSec = q.value("slThresholdSec", 20);
        qc.slTargetPct = q.value("slTargetPct", s.value("slTargetPct", 80.0));
        qc.recommendedTalkSec = q.value("recommendedTalkSec", 300);
        qc.weight = q.value("weight", 1.0);
        for (const auto& i : q.value("intents", json::array())) {
            qc.intents.push_back({i.at("id").get<std::string>(), i.value("labelKo", ""),
                                  i.value("labelEn", ""),
                                  i.value("ivrPath", std::vector<std::string>{})});
        }
        c.queues.push_back(std::move(qc));
    }
    for (const auto& r : center.value("notReadyReasons", json::array())) {
        c.reasons.push_back(
            {r.at("code").get<std::string>(), r.value("labelKo", ""), r.value("labelEn", "")});
    }
    for (const auto& u : center.value("users", json::array())) {
        User user;
        user.id = u.at("id").get<std::string>();
        user.username = u.at("username").get<std::string>();
        user.name = u.value("name", user.username);
        user.nameEn = u.value("nameEn", user.name);
        user.role = parseRole(u.value("role", std::string("counselor"))).value_or(Role::Counselor);
        user.skills = u.value("skills", std::vector<std::string>{});
        user.extension = u.value("extension", "");
        c.users.push_back(std::move(user));
    }
    c.demoPassword = center.value("demoPassword", std::string("demo"));
    const json numbers = center.value("center", json::object()).value("numbers", json::object());
    for (const auto& [number, queue] : numbers.items()) {
        const auto e164 = phone::toE164(number);
        if (!e164 || !queue.is_string())
            throw std::runtime_error("numbers: \"" + number +
                                     "\" must be a phone number mapped to a queue id");
        const std::string q = queue.get<std::string>();
        if (std::none_of(c.queues.begin(), c.queues.end(),
                         [&](const QueueConfig& qc) { return qc.id == q; }))
            throw std::runtime_error("numbers: \"" + number + "\" maps to unknown queue " + q);
        c.numbers[*e164] = q;
    }
    return c;
}

std::vector<User> demoLoadAgents(const CenterConfig& config, int count) {
    long lastExtension = 0;
    for (const auto& u : config.users) {
        char* end = nullptr;
        const long ext = std::strtol(u.extension.c_str(), &end, 10);
        if (!u.extension.empty() && end && *end == '\0')
            lastExtension = std::max(lastExtension, ext);
    }
    std::vector<std::string> skills;
    for (const auto& q : config.queues) {
        if (std::find(skills.begin(), skills.end(), q.skill) == skills.end())
            skills.push_back(q.skill);
    }
    std::vector<User> agents;
    agents.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 1; i <= count; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "%03d", i);
        User user;
        user.username = std::string("agent") + number;
        user.id = "U-" + user.username;
        user.name = std::string("상담사 ") + number;
        user.nameEn = std::string("Agent ") + number;
        user.role = Role::Counselor;
        user.skills = skills;
        user.extension = std::to_string(lastExtension + i);
        agents.push_back(std::move(user));
    }
    return agents;
}

void seedReferenceData(CrmStore& store, const json& center) {
    if (!store.wrapupCodes().empty())
        return;
    store.loadDataSet(dataSetFromJson(center, json::object()));
}

void seedDemoData(CrmStore& store, const CenterConfig& config, const json& center,
                  const json& customers, bool force) {
    if (force || store.customerCount() == 0)
        store.loadDataSet(dataSetFromJson(center, customers));
    std::string hash;  // one Argon2id hash of the shared demo password
    for (const auto& u : config.users) {
        if (auto existing = store.userById(u.id)) {
            // Demo databases from before real telephony: their phones get the demo password.
            if (existing->sipHa1.empty() && !existing->extension.empty()) {
                existing->sipHa1 =
                    sipDigestHa1(existing->extension, kSipRealm, config.demoPassword);
                store.upsertUser(*existing);
            }
            continue;
        }
        if (hash.empty())
            hash = hashPassword(config.demoPassword);
        User user = u;
        user.passwordHash = hash;
        // Demo phones register with the same demo password (docs/telephony.md).
        if (!user.extension.empty())
            user.sipHa1 = sipDigestHa1(user.extension, kSipRealm, config.demoPassword);
        store.upsertUser(user);
    }
}

void seedAtStart(CrmStore& store, KnowledgeStore& kb, const CenterConfig& config,
                 const json& center, bool demo, bool demoKnowledge, TimePoint now) {
    if (!demo)
        return seedReferenceData(store, center);
    seedDemoData(store, config, center, json::parse(resources::demoCustomersJson()), false);
    if (demoKnowledge && kb.articleCount() == 0) {
        const auto report = importArticles(kb, resources::demoKnowledgeJsonl(), now);
        logging::get("server")->info("demo knowledge base: {} articles", report.imported);
    }
}

}  // namespace agentdesk::server
