import Crypto
import Foundation

/// Turns pupil identifiers into keyed hashes (HMAC-SHA-256), the only form they take at rest.
///
/// The same identifier always gives the same 32 bytes under one installation's
/// secret, so duplicates across returns can still be found, but without the
/// secret the hashes cannot be reversed by trying every possible UPN. UPNs and
/// pupil refs are hashed under separate keys derived from the secret, so a ref
/// that happens to look like a UPN is not linked to it.
struct PupilPseudonymiser: Sendable {
    private let refKey: [UInt8]
    private let upnKey: [UInt8]
    /// Identifies the secret without revealing it, so a store can tell it was given the wrong one.
    let fingerprint: String

    init(secret: InstallationSecret) {
        func derived(_ purpose: String) -> [UInt8] {
            Array(HMAC<SHA256>.authenticationCode(for: Array(purpose.utf8), using: SymmetricKey(data: secret.bytes)))
        }
        refKey = derived("wellbeing pupil ref v1")
        upnKey = derived("wellbeing upn v1")
        fingerprint = derived("wellbeing secret fingerprint v1").map { String(format: "%02x", $0) }.joined()
    }

    /// A hasher for one thread's use, its HMAC states keyed once so that each hash costs only its own blocks.
    func hasher() -> Hasher {
        Hasher(ref: HMAC(key: SymmetricKey(data: refKey)), upn: HMAC(key: SymmetricKey(data: upnKey)))
    }

    /// Hashes identifiers under a pseudonymiser's keys.
    struct Hasher {
        fileprivate let ref: HMAC<SHA256>
        fileprivate let upn: HMAC<SHA256>

        /// The keyed hash of a pupil's `ref`.
        func ref(_ ref: String) -> HashedAuthenticationCode<SHA256> {
            Self.hash(ref, with: self.ref)
        }

        /// The keyed hash of a UPN.
        func upn(_ upn: String) -> HashedAuthenticationCode<SHA256> {
            Self.hash(upn, with: self.upn)
        }

        private static func hash(_ text: String, with state: HMAC<SHA256>) -> HashedAuthenticationCode<SHA256> {
            var mac = state
            var text = text
            text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
            return mac.finalize()
        }
    }
}
