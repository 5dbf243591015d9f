// swift-tools-version:6.2
import PackageDescription

/// Every Refuge target is built in Swift 6 language mode with strict concurrency, and any warning
/// fails the build. Each target lists every module it imports. CI builds with
/// `--explicit-target-dependency-import-check error`, which fails the build when a target imports a
/// module outside its dependencies (a layer crossed); one reached only through a listed module it
/// lets pass, so listing direct imports is kept by review.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Refuge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "refuge", targets: ["refuge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: property tests of the merge of several devices' logs.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The system's SQLite, linked only by the benchmark (the peer Refuge is compared with).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A day without time or zone: the one date type of the forms and the case model.
        .target(name: "CalendarDay", swiftSettings: strict),
        // Every user-visible word: one gettext catalog per language, compiled into the binary.
        .target(name: "Wording", dependencies: ["CalendarDay"], exclude: ["Catalogs"], swiftSettings: strict, plugins: ["EmbedCatalogs"]),
        .executableTarget(name: "catalog-embedder", swiftSettings: strict),
        .plugin(name: "EmbedCatalogs", capability: .buildTool(), dependencies: ["catalog-embedder"]),
        .target(name: "Terminal", dependencies: ["CNcurses"], swiftSettings: strict),
        .target(name: "ScreenKit", dependencies: ["Terminal", "CalendarDay", "Wording"], swiftSettings: strict),
        .target(
            name: "EventLog",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Writing age v1 files (referral packets, identifiable exports); knows no cases.
        .target(
            name: "AgeEncryption",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "CaseModel",
            dependencies: [
                "CalendarDay", "Wording", "EventLog", "AgeEncryption",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RefugeApp",
            dependencies: [
                "Terminal", "ScreenKit", "Wording", "CaseModel", "EventLog", "AgeEncryption",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "refuge", dependencies: ["RefugeApp"], swiftSettings: strict),
        .executableTarget(name: "screenkit-gallery", dependencies: ["ScreenKit", "Terminal"], swiftSettings: strict),
        .executableTarget(name: "EventLogStress", dependencies: ["EventLog"], swiftSettings: strict),
        .executableTarget(
            name: "refuge-bench",
            dependencies: ["EventLog", "CaseModel", "ScreenKit", "Terminal", "RefugeApp", "CSQLite"],
            swiftSettings: strict
        ),

        .testTarget(name: "TerminalTests", dependencies: ["CNcurses", "Terminal"], swiftSettings: strict),
        .testTarget(name: "ScreenKitTests", dependencies: ["Terminal", "ScreenKit"], swiftSettings: strict),
        .testTarget(name: "WordingTests", dependencies: ["Wording", "CalendarDay"], swiftSettings: strict),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "EventLogStress", "RefugeTestSupport"], swiftSettings: strict),
        .testTarget(name: "AgeEncryptionTests", dependencies: ["AgeEncryption", "RefugeTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "CaseModelTests",
            dependencies: ["CaseModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        // Running built executables from tests: a subprocess runner, their location, tmux sessions.
        .target(name: "RefugeTestSupport", path: "Tests/RefugeTestSupport", swiftSettings: strict),
        .testTarget(
            name: "RefugeAppTests",
            dependencies: ["Terminal", "ScreenKit", "EventLog", "CaseModel", "RefugeApp", "RefugeTestSupport"],
            // Run by SyncthingEndToEndTests with bash, not compiled.
            exclude: ["Sync/syncthing-two-laptops.sh"],
            swiftSettings: strict
        ),
        // Runs the built `refuge-bench --smoke` (the dependency makes `swift test` build it).
        .testTarget(name: "BenchmarkTests", dependencies: ["refuge-bench", "RefugeTestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
