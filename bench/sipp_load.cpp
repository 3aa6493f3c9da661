// SIPp callers and echoing agents for bench_sip_capacity (see sipp_load.h).
//
// SIPp 3.6.1 facts this relies on: without -bind_local a UAS listens on 0.0.0.0, and the
// control socket binds 0.0.0.0:8888+ unless -ci/-cp say otherwise, so both are always set.
// Every SIPp binds its media socket (and +2) even when the scenario has no media; -rtp_echo
// echoes on that one socket for all calls, from one blocking recvfrom/sendto thread. SIGTERM
// makes SIPp exit at once.
#include "bench/sipp_load.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace agentdesk::bench {

namespace {

// The caller: INVITE with PCMA on the bench's socket for this call (field1), ACK, then hold the
// call until the engine's BYE. No media of its own.
constexpr const char* kCallerScenario = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<!-- bench_sip_capacity caller: signalling only; the SDP names the bench's RTP socket. -->
<scenario name="capacity caller">
  <send retrans="500">
    <![CDATA[

      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "caller [field0]" <sip:c[field0]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:c[field0]@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [field1] RTP/AVP 8
      a=rtpmap:8 PCMA/8000
      a=sendrecv

    ]]>
  </send>

  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200" rrs="true"/>

  <send>
    <![CDATA[

      ACK [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "caller [field0]" <sip:c[field0]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:c[field0]@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>

  <recv request="BYE"/>

  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
</scenario>
)";

// The agent: answers with PCMA on SIPp's media port (echoed by -rtp_echo), waits for the BYE.
constexpr const char* kAgentScenario = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<!-- bench_sip_capacity agent: answers with PCMA on [media_port]; run with -rtp_echo. -->
<scenario name="capacity echoing agent">
  <recv request="INVITE" crlf="true"/>

  <send retrans="500">
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:agent@[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=agent 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 8
      a=rtpmap:8 PCMA/8000
      a=sendrecv

    ]]>
  </send>

  <recv request="ACK" crlf="true"/>

  <recv request="BYE"/>

  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
</scenario>
)";

std::mutex portsMutex;
std::set<int> handedOut;  // SIPp binds its ports a little later; never hand one out twice

// Binds UDP 127.0.0.1:port (0: any) and returns the bound port, or 0 when it is taken.
int tryBind(int port, int* fdOut) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return 0;
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    *fdOut = fd;
    return ntohs(a.sin_port);
}

std::vector<std::string> commonArgs(const std::filesystem::path& dir, const std::string& name,
                                    int sipPort, int mediaPort, int controlPort) {
    return {kSippBinary,   "-i",
            "127.0.0.1",   "-mi",
            "127.0.0.1",   "-bind_local",
            "-p",          std::to_string(sipPort),
            "-mp",         std::to_string(mediaPort),
            "-ci",         "127.0.0.1",
            "-cp",         std::to_string(controlPort),
            "-nostdin",    "-trace_err",
            "-error_file", (dir / (name + "_errors.log")).string()};
}

}  // namespace

int freeUdpPort() {
    std::lock_guard<std::mutex> lock(portsMutex);
    for (int attempt = 0; attempt < 100; ++attempt) {
        int fd = -1;
        const int port = tryBind(0, &fd);
        if (port == 0)
            break;
        ::close(fd);
        if (handedOut.insert(port).second)
            return port;
    }
    throw std::runtime_error("no free UDP port on 127.0.0.1");
}

int freeMediaPort() {
    std::lock_guard<std::mutex> lock(portsMutex);
    // Below the kernel's ephemeral range and the engine's RTP range (20000-29999).
    for (int port = 14000; port < 15998; port += 4) {
        if (handedOut.count(port) || handedOut.count(port + 2))
            continue;
        int a = -1;
        int b = -1;
        const bool free = tryBind(port, &a) != 0 && tryBind(port + 2, &b) != 0;
        if (a >= 0)
            ::close(a);
        if (b >= 0)
            ::close(b);
        if (free) {
            handedOut.insert(port);
            handedOut.insert(port + 2);
            return port;
        }
    }
    throw std::runtime_error("no free media port pair in 14000-15999");
}

void writeSippScenarios(const std::filesystem::path& dir) {
    std::ofstream(dir / "caller.xml") << kCallerScenario;
    std::ofstream(dir / "agent.xml") << kAgentScenario;
}

void writeCallerInjection(const std::filesystem::path& file, const std::vector<int>& ports) {
    std::ofstream out(file);
    out << "SEQUENTIAL\n";
    for (std::size_t i = 0; i < ports.size(); ++i)
        out << i << ';' << ports[i] << ";\n";
}

SippRun startSippCallers(const std::filesystem::path& dir, const std::string& target,
                         const std::filesystem::path& injection, int totalCalls, int limit,
                         double rate, int nice) {
    SippRun run;
    run.sipPort = freeUdpPort();
    run.controlPort = freeUdpPort();
    run.errorLog = dir / "callers_errors.log";
    std::vector<std::string> argv =
        commonArgs(dir, "callers", run.sipPort, freeMediaPort(), run.controlPort);
    char rateText[32];
    std::snprintf(rateText, sizeof rateText, "%g", rate);
    const std::vector<std::string> more = {target,
                                           "-sf",
                                           (dir / "caller.xml").string(),
                                           "-inf",
                                           injection.string(),
                                           "-s",
                                           "queue",
                                           "-m",
                                           std::to_string(totalCalls),
                                           "-l",
                                           std::to_string(limit),
                                           "-r",
                                           rateText,
                                           "-rp",
                                           "1000"};
    argv.insert(argv.end(), more.begin(), more.end());
    run.process = ChildProcess({argv, dir, {}, dir / "callers.stderr", false, nice});
    return run;
}

bool sippCommand(const SippRun& run, const std::string& command) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(run.controlPort));
    const std::string text = "c" + command;  // 'c': a command, not a key press
    const ssize_t n =
        ::sendto(fd, text.data(), text.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::close(fd);
    return n == static_cast<ssize_t>(text.size());
}

SippRun startSippAgents(const std::filesystem::path& dir, int mediaPort, int nice) {
    SippRun run;
    run.sipPort = freeUdpPort();
    run.errorLog = dir / "agents_errors.log";
    run.controlPort = freeUdpPort();
    std::vector<std::string> argv =
        commonArgs(dir, "agents", run.sipPort, mediaPort, run.controlPort);
    argv.insert(argv.end(), {"-sf", (dir / "agent.xml").string(), "-rtp_echo"});
    run.process = ChildProcess({argv, dir, {}, dir / "agents.stderr", false, nice});
    return run;
}

bool udpPortBound(int port) {
    std::ifstream in("/proc/net/udp");
    std::string line;
    std::getline(in, line);  // header
    char wanted[8];
    std::snprintf(wanted, sizeof wanted, ":%04X", port);
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string slot, local;
        fields >> slot >> local;
        if (local.size() >= 5 && local.compare(local.size() - 5, 5, wanted) == 0)
            return true;
    }
    return false;
}

std::string tailOfFile(const std::filesystem::path& file, std::size_t maxChars) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    return s.size() > maxChars ? "..." + s.substr(s.size() - maxChars) : s;
}

}  // namespace agentdesk::bench
