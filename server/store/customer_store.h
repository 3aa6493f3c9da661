#pragma once
// Customers: matching a caller's number, search, the 360 view, create and update.
//
// Threads: not thread-safe; one thread per store object (the server's I/O thread, or a
// reader's own connection).
#include <optional>
#include <string>
#include <vector>

#include "server/store/crm_records.h"

namespace agentdesk::server {

class CustomerStore {
public:
    virtual ~CustomerStore() = default;
    // The customers with this number, best match first (at most 10).
    virtual std::vector<CustomerMatch> matchPhone(const std::string& e164) = 0;
    // The customers with this number among their phones (at most 50), primary holders first.
    virtual std::vector<CustomerSummary> customersByPhone(const std::string& e164) = 0;
    // By phone number, customer number, id, e-mail, or a part of the name (Korean or English).
    virtual std::vector<CustomerSummary> searchCustomers(const std::string& query, int limit) = 0;
    virtual std::optional<Customer360> customer360(const std::string& id) = 0;
    virtual bool customerExists(const std::string& id) = 0;
    // Returns the new id; `change.name` and `change.phones` are set.
    virtual std::string createCustomer(const CustomerChange& change, TimePoint now) = 0;
    // False for an unknown id.
    virtual bool updateCustomer(const std::string& id, const CustomerChange& change,
                                TimePoint now) = 0;
    // A customer's number by its phone id (click-to-dial on a masked number).
    virtual std::optional<std::string> customerPhone(const std::string& customerId,
                                                     const std::string& phoneId) = 0;
    virtual std::optional<std::string> primaryPhone(const std::string& customerId) = 0;
    virtual void flagAbusive(const std::string& customerId, TimePoint at) = 0;
    virtual std::vector<std::string> samplePhones(int count) = 0;  // demo call generator
    virtual int customerCount() = 0;
};

}  // namespace agentdesk::server
