# CPack settings of the two Debian packages (included at the end of the top-level
# CMakeLists.txt, after every install() rule). `cpack -G DEB` in the build directory writes
# agentdesk_<version>_<arch>.deb, agentdesk-server_<version>_<arch>.deb and their -dbgsym
# packages (stripped binaries; the symbols go to the .ddeb files).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME agentdesk)
set(CPACK_PACKAGE_VENDOR "AgentDesk developers")
set(CPACK_PACKAGE_CONTACT "AgentDesk developers <dev@agentdesk.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES OFF)  # the -dbgsym step strips, after taking the symbols out
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL desktop server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_DEBIAN_DESKTOP_DEBUGINFO_PACKAGE ON)
set(CPACK_DEBIAN_SERVER_DEBUGINFO_PACKAGE ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME agentdesk)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION comm)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION
    "contact-center agent desktop with an embedded CRM
AgentDesk is the counselor's workstation of a contact center, Korean
first and English second: a softphone bar, the customer 360 that pops
while the phone rings, knowledge search and after-call notes that are
never lost. Team leads watch queues and agents live (listen, whisper,
barge, alerts); trainers run demo sessions with scripted calls.

Without a server configured it runs a demo contact center inside itself.
The package also holds agentdesk-cli, the same API from a terminal.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME agentdesk-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION comm)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "contact-center server for AgentDesk desktops
agentdesk-server is the backend AgentDesk desktops talk to over HTTP: an
ACD (queues, skills, routing, transfers, supervision, after-call work,
KPIs) for simulated or real SIP calls, the CRM store (customers,
history, notes, audit log), a Korean-aware knowledge base and a live
event stream.

It runs as the systemd service agentdesk-server under its own system
user, configured in /etc/agentdesk/server.conf, with its data in
/var/lib/agentdesk.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_LIST_DIR}/server/conffiles;${CMAKE_CURRENT_LIST_DIR}/server/postinst;${CMAKE_CURRENT_LIST_DIR}/server/prerm;${CMAKE_CURRENT_LIST_DIR}/server/postrm")

include(CPack)
