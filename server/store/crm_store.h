#pragma once
// The CRM store behind the routes. SQLite implements it today; a PostgreSQL implementation
// can replace it without touching routes (docs/architecture.md "Embedded default and scale").
// Read models come back as JSON in the shape of the API so every implementation answers alike.
//
// Threads: not thread-safe; the server calls it from its I/O thread only.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/domain.h"

namespace agentdesk::server {

class CrmStore {
public:
    virtual ~CrmStore() = default;

    // --- users ---
    virtual std::optional<User> userByUsername(const std::string& username) = 0;
    virtual std::optional<User> userById(const std::string& id) = 0;
    virtual std::vector<User> users() = 0;
    virtual void upsertUser(const User& user) = 0;

    // --- customers ---
    virtual std::vector<CustomerMatch> matchPhone(const std::string& e164) = 0;
    virtual nlohmann::json customersByPhone(const std::string& e164, const Viewer& viewer) = 0;
    virtual nlohmann::json searchCustomers(const std::string& query, int limit,
                                           const Viewer& viewer) = 0;
    virtual std::optional<nlohmann::json> customer360(const std::string& id,
                                                      const Viewer& viewer) = 0;
    virtual bool customerExists(const std::string& id) = 0;
    // `fields` is already validated (customer_validation.h). Returns the new id.
    virtual std::string createCustomer(const nlohmann::json& fields, TimePoint now) = 0;
    virtual bool updateCustomer(const std::string& id, const nlohmann::json& fields,
                                TimePoint now) = 0;
    // Phone number of a customer by its phone id (for click-to-dial on a masked number).
    virtual std::optional<std::string> customerPhone(const std::string& customerId,
                                                     const std::string& phoneId) = 0;
    virtual nlohmann::json interactions(const std::string& customerId,
                                        std::optional<TimePoint> before, int limit) = 0;
    virtual void flagAbusive(const std::string& customerId, TimePoint at) = 0;
    virtual std::vector<std::string> samplePhones(int count) = 0;  // demo call generator
    virtual std::optional<std::string> primaryPhone(const std::string& customerId) = 0;

    // --- contacts and notes ---
    virtual void recordInteraction(const InteractionRecord& record) = 0;
    // The wrap-up of one agent's leg of a call (a transferred call has one leg per agent).
    virtual void setInteractionWrapup(const std::string& callId, const std::string& agentId,
                                      const std::string& code,
                                      const std::optional<std::string>& noteId) = 0;
    struct NoteCreated {
        Note note;
        bool created = false;  // false: the idempotency key was seen before
    };
    // authorOnCall: the author is still on (or wrapping up) that call, so the note waits for
    // the author's own leg to be recorded instead of joining another agent's leg.
    virtual NoteCreated createNote(const Note& draft, bool authorOnCall) = 0;
    enum class NoteUpdate { Updated, NotFound, Conflict };
    virtual std::pair<NoteUpdate, Note> updateNote(const std::string& id, const std::string& text,
                                                   const std::string& wrapupCode,
                                                   int expectedVersion, TimePoint now) = 0;
    virtual std::optional<Note> note(const std::string& id) = 0;

    // --- reference data ---
    virtual nlohmann::json wrapupCodes() = 0;
    virtual bool wrapupCodeExists(const std::string& code) = 0;

    // --- audit and quality ---
    // Runs fn as one transaction (nested calls join it): a change and its audit row are written
    // together or not at all, and a burst of audit rows costs one commit.
    virtual void atomically(const std::function<void()>& fn) = 0;
    virtual void audit(const std::string& userId, const std::string& customerId,
                       const std::string& action, TimePoint at) = 0;
    virtual int auditCount(const std::string& customerId) = 0;
    // The customer a call was with (from its recorded interaction); nullopt when unknown.
    virtual std::optional<std::string> customerOfCall(const std::string& callId) = 0;
    virtual nlohmann::json addEvaluation(const nlohmann::json& evaluation) = 0;
    virtual nlohmann::json evaluations(const std::optional<std::string>& agentId) = 0;
    // Agent assist: a call leg's transcript and drafted note (a later leg of the same call by
    // the same agent replaces it); the newest record of a call.
    virtual void saveCallAssist(const CallAssistRecord& record) = 0;
    virtual std::optional<CallAssistRecord> callAssist(const std::string& callId) = 0;

    // --- data set ---
    // Replaces the wrap-up codes, and — when `customers` has a "customers" array — customers,
    // history and evaluations with the given data set (demo reset).
    virtual void loadDataSet(const nlohmann::json& center, const nlohmann::json& customers) = 0;
    virtual int customerCount() = 0;
};

nlohmann::json noteJson(const Note& note);

}  // namespace agentdesk::server
