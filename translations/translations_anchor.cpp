// The translations library holds only the compiled .qm resources; this file gives it a source.
namespace agentdesk::translations {
int anchor() {
    return 0;
}
}  // namespace agentdesk::translations
