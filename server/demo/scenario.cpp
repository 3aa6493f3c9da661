#include "server/demo/scenario.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "common/phone.h"
#include "resources/embedded.h"
#include "server/customer_validation.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

constexpr int kMaxSec = 86400;
constexpr std::size_t kMaxCalls = 200;
constexpr std::size_t kMaxLines = 200;

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Collects problems with a path prefix ("calls[1].transcript[0].text").
class Checker {
public:
    explicit Checker(std::vector<std::string>& problems) : problems_(problems) {}

    void problem(const std::string& path, const std::string& message) {
        problems_.push_back(path + ": " + message);
    }

    void onlyKeys(const json& object, const std::string& path,
                  std::initializer_list<const char*> allowed) {
        for (const auto& [key, value] : object.items()) {
            if (key == "$comment")
                continue;
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&name = key](const char* a) { return name == a; })) {
                problem(path.empty() ? key : path + "." + key, "unknown member");
            }
        }
    }

    std::optional<std::string> string(const json& object, const char* key, const std::string& path,
                                      bool required) {
        const std::string at = path.empty() ? key : path + "." + key;
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                problem(at, "is required");
            return std::nullopt;
        }
        if (!it->is_string() || it->get<std::string>().empty()) {
            problem(at, "must be a non-empty string");
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    std::optional<int> seconds(const json& object, const char* key, const std::string& path,
                               bool required, int min) {
        const std::string at = path + "." + key;
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                problem(at, "is required");
            return std::nullopt;
        }
        if (!it->is_number_integer() || it->get<long long>() < min ||
            it->get<long long>() > kMaxSec) {
            problem(at, "must be a whole number of seconds from " + std::to_string(min) + " to " +
                            std::to_string(kMaxSec));
            return std::nullopt;
        }
        return it->get<int>();
    }

    // {"ko": "...", "en": "..."}, both required.
    std::optional<ScenarioText> text(const json& object, const char* key, const std::string& path) {
        const std::string at = path.empty() ? key : path + "." + key;
        auto it = object.find(key);
        if (it == object.end()) {
            problem(at, "is required");
            return std::nullopt;
        }
        if (!it->is_object()) {
            problem(at, "must be an object {\"ko\": text, \"en\": text}");
            return std::nullopt;
        }
        onlyKeys(*it, at, {"ko", "en"});
        auto ko = string(*it, "ko", at, true);
        auto en = string(*it, "en", at, true);
        if (!ko || !en)
            return std::nullopt;
        return ScenarioText{*ko, *en};
    }

private:
    std::vector<std::string>& problems_;
};

const QueueConfig* findQueue(const ScenarioRules& rules, const std::string& id) {
    if (!rules.queues)
        return nullptr;
    for (const auto& q : *rules.queues) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}

void parseCaller(Checker& check, const json& c, const std::string& at, const ScenarioRules& rules,
                 ScenarioCall& call) {
    const int given = c.contains("customerId") + c.contains("phone") + c.contains("newCustomer");
    if (given != 1) {
        check.problem(at, "give exactly one caller: customerId, phone or newCustomer");
        return;
    }
    if (c.contains("customerId")) {
        auto id = check.string(c, "customerId", at, true);
        if (id && rules.customerExists && !rules.customerExists(*id))
            check.problem(at + ".customerId", "unknown customer \"" + *id + "\"");
        call.customerId = id;
    } else if (c.contains("phone")) {
        auto text = check.string(c, "phone", at, true);
        if (!text)
            return;
        auto e164 = phone::toE164(*text);
        if (!e164)
            check.problem(at + ".phone", "\"" + *text + "\" is not a Korean phone number");
        call.phoneE164 = e164;
    } else {
        const json& body = c["newCustomer"];
        if (!body.is_object()) {
            check.problem(at + ".newCustomer", "must be an object (the fields of POST /customers)");
            return;
        }
        json normalized;
        const Outcome o = validateCustomer(body, true, normalized);
        if (!o.ok()) {
            if (o.fields.empty())
                check.problem(at + ".newCustomer", o.message);
            for (const auto& f : o.fields)
                check.problem(at + ".newCustomer." + f.field, f.message);
            return;
        }
        call.newCustomer = std::move(normalized);
    }
}

void parseTranscript(Checker& check, const json& c, const std::string& at, ScenarioCall& call) {
    auto it = c.find("transcript");
    if (it == c.end())
        return;
    const std::string path = at + ".transcript";
    if (!it->is_array()) {
        check.problem(path, "must be an array of lines");
        return;
    }
    if (it->size() > kMaxLines) {
        check.problem(path, "has more than " + std::to_string(kMaxLines) + " lines");
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& l = (*it)[i];
        const std::string lat = path + "[" + std::to_string(i) + "]";
        if (!l.is_object()) {
            check.problem(lat, "must be an object {speaker, text, atSec}");
            continue;
        }
        check.onlyKeys(l, lat, {"speaker", "text", "atSec"});
        ScenarioLine line;
        auto speaker = check.string(l, "speaker", lat, true);
        if (speaker && *speaker != "customer" && *speaker != "agent")
            check.problem(lat + ".speaker", "must be \"customer\" or \"agent\"");
        auto text = check.text(l, "text", lat);
        auto atSec = check.seconds(l, "atSec", lat, true, 0);
        if (atSec && call.talkSec && *atSec >= *call.talkSec) {
            check.problem(lat + ".atSec", "comes after the caller hangs up (talkSec " +
                                              std::to_string(*call.talkSec) + ")");
        }
        if (!speaker || !text || !atSec)
            continue;
        line.speaker = *speaker;
        line.text = *text;
        line.atSec = *atSec;
        call.transcript.push_back(std::move(line));
    }
    std::stable_sort(
        call.transcript.begin(), call.transcript.end(),
        [](const ScenarioLine& a, const ScenarioLine& b) { return a.atSec < b.atSec; });
}

