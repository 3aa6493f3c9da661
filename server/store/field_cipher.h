#pragma once
// Encryption at rest for the most sensitive customer fields (resident registration numbers):
// libsodium secretbox (XSalsa20-Poly1305) with a 32-byte key kept in a file of its own.
//
// A sealed value is "sb1:" + base64(nonce || ciphertext); every value gets a fresh random
// nonce, so equal numbers do not look equal in the database.
#include <optional>
#include <string>
#include <string_view>

namespace agentdesk::server {

class FieldCipher {
public:
    // Reads the key file, or creates it (0600, random key) when it does not exist. Throws
    // std::runtime_error with a message for the administrator when the file is not a key (wrong
    // size) or is readable by others.
    static FieldCipher fromKeyFile(const std::string& path);
    // The key of a database: `keyFile` when given, else server.key beside the database (created
    // on first start); a database in memory gets an ephemeral key.
    static FieldCipher forDatabase(const std::string& keyFile, const std::string& dbPath);
    // A random key that lives only in this process: for databases that live only in memory.
    static FieldCipher ephemeral();

    std::string seal(std::string_view plain) const;
    // nullopt when the value was not sealed with this key or was altered.
    std::optional<std::string> open(std::string_view sealed) const;
    static bool isSealed(std::string_view value);

private:
    FieldCipher();
    std::string key_;  // crypto_secretbox_KEYBYTES bytes
};

}  // namespace agentdesk::server
