// EventHub's delivery by audience: the indexed fan-out sends each event to exactly the streams
// the visibility rule allows (EventHub::visible, which the replay uses), streams leave the
// indexes when they close, and a user's oldest streams close beyond the limit.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/events/event_hub.h"
#include "tests/support/held_event_stream.h"

using namespace agentdesk::server;

namespace {

struct Opened {
    Subscriber who;
    std::shared_ptr<agentdesk::test::HeldEventStream> stream;
};

Opened open(EventHub& hub, Subscriber who) {
    auto stream = std::make_shared<agentdesk::test::HeldEventStream>("probe");
    hub.subscribe(who, stream, std::nullopt, [] { return nlohmann::json::object(); });
    return {std::move(who), stream};
}

}  // namespace

TEST_CASE("Each event reaches exactly the streams its audience allows", "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{3, 1 << 20});
    std::vector<Opened> streams;
    streams.push_back(open(hub, {"U-lead1", true, {}, "t-lead"}));
    streams.push_back(open(hub, {"U-lead1", true, {}, "t-lead"}));  // a second desktop
    streams.push_back(open(hub, {"U-a1", false, {"general", "card"}, "t-a1"}));
    streams.push_back(open(hub, {"U-a2", false, {"general"}, "t-a2"}));
    streams.push_back(open(hub, {"U-a2", false, {"general"}, "t-a2"}));
    streams.push_back(open(hub, {"U-a3", false, {"loan"}, "t-a3"}));
    streams.push_back(open(hub, {"U-a4", false, {}, "t-a4"}));

    const std::vector<Audience> audiences{Audience::everyone(),       Audience::agent("U-a1"),
                                          Audience::agent("U-lead1"), Audience::agentOnly("U-a2"),
                                          Audience::agentOnly("U-x"), Audience::supervisors(),
                                          Audience::skill("general"), Audience::skill("loan"),
                                          Audience::skill("none"),    Audience::agent("U-a2")};
    for (const auto& audience : audiences) {
        for (auto& s : streams)
            s.stream->counted = 0;
        hub.publish("probe", nlohmann::json::object(), audience);
        for (std::size_t i = 0; i < streams.size(); ++i) {
            INFO("audience kind " << static_cast<int>(audience.kind) << " '" << audience.id
                                  << "', stream " << i << " of " << streams[i].who.agentId);
            CHECK(streams[i].stream->counted ==
                  (EventHub::visible(streams[i].who, audience) ? 1 : 0));
        }
    }
}

TEST_CASE("A closed stream gets nothing more and a user's oldest streams close past the limit",
          "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{2, 1 << 20});
    auto first = open(hub, {"U-a1", false, {"general"}, "t1"});
    auto second = open(hub, {"U-a1", false, {"general"}, "t1"});
    auto other = open(hub, {"U-a2", false, {"general"}, "t2"});
    CHECK(hub.streamCount() == 3);
    auto third = open(hub, {"U-a1", false, {"general"}, "t1"});  // over 2 for U-a1
    CHECK_FALSE(first.stream->isOpen());
    CHECK(second.stream->isOpen());
    CHECK(third.stream->isOpen());
    CHECK(hub.streamCount() == 3);

    hub.publish("probe", nlohmann::json::object(), Audience::skill("general"));
    CHECK(first.stream->counted == 0);
    CHECK(second.stream->counted == 1);
    CHECK(third.stream->counted == 1);
    CHECK(other.stream->counted == 1);

    other.stream->close();
    hub.publish("probe", nlohmann::json::object(), Audience::agent("U-a2"));
    CHECK(other.stream->counted == 1);
    CHECK(hub.streamCount() == 2);

    CHECK(hub.hasStreamOfToken("t1"));
    CHECK_FALSE(hub.hasStreamOfToken("t2"));  // its one stream closed
    CHECK_FALSE(hub.hasStreamOfToken("t-unknown"));
    hub.closeStreamsOfToken("t1");
    CHECK(hub.streamCount() == 0);
    CHECK_FALSE(hub.hasStreamOfToken("t1"));
    hub.publish("probe", nlohmann::json::object(), Audience::everyone());
    CHECK(second.stream->counted == 1);
}

TEST_CASE("A stream that closed before it was attached leaves nothing behind", "[unit][sse]") {
    EventHub hub(0, 64, StreamLimits{4, 1 << 20});
    auto stream = std::make_shared<agentdesk::test::HeldEventStream>("probe");
    stream->close();  // the client left while the snapshot was being made
    hub.subscribe({"U-a1", false, {"general"}, "t1"}, stream, std::nullopt,
                  [] { return nlohmann::json::object(); });
    CHECK(hub.streamCount() == 0);
    CHECK_FALSE(hub.hasStreamOfToken("t1"));
    hub.publish("probe", nlohmann::json::object(), Audience::skill("general"));
    CHECK(stream->counted == 0);
}
