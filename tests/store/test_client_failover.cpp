// The client core with the addresses of two nodes (one PostgreSQL, one nats-server): when the
// node it talks to stops answering, requests and the event stream move to the other node, with
// the same token (no new login) and the event stream resumed from its last id (no resync, no
// event missed).
#include <catch2/catch.hpp>

#include <optional>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/net/http_transport.h"
#include "tests/support/nats_server.h"
#include "tests/support/pg_cluster.h"
#include "tests/support/qt_wait.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

using namespace agentdesk::crm;
using namespace agentdesk::test;
using nlohmann::json;

TEST_CASE("client failover: the API and the event stream move to the next node",
          "[store][nats][client]") {
    TempDir dir("agentdesk-failover");
    NatsServer nats;
    TestServerOptions options = onNewPgDatabase(dir);
    options.eventsUrl = nats.url();
    options.nodeName = "node-a";
    TestServer a(options);
    options.nodeName = "node-b";
    TestServer b(options);

    HttpTransport transport;
    const QString list = QString::fromStdString(a.url() + "/api/v1," + b.url() + "/api/v1");
    ApiClient api(transport, list);
    QObject context;
    std::optional<ApiError> loggedIn;
    api.login(&context, QStringLiteral("counselor1"), QStringLiteral("demo"),
              [&](const LoginResult& r, const ApiError& e) {
                  if (!e)
                      api.setToken(r.token);
                  loggedIn = e;
              });
    REQUIRE(waitUntilMs([&] { return loggedIn.has_value(); }, 10000));
    REQUIRE(loggedIn->ok());
    CHECK(api.baseUrl().toStdString() == a.url() + "/api/v1");
    QStringList changes;
    QObject::connect(&api, &ApiClient::serverChanged,
                     [&](const QString& url) { changes.append(url); });

    EventStream stream(api);
    QList<StreamEvent> events;
    int snapshots = 0;
    QObject::connect(&stream, &EventStream::eventReceived,
                     [&](const StreamEvent& e) { events.append(e); });
    QObject::connect(&stream, &EventStream::snapshotReceived, [&] { ++snapshots; });
    stream.start();
    REQUIRE(waitUntilMs([&] { return stream.status() == ConnectionStatus::Connected; }, 10000));
    REQUIRE(waitUntilMs([&] { return snapshots == 1; }, 10000));

    HttpClient writer = b.client();  // another desktop of the same counselor, on node B
    writer.setToken(api.token().toStdString());
    const auto save = [&](const std::string& key, const std::string& text) {
        return writer
            .post("/api/v1/notes", {{"idempotencyKey", key},
                                    {"customerId", "C00001"},
                                    {"wrapupCode", "CARD_LOST"},
                                    {"text", text}})
            .status;
    };
    const auto noteSeen = [&](const QString& text) {
        for (const auto& e : events) {
            if (e.type == QLatin1String("note.saved") &&
                e.data.value(QLatin1String("note")).toObject().value(QLatin1String("text")) == text)
                return true;
        }
        return false;
    };
    REQUIRE(save("f-1", "노드 A에서 받음") == 201);
    REQUIRE(waitUntilMs([&] { return noteSeen(QStringLiteral("노드 A에서 받음")); }, 10000));

    // Node A stops answering. A note saved meanwhile on node B reaches the stream there.
    a.stopListening();
    REQUIRE(save("f-2", "노드 B에서 받음") == 201);
    REQUIRE(waitUntilMs([&] { return noteSeen(QStringLiteral("노드 B에서 받음")); }, 15000));
    CHECK(api.baseUrl().toStdString() == b.url() + "/api/v1");
    CHECK(changes == QStringList{QString::fromStdString(b.url() + "/api/v1")});
    CHECK(stream.stats().resyncs == 0);  // resumed by id on the other node
    CHECK(snapshots == 1);
    CHECK(stream.status() == ConnectionStatus::Connected);

    // The same token works on node B: no new login.
    std::optional<ApiError> me;
    api.me(&context, [&](const Agent&, const ApiError& e) { me = e; });
    REQUIRE(waitUntilMs([&] { return me.has_value(); }, 10000));
    CHECK(me->ok());
    stream.stop();
}
