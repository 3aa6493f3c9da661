#pragma once
// agentdesk-cli's commands. Each starts its work and ends the event loop with
// QCoreApplication::exit(code) when it is done.
#include "cli/cli_context.h"

namespace agentdesk::cli {

void runLogin(CliContext& ctx, crm::HttpTransport& transport);
void runLogout(CliContext& ctx, crm::HttpTransport& transport);
void runEvents(CliContext& ctx, crm::HttpTransport& transport);
void runState(CliContext& ctx, crm::HttpTransport& transport);
void runCall(CliContext& ctx, crm::HttpTransport& transport);
void runQueues(CliContext& ctx, crm::HttpTransport& transport);
void runCustomer(CliContext& ctx, crm::HttpTransport& transport);
void runKnowledge(CliContext& ctx, crm::HttpTransport& transport);
void runNote(CliContext& ctx, crm::HttpTransport& transport);
void runSimulateAgents(CliContext& ctx, crm::HttpTransport& transport);

}  // namespace agentdesk::cli
