// tel: links as the desktop hands them to `agentdesk` (app/tel_link.h) and the command line
// that carries them.
#include <catch2/catch.hpp>

#include <QStringList>

#include "app/command_line.h"
#include "app/tel_link.h"

using agentdesk::app::isTelLinkArgument;
using agentdesk::app::parseCommandLine;
using agentdesk::app::parseTelLink;

TEST_CASE("tel: links in the forms click-to-dial pages use give one E.164 number", "[tel]") {
    const struct {
        const char* uri;
        const char* e164;
    } cases[] = {
        {"tel:+82-2-1234-5678", "+82212345678"},
        {"tel:01012345678", "+821012345678"},
        {"tel:010-1234-5678", "+821012345678"},
        {"tel:010.1234.5678", "+821012345678"},
        {"tel:(02)555-1234", "+8225551234"},
        {"tel:+82.10.1234.5678", "+821012345678"},
        {"tel:010%201234%205678", "+821012345678"},  // an escaped space
        {"tel:1588-1234", "+8215881234"},
        {"tel:010-1234-5678;phone-context=+82", "+821012345678"},
        {"tel:02-555-1234;phone-context=example.co.kr", "+8225551234"},
        {"TEL:+821012345678", "+821012345678"},
        {"  tel:010-1234-5678  ", "+821012345678"},
    };
    for (const auto& c : cases) {
        INFO(c.uri);
        const auto link = parseTelLink(QString::fromLatin1(c.uri));
        CHECK(link.ok());
        CHECK(link.error.isEmpty());
        CHECK(link.e164 == QLatin1String(c.e164));
    }
}

TEST_CASE("tel: links that are not a Korean number to dial are refused with a reason", "[tel]") {
    for (const char* uri :
         {"tel:", "tel:;phone-context=+82", "tel:abc", "tel:010-1234", "tel:+1-415-555-0100",
          "tel:010-1234-5678;ext=12", "tel:02-555-1234;isub=1", "tel:5551234;phone-context=+1",
          "tel:010-1234-5678?x=1", "tel:010-1234-5678#here", "tel://01012345678", "tel:*123#",
          "sip:01012345678", "mailto:someone@example.com", "tel:010-1234-5678-9"}) {
        INFO(uri);
        const auto link = parseTelLink(QString::fromLatin1(uri));
        CHECK_FALSE(link.ok());
        CHECK_FALSE(link.error.isEmpty());
        CHECK(link.e164.isEmpty());
    }
    CHECK(parseTelLink(QStringLiteral("tel:010-1234-5678;ext=12")).error.contains("extension"));
    CHECK(parseTelLink(QStringLiteral("tel:+1-415-555-0100")).error.contains("Korean"));
}

TEST_CASE("The command line takes one tel: link and refuses a bad one", "[tel]") {
    CHECK(isTelLinkArgument(QStringLiteral("tel:1")));
    CHECK(isTelLinkArgument(QStringLiteral("Tel:1")));
    CHECK_FALSE(isTelLinkArgument(QStringLiteral("--tel")));

    auto cl = parseCommandLine({QStringLiteral("agentdesk"), QStringLiteral("--lang"),
                                QStringLiteral("en"), QStringLiteral("tel:+82-2-1234-5678")});
    CHECK(cl.error.isEmpty());
    CHECK(cl.telNumber == QLatin1String("+82212345678"));
    CHECK(cl.language == QLatin1String("en"));

    cl = parseCommandLine({QStringLiteral("agentdesk"), QStringLiteral("tel:12")});
    CHECK(cl.error.contains(QLatin1String("tel:12")));
    CHECK(cl.telNumber.isEmpty());

    cl = parseCommandLine({QStringLiteral("agentdesk"), QStringLiteral("tel:01012345678"),
                           QStringLiteral("tel:0212345678")});
    CHECK_FALSE(cl.error.isEmpty());

    cl = parseCommandLine({QStringLiteral("agentdesk")});
    CHECK(cl.error.isEmpty());
    CHECK(cl.telNumber.isEmpty());
}
