#pragma once
// The customer 360 view (docs/api.md 7.2) and customer list items (7.1). Personal data arrives
// already masked by the server for the viewer's role.
#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include "crm/model/note.h"

namespace agentdesk::crm {

struct CustomerPhone {
    QString id, label, number, e164;
    bool primary = false;
    bool masked = false;
};

struct Product {
    QString id, kind, name, number, status, startedAt;
    qint64 monthlyFee = 0;
};

struct CustomerCase {
    QString id, title, status, priority, queue;
    QDateTime openedAt, updatedAt;
};

struct Interaction {
    QString id, callId, channel, direction, queue, reason, endReason, wrapupCode, agentId,
        agentName;
    QDateTime startedAt;
    int durationSec = 0;
    QList<Note> notes;
    static Interaction fromJson(const QJsonObject& o);
};

struct CustomerProfile {
    QString id, customerNo, name, nameEn, email, birthDate, residentNumber, gender, grade, address,
        preferredLang;
    QList<CustomerPhone> phones;
    QDateTime createdAt, updatedAt;
};

struct CustomerListItem {
    QString id, customerNo, name, nameEn, email, grade, lastContactReason;
    bool vip = false;
    bool abusiveHistory = false;
    QList<CustomerPhone> phones;
    static CustomerListItem fromJson(const QJsonObject& o);
};

struct Customer360 {
    CustomerProfile customer;
    bool vip = false;
    bool abusiveHistory = false;
    int abusiveCount = 0;
    QMap<QString, bool> consents;
    QList<Product> products;
    QList<CustomerCase> openCases;
    QList<Interaction> interactions;
    bool hasMoreInteractions = false;
    QString lastContactReason;

    static Customer360 fromJson(const QJsonObject& o);
};

// One text field of a CustomerDraft: left out, sent with a value, or cleared (sent as null; an
// edit of an optional field only).
struct DraftText {
    enum class State { Omitted, Value, Cleared };
    State state = State::Omitted;
    QString value;

    static DraftText of(const QString& value) { return {State::Value, value}; }
    static DraftText cleared() { return {State::Cleared, {}}; }
    bool omitted() const { return state == State::Omitted; }
};

struct CustomerPhoneDraft {
    QString number;        // as typed; the server normalises it
    QString label;         // "mobile", "home", "work", "other"
    bool primary = false;  // sent only when true
};

// The body of POST /customers (everything filled in) and PATCH /customers/{id} (only what
// changed), docs/api.md 7.3. Omitted fields are not sent; phones, when sent, replace the list.
struct CustomerDraft {
    DraftText name, nameEn, email, birthDate, address, preferredLang;
    std::optional<QList<CustomerPhoneDraft>> phones;  // nullopt: not sent

    bool isEmpty() const;
    // For ApiClient only.
    QJsonObject toJson() const;
};

}  // namespace agentdesk::crm
