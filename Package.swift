// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every Swift target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SchoolWellbeingIndicators",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wellbeing", targets: ["wellbeing"]),
        .library(name: "WellbeingCore", targets: ["WellbeingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already built for HummingbirdTesting; the end-to-end test talks to the real server with it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Progress bars and terminal detection for the command line (ConsoleKitTerminal only).
        .package(url: "https://github.com/vapor/console-kit", from: "4.16.2"),
    ],
    targets: [
        // C libraries from Debian, each in its own module.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        // Debian's GLPK ships no .pc file; glpk.h is on the default include path.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The pure core: domain model, catalogue, scoring, aggregation,
        // statistics, suppression, table model. No files, sockets, XML or SQL.
        .target(name: "WellbeingCore", dependencies: ["CGSL"], swiftSettings: swiftSettings),

        // Shipped reference data (catalogue, LA lookup, policy) loaded into core values.
        .target(
            name: "WellbeingResources",
            dependencies: ["WellbeingCore"],
            resources: [.copy("Data")],
            swiftSettings: swiftSettings
        ),

        // libxml2 streaming reader → core events and diagnostics.
        .target(name: "WellbeingIngest", dependencies: ["WellbeingCore", "CLibXML2",
                                                        .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: swiftSettings),

        // The LP audit of disclosure control (GLPK) and the suppression it drives.
        .target(name: "WellbeingAudit", dependencies: ["WellbeingCore", "CGLPK"], swiftSettings: swiftSettings),

        // The store of accepted returns (SQLite through GRDB), pseudonymised at rest.
        .target(name: "WellbeingStorage", dependencies: ["WellbeingCore",
                                                         .product(name: "GRDB", package: "GRDB.swift"),
                                                         .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: swiftSettings),

        // Export folder writers (EES CSV and metadata, data package, JSON, XLSX, provenance, summaries, report cards).
        .target(name: "WellbeingExport", dependencies: ["WellbeingCore", "CZlib", "WellbeingReportCards"],
                swiftSettings: swiftSettings),

        // Report-card HTML pages for LAs and schools, served or written as static files.
        .target(
            name: "WellbeingReportCards",
            dependencies: ["WellbeingCore"],
            resources: [.copy("Styles")],
            swiftSettings: swiftSettings
        ),

        // Synthetic, seeded returns for demos, tests and benchmarks.
        .target(name: "WellbeingSynthetic", dependencies: ["WellbeingCore"], swiftSettings: swiftSettings),

        // The web service (Hummingbird): upload, read and export routes, roles, access logs.
        .target(
            name: "WellbeingServer",
            dependencies: [
                "WellbeingCore", "WellbeingIngest", "WellbeingStorage", "WellbeingExport", "WellbeingReportCards",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "wellbeing",
            dependencies: [
                "WellbeingCore", "WellbeingResources", "WellbeingIngest", "WellbeingExport", "WellbeingSynthetic",
                "WellbeingAudit", "WellbeingStorage", "WellbeingServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ConsoleKitTerminal", package: "console-kit"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "WellbeingCoreTests", dependencies: ["WellbeingCore", "WellbeingResources"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingResourcesTests", dependencies: ["WellbeingResources"], swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingIngestTests", dependencies: ["WellbeingIngest", "WellbeingResources"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingAuditTests", dependencies: ["WellbeingAudit", "WellbeingResources"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingStorageTests",
                    dependencies: ["WellbeingStorage", "WellbeingIngest", "WellbeingResources"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingExportTests", dependencies: ["WellbeingExport", "WellbeingIngest", "WellbeingResources"],
                    exclude: ["Checkers"], swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingSyntheticTests",
                    dependencies: ["WellbeingSynthetic", "WellbeingIngest", "WellbeingResources"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingReportCardsTests",
                    dependencies: ["WellbeingReportCards", "WellbeingSynthetic", "WellbeingIngest", "WellbeingResources"],
                    exclude: ["Browser"], swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingCLITests", dependencies: ["wellbeing"], exclude: ["Checkers"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WellbeingServerTests",
                    dependencies: ["WellbeingServer", "WellbeingResources", "WellbeingIngest", "WellbeingStorage", "wellbeing",
                                   "WellbeingAudit",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "AsyncHTTPClient", package: "async-http-client")],
                    swiftSettings: swiftSettings),
    ]
)
