#include "server/calls/sip/registrar.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <ctime>

#include "common/logging.h"

namespace agentdesk::server::sip {

namespace {

constexpr std::uint32_t kDefaultExpires = 3600;
constexpr std::uint32_t kMinExpires = 10;
constexpr std::uint32_t kMaxExpires = 3600;
constexpr std::time_t kNonceLifetime = 300;

std::string hex(const std::uint8_t* d, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        s += digits[d[i] >> 4];
        s += digits[d[i] & 0xf];
    }
    return s;
}

// The first Contact of a REGISTER (its URI and its expires parameter, when present).
struct ContactInfo {
    bool present = false;
    bool wildcard = false;
    std::string uri;
    std::optional<std::uint32_t> expires;
};

ContactInfo firstContact(const sip_msg* msg) {
    ContactInfo info;
    const sip_hdr* hdr = sip_msg_hdr(msg, SIP_HDR_CONTACT);
    if (!hdr) {
        return info;
    }
    info.present = true;
    if (pl_strcmp(&hdr->val, "*") == 0) {
        info.wildcard = true;
        return info;
    }
    sip_addr addr{};
    if (sip_addr_decode(&addr, &hdr->val) != 0) {
        info.present = false;
        return info;
    }
    info.uri = plString(addr.auri);
    pl value{};
    if (msg_param_decode(&addr.params, "expires", &value) == 0) {
        info.expires = pl_u32(&value);
    }
    return info;
}

}  // namespace

Registrar::Registrar(::sip* stack, std::string realm, EngineCounters& counters, Changed changed)
    : sip_(stack), realm_(std::move(realm)), counters_(counters), changed_(std::move(changed)) {
    char buf[33] = {};
    rand_str(buf, sizeof(buf));
    secret_ = buf;
}

Registrar::~Registrar() {
    for (auto& [ext, b] : bindings_) {
        tmr_cancel(&b->timer);
    }
    counters_.registrations.store(0);
}

void Registrar::setAccounts(const std::vector<PhoneAccount>& accounts) {
    ha1_.clear();
    for (const auto& a : accounts) {
        std::array<std::uint8_t, MD5_SIZE> ha1{};
        if (!a.ha1.empty()) {
            if (a.ha1.size() != 2 * MD5_SIZE ||
                a.ha1.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
                logging::get("sip")->error(
                    "extension {}: the stored SIP credential is not an "
                    "MD5 HA1; the phone cannot register",
                    a.extension);
                continue;
            }
            for (std::size_t i = 0; i < MD5_SIZE; ++i)
                ha1[i] = static_cast<std::uint8_t>(std::stoi(a.ha1.substr(2 * i, 2), nullptr, 16));
        } else {
            md5_printf(ha1.data(), "%s:%s:%s", a.extension.c_str(), realm_.c_str(),
                       a.password.c_str());
        }
        ha1_[a.extension] = ha1;
    }
    std::vector<std::string> gone;
    for (const auto& [ext, b] : bindings_) {
        if (!ha1_.count(ext)) {
            gone.push_back(ext);
        }
    }
    for (const auto& ext : gone) {
        remove(ext, true);
    }
}

std::string Registrar::makeNonce() const {
    // Stateless nonce: issue time plus a keyed hash of it, so any REGISTER can be checked
    // without remembering challenges.
    const auto now = static_cast<std::uint64_t>(std::time(nullptr));
    char stamp[17];
    std::snprintf(stamp, sizeof(stamp), "%016" PRIx64, now);
    std::uint8_t digest[MD5_SIZE];
    md5_printf(digest, "%s:%s", stamp, secret_.c_str());
    return std::string(stamp) + hex(digest, 8);
}

bool Registrar::nonceFresh(const pl& nonce) const {
    if (nonce.l != 32) {
        return false;
    }
    const std::string stamp(nonce.p, 16);
    std::uint8_t digest[MD5_SIZE];
    md5_printf(digest, "%s:%s", stamp.c_str(), secret_.c_str());
    if (std::string(nonce.p + 16, 16) != hex(digest, 8)) {
        return false;
    }
    const auto issued = static_cast<std::time_t>(std::strtoull(stamp.c_str(), nullptr, 16));
    const std::time_t now = std::time(nullptr);
    return issued <= now && now - issued <= kNonceLifetime;
}

void Registrar::challenge(const sip_msg* msg, bool stale) {
    const std::string nonce = makeNonce();
    sip_treplyf(nullptr, nullptr, sip_, msg, false, 401, "Unauthorized",
                "WWW-Authenticate: Digest realm=\"%s\", nonce=\"%s\", qop=\"auth\", "
                "algorithm=MD5%s\r\n"
                "Content-Length: 0\r\n\r\n",
                realm_.c_str(), nonce.c_str(), stale ? ", stale=true" : "");
}

