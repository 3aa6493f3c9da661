// Server addresses as the clients take them: one or several (the nodes of one center),
// normalised to .../api/v1, bad ones refused as a whole, plain http to another computer flagged.
#include <catch2/catch.hpp>

#include "crm/net/server_url.h"

using namespace agentdesk::crm;

TEST_CASE("One server address is normalised to its API base, or refused", "[unit][client]") {
    CHECK(normaliseServerUrl(QStringLiteral(" https://crm.example.kr/ ")) ==
          QStringLiteral("https://crm.example.kr/api/v1"));
    CHECK(normaliseServerUrl(QStringLiteral("http://10.0.0.5:8780/api/v1")) ==
          QStringLiteral("http://10.0.0.5:8780/api/v1"));
    CHECK(normaliseServerUrl(QStringLiteral("10.0.0.5:8780")).isEmpty());  // no scheme
    CHECK(normaliseServerUrl(QStringLiteral("10.0.0.5:8780"), true) ==
          QStringLiteral("http://10.0.0.5:8780/api/v1"));
    CHECK(normaliseServerUrl(QStringLiteral("ftp://crm.example.kr")).isEmpty());
    CHECK(normaliseServerUrl(QStringLiteral("https://")).isEmpty());
    CHECK(normaliseServerUrl(QString()).isEmpty());
}

TEST_CASE(
    "Several server addresses: each normalised, repeats dropped, one bad address refuses "
    "all",
    "[unit][client]") {
    CHECK(parseServerList(QStringLiteral("https://a.example.kr, https://b.example.kr:8443/")) ==
          QStringList{QStringLiteral("https://a.example.kr/api/v1"),
                      QStringLiteral("https://b.example.kr:8443/api/v1")});
    CHECK(parseServerList(QStringLiteral("https://a.example.kr,https://a.example.kr/api/v1")) ==
          QStringList{QStringLiteral("https://a.example.kr/api/v1")});
    CHECK(parseServerList(QStringLiteral("https://a.example.kr, nonsense")).isEmpty());
    CHECK(parseServerList(QStringLiteral("https://a.example.kr,")).isEmpty());  // an empty one
    CHECK(parseServerList(QStringLiteral("127.0.0.1:1,127.0.0.1:2"), true).size() == 2);
    CHECK(serverListForDisplay(QStringLiteral("https://a.kr/api/v1,https://b.kr/api/v1")) ==
          QStringLiteral("https://a.kr, https://b.kr"));
}

TEST_CASE("Plain http to another computer is flagged in any address of a list", "[unit][client]") {
    CHECK_FALSE(isPlainHttpToRemote(QStringLiteral("http://127.0.0.1:8780/api/v1")));
    CHECK(isPlainHttpToRemote(QStringLiteral("http://10.0.0.5:8780/api/v1")));
    CHECK(isPlainHttpToRemote(
        QStringLiteral("https://a.example.kr/api/v1,http://10.0.0.5:8780/api/v1")));
    CHECK_FALSE(isPlainHttpToRemote(
        QStringLiteral("https://a.example.kr/api/v1,http://localhost:8780/api/v1")));
}
