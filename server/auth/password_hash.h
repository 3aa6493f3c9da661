#pragma once
// Password hashing with libsodium's crypto_pwhash_str (Argon2id). Slow on purpose: call it off
// the I/O thread.
#include <string>

namespace agentdesk::server {

// Throws std::runtime_error if libsodium cannot be initialised or runs out of memory.
std::string hashPassword(const std::string& password);
bool verifyPassword(const std::string& hash, const std::string& password);
// 32 random bytes from the CSPRNG, hex-encoded.
std::string randomToken();
// What the database keeps of a bearer token: its SHA-256, hex-encoded. A token is 256 random
// bits, so a fast hash is enough; whoever reads the database cannot use what is stored there.
std::string tokenHash(const std::string& token);

}  // namespace agentdesk::server
