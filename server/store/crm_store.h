#pragma once
// The CRM store behind the routes, one interface per area (users, customers, contacts and
// notes, evaluations, audit, sessions, and the administration commands imports and exports). SQLite
// and PostgreSQL implement it. Records are typed (crm_records.h); the API's JSON and masking are
// made by the presenters next to the routes.
//
// Threads: not thread-safe; one thread at a time (the server's I/O thread, or a store pool
// thread with a store of its own: store/store_pool.h).
#include <functional>

#include "server/auth/session_store.h"
#include "server/store/audit_store.h"
#include "server/store/contact_store.h"
#include "server/store/customer_store.h"
#include "server/store/data_transfer_store.h"
#include "server/store/evaluation_store.h"
#include "server/store/user_store.h"

namespace agentdesk::server {

class CrmStore : public UserStore,
                 public CustomerStore,
                 public ContactStore,
                 public EvaluationStore,
                 public AuditStore,
                 public DataTransferStore,
                 public SessionStore {
public:
    ~CrmStore() override = default;
    // Runs fn as one transaction (nested calls join it): a change and its audit row are written
    // together or not at all, and a burst of audit rows costs one commit.
    virtual void atomically(const std::function<void()>& fn) = 0;
    // Replaces the wrap-up codes and, when the data set has customers, the customers with their
    // history, evaluations and call records (a demo reset; server/demo makes the data set).
    virtual void loadDataSet(const DataSet& dataSet) = 0;
};

}  // namespace agentdesk::server
