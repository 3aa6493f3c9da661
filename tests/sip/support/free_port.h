#pragma once
// Free 127.0.0.1 ports for SIP test processes, never handed out twice by one test process.

namespace agentdesk::siptest {

// One port free for both UDP and TCP on 127.0.0.1 right now.
int freePort();

// `count` consecutive ports, each free for UDP and TCP: baresip's SIP port needs port+1 for
// its TLS listener, SIPp's media port needs mediaPort+2 for the video echo socket.
int freePortBlock(int count);

}  // namespace agentdesk::siptest