void parseCall(Checker& check, const json& c, const std::string& at, const ScenarioRules& rules,
               ScenarioCall& call) {
    if (!c.is_object()) {
        check.problem(at, "must be an object");
        return;
    }
    check.onlyKeys(c, at,
                   {"atSec", "customerId", "phone", "newCustomer", "queue", "intent", "verified",
                    "waitedSec", "patienceSec", "talkSec", "transcript"});
    call.atSec = check.seconds(c, "atSec", at, true, 0).value_or(0);
    parseCaller(check, c, at, rules, call);
    auto queueId = check.string(c, "queue", at, true);
    auto intent = check.string(c, "intent", at, true);
    if (queueId) {
        const QueueConfig* q = findQueue(rules, *queueId);
        if (!q) {
            check.problem(at + ".queue", "unknown queue \"" + *queueId + "\"");
        } else if (intent && std::none_of(q->intents.begin(), q->intents.end(),
                                          [&](const QueueIntent& i) { return i.id == *intent; })) {
            check.problem(at + ".intent",
                          "\"" + *intent + "\" is not an intent of queue \"" + *queueId + "\"");
        }
        call.queue = *queueId;
    }
    call.intent = intent.value_or("");
    if (auto it = c.find("verified"); it != c.end()) {
        if (!it->is_boolean())
            check.problem(at + ".verified", "must be true or false");
        else
            call.verified = it->get<bool>();
    }
    call.waitedSec = check.seconds(c, "waitedSec", at, false, 0).value_or(0);
    call.patienceSec = check.seconds(c, "patienceSec", at, false, 1);
    call.talkSec = check.seconds(c, "talkSec", at, false, 1);
    parseTranscript(check, c, at, call);
}

}  // namespace

int Scenario::durationSec() const {
    int end = 0;
    for (const auto& c : calls) {
        int talk = c.transcript.empty() ? 0 : c.transcript.back().atSec;
        if (c.talkSec)
            talk = std::max(talk, *c.talkSec);
        end = std::max(end, c.atSec + talk);
    }
    return end;
}

std::vector<std::string> parseScenario(const json& doc, const ScenarioRules& rules, Scenario& out) {
    std::vector<std::string> problems;
    Checker check(problems);
    if (!doc.is_object()) {
        problems.push_back("the scenario must be a JSON object");
        return problems;
    }
    check.onlyKeys(doc, "", {"id", "title", "description", "calls"});
    if (auto id = check.string(doc, "id", "", true)) {
        if (!validId(*id))
            check.problem("id", "use 1-64 of a-z, 0-9, _ and -");
        out.id = *id;
    }
    if (auto t = check.text(doc, "title", ""))
        out.title = *t;
    if (auto d = check.text(doc, "description", ""))
        out.description = *d;
    auto calls = doc.find("calls");
    if (calls == doc.end() || !calls->is_array() || calls->empty()) {
        check.problem("calls", "must be a non-empty array");
    } else if (calls->size() > kMaxCalls) {
        check.problem("calls", "has more than " + std::to_string(kMaxCalls) + " calls");
    } else {
        for (std::size_t i = 0; i < calls->size(); ++i) {
            ScenarioCall call;
            parseCall(check, (*calls)[i], "calls[" + std::to_string(i) + "]", rules, call);
            out.calls.push_back(std::move(call));
        }
        std::stable_sort(
            out.calls.begin(), out.calls.end(),
            [](const ScenarioCall& a, const ScenarioCall& b) { return a.atSec < b.atSec; });
    }
    return problems;
}

std::vector<Scenario> loadScenarios(const std::vector<ScenarioFile>& files,
                                    const ScenarioRules& rules) {
    std::vector<Scenario> scenarios;
    std::vector<std::string> problems;
    std::set<std::string> ids;
    for (const auto& file : files) {
        const json doc = json::parse(file.text, nullptr, false);
        if (doc.is_discarded()) {
            problems.push_back(file.name + ": not valid JSON");
            continue;
        }
        Scenario s;
        s.source = file.name;
        const auto found = parseScenario(doc, rules, s);
        for (const auto& p : found)
            problems.push_back(file.name + ": " + p);
        if (!found.empty())
            continue;
        if (!ids.insert(s.id).second) {
            problems.push_back(file.name + ": id \"" + s.id + "\" is used by another scenario");
            continue;
        }
        scenarios.push_back(std::move(s));
    }
    if (!problems.empty()) {
        std::string message = "invalid demo scenario file(s):";
        for (const auto& p : problems)
            message += "\n  " + p;
        throw std::runtime_error(message);
    }
    return scenarios;
}

std::vector<ScenarioFile> readScenarioDirectory(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error("scenario directory " + dir + " cannot be read");
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            paths.push_back(entry.path());
    }
    if (ec)
        throw std::runtime_error("scenario directory " + dir + ": " + ec.message());
    std::sort(paths.begin(), paths.end());
    std::vector<ScenarioFile> files;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in)
            throw std::runtime_error("cannot read scenario file " + path.string());
        files.push_back({path.string(), text.str()});
    }
    return files;
}

std::vector<Scenario> loadDemoScenarios(const std::string& extraDir, const ScenarioRules& rules) {
    std::vector<ScenarioFile> files;
    for (const auto& file : resources::demoScenarioFiles())
        files.push_back(
            {"resources/demo/scenarios/" + std::string(file.name), std::string(file.data)});
    if (!extraDir.empty()) {
        for (auto& file : readScenarioDirectory(extraDir))
            files.push_back(std::move(file));
    }
    return loadScenarios(files, rules);
}

}  // namespace agentdesk::server
