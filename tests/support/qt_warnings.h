#pragma once
// GUI tests fail when Qt prints a warning: an ambiguous shortcut, a bad connect, a layout on a
// widget that has one, a style sheet that does not parse — each is a bug the user never sees
// as an error. installQtWarningGuard() (from the test main, after the log bridge) records every
// warning, critical and fatal message Qt emits; a Catch2 listener prints them after the test
// case that caused them, and qtWarningsFailedRun() makes the executable exit non-zero.
namespace agentdesk::test {

void installQtWarningGuard();
bool qtWarningsFailedRun();

}  // namespace agentdesk::test
