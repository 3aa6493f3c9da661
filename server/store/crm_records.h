#pragma once
// The records the CRM stores give and take. They hold the stored facts in full (numbers,
// resident registration numbers opened); masking and the API's JSON are the presenters' job
// (server/routes/crm_presenter.h), so every store implementation answers alike.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/time_util.h"
#include "server/domain.h"

namespace agentdesk::server {

struct CustomerPhone {
    std::int64_t id = 0;  // the store's row id (click-to-dial names a number by it)
    std::string e164;
    std::string label;  // mobile, home, work, other
    bool primary = false;
};

// A customer in a search result list.
struct CustomerSummary {
    std::string id;
    std::string customerNo;
    std::string name;
    std::string nameEn;
    std::string grade;
    bool vip = false;
    bool abusiveHistory = false;
    std::optional<std::string> email;
    std::optional<std::string> lastContactReason;
    std::optional<std::string> externalId;
    std::vector<CustomerPhone> phones;  // primary first
};

// Consent name (marketing, sms, email, thirdParty, recording) → given.
using Consents = std::map<std::string, bool>;

struct Customer {
    std::string id;
    std::string customerNo;
    std::optional<std::string> externalId;
    std::string name;
    std::string nameEn;
    std::optional<std::string> email;
    std::optional<std::string> birthDate;  // YYYY-MM-DD
    // The resident registration number, opened; "" when the key does not open it.
    std::optional<std::string> residentNumber;
    std::optional<std::string> gender;
    std::string grade = "NORMAL";
    std::optional<std::string> address;
    std::string preferredLang = "ko";
    bool vip = false;
    bool abusiveHistory = false;
    int abusiveCount = 0;
    Consents consents;
    std::optional<std::string> lastContactReason;
    TimePoint createdAt;
    TimePoint updatedAt;
    std::vector<CustomerPhone> phones;  // primary first
};

struct Product {
    std::string id;
    std::string kind;  // card, loan, deposit, mobile…
    std::string name;
    std::string number;  // in full (a card number is masked by the presenter)
    std::string status;
    std::optional<std::string> startedAt;
    std::int64_t monthlyFee = 0;
};

struct OpenCase {
    std::string id;
    std::string title;
    std::string status;
    std::string priority;
    std::string queue;
    std::string openedAt;
    std::string updatedAt;
};

// One contact in a customer's history, with the notes written on it.
struct Interaction {
    std::string id;
    std::optional<std::string> callId;
    std::string channel;
    std::string direction;
    std::string queue;
    TimePoint startedAt;
    int durationSec = 0;
    std::optional<std::string> reason;
    std::optional<std::string> endReason;
    std::optional<std::string> wrapupCode;
    std::optional<std::string> agentId;
    std::optional<std::string> agentName;
    std::vector<Note> notes;  // oldest first
};

struct InteractionPage {
    std::vector<Interaction> items;  // newest first
    bool hasMore = false;
};

struct Customer360 {
    Customer customer;
    std::vector<Product> products;  // active first
    std::vector<OpenCase> openCases;
    InteractionPage history;  // the newest 20
};

struct WrapupCode {
    std::string code;
    std::string category;
    std::string labelKo;
    std::string labelEn;
    std::string templateKo;
    std::string templateEn;
};

struct EvaluationScores {
    int greeting = 0;
    int attitude = 0;
    int handling = 0;
    int closing = 0;
    int empathy = 0;
};

struct Evaluation {
    std::string id;  // given by the store
    std::string callId;
    std::string agentId;
    std::string evaluatorId;
    EvaluationScores scores;
    std::string comment;
    TimePoint createdAt;
};

// A change to a customer (POST and PATCH /customers, the import), already validated
// (customer_validation.h). An unset member is left as it is; for the members that can be
// cleared, a set-but-empty inner optional clears the stored value.
struct CustomerChange {
    std::optional<std::string> name;
    std::optional<std::optional<std::string>> nameEn;
    std::optional<std::optional<std::string>> email;
    std::optional<std::optional<std::string>> birthDate;
    std::optional<std::optional<std::string>> gender;
    std::optional<std::string> grade;
    std::optional<std::optional<std::string>> address;
    std::optional<std::string> preferredLang;
    std::optional<bool> vip;
    std::optional<Consents> consents;                  // merged into the stored consents
    std::optional<std::vector<CustomerPhone>> phones;  // replaces them (ids are ignored)
};

// A customer of a data set (demo, training, benchmark), with the history it comes with.
struct CustomerSeed {
    struct PastContact {
        std::string id;
        std::string channel;
        std::string direction;
        std::string queue;
        TimePoint startedAt;
        int durationSec = 0;
        std::string reason;
        std::string wrapupCode;
        std::string agentName;
        std::string note;  // "" when the contact has no note
    };
    Customer customer;  // phones, consents and flags included; times are set on load
    std::vector<Product> products;
    std::vector<OpenCase> cases;
    std::vector<PastContact> history;
};

// What a demo reset or a first start loads. Customers (with their history, evaluations and
// call records) are replaced only when `customers` is set.
struct DataSet {
    std::vector<WrapupCode> wrapupCodes;
    std::optional<std::vector<CustomerSeed>> customers;
};

}  // namespace agentdesk::server
