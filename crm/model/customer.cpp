#include "crm/model/customer.h"

#include <QJsonArray>

#include "crm/model/json_read.h"

namespace agentdesk::crm {

namespace {

QList<CustomerPhone> phonesFrom(const QJsonArray& a) {
    QList<CustomerPhone> out;
    for (const QJsonValue& v : a) {
        const QJsonObject p = v.toObject();
        out.append({json::str(p, "id"), json::str(p, "label"), json::str(p, "number"),
                    json::str(p, "e164"), json::boolean(p, "primary"), json::boolean(p, "masked")});
    }
    return out;
}

}  // namespace

Interaction Interaction::fromJson(const QJsonObject& o) {
    Interaction i;
    i.id = json::str(o, "id");
    i.callId = json::str(o, "callId");
    i.channel = json::str(o, "channel");
    i.direction = json::str(o, "direction");
    i.queue = json::str(o, "queue");
    i.reason = json::str(o, "reason");
    i.endReason = json::str(o, "endReason");
    i.wrapupCode = json::str(o, "wrapupCode");
    i.agentId = json::str(o, "agentId");
    i.agentName = json::str(o, "agentName");
    i.startedAt = json::time(o, "startedAt");
    i.durationSec = json::integer(o, "durationSec");
    for (const QJsonValue& v : json::array(o, "notes"))
        i.notes.append(Note::fromJson(v.toObject()));
    return i;
}

CustomerListItem CustomerListItem::fromJson(const QJsonObject& o) {
    CustomerListItem c;
    c.id = json::str(o, "id");
    c.customerNo = json::str(o, "customerNo");
    c.name = json::str(o, "name");
    c.nameEn = json::str(o, "nameEn");
    c.email = json::str(o, "email");
    c.grade = json::str(o, "grade");
    c.lastContactReason = json::str(o, "lastContactReason");
    c.vip = json::boolean(o, "vip");
    c.abusiveHistory = json::boolean(o, "abusiveHistory");
    c.phones = phonesFrom(json::array(o, "phones"));
    return c;
}

Customer360 Customer360::fromJson(const QJsonObject& o) {
    Customer360 v;
    const QJsonObject c = json::object(o, "customer");
    CustomerProfile& p = v.customer;
    p.id = json::str(c, "id");
    p.customerNo = json::str(c, "customerNo");
    p.name = json::str(c, "name");
    p.nameEn = json::str(c, "nameEn");
    p.email = json::str(c, "email");
    p.birthDate = json::str(c, "birthDate");
    p.residentNumber = json::str(c, "residentNumber");
    p.gender = json::str(c, "gender");
    p.grade = json::str(c, "grade");
    p.address = json::str(c, "address");
    p.preferredLang = json::str(c, "preferredLang");
    p.phones = phonesFrom(json::array(c, "phones"));
    p.createdAt = json::time(c, "createdAt");
    p.updatedAt = json::time(c, "updatedAt");

    const QJsonObject flags = json::object(o, "flags");
    v.vip = json::boolean(flags, "vip");
    v.abusiveHistory = json::boolean(flags, "abusiveHistory");
    v.abusiveCount = json::integer(flags, "abusiveCount");
    const QJsonObject consents = json::object(o, "consents");
    for (auto it = consents.begin(); it != consents.end(); ++it)
        v.consents.insert(it.key(), it.value().toBool());
    for (const QJsonValue& pv : json::array(o, "products")) {
        const QJsonObject x = pv.toObject();
        v.products.append({json::str(x, "id"), json::str(x, "kind"), json::str(x, "name"),
                           json::str(x, "number"), json::str(x, "status"),
                           json::str(x, "startedAt"),
                           static_cast<qint64>(json::number(x, "monthlyFee"))});
    }
    for (const QJsonValue& cv : json::array(o, "openCases")) {
        const QJsonObject x = cv.toObject();
        v.openCases.append({json::str(x, "id"), json::str(x, "title"), json::str(x, "status"),
                            json::str(x, "priority"), json::str(x, "queue"),
                            json::time(x, "openedAt"), json::time(x, "updatedAt")});
    }
    for (const QJsonValue& iv : json::array(o, "interactions"))
        v.interactions.append(Interaction::fromJson(iv.toObject()));
    v.hasMoreInteractions = json::boolean(o, "hasMoreInteractions");
    v.lastContactReason = json::str(o, "lastContactReason");
    return v;
}

bool CustomerDraft::isEmpty() const {
    for (const DraftText* t : {&name, &nameEn, &email, &birthDate, &address, &preferredLang}) {
        if (!t->omitted())
            return false;
    }
    return !phones.has_value();
}

QJsonObject CustomerDraft::toJson() const {
    QJsonObject out;
    auto put = [&out](const char* key, const DraftText& t) {
        if (t.state == DraftText::State::Value)
            out.insert(QLatin1String(key), t.value);
        else if (t.state == DraftText::State::Cleared)
            out.insert(QLatin1String(key), QJsonValue::Null);
    };
    put("name", name);
    put("nameEn", nameEn);
    put("email", email);
    put("birthDate", birthDate);
    put("address", address);
    put("preferredLang", preferredLang);
    if (phones) {
        QJsonArray list;
        for (const CustomerPhoneDraft& ph : *phones) {
            QJsonObject p{{QStringLiteral("number"), ph.number},
                          {QStringLiteral("label"), ph.label}};
            if (ph.primary)
                p.insert(QStringLiteral("primary"), true);
            list.append(p);
        }
        out.insert(QStringLiteral("phones"), list);
    }
    return out;
}

}  // namespace agentdesk::crm
