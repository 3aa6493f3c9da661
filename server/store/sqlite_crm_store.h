#pragma once
// CrmStore on SQLite in WAL mode (one connection, owned by the server's I/O thread).
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "common/sqlite_db.h"
#include "server/auth/session_store.h"
#include "server/store/crm_store.h"
#include "server/store/field_cipher.h"
#include "server/store/record_export_rows.h"

namespace agentdesk::server {

class SqliteCrmStore final : public CrmStore {
public:
    // `cipher` seals resident registration numbers at rest. Numbers stored in plain text by an
    // older version are sealed on open; a key that cannot open the stored numbers is refused
    // (std::runtime_error), since starting would show every number as unreadable.
    // DbAccess::ReadOnly: a reading connection to a database the server has opened already (no
    // schema changes, no sealing); only the reading methods may be called on it.
    SqliteCrmStore(const std::string& path, FieldCipher cipher,
                   DbAccess access = DbAccess::ReadWrite);

    // SessionStore (sqlite_crm_sessions.cpp)
    void saveSession(const StoredSession& session) override;
    std::optional<StoredSession> sessionByTokenHash(const std::string& tokenHash) override;
    void touchSession(const std::string& tokenHash, TimePoint lastSeen) override;
    void deleteSession(const std::string& tokenHash) override;
    void deleteSessionsOfUser(const std::string& userId) override;
    int deleteExpiredSessions(TimePoint now) override;
    int deleteAllSessions() override;
    std::vector<std::string> sessionHashes() override;
    std::vector<StoredSession> storedSessions() override;

    // UserStore (sqlite_crm_store.cpp)
    std::optional<User> userByUsername(const std::string& username) override;
    std::optional<User> userById(const std::string& id) override;
    std::vector<User> users() override;
    void upsertUser(const User& user) override;

    // CustomerStore (sqlite_crm_customers.cpp)
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

    // ContactStore (sqlite_crm_notes.cpp, sqlite_crm_data_set.cpp)
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

    // EvaluationStore, AuditStore (sqlite_crm_audit.cpp)
    Evaluation addEvaluation(const Evaluation& evaluation) override;
    std::vector<Evaluation> evaluations(const std::optional<std::string>& agentId) override;
    void audit(const std::string& userId, const std::string& customerId, const std::string& action,
               TimePoint at) override;
    int auditCount(const std::string& customerId) override;

    void atomically(const std::function<void()>& fn) override { db_.transaction(fn); }
    void loadDataSet(const DataSet& dataSet) override;  // sqlite_crm_data_set.cpp

    // The schema version (PRAGMA user_version) this build writes; an older database is migrated
    // to it on open, a newer one refused.
    static int latestSchemaVersion();

    // For bulk loads (benchmarks, imports): runs fn inside one transaction.
    template <typename Fn>
    void inTransaction(Fn&& fn) {
        db_.transaction(std::forward<Fn>(fn));
    }
    // The connection itself, for the backup's record counts (database_backup.h).
    SqliteDb& database() { return db_; }
    // Inserts one customer of a data set with its history (bulk loads: demo, benchmarks).
    void insertCustomer(const CustomerSeed& seed);

    // --- DataTransferStore: customer import (sqlite_crm_import.cpp), exports
    // (sqlite_crm_export.cpp) ---
    std::optional<std::string> customerByExternalId(const std::string& externalId) override;
    std::vector<std::string> customersWithPhone(const std::string& e164) override;
    std::optional<nlohmann::json> customerFields(const std::string& id) override;
    void setExternalId(const std::string& id, const std::string& externalId) override;
    void forEachInteraction(std::int64_t fromMs, std::int64_t toMs,
                            const std::function<void(const InteractionExportRow&)>& fn) override;
    void forEachNote(std::int64_t fromMs, std::int64_t toMs,
                     const std::function<void(const NoteExportRow&)>& fn) override;

private:
    void createSchema();
    void sealResidentNumbers();
    std::vector<CustomerPhone> phonesOf(const std::string& customerId);
    std::vector<CustomerSummary> summariesWithPhones(Statement& rows);
    void insertPhones(const std::string& customerId, const std::vector<CustomerPhone>& phones);
    std::optional<Note> readNote(Statement& st);

    SqliteDb db_;
    FieldCipher cipher_;
};

}  // namespace agentdesk::server