void Registrar::handle(const sip_msg* msg) {
    auto log = agentdesk::logging::get("sip");
    const sip_hdr* auth = sip_msg_hdr(msg, SIP_HDR_AUTHORIZATION);
    if (!auth) {
        challenge(msg, false);
        return;
    }
    httpauth_digest_resp resp{};
    if (httpauth_digest_response_decode(&resp, &auth->val) != 0) {
        sip_treply(nullptr, sip_, msg, 400, "Bad Authorization");
        return;
    }
    if (pl_strcmp(&resp.realm, realm_.c_str()) != 0) {
        challenge(msg, false);
        return;
    }
    if (!nonceFresh(resp.nonce)) {
        challenge(msg, true);
        return;
    }
    const std::string user = plString(resp.username);
    const std::string toUser = plString(msg->to.uri.user);
    const auto account = ha1_.find(user);
    bool ok = account != ha1_.end() && user == toUser;
    if (ok)
        ok = httpauth_digest_response_auth(&resp, &msg->met, account->second.data()) == 0;
    if (!ok) {
        log->warn("REGISTER for '{}' from {} refused (unknown extension or wrong password)", toUser,
                  saString(msg->src));
        sip_treply(nullptr, sip_, msg, 403, "Forbidden");
        return;
    }

    const ContactInfo contact = firstContact(msg);
    std::uint32_t expires = kDefaultExpires;
    if (contact.expires) {
        expires = *contact.expires;
    } else if (pl_isset(&msg->expires)) {
        expires = pl_u32(&msg->expires);
    }

    if (!contact.present) {
        // A query: answer with the current binding.
        const Binding* b = find(user);
        if (b) {
            const auto left = std::chrono::duration_cast<std::chrono::seconds>(
                                  b->expires - std::chrono::system_clock::now())
                                  .count();
            sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK",
                        "Contact: <%s>;expires=%lld\r\nContent-Length: 0\r\n\r\n",
                        b->contact.c_str(), static_cast<long long>(std::max<long long>(0, left)));
        } else {
            sip_treply(nullptr, sip_, msg, 200, "OK");
        }
        return;
    }
    if (expires == 0) {
        remove(user, true);
        sip_treply(nullptr, sip_, msg, 200, "OK");
        log->info("extension {} unregistered", user);
        return;
    }
    if (contact.wildcard) {
        sip_treply(nullptr, sip_, msg, 400, "Wildcard Contact Needs Expires 0");
        return;
    }
    expires = std::clamp(expires, kMinExpires, kMaxExpires);

    auto& slot = bindings_[user];
    const bool changed = !slot || slot->contact != contact.uri;
    if (!slot) {
        slot = std::make_unique<Binding>();
        tmr_init(&slot->timer);
        slot->owner = this;
        slot->extension = user;
    }
    Binding& b = *slot;
    b.contact = contact.uri;
    b.source = msg->src;
    const sip_hdr* ua = sip_msg_hdr(msg, SIP_HDR_USER_AGENT);
    b.userAgent = ua ? plString(ua->val) : std::string();
    b.expires = std::chrono::system_clock::now() + std::chrono::seconds(expires);
    tmr_start(&b.timer, static_cast<std::uint64_t>(expires) * 1000, &Registrar::onExpire, &b);
    counters_.registrations.store(bindings_.size());

    sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK",
                "Contact: <%s>;expires=%u\r\nContent-Length: 0\r\n\r\n", b.contact.c_str(),
                expires);
    if (changed) {
        log->info("extension {} registered at {} from {} ({})", user, b.contact, saString(b.source),
                  b.userAgent);
        publish(b, true);
    }
}

void Registrar::onExpire(void* arg) {
    auto* b = static_cast<Binding*>(arg);
    agentdesk::logging::get("sip")->info("registration of extension {} expired", b->extension);
    b->owner->remove(b->extension, true);  // destroys *b
}

void Registrar::remove(const std::string& extension, bool notify) {
    const auto it = bindings_.find(extension);
    if (it == bindings_.end()) {
        return;
    }
    std::unique_ptr<Binding> b = std::move(it->second);
    bindings_.erase(it);
    tmr_cancel(&b->timer);
    counters_.registrations.store(bindings_.size());
    if (notify) {
        publish(*b, false);
    }
}

void Registrar::publish(const Binding& b, bool registered) {
    Registration r;
    r.extension = b.extension;
    r.registered = registered;
    r.contact = b.contact;
    r.userAgent = b.userAgent;
    r.expires = registered ? b.expires : std::chrono::system_clock::now();
    changed_(r);
}

const Registrar::Binding* Registrar::find(const std::string& extension) const {
    const auto it = bindings_.find(extension);
    return it == bindings_.end() ? nullptr : it->second.get();
}

std::string Registrar::phoneFor(const sa& source, const std::string& fromUser) const {
    for (const auto& [ext, b] : bindings_) {
        if (sa_cmp(&b->source, &source, SA_ALL)) {
            return ext;
        }
    }
    const Binding* b = find(fromUser);
    if (b && sa_cmp(&b->source, &source, SA_ADDR)) {
        return fromUser;
    }
    return {};
}

}  // namespace agentdesk::server::sip
