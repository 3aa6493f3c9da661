#include "server/routes/crm_presenter.h"

#include <algorithm>

#include "common/phone.h"
#include "server/masking.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

json nullable(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

json phonesJson(const std::vector<CustomerPhone>& phones, bool inFull) {
    json out = json::array();
    for (const auto& p : phones) {
        json item{{"id", std::to_string(p.id)}, {"label", p.label}, {"primary", p.primary}};
        if (inFull) {
            item["number"] = phone::formatLocal(p.e164);
            item["e164"] = p.e164;
        } else {
            item["number"] = phone::maskLocal(p.e164);
            item["masked"] = true;
        }
        out.push_back(std::move(item));
    }
    return out;
}

// The counselor on a call with this customer, or with a caller whose number this customer has
// (a number shared by several customers: the handler sees each candidate in full).
bool handledBy(const Customer& customer, const Viewer& viewer) {
    if (viewer.role != Role::Counselor)
        return false;
    if (viewer.currentCallCustomerId == customer.id)
        return true;
    return viewer.currentCallerE164 &&
           std::any_of(customer.phones.begin(), customer.phones.end(),
                       [&](const CustomerPhone& p) { return p.e164 == *viewer.currentCallerE164; });
}

json interactionJson(const Interaction& i) {
    json notes = json::array();
    for (const auto& n : i.notes)
        notes.push_back(noteJson(n));
    return {{"id", i.id},
            {"callId", nullable(i.callId)},
            {"channel", i.channel},
            {"direction", i.direction},
            {"queue", i.queue},
            {"startedAt", toRfc3339(i.startedAt)},
            {"durationSec", i.durationSec},
            {"reason", nullable(i.reason)},
            {"endReason", nullable(i.endReason)},
            {"wrapupCode", nullable(i.wrapupCode)},
            {"agentId", nullable(i.agentId)},
            {"agentName", nullable(i.agentName)},
            {"notes", std::move(notes)}};
}

}  // namespace

json noteJson(const Note& note) {
    return {{"id", note.id},
            {"idempotencyKey", note.idempotencyKey},
            {"callId", nullable(note.callId)},
            {"customerId", note.customerId},
            {"wrapupCode", note.wrapupCode},
            {"text", note.text},
            {"authorId", note.authorId},
            {"version", note.version},
            {"draftKept", note.draftKept ? json(*note.draftKept) : json(nullptr)},
            {"createdAt", toRfc3339(note.createdAt)},
            {"updatedAt", toRfc3339(note.updatedAt)}};
}

json customerListJson(const std::vector<CustomerSummary>& customers) {
    json out = json::array();
    for (const auto& c : customers) {
        out.push_back({{"id", c.id},
                       {"customerNo", c.customerNo},
                       {"name", c.name},
                       {"nameEn", c.nameEn},
                       {"grade", c.grade},
                       {"vip", c.vip},
                       {"abusiveHistory", c.abusiveHistory},
                       {"email", nullable(c.email)},
                       {"lastContactReason", nullable(c.lastContactReason)},
                       {"externalId", nullable(c.externalId)},
                       {"phones", phonesJson(c.phones, false)}});
    }
    return out;
}

json customer360Json(const Customer360& view, const Viewer& viewer) {
    const Customer& c = view.customer;
    json customer{{"id", c.id},
                  {"customerNo", c.customerNo},
                  {"externalId", nullable(c.externalId)},
                  {"name", c.name},
                  {"nameEn", c.nameEn},
                  {"email", nullable(c.email)},
                  {"birthDate", nullable(c.birthDate)},
                  {"residentNumber",
                   c.residentNumber ? json(maskResidentNumber(*c.residentNumber)) : json(nullptr)},
                  {"gender", nullable(c.gender)},
                  {"grade", c.grade},
                  {"address", nullable(c.address)},
                  {"preferredLang", c.preferredLang},
                  {"createdAt", toRfc3339(c.createdAt)},
                  {"updatedAt", toRfc3339(c.updatedAt)},
                  {"phones", phonesJson(c.phones, handledBy(c, viewer))}};
    json products = json::array();
    for (const auto& p : view.products) {
        products.push_back({{"id", p.id},
                            {"kind", p.kind},
                            {"name", p.name},
                            {"number", p.kind == "card" ? maskCardNumber(p.number) : p.number},
                            {"status", p.status},
                            {"startedAt", nullable(p.startedAt)},
                            {"monthlyFee", p.monthlyFee}});
    }
    json cases = json::array();
    for (const auto& k : view.openCases) {
        cases.push_back({{"id", k.id},
                         {"title", k.title},
                         {"status", k.status},
                         {"priority", k.priority},
                         {"queue", k.queue},
                         {"openedAt", k.openedAt},
                         {"updatedAt", k.updatedAt}});
    }
    json history = interactionPageJson(view.history);
    return {
        {"customer", std::move(customer)},
        {"flags",
         {{"vip", c.vip}, {"abusiveHistory", c.abusiveHistory}, {"abusiveCount", c.abusiveCount}}},
        {"consents", json(c.consents)},
        {"products", std::move(products)},
        {"openCases", std::move(cases)},
        {"interactions", std::move(history["items"])},
        {"hasMoreInteractions", history["hasMore"]},
        {"lastContactReason", nullable(c.lastContactReason)}};
}

json interactionPageJson(const InteractionPage& page) {
    json items = json::array();
    for (const auto& i : page.items)
        items.push_back(interactionJson(i));
    return {{"items", std::move(items)}, {"hasMore", page.hasMore}};
}

json wrapupCodesJson(const std::vector<WrapupCode>& codes) {
    json out = json::array();
    for (const auto& w : codes) {
        out.push_back({{"code", w.code},
                       {"category", w.category},
                       {"labels", {{"ko", w.labelKo}, {"en", w.labelEn}}},
                       {"templates", {{"ko", w.templateKo}, {"en", w.templateEn}}}});
    }
    return out;
}

json evaluationJson(const Evaluation& e) {
    return {{"id", e.id},
            {"callId", e.callId},
            {"agentId", e.agentId},
            {"evaluatorId", e.evaluatorId},
            {"scores",
             {{"greeting", e.scores.greeting},
              {"attitude", e.scores.attitude},
              {"handling", e.scores.handling},
              {"closing", e.scores.closing},
              {"empathy", e.scores.empathy}}},
            {"comment", e.comment},
            {"createdAt", toRfc3339(e.createdAt)}};
}

json evaluationsJson(const std::vector<Evaluation>& evaluations) {
    json out = json::array();
    for (const auto& e : evaluations)
        out.push_back(evaluationJson(e));
    return out;
}

}  // namespace agentdesk::server
