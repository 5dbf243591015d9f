/// Overwrites secret bytes before their memory is released.
///
/// Swift gives no guarantee that no copy was made earlier (strings in particular cannot be wiped),
/// so this is a best effort for the buffers EventLog itself owns: derived keys, unwrapped data keys
/// and passphrase bytes. `SymmetricKey` wipes its own storage when released.
func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        // Volatile-style loop the optimizer may not elide: the pointer escapes to an opaque call.
        memsetSecure(base, buffer.count)
    }
    bytes.removeAll()
}

@inline(never)
private func memsetSecure(_ pointer: UnsafeMutableRawPointer, _ count: Int) {
    for index in 0..<count { pointer.storeBytes(of: 0, toByteOffset: index, as: UInt8.self) }
    withExtendedLifetime(pointer) {}
}
