#pragma once
// CrmStore and SessionStore on PostgreSQL 15 (libpq): the same areas, records and answers as
// the SQLite store (tests/store runs one conformance suite against both).
//
// Threads: not thread-safe; one connection, used by one thread at a time.
#include <string>

#include "server/auth/session_store.h"
#include "server/store/crm_store.h"
#include "server/store/field_cipher.h"
#include "server/store/pg/pg_db.h"

namespace agentdesk::server::pg {

class PgCrmStore final : public CrmStore {
public:
    // Connects, refuses a database that is not UTF-8 or was written by a newer build, and
    // brings an older schema to this build's (PgError). `cipher` seals resident registration
    // numbers; a key that cannot open the stored ones is refused (std::runtime_error).
    PgCrmStore(const std::string& conninfo, FieldCipher cipher);

    static int latestSchemaVersion();
    int schemaVersion();

    // SessionStore (pg_crm_store.cpp)
    void saveSession(const StoredSession& session) override;
    std::optional<StoredSession> sessionByTokenHash(const std::string& tokenHash) override;
    void touchSession(const std::string& tokenHash, TimePoint lastSeen) override;
    void deleteSession(const std::string& tokenHash) override;
    void deleteSessionsOfUser(const std::string& userId) override;
    int deleteExpiredSessions(TimePoint now) override;
    int deleteAllSessions() override;
    std::vector<std::string> sessionHashes() override;
    std::vector<StoredSession> storedSessions() override;

    // UserStore (pg_crm_store.cpp)
    std::optional<User> userByUsername(const std::string& username) override;
    std::optional<User> userById(const std::string& id) override;
    std::vector<User> users() override;
    void upsertUser(const User& user) override;

    // CustomerStore (pg_crm_customers.cpp)
    std::vector<CustomerMatch> matchPhone(const std::string& e164) override;
    std::vector<CustomerSummary> customersByPhone(const std::string& e164) override;
    std::vector<CustomerSummary> searchCustomers(const std::string& query, int limit) override;
    std::optional<Customer360> customer360(const std::string& id) override;
    bool customerExists(const std::string& id) override;
    std::string createCustomer(const CustomerChange& change, TimePoint now) override;
    bool updateCustomer(const std::string& id, const CustomerChange& change,
                        TimePoint now) override;
    std::optional<std::string> customerPhone(const std::string& customerId,
                                             const std::string& phoneId) override;
    std::optional<std::string> primaryPhone(const std::string& customerId) override;
    void flagAbusive(const std::string& customerId, TimePoint at) override;
    std::vector<std::string> samplePhones(int count) override;
    int customerCount() override;

    // ContactStore (pg_crm_contacts.cpp)
    InteractionPage interactions(const std::string& customerId, std::optional<TimePoint> before,
                                 int limit) override;
    void recordInteraction(const InteractionRecord& record) override;
    void setInteractionWrapup(const std::string& callId, const std::string& agentId,
                              const std::string& code,
                              const std::optional<std::string>& noteId) override;
    std::optional<std::string> customerOfCall(const std::string& callId) override;
    NoteCreated createNote(const Note& draft, bool authorOnCall) override;
    std::pair<NoteUpdate, Note> updateNote(const std::string& id, const std::string& text,
                                           const std::string& wrapupCode, int expectedVersion,
                                           TimePoint now) override;
    std::optional<Note> note(const std::string& id) override;
    std::vector<WrapupCode> wrapupCodes() override;
    bool wrapupCodeExists(const std::string& code) override;
    void saveCallAssist(const CallAssistRecord& record) override;
    std::optional<CallAssistRecord> callAssist(const std::string& callId) override;

    // EvaluationStore, AuditStore (pg_crm_audit.cpp)
    Evaluation addEvaluation(const Evaluation& evaluation) override;
    std::vector<Evaluation> evaluations(const std::optional<std::string>& agentId) override;
    void audit(const std::string& userId, const std::string& customerId, const std::string& action,
               TimePoint at) override;
    int auditCount(const std::string& customerId) override;

    void atomically(const std::function<void()>& fn) override { db_.transaction(fn); }
    void loadDataSet(const DataSet& dataSet) override;  // pg_crm_data_set.cpp
    void insertCustomer(const CustomerSeed& seed);

    // --- DataTransferStore (pg_crm_data_transfer.cpp) ---
    std::optional<std::string> customerByExternalId(const std::string& externalId) override;
    std::vector<std::string> customersWithPhone(const std::string& e164) override;
    std::optional<nlohmann::json> customerFields(const std::string& id) override;
    void setExternalId(const std::string& id, const std::string& externalId) override;
    void forEachInteraction(std::int64_t fromMs, std::int64_t toMs,
                            const std::function<void(const InteractionExportRow&)>& fn) override;
    void forEachNote(std::int64_t fromMs, std::int64_t toMs,
                     const std::function<void(const NoteExportRow&)>& fn) override;

private:
    void migrate();  // pg_crm_schema.cpp
    // Inside a transaction: waits for any other transaction linking this call's interaction
    // and notes (pg_crm_contacts.cpp).
    void lockCall(const std::string& callId);
    void checkKey();
    std::vector<CustomerPhone> phonesOf(const std::string& customerId);
    std::vector<CustomerSummary> summariesWithPhones(const Result& rows);
    void insertPhones(const std::string& customerId, const std::vector<CustomerPhone>& phones);

    PgDb db_;
    FieldCipher cipher_;
};

}  // namespace agentdesk::server::pg
